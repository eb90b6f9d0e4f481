using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Core.Common;
using Rapport.Core.Data;

namespace Rapport.Core.Scheduling;

/// <summary>
/// One row per background job, shared by every Rapport process: whoever holds the lease runs the job,
/// and the next run time lives here so a run is not repeated by another process within the period.
/// </summary>
public sealed class JobLease
{
    public required string Name { get; set; }
    public string? Holder { get; set; }
    public DateTime LeasedUntil { get; set; }
    public DateTime NextRunAt { get; set; }
    public DateTime? LastRunAt { get; set; }
    public string? LastError { get; set; }
}

internal sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> b)
    {
        b.HasKey(x => x.Name);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Holder).HasMaxLength(200);
        b.Property(x => x.LastError).HasMaxLength(1000);
    }
}

public static class JobLeases
{
    /// <summary>
    /// Takes the job's lease when its run is due and nobody holds it, by one conditional statement, so two
    /// processes asking at once cannot both win. Through the write gate, as every write: on SQLite a burst of orders
    /// or an import then delays a job's lease instead of failing it with "database is locked".
    /// </summary>
    public static async Task<bool> TryAcquireAsync(RapportDb db, WriteGate gate, string job, string holder, TimeSpan leaseFor, TimeProvider time, CancellationToken ct)
    {
        using var _ = await gate.EnterAsync(db, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var before = await db.JobLeases.AsNoTracking().Where(l => l.Name == job)
            .Select(l => new { l.Holder, l.LeasedUntil, l.LastRunAt }).FirstOrDefaultAsync(ct);
        if (before is null)
        {
            db.JobLeases.Add(new JobLease { Name = job, NextRunAt = now, LeasedUntil = now });
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException e) when (e.IsUniqueViolation()) { }
            finally { db.ChangeTracker.Clear(); }
        }
        var until = now + leaseFor;
        var taken = await db.JobLeases
            .Where(l => l.Name == job && l.NextRunAt <= now && (l.LeasedUntil <= now || l.Holder == holder))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.LeasedUntil, until), ct);
        // A holder that gave the lease back ended it at its last run (or cleared it on shutdown); one that let it run
        // out did neither: it died or hung mid-run.
        if (taken == 1 && before is { Holder: { } previous } && previous != holder && before.LeasedUntil > (before.LastRunAt ?? DateTime.MinValue))
            RapportMetrics.LeaseTakenOver(job);
        return taken == 1;
    }

    /// <summary>
    /// Gives back every lease the holder has, on shutdown: a run cut short stays due, so another process takes it up
    /// at once instead of waiting for the lease to run out.
    /// </summary>
    public static async Task<int> ReleaseAllAsync(RapportDb db, WriteGate gate, string holder, TimeProvider time, CancellationToken ct)
    {
        using var _ = await gate.EnterAsync(db, ct);
        var now = time.GetUtcNow().UtcDateTime;
        return await db.JobLeases.Where(l => l.Holder == holder)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, (string?)null)
                .SetProperty(l => l.LeasedUntil, l => l.LeasedUntil > now ? now : l.LeasedUntil), ct);
    }

    /// <summary>Gives the lease back and sets the next run; only the holder can.</summary>
    public static async Task ReleaseAsync(RapportDb db, WriteGate gate, string job, string holder, DateTime nextRunAt, string? error, TimeProvider time, CancellationToken ct)
    {
        using var _ = await gate.EnterAsync(db, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var message = error is { Length: > 1000 } ? error[..1000] : error;
        await db.JobLeases.Where(l => l.Name == job && l.Holder == holder)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.LeasedUntil, now).SetProperty(l => l.NextRunAt, nextRunAt)
                .SetProperty(l => l.LastRunAt, now).SetProperty(l => l.LastError, message), ct);
    }
}
