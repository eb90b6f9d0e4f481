using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Core.Data;
using Rapport.Core.Scheduling;

namespace Rapport.Core.Businesses;

/// <summary>
/// One sign-in of a staff member: a browser's cookie or an API client's tokens. Kept on the server so that signing
/// out, a changed password or a deactivation refuses the cookie and the tokens on the next request, on every node.
/// Not under the tenancy filter, like the staff member it belongs to.
/// </summary>
public sealed class StaffSession
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid StaffId { get; init; }
    public DateTime StartedAt { get; init; }
    public DateTime? EndedAt { get; set; }
    /// <summary>The one refresh token of this session that may still be used; each use issues the next.</summary>
    public Guid RefreshId { get; set; } = Guid.NewGuid();
}

/// <summary>Starting, checking, rotating and ending staff sessions.</summary>
public static class StaffSessions
{
    /// <summary>The claim naming the session in the cookie and in both tokens.</summary>
    public const string SessionClaim = "rapport:session";
    /// <summary>The claim naming the refresh generation in the refresh token.</summary>
    public const string RefreshClaim = "rapport:refresh";

    public static async Task<StaffSession> StartAsync(RapportDb db, Guid staffId, TimeProvider time, CancellationToken ct)
    {
        var session = new StaffSession { StaffId = staffId, StartedAt = time.GetUtcNow().UtcDateTime };
        db.StaffSessions.Add(session);
        await db.SaveChangesAsync(ct);
        db.Entry(session).State = EntityState.Detached;
        return session;
    }

    /// <summary>However busy, a sign-in lasts at most this long: then the person signs in again, and the row can go.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(30);

    public static Task<bool> IsLiveAsync(RapportDb db, Guid sessionId, TimeProvider time, CancellationToken ct)
    {
        var oldest = time.GetUtcNow().UtcDateTime - MaxAge;
        return db.StaffSessions.AnyAsync(s => s.Id == sessionId && s.EndedAt == null && s.StartedAt > oldest, ct);
    }

    /// <summary>Removes sessions ended a day ago or more, and those past <see cref="MaxAge"/>; returns how many.</summary>
    public static Task<int> PurgeAsync(RapportDb db, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var ended = now.AddDays(-1);
        var oldest = now - MaxAge;
        return db.StaffSessions.Where(s => s.EndedAt < ended || s.StartedAt <= oldest).ExecuteDeleteAsync(ct);
    }

    public static Task<int> EndAsync(RapportDb db, Guid sessionId, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return db.StaffSessions.Where(s => s.Id == sessionId && s.EndedAt == null).ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, now), ct);
    }

    /// <summary>Ends every session of a person: a changed password, a deactivation, "sign out everywhere".</summary>
    public static Task<int> EndAllAsync(RapportDb db, Guid staffId, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return db.StaffSessions.Where(s => s.StaffId == staffId && s.EndedAt == null).ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, now), ct);
    }

    /// <summary>
    /// Exchanges the session's current refresh generation for the next one, atomically: null when the session has
    /// ended or the token was already used. A used token brought back means it was copied, so the whole session ends.
    /// </summary>
    public static async Task<Guid?> RotateAsync(RapportDb db, Guid sessionId, Guid refreshId, TimeProvider time, CancellationToken ct)
    {
        var next = Guid.NewGuid();
        var rotated = await db.StaffSessions.Where(s => s.Id == sessionId && s.RefreshId == refreshId && s.EndedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.RefreshId, next), ct);
        if (rotated == 1) return next;
        await EndAsync(db, sessionId, time, ct);
        return null;
    }
}

/// <summary>Clears out sessions that can no longer open anything, once a day (staff sessions belong to no one business).</summary>
public sealed class StaffSessionsJob : IScheduledJob
{
    public string Name => "staff-sessions";
    public TimeSpan Every => TimeSpan.FromDays(1);

    public async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RapportDb>();
        using var _ = await scope.ServiceProvider.GetRequiredService<WriteGate>().EnterAsync(db, ct);
        await StaffSessions.PurgeAsync(db, scope.ServiceProvider.GetRequiredService<TimeProvider>(), ct);
    }
}
