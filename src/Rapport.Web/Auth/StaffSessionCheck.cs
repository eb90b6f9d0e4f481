using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Rapport.Core.Businesses;
using Rapport.Core.Data;

namespace Rapport.Web.Auth;

/// <summary>
/// A staff cookie or bearer token opens Rapport only while its session lives on the server: after sign-out, a
/// password change or a deactivation, a copy of the cookie or token is refused on every node within
/// <see cref="Remembered"/>, and at once on the node that ended it.
/// </summary>
public sealed class StaffSessionCheck(IMemoryCache cache, TimeProvider time)
{
    public static readonly TimeSpan Remembered = TimeSpan.FromSeconds(2);

    public async Task<bool> IsLiveAsync(RapportDb db, Guid sessionId, CancellationToken ct)
    {
        var key = (typeof(StaffSessionCheck), sessionId);
        if (cache.TryGetValue(key, out bool live)) return live;
        live = await StaffSessions.IsLiveAsync(db, sessionId, time, ct);
        cache.Set(key, live, Remembered);
        return live;
    }

    public void Forget(Guid sessionId) => cache.Remove((typeof(StaffSessionCheck), sessionId));

    /// <summary>The session a signed-in staff principal belongs to, or null.</summary>
    public static Guid? SessionOf(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(StaffSessions.SessionClaim), out var id) ? id : null;
}

public static class StaffSessionMiddleware
{
    /// <summary>After authentication: a staff principal whose session has ended is nobody.</summary>
    public static IApplicationBuilder UseStaffSessions(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.User.Identity?.IsAuthenticated == true && http.User.FindFirstValue(StaffClaimsFactory.Business) is not null)
        {
            var check = http.RequestServices.GetRequiredService<StaffSessionCheck>();
            var session = StaffSessionCheck.SessionOf(http.User);
            var live = session is { } id && await check.IsLiveAsync(http.RequestServices.GetRequiredService<RapportDb>(), id, http.RequestAborted);
            if (!live)
            {
                http.User = new ClaimsPrincipal(new ClaimsIdentity());
                // The browser's copy goes too, so it is sent to the sign-in page rather than refused again and again.
                if (!http.Request.Path.StartsWithSegments("/api")) await http.SignOutAsync(IdentityConstants.ApplicationScheme);
            }
        }
        await next(http);
    });

    /// <summary>Ends the session of the signed-in staff member (sign-out in the browser or through the API).</summary>
    public static async Task EndSessionAsync(this HttpContext http, CancellationToken ct)
    {
        if (StaffSessionCheck.SessionOf(http.User) is not { } session) return;
        await StaffSessions.EndAsync(http.RequestServices.GetRequiredService<RapportDb>(), session, http.RequestServices.GetRequiredService<TimeProvider>(), ct);
        http.RequestServices.GetRequiredService<StaffSessionCheck>().Forget(session);
    }
}
