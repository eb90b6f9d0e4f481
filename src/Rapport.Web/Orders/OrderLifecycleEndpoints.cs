using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Data;
using Rapport.Core.Orders;
using Rapport.Web.Hosting;

namespace Rapport.Web.Orders;

/// <summary>What happens to an order after it is placed: reading it, its steps, and customers turned away.</summary>
public static class OrderLifecycleEndpoints
{
    internal static IEndpointRouteBuilder MapOrderLifecycle(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/orders").WithTags("Orders").RequireAuthorization(Policies.Staff);

        group.MapGet("/", Search).WithName("SearchOrders")
            .WithSummary("Orders newest first, by customer, fulfilment date (YYYY-MM-DD), status and `q` (an order number or part of the customer's name).")
            .WithDescription("Delivery staff get the orders of their own stops. `next` is an opaque cursor for `after`, or null on the last page.");
        group.MapGet("/{id}", Get).WithName("GetOrder")
            .WithSummary("The order whole: lines, recipient, address, card message, fulfilment and promise, totals, card (brand and last four), every step, on time or not.")
            .WithDescription("Delivery staff reach only the orders of their own stops, and never see the card.");
        group.MapPost("/{id}/status", ChangeStatus).WithName("ChangeOrderStatus")
            .WithSummary("Moves the order on: confirmed, inProduction, outForDelivery, delivered, failed (with a reason) or cancelled.")
            .WithDescription("Forward only; skipping ahead is fine; delivered, failed and cancelled are final; cancelling is possible until the order "
                + "is out for delivery and gives its window's capacity back. Out for delivery, delivered, failed and cancelled land on the "
                + "customer's timeline. `at` (not in the future) is when it happened, e.g. the delivery time. Drivers may record out for "
                + "delivery, delivered and failed on their own stops.");
        group.MapPost("/declined", Decline).WithName("RecordTurnedAway")
            .WithSummary("Records a customer who declined every option offered: counted per day and put on the customer's timeline.");
        group.MapGet("/declined/{id}", GetDeclined).WithName("GetTurnedAway").WithSummary("One turned-away record.");
        return app;
    }

    private static async Task<Results<Ok<Page<OrderSummary>>, ProblemHttpResult>> Search(
        Guid? customerId, DateOnly? date, string? status, string? q, int? limit, string? after, RapportDb db, Actor actor, CancellationToken ct) =>
        (await SearchOrders.HandleAsync(db, actor, new(customerId, date, status, q, limit, after), ct)).ToOk();

    private static async Task<Results<Ok<OrderView>, ProblemHttpResult>> Get(Guid id, RapportDb db, Actor actor, CancellationToken ct) =>
        (await GetOrder.HandleAsync(db, actor, id, ct)).ToOk();

    private static async Task<Results<Ok<OrderView>, ProblemHttpResult>> ChangeStatus(
        Guid id, ChangeOrderStatus.Command command, RapportDb db, Actor actor, WriteGate gate, TimeProvider time, CancellationToken ct) =>
        (await ChangeOrderStatus.HandleAsync(db, actor, id, command, gate, time, ct)).ToOk();

    private static async Task<Results<Created<TurnedAwayView>, ProblemHttpResult>> Decline(
        RecordTurnedAway.Command command, RapportDb db, Actor actor, TimeProvider time, CancellationToken ct) =>
        (await RecordTurnedAway.HandleAsync(db, actor, command, time, ct)).ToCreated(t => $"/api/orders/declined/{t.Id}");

    private static async Task<Results<Ok<TurnedAwayView>, ProblemHttpResult>> GetDeclined(
        Guid id, RapportDb db, Actor actor, CancellationToken ct) =>
        (await RecordTurnedAway.FindAsync(db, actor, id, ct)).ToOk();
}
