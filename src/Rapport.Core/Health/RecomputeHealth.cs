using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Core.Businesses;
using Rapport.Core.Data;
using Rapport.Core.Scheduling;

namespace Rapport.Core.Health;

/// <summary>
/// Computes and stores the health of customers: one after an event touching it, every customer of the business at
/// night. Reads happen outside the write gate; each short chunk of writes passes it, so order intake never waits long.
/// </summary>
public static class RecomputeHealth
{
    public const int ChunkSize = 200;

    public sealed record Change(Guid CustomerId, HealthBand? Before, HealthResult After, bool Loyal, decimal ValueAtRisk);

    /// <summary>After an event touching the customer committed: its health, then any recovery task the event calls for.</summary>
    public static async Task AfterEventAsync(RapportDb db, Guid customerId, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var changes = await ForCustomersAsync(db, [customerId], now, ct);
        await RecoveryTasks.ForChangesAsync(db, changes, now, ct);
    }

    /// <summary>Every customer of the current business, in chunks; returns how many were computed.</summary>
    public static async Task<int> ForBusinessAsync(RapportDb db, WriteGate gate, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var done = 0;
        Guid? after = null;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var ids = await db.Customers.AsNoTracking().Where(c => after == null || c.Id.CompareTo(after.Value) > 0)
                .OrderBy(c => c.Id).Select(c => c.Id).Take(ChunkSize).ToListAsync(ct);
            if (ids.Count == 0) break;
            var changes = await ForCustomersAsync(db, ids, now, ct, gate);
            using (await gate.EnterAsync(db, ct)) await RecoveryTasks.ForChangesAsync(db, changes, now, ct);
            done += ids.Count;
            after = ids[^1];
            db.ChangeTracker.Clear();
        }
        return done;
    }

    /// <summary>Computes and stores the customers' health and today's point of their trend.</summary>
    public static async Task<IReadOnlyList<Change>> ForCustomersAsync(
        RapportDb db, IReadOnlyCollection<Guid> ids, DateTime now, CancellationToken ct, WriteGate? gate = null)
    {
        var settings = await HealthData.SettingsAsync(db, ct);
        var data = await HealthData.LoadAsync(db, ids, now, ct);
        var today = BusinessClock.Today(now, await db.TimeZoneAsync(ct));
        var results = data.ToDictionary(d => d.Key, d => HealthScore.Compute(d.Value.Inputs, settings.Weights));

        for (var attempt = 0; ; attempt++)
        {
            var stored = await db.CustomerHealth.Where(h => ids.Contains(h.CustomerId)).ToDictionaryAsync(h => h.CustomerId, ct);
            var days = await db.CustomerHealthDays.Where(d => ids.Contains(d.CustomerId) && d.Date == today).ToDictionaryAsync(d => d.CustomerId, ct);
            var changes = new List<Change>();
            foreach (var (id, result) in results)
            {
                var (_, value, loyal) = data[id];
                if (!stored.TryGetValue(id, out var row))
                    db.CustomerHealth.Add(row = new CustomerHealth { CustomerId = id });
                changes.Add(new Change(id, row.ComputedAt == default ? null : row.Band, result, loyal, value));
                row.Score = result.Score;
                row.Band = result.Band;
                row.Factors = [.. result.Factors];
                row.ComputedAt = now;
                row.ValueAtRisk = value;
                row.RiskRank = (long)Math.Round(value * 100);
                if (days.TryGetValue(id, out var day)) day.Score = result.Score;
                else db.CustomerHealthDays.Add(new CustomerHealthDay { CustomerId = id, Date = today, Score = result.Score });
            }
            try
            {
                using (gate is null ? default : await gate.EnterAsync(db, ct)) await db.SaveChangesAsync(ct);
                return changes;
            }
            // Another process stored the same customer's first score at the same time: read its row and write again.
            catch (DbUpdateException e) when (e.IsUniqueViolation() && attempt < 2)
            {
                db.ChangeTracker.Clear();
            }
        }
    }
}

/// <summary>Recomputes every customer's health each night, under the job lease.</summary>
public sealed class HealthJob : IScheduledJob
{
    public string Name => "health";
    public TimeSpan Every => TimeSpan.FromHours(24);

    public Task RunAsync(IServiceProvider services, CancellationToken ct) =>
        BusinessScopes.ForEachAsync(services, async (scope, _) =>
        {
            var db = scope.GetRequiredService<RapportDb>();
            var time = scope.GetRequiredService<TimeProvider>();
            await RecomputeHealth.ForBusinessAsync(db, scope.GetRequiredService<WriteGate>(), time, ct);
            await RecoveryTasks.EscalateOverdueAsync(db, time, ct);
        }, ct);
}
