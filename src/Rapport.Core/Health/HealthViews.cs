using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Customers;
using Rapport.Core.Data;

namespace Rapport.Core.Health;

public sealed record HealthPoint(DateOnly Date, int Score);

/// <summary>A customer's health as its page and the API show it.</summary>
/// <param name="Complacency">The plain sentence when the needs are older than the limit, e.g. "Needs last confirmed 14 months ago — ask, don't assume".</param>
public sealed record CustomerHealthView(
    Guid CustomerId, int Score, HealthBand Band, IReadOnlyList<HealthFactor> Factors, IReadOnlyList<HealthPoint> History,
    DateTime? ComputedAt, Guid? AccountOwnerId, string? AccountOwnerName, DateTime? NeedsConfirmedAt, DateTime? LastAskedAt,
    string? Complacency);

/// <summary>One row of the "who is at risk" list.</summary>
public sealed record HealthRow(
    Guid CustomerId, string Name, CustomerKind Kind, int Score, HealthBand Band, decimal ValueAtRisk, string? Reason,
    Guid? AccountOwnerId, string? AccountOwnerName);

public sealed record HealthDrop(Guid CustomerId, string Name, int From, int To);

public sealed record HealthOverview(int Healthy, int Watch, int AtRisk, IReadOnlyList<HealthDrop> BiggestDrops);

public static class HealthViews
{
    public const int PageSize = 50;

    /// <summary>Just the badge: band and score, for lists and panels.</summary>
    public static async Task<Dictionary<Guid, (int Score, HealthBand Band)>> BadgesAsync(
        RapportDb db, Actor actor, IReadOnlyCollection<Guid> customerIds, CancellationToken ct)
    {
        if (!actor.Role.SeesHealth() || customerIds.Count == 0) return [];
        return await db.CustomerHealth.AsNoTracking().Where(h => customerIds.Contains(h.CustomerId))
            .ToDictionaryAsync(h => h.CustomerId, h => (h.Score, h.Band), ct);
    }

    public static async Task<Result<CustomerHealthView>> GetAsync(RapportDb db, Actor actor, Guid customerId, TimeProvider time, CancellationToken ct)
    {
        if (!actor.Role.SeesHealth()) return Failure.Forbidden("Drivers do not see the health of relationships.");
        if (!await db.VisibleTo(actor).AnyAsync(c => c.Id == customerId, ct)) return Failure.NotFound("Customer");
        var now = time.GetUtcNow().UtcDateTime;
        var settings = await HealthData.SettingsAsync(db, ct);
        var stored = await db.CustomerHealth.AsNoTracking().FirstOrDefaultAsync(h => h.CustomerId == customerId, ct);
        // Never computed yet (a customer made a moment ago): worked out now, stored by the next event or night.
        var data = (await HealthData.LoadAsync(db, [customerId], now, ct))[customerId];
        var result = stored is null ? HealthScore.Compute(data.Inputs, settings.Weights)
            : new HealthResult(stored.Score, stored.Band, stored.Factors);
        var from = DateOnly.FromDateTime(now.AddDays(-365));
        var history = await db.CustomerHealthDays.AsNoTracking().Where(d => d.CustomerId == customerId && d.Date >= from)
            .OrderBy(d => d.Date).Select(d => new HealthPoint(d.Date, d.Score)).ToListAsync(ct);
        var ownerId = stored?.AccountOwnerId ?? await RecoveryTasks.DefaultOwnerAsync(db, settings, ct);
        var ownerName = ownerId is null ? null
            : await db.Staff.AsNoTracking().Where(s => s.Id == ownerId && s.BusinessId == db.CurrentBusinessId).Select(s => s.DisplayName).FirstOrDefaultAsync(ct);
        var confirmed = HealthScore.NeedsConfirmedAt(data.Inputs);
        return new CustomerHealthView(customerId, result.Score, result.Band, result.Factors, history, stored?.ComputedAt,
            ownerId, ownerName, confirmed, stored?.LastAskedAt, ComplacencyMessage(data.Inputs, confirmed, settings.Weights.ComplacencyDays));
    }

    /// <summary>The sentence the customer page shows when the needs are older than the limit, for accounts (organisations) that bought in the last year.</summary>
    public static string? ComplacencyMessage(HealthInputs inputs, DateTime? confirmed, int limitDays)
    {
        if (inputs.Stakeholders is null || !HealthScore.BoughtThisYear(inputs)) return null;
        if (confirmed is null) return "Needs never confirmed — ask, don't assume";
        var days = (inputs.Now - confirmed.Value).TotalDays;
        return days > limitDays ? $"Needs last confirmed {HealthScore.Ago(days)} — ask, don't assume" : null;
    }

    public sealed record ListQuery(HealthBand? Band, Guid? OwnerId, string? Factor, CustomerKind? Kind, string? Cursor, int? Limit);

    /// <summary>Customers by value at risk, most first, filtered by band, account owner, factor and kind.</summary>
    public static async Task<Result<Page<HealthRow>>> ListAsync(RapportDb db, Actor actor, ListQuery q, CancellationToken ct)
    {
        if (!actor.Role.SeesHealth()) return Failure.Forbidden("Drivers do not see the health of relationships.");
        var limit = q.Limit ?? PageSize;
        var v = new Validator();
        if (limit is < 1 or > 200) v.Add("limit", "Between 1 and 200.");
        if (q.Factor is { } f && !HealthScore.Keys.All.Contains(f)) v.Add("factor", $"One of {string.Join(", ", HealthScore.Keys.All)}.");
        if (!Cursor.TryDecode(q.Cursor, out var cursor)
            || cursor is { } c0 && !long.TryParse(c0.Key, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
            v.Add("cursor", "Not a cursor this list gave.");
        if (!v.IsValid) return v.ToFailure();

        var settings = await HealthData.SettingsAsync(db, ct);
        var defaultOwner = await RecoveryTasks.DefaultOwnerAsync(db, settings, ct);
        var rows = db.CustomerHealth.AsNoTracking().Where(h => db.Customers.Any(c => c.Id == h.CustomerId));
        if (q.Band is { } band) rows = rows.Where(h => h.Band == band);
        if (q.OwnerId is { } owner)
            rows = owner == defaultOwner ? rows.Where(h => h.AccountOwnerId == owner || h.AccountOwnerId == null) : rows.Where(h => h.AccountOwnerId == owner);
        if (q.Kind is { } kind) rows = rows.Where(h => db.Customers.Any(c => c.Id == h.CustomerId && c.Kind == kind));
        if (cursor is { } c)
        {
            var rank = long.Parse(c.Key, CultureInfo.InvariantCulture);
            rows = rows.Where(h => h.RiskRank < rank || (h.RiskRank == rank && h.CustomerId.CompareTo(c.Id) > 0));
        }
        // The factor filter reads the explanation (JSON), so it is applied to each page read in order.
        var found = new List<CustomerHealth>();
        var batch = q.Factor is null ? limit + 1 : 500;
        var skip = 0;
        while (found.Count <= limit)
        {
            var page = await rows.OrderByDescending(h => h.RiskRank).ThenBy(h => h.CustomerId).Skip(skip).Take(batch).ToListAsync(ct);
            found.AddRange(q.Factor is null ? page : page.Where(h => h.Factors.Any(x => x.Key == q.Factor)));
            if (page.Count < batch) break;
            skip += batch;
        }
        var more = found.Count > limit;
        var shown = found.Take(limit).ToList();
        var ids = shown.Select(h => h.CustomerId).ToList();
        var customers = await db.Customers.AsNoTracking().Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => new { x.Name, x.Kind }, ct);
        var ownerIds = shown.Select(h => h.AccountOwnerId ?? defaultOwner).OfType<Guid>().Distinct().ToList();
        var names = await db.Staff.AsNoTracking().Where(s => ownerIds.Contains(s.Id) && s.BusinessId == db.CurrentBusinessId)
            .ToDictionaryAsync(s => s.Id, s => s.DisplayName, ct);
        var items = shown.Select(h =>
        {
            var worst = h.Factors.Where(x => x.Points < 0).OrderBy(x => x.Points).FirstOrDefault();
            var who = h.AccountOwnerId ?? defaultOwner;
            return new HealthRow(h.CustomerId, customers[h.CustomerId].Name, customers[h.CustomerId].Kind, h.Score, h.Band, h.ValueAtRisk,
                worst?.Detail, who, who is { } w ? names.GetValueOrDefault(w) : null);
        }).ToList();
        var next = more ? new Cursor(shown[^1].RiskRank.ToString(CultureInfo.InvariantCulture), shown[^1].CustomerId).Encode() : null;
        return new Page<HealthRow>(items, next);
    }

    /// <summary>How many customers are in each band, and this week's biggest drops.</summary>
    public static async Task<Result<HealthOverview>> OverviewAsync(RapportDb db, Actor actor, TimeProvider time, CancellationToken ct)
    {
        if (!actor.Role.SeesHealth()) return Failure.Forbidden("Drivers do not see the health of relationships.");
        var counts = await db.CustomerHealth.AsNoTracking().Where(h => db.Customers.Any(c => c.Id == h.CustomerId))
            .GroupBy(h => h.Band).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var today = await db.TodayAsync(time, ct);
        var weekAgo = today.AddDays(-7);
        var days = await db.CustomerHealthDays.AsNoTracking()
            .Where(d => d.Date >= weekAgo && db.Customers.Any(c => c.Id == d.CustomerId))
            .Select(d => new { d.CustomerId, d.Date, d.Score }).ToListAsync(ct);
        var drops = days.GroupBy(d => d.CustomerId)
            .Select(g => new { CustomerId = g.Key, First = g.MinBy(d => d.Date)!.Score, Last = g.MaxBy(d => d.Date)!.Score })
            .Where(x => x.Last < x.First).OrderBy(x => x.Last - x.First).ThenBy(x => x.CustomerId).Take(10).ToList();
        var ids = drops.Select(d => d.CustomerId).ToList();
        var names = await db.Customers.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        return new HealthOverview(counts.GetValueOrDefault(HealthBand.Healthy), counts.GetValueOrDefault(HealthBand.Watch),
            counts.GetValueOrDefault(HealthBand.AtRisk), [.. drops.Select(d => new HealthDrop(d.CustomerId, names[d.CustomerId], d.First, d.Last))]);
    }
}
