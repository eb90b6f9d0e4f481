using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Rapport.Core.Businesses;
using Rapport.Core.Data;

namespace Rapport.Web.Auth;

public enum SignInOutcome { Succeeded, Failed, Throttled }

/// <summary>Password sign-in shared by the login page (cookie) and the API (bearer token), with throttling.</summary>
public sealed class StaffSignIn(
    SignInManager<StaffMember> signIn, UserManager<StaffMember> users, LoginThrottle throttle, RapportDb db, TimeProvider time)
{
    /// <summary>What ties a cookie or a token to its session on the server (see <see cref="StaffSessions"/>).</summary>
    public static Claim[] SessionClaims(Guid sessionId, Guid refreshId) =>
    [
        new(StaffSessions.SessionClaim, sessionId.ToString()),
        new(StaffSessions.RefreshClaim, refreshId.ToString()),
    ];

    public async Task<(SignInOutcome Outcome, TimeSpan? RetryAfter)> SignInAsync(
        HttpContext http, string email, string password, string scheme, bool persistent)
    {
        var key = LoginThrottle.KeyFor(http);
        if (throttle.RetryAfter(key) is { } throttled) return (SignInOutcome.Throttled, throttled);

        signIn.AuthenticationScheme = scheme;
        var user = await users.FindByNameAsync(email.Trim());
        if (user is null)
        {
            // As long as a wrong password for a real account: the time taken must not say whether the address exists.
            users.PasswordHasher.VerifyHashedPassword(Nobody, PlaceholderHash(users.PasswordHasher), password);
            throttle.Failed(key);
            return (SignInOutcome.Failed, null);
        }
        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        // A success does not clear the address's failures: one valid account must not reopen guessing at others.
        if (result.Succeeded)
        {
            var session = await StaffSessions.StartAsync(db, user.Id, time, http.RequestAborted);
            await signIn.SignInWithClaimsAsync(user, persistent, SessionClaims(session.Id, session.RefreshId));
            return (SignInOutcome.Succeeded, null);
        }
        throttle.Failed(key);
        if (result.IsLockedOut)
        {
            var end = user.LockoutEnd ?? time.GetUtcNow().AddMinutes(1);
            var wait = end - time.GetUtcNow();
            return (SignInOutcome.Throttled, wait > TimeSpan.Zero ? wait : TimeSpan.FromSeconds(1));
        }
        return (SignInOutcome.Failed, null);
    }

    private static readonly StaffMember Nobody = new();
    private static string? placeholderHash;

    private static string PlaceholderHash(IPasswordHasher<StaffMember> hasher) =>
        placeholderHash ??= hasher.HashPassword(Nobody, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)));
}
