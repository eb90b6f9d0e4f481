using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Core.Businesses;
using Rapport.Core.Data;
using Rapport.Core.Orders;
using Rapport.Web.Hosting;

namespace Rapport.Web.Orders;

/// <summary>Orders that place themselves: every Monday, monthly, every anniversary.</summary>
public static class StandingOrderEndpoints
{
    internal static IEndpointRouteBuilder MapStandingOrders(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Standing orders").RequireAuthorization(Policies.Staff);
        group.MapGet("/customers/{id:guid}/standing-orders", List).WithName("ListStandingOrders")
            .WithSummary("The customer's standing orders, active first, each with its next date.");
        group.MapPost("/customers/{id:guid}/standing-orders", Add).WithName("AddStandingOrder")
            .WithSummary("Sets up a standing order: schedule weekly (weekday), monthly (dayOfMonth) or occasion (occasionId, a confirmed occasion).")
            .WithDescription("It is placed `daysAhead` days before each date (default 7), with its capacity reserved then. The wanted window is the "
                + "day's first starting at or after `preferredStart` (HH:mm:ss). When it is full, the first alternative is taken if "
                + "`takeFirstAlternative`, otherwise staff get a task listing the alternatives. A designer's-choice item needs a `budget`.");
        group.MapDelete("/standing-orders/{id:guid}", Stop).WithName("StopStandingOrder")
            .WithSummary("Stops a standing order: nothing more is placed, orders already placed stay.");
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<StandingOrderView>>, ProblemHttpResult>> List(
        Guid id, RapportDb db, Actor actor, TimeProvider time, CancellationToken ct) =>
        (await ManageStandingOrders.ListAsync(db, actor, id, time, ct)).ToOk();

    private static async Task<Results<Created<StandingOrderView>, ProblemHttpResult>> Add(
        Guid id, ManageStandingOrders.Command command, RapportDb db, Actor actor, TimeProvider time, CancellationToken ct) =>
        (await ManageStandingOrders.AddAsync(db, actor, id, command, time, ct)).ToCreated(s => $"/api/customers/{s.CustomerId}/standing-orders");

    private static async Task<Results<NoContent, ProblemHttpResult>> Stop(
        Guid id, RapportDb db, Actor actor, TimeProvider time, CancellationToken ct) =>
        (await ManageStandingOrders.StopAsync(db, actor, id, time, ct)).ToNoContent();
}
