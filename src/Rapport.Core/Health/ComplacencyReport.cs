using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Data;

namespace Rapport.Core.Health;

public sealed record ComplacentAccount(Guid CustomerId, string Name, DateTime? NeedsConfirmedAt, string Message);

public sealed record ComplacencyGroup(Guid? AccountOwnerId, string? AccountOwnerName, IReadOnlyList<ComplacentAccount> Accounts);

/// <summary>
/// Accounts that bought in the last year whose needs were last confirmed longer ago than the business's limit (or
/// never), per account owner: where we have started assuming instead of asking.
/// </summary>
public static class ComplacencyReport
{
    public static async Task<Result<IReadOnlyList<ComplacencyGroup>>> HandleAsync(RapportDb db, Actor actor, TimeProvider time, CancellationToken ct)
    {
        if (!actor.Role.SeesHealth()) return Failure.Forbidden("Drivers do not see the health of relationships.");
        var now = time.GetUtcNow().UtcDateTime;
        var settings = await HealthData.SettingsAsync(db, ct);
        var defaultOwner = await RecoveryTasks.DefaultOwnerAsync(db, settings, ct);
        var yearAgo = now.AddDays(-365);
        var buyers = await db.Customers.AsNoTracking()
            .Where(c => db.Orders.Any(o => o.CustomerId == c.Id && o.PlacedAt >= yearAgo)
                || db.Deals.Any(d => d.CustomerId == c.Id && d.UpdatedAt >= yearAgo)
                || (c.Kind == Customers.CustomerKind.Organization && c.LastActivityAt >= yearAgo))
            .Select(c => c.Id).ToListAsync(ct);
        var accounts = new List<(Guid? Owner, ComplacentAccount Account)>();
        foreach (var chunk in buyers.Chunk(RecomputeHealth.ChunkSize))
        {
            var data = await HealthData.LoadAsync(db, chunk, now, ct);
            var owners = await db.CustomerHealth.AsNoTracking().Where(h => chunk.Contains(h.CustomerId))
                .ToDictionaryAsync(h => h.CustomerId, h => h.AccountOwnerId, ct);
            var names = await db.Customers.AsNoTracking().Where(c => chunk.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
            foreach (var (id, d) in data)
            {
                var confirmed = HealthScore.NeedsConfirmedAt(d.Inputs);
                if (HealthViews.ComplacencyMessage(d.Inputs, confirmed, settings.Weights.ComplacencyDays) is not { } message) continue;
                accounts.Add((owners.GetValueOrDefault(id) ?? defaultOwner, new ComplacentAccount(id, names[id], confirmed, message)));
            }
        }
        var ownerIds = accounts.Select(a => a.Owner).OfType<Guid>().Distinct().ToList();
        var staff = await db.Staff.AsNoTracking().Where(s => ownerIds.Contains(s.Id) && s.BusinessId == db.CurrentBusinessId)
            .ToDictionaryAsync(s => s.Id, s => s.DisplayName, ct);
        return accounts.GroupBy(a => a.Owner)
            .Select(g => new ComplacencyGroup(g.Key, g.Key is { } k ? staff.GetValueOrDefault(k) : null,
                [.. g.Select(a => a.Account).OrderBy(a => a.NeedsConfirmedAt ?? DateTime.MinValue).ThenBy(a => a.Name)]))
            .OrderByDescending(g => g.Accounts.Count).ToList();
    }
}
