using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Data;
using Rapport.Core.Timeline;
using Rapport.Web.Hosting;

namespace Rapport.Web.Timeline;

public static class TimelineEndpoints
{
    public static IEndpointRouteBuilder MapTimeline(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/customers/{id}").WithTags("Timeline").RequireAuthorization(Policies.Staff);

        group.MapGet("/timeline", Get).WithName("GetTimeline")
            .WithSummary("Every contact anyone had with the customer, newest first.")
            .WithDescription("`next` is an opaque cursor: pass it as `before` for older entries.");
        group.MapGet("/interactions/{interactionId}", GetOne).WithName("GetInteraction")
            .WithSummary("One entry of the timeline.");
        group.MapPost("/interactions", Log).WithName("LogInteraction")
            .WithSummary("Records a contact with the customer and its tone; it lands on top of the timeline.");
        return app;
    }

    private static async Task<Results<Ok<Page<TimelineEntry>>, ProblemHttpResult>> Get(
        Guid id, int? limit, string? before, RapportDb db, Actor actor, CancellationToken ct) =>
        (await GetTimeline.HandleAsync(db, actor, new(id, limit, before), ct)).ToOk();

    private static async Task<Results<Created<TimelineEntry>, ProblemHttpResult>> Log(
        Guid id, LogInteraction.Command command, RapportDb db, Actor actor, TimeProvider time, CancellationToken ct) =>
        (await LogInteraction.HandleAsync(db, actor, id, command, time, ct)).ToCreated(e => $"/api/customers/{id}/interactions/{e.Id}");

    private static async Task<Results<Ok<TimelineEntry>, ProblemHttpResult>> GetOne(
        Guid id, Guid interactionId, RapportDb db, Actor actor, CancellationToken ct) =>
        (await GetTimeline.GetEntryAsync(db, actor, id, interactionId, ct)).ToOk();
}
