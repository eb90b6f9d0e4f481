using System.Collections.Concurrent;

namespace Rapport.Web.Auth;

/// <summary>
/// Slows down password guessing from one address: after <see cref="MaxFailures"/> failed sign-ins within
/// <see cref="Window"/>, further attempts are refused until the window ends. Per account, Identity's
/// lockout (kept in the database, so shared by all nodes) does the same.
/// </summary>
public sealed class LoginThrottle(TimeProvider time)
{
    public const int MaxFailures = 10;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, (int Failures, DateTimeOffset Since)> failures = new();

    /// <summary>How long the caller must wait, or null when they may try.</summary>
    public TimeSpan? RetryAfter(string key)
    {
        if (!failures.TryGetValue(key, out var f)) return null;
        var ends = f.Since + Window;
        var now = time.GetUtcNow();
        if (now >= ends) { failures.TryRemove(key, out _); return null; }
        return f.Failures >= MaxFailures ? ends - now : null;
    }

    public void Failed(string key)
    {
        var now = time.GetUtcNow();
        failures.AddOrUpdate(key, _ => (1, now), (_, f) => now - f.Since > Window ? (1, now) : (f.Failures + 1, f.Since));
    }

    public static string KeyFor(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "local";
}
