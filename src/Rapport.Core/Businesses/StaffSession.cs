using Microsoft.EntityFrameworkCore;
using Rapport.Core.Data;

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
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? EndedAt { get; set; }
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
        var session = new StaffSession { StaffId = staffId, StartedAt = time.GetUtcNow() };
        db.StaffSessions.Add(session);
        await db.SaveChangesAsync(ct);
        db.Entry(session).State = EntityState.Detached;
        return session;
    }

    public static Task<bool> IsLiveAsync(RapportDb db, Guid sessionId, CancellationToken ct) =>
        db.StaffSessions.AnyAsync(s => s.Id == sessionId && s.EndedAt == null, ct);

    public static Task<int> EndAsync(RapportDb db, Guid sessionId, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return db.StaffSessions.Where(s => s.Id == sessionId && s.EndedAt == null).ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, now), ct);
    }

    /// <summary>Ends every session of a person: a changed password, a deactivation, "sign out everywhere".</summary>
    public static Task<int> EndAllAsync(RapportDb db, Guid staffId, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
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
