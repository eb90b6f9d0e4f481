using Microsoft.EntityFrameworkCore;
using Rapport.Core.Customers;
using Rapport.Core.Data;
using Rapport.Core.Orders;
using Rapport.Core.Sales;

namespace Rapport.Core.Health;

/// <summary>Reads what the score needs about customers from the database, as plain data.</summary>
public static class HealthData
{
    /// <summary>The business's settings, or the defaults when the owner has changed nothing.</summary>
    public static async Task<HealthSettings> SettingsAsync(RapportDb db, CancellationToken ct) =>
        await db.HealthSettings.AsNoTracking().FirstOrDefaultAsync(ct) ?? new HealthSettings { BusinessId = db.CurrentBusinessId };

    /// <summary>Inputs for each of the customers, with their value at risk, read in a few set-based queries.</summary>
    public static async Task<Dictionary<Guid, (HealthInputs Inputs, decimal ValueAtRisk, bool Loyal)>> LoadAsync(
        RapportDb db, IReadOnlyCollection<Guid> customerIds, DateTime now, CancellationToken ct)
    {
        var since = now.AddDays(-HealthScore.WindowDays * 2);
        var customers = await db.Customers.AsNoTracking().Where(c => customerIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Kind, c.CustomerSince, c.LastActivityAt }).ToListAsync(ct);
        var contacts = (await db.Interactions.AsNoTracking()
            .Where(i => customerIds.Contains(i.CustomerId) && i.OccurredAt >= since && !i.Internal)
            .Select(i => new { i.CustomerId, i.Id, i.OccurredAt, i.Tone, i.Competitor, i.NeedsConfirmed }).ToListAsync(ct))
            .ToLookup(i => i.CustomerId, i => new HealthContact(i.Id, i.OccurredAt, i.Tone, i.Competitor, i.NeedsConfirmed));
        // Needs confirmed long ago still count: the latest such contact of any age.
        var confirmedByContact = (await db.Interactions.AsNoTracking()
            .Where(i => customerIds.Contains(i.CustomerId) && i.NeedsConfirmed && i.OccurredAt < since)
            .GroupBy(i => i.CustomerId).Select(g => new { g.Key, At = g.Max(i => i.OccurredAt) }).ToListAsync(ct))
            .ToDictionary(x => x.Key, x => x.At);
        var orders = (await db.Orders.AsNoTracking()
            .Where(o => customerIds.Contains(o.CustomerId) && o.PlacedAt >= since)
            .Select(o => new { o.CustomerId, o.Id, o.PlacedAt, o.Total, o.Status, o.DeliveredAt, o.PromisedBy }).ToListAsync(ct))
            .ToLookup(o => o.CustomerId, o => new HealthOrder(o.Id, o.PlacedAt, o.Total,
                Failed: o.Status == OrderStatus.Failed, CancelledByUs: o.Status == OrderStatus.Cancelled,
                Late: o.DeliveredAt is { } d && o.PromisedBy is { } by && d > by));
        var turned = (await db.TurnedAway.AsNoTracking().Where(t => customerIds.Contains(t.CustomerId) && t.At >= since)
            .Select(t => new { t.CustomerId, t.Id, t.At }).ToListAsync(ct)).ToLookup(t => t.CustomerId, t => (t.Id, t.At));
        var dealSince = now.AddDays(-180);
        var deals = (await db.Deals.AsNoTracking().Where(d => customerIds.Contains(d.CustomerId))
            .Select(d => new { d.CustomerId, d.Id, d.Stage, d.Competitors, d.Amount, d.UpdatedAt }).ToListAsync(ct))
            .Where(d => !d.Stage.Contains("lost", StringComparison.OrdinalIgnoreCase)).ToLookup(d => d.CustomerId);
        var stakeholders = (await db.Stakeholders.AsNoTracking().Where(s => customerIds.Contains(s.CustomerId))
            .Select(s => new { s.CustomerId, s.Role }).ToListAsync(ct)).ToLookup(s => s.CustomerId);
        var today = DateOnly.FromDateTime(now);
        var missed = (await db.DealMilestones.AsNoTracking().Where(m => m.CompletedAt == null && m.DueOn < today)
            .Join(db.Deals.Where(d => customerIds.Contains(d.CustomerId)), m => m.DealId, d => d.Id, (m, d) => new { d.CustomerId, m.Id })
            .ToListAsync(ct)).ToLookup(m => m.CustomerId, m => m.Id);
        var meetings = (await db.Meetings.AsNoTracking()
            .Where(m => customerIds.Contains(m.CustomerId) && m.Outcome == MeetingOutcome.Achieved && m.HeldAt != null
                && m.Objective == MeetingObjective.DiscoverNeeds)
            .GroupBy(m => m.CustomerId).Select(g => new { g.Key, At = g.Max(m => m.HeldAt) }).ToListAsync(ct))
            .ToDictionary(x => x.Key, x => x.At);
        var stored = await db.CustomerHealth.AsNoTracking().Where(h => customerIds.Contains(h.CustomerId))
            .Select(h => new { h.CustomerId, h.NeedsConfirmedAt }).ToDictionaryAsync(h => h.CustomerId, h => h.NeedsConfirmedAt, ct);

        var result = new Dictionary<Guid, (HealthInputs, decimal, bool)>();
        foreach (var c in customers)
        {
            var customerOrders = orders[c.Id].ToList();
            var openDeals = deals[c.Id].ToList();
            int? people = c.Kind == CustomerKind.Organization ? stakeholders[c.Id].Count() : null;
            var confirmed = Latest(stored.GetValueOrDefault(c.Id), meetings.GetValueOrDefault(c.Id), confirmedByContact.TryGetValue(c.Id, out var old) ? old : null);
            var inputs = new HealthInputs(now, [.. contacts[c.Id]], customerOrders, [.. turned[c.Id]],
                [.. openDeals.Where(d => d.UpdatedAt >= dealSince).Select(d => new HealthDeal(d.Id, d.Competitors))],
                people, stakeholders[c.Id].Any(s => s.Role == BuyingRole.DecisionMaker), confirmed, [.. missed[c.Id]],
                ActiveAccount: openDeals.Any(d => d.UpdatedAt >= now.AddDays(-365))
                    || (c.Kind == CustomerKind.Organization && c.LastActivityAt >= now.AddDays(-365)));
            var revenue = customerOrders.Where(o => !o.Failed && !o.CancelledByUs && o.PlacedAt >= now.AddDays(-365)).Sum(o => o.Total);
            var dealValue = openDeals.Where(d => d.UpdatedAt >= now.AddDays(-365)).Sum(d => d.Amount ?? 0);
            var loyal = Loyalty.Assess(c.CustomerSince, c.LastActivityAt, now).Tier == LoyaltyTier.Loyal;
            result[c.Id] = (inputs, Math.Max(revenue, dealValue), loyal);
        }
        return result;
    }

    private static DateTime? Latest(params DateTime?[] times) => times.Where(t => t is not null).Max();
}
