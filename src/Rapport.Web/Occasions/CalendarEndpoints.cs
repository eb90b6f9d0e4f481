using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Core.Businesses;
using Rapport.Core.Data;
using Rapport.Core.Occasions;
using Rapport.Web.Hosting;

namespace Rapport.Web.Occasions;

/// <summary>Private iCalendar feeds: the feed itself (the token in the URL is the key) and a staff member's own feed URL.</summary>
public static class CalendarEndpoints
{
    public sealed record FeedIssued(string Url, DateTime IssuedAt);

    internal static IEndpointRouteBuilder MapCalendarFeeds(this IEndpointRouteBuilder app)
    {
        app.MapGet("/calendar/{token}.ics", Feed).WithTags("Calendar").WithName("CalendarFeed").AllowAnonymous()
            .WithSummary("An iCalendar (RFC 5545) feed of upcoming occasions and deliveries; the token in the URL is the only key.")
            .WithDescription("Occasions are all-day events on their dates in the business's calendar; deliveries are timed events "
                + "for their promised windows in the business's time zone, described by the feed's VTIMEZONE. An unknown or revoked token is 404.")
            .Produces<string>(StatusCodes.Status200OK, "text/calendar");

        var group = app.MapGroup("/api/calendar/feed").WithTags("Calendar").RequireAuthorization(Policies.Staff);
        group.MapPost("/", Issue).WithName("IssueCalendarFeed")
            .WithSummary("Makes the signed-in staff member's private feed URL; a new one revokes the old. The URL is shown only now.");
        group.MapDelete("/", Revoke).WithName("RevokeCalendarFeed").WithSummary("Revokes the staff member's feed URL.");
        return app;
    }

    public static string FeedUrl(HttpRequest request, string token) => $"{request.Scheme}://{request.Host}/calendar/{token}.ics";

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Feed(
        string token, RapportDb db, Tenant tenant, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var owner = await CalendarFeeds.FindAsync(db, token, ct);
        if (owner is null) return ApiResults.NotFound("Calendar feed");
        tenant.Set(owner.BusinessId);
        var text = await CalendarFeeds.RenderAsync(db, owner, time, ct);
        if (text is null) return ApiResults.NotFound("Calendar feed");
        // Private to whoever holds the URL: no shared caches.
        http.Response.Headers.CacheControl = "private, max-age=300";
        return TypedResults.Text(text, "text/calendar; charset=utf-8");
    }

    private static async Task<Created<FeedIssued>> Issue(RapportDb db, Actor actor, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var token = await CalendarFeeds.IssueForStaffAsync(db, actor, time, ct);
        var url = FeedUrl(http.Request, token);
        return TypedResults.Created(url, new FeedIssued(url, time.GetUtcNow().UtcDateTime));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Revoke(RapportDb db, Actor actor, CancellationToken ct) =>
        await CalendarFeeds.RevokeForStaffAsync(db, actor, ct) ? TypedResults.NoContent() : ApiResults.NotFound("Calendar feed");
}
