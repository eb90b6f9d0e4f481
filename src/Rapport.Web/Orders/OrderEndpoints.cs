using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Data;
using Rapport.Core.Orders;
using Rapport.Web.Hosting;

namespace Rapport.Web.Orders;

public static class OrderEndpoints
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public static IEndpointRouteBuilder MapOrders(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/orders").WithTags("Orders").RequireAuthorization(Policies.Staff);

        group.MapPost("/options", Options).WithName("OrderOptions")
            .WithSummary("What can be promised for a customer on a date: the requested window's availability and ranked alternatives.")
            .WithDescription("Options are ranked best first; kinds: window, other-location, loyalty-reserve (loyal customers and managers), "
                + "partner, pickup, next-day. Each carries its promise in plain words and its fee.");
        group.MapPost("/", Place).WithName("PlaceOrder")
            .WithSummary("Places an order; the `Idempotency-Key` header is required.")
            .WithDescription("201 with the order's number, status, promise and total. A full window or one past its cutoff answers 409 "
                + "with `alternatives` (same shape as options). The same key and body again answers the first response again; "
                + "the same key with another body is 422; the same key while the first is still running is 409.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app.MapOrderLifecycle().MapStandingOrders();
    }

    private static async Task<Results<Ok<OrderOptions.Answer>, ProblemHttpResult>> Options(
        OrderOptions.Query query, RapportDb db, Actor actor, TimeProvider time, CancellationToken ct) =>
        (await OrderOptions.HandleAsync(db, Orderer.ForStaff(actor), query, time, ct)).ToOk();

    private static async Task<Results<Created<PlaceOrder.Placed>, ProblemHttpResult>> Place(
        [FromHeader(Name = IdempotencyHeader)] string? idempotencyKey, PlaceOrder.Command command,
        RapportDb db, Actor actor, OrderDesk desk, TimeProvider time, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(idempotencyKey))
            return TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]>
            {
                [IdempotencyHeader] = ["Send an Idempotency-Key header (any unique string, e.g. a UUID) so a retry cannot place the order twice."],
            })
            { Status = StatusCodes.Status400BadRequest, Title = "The Idempotency-Key header is required." });
        return (await PlaceOrder.HandleAsync(db, Orderer.ForStaff(actor), idempotencyKey, command, desk, time, ct))
            .ToCreated(o => $"/api/orders/{o.Id}");
    }
}
