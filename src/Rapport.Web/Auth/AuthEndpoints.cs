using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Rapport.Core.Businesses;
using Rapport.Web.Hosting;

namespace Rapport.Web.Auth;

public sealed record LoginRequest(string? Email, string? Password);
public sealed record RefreshRequest(string? RefreshToken);
public sealed record MeResponse(Guid Id, string Name, string Email, StaffRole Role, Guid BusinessId, string BusinessName, string BusinessSlug);

public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuth(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Sign-in");

        group.MapPost("/login", Login).AllowAnonymous().WithName("Login")
            .WithSummary("Signs a staff member in and returns a bearer token.")
            .WithDescription("Answers `{ tokenType, accessToken, expiresIn, refreshToken }`. Wrong credentials: 401. Repeated failures: 429 with Retry-After.")
            .Produces<AccessTokenResponse>();
        group.MapPost("/refresh", Refresh).AllowAnonymous().WithName("RefreshToken")
            .WithSummary("Exchanges a refresh token for a new access token and the next refresh token.")
            .WithDescription("Each refresh token works once. Bringing back one already used ends the sign-in it belongs to (it was copied): 401.")
            .Produces<AccessTokenResponse>();
        group.MapPost("/logout", Logout).RequireAuthorization().WithName("Logout")
            .WithSummary("Signs out: the access token and every refresh token of this sign-in stop working at once.");
        group.MapGet("/me", Me).RequireAuthorization().WithName("WhoAmI")
            .WithSummary("The signed-in staff member, their role and business.");
        return app;
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult, ValidationProblem>> Login(
        LoginRequest request, StaffSignIn signIn, HttpContext http)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Email)) errors["email"] = ["This field is required."];
        if (string.IsNullOrEmpty(request.Password)) errors["password"] = ["This field is required."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var (outcome, retryAfter) = await signIn.SignInAsync(http, request.Email!, request.Password!, IdentityConstants.BearerScheme, persistent: false);
        switch (outcome)
        {
            case SignInOutcome.Succeeded:
                // The bearer handler has written the token response.
                return TypedResults.Empty;
            case SignInOutcome.Throttled:
                http.Response.Headers.RetryAfter = Math.Ceiling(retryAfter!.Value.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests,
                    title: "Too many failed sign-ins.", detail: $"Try again in {Math.Ceiling(retryAfter.Value.TotalSeconds)} seconds.");
            default:
                return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Wrong e-mail or password.");
        }
    }

    private static async Task<Results<SignInHttpResult, ProblemHttpResult>> Refresh(
        RefreshRequest request, IOptionsMonitor<BearerTokenOptions> bearer, SignInManager<StaffMember> signIn,
        Core.Data.RapportDb db, StaffSessionCheck check, TimeProvider time, CancellationToken ct)
    {
        var protector = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector;
        var ticket = string.IsNullOrEmpty(request.RefreshToken) ? null : protector.Unprotect(request.RefreshToken);
        var refused = TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The refresh token is not valid.");
        if (ticket?.Properties.ExpiresUtc is not { } expires || time.GetUtcNow() >= expires
            || StaffSessionCheck.SessionOf(ticket.Principal) is not { } session
            || !Guid.TryParse(ticket.Principal.FindFirstValue(StaffSessions.RefreshClaim), out var refresh)
            || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user)
            return refused;
        if (await StaffSessions.RotateAsync(db, session, refresh, time, ct) is not { } next)
        {
            // A spent token brought back ended the sign-in: its access token stops here at once, not in 2 s.
            check.Forget(session);
            return refused;
        }
        // Each refresh token works once: the answer carries the next one, and the one used is spent.
        var principal = await signIn.CreateUserPrincipalAsync(user);
        ((ClaimsIdentity)principal.Identity!).AddClaims(StaffSignIn.SessionClaims(session, next));
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }

    private static async Task<NoContent> Logout(HttpContext http, CancellationToken ct)
    {
        await http.EndSessionAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<MeResponse>, ProblemHttpResult>> Me(
        HttpContext http, UserManager<StaffMember> users, Core.Data.RapportDb db)
    {
        var actor = http.User.ToActor();
        var user = actor is null ? null : await users.FindByIdAsync(actor.StaffId.ToString());
        var business = user is null ? null : await db.Businesses.FindAsync(user.BusinessId);
        if (user is null || business is null) return ApiResults.NotFound("Staff member");
        return TypedResults.Ok(new MeResponse(user.Id, user.DisplayName, user.Email!, user.Role, business.Id, business.Name, business.Slug));
    }
}
