using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Core.Businesses;
using Rapport.Core.Data;
using Rapport.Core.Delivery;
using Rapport.Web.Hosting;

namespace Rapport.Web.Delivery;

public static class DeliveryWindowEndpoints
{
    internal static IEndpointRouteBuilder MapDeliveryWindows(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/delivery/windows").WithTags("Delivery").RequireAuthorization(Policies.Staff);
        group.MapGet("/", List).WithName("ListDeliveryWindows")
            .WithSummary("A date's delivery windows with capacity, booked, loyalty reserve and cutoff (UTC).");
        group.MapPut("/{id}", Change).WithName("ChangeDeliveryWindow")
            .WithSummary("Sets one date's window capacity and loyalty reserve (owner, manager); never below what is booked.");
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<WindowView>>, ProblemHttpResult>> List(
        DateOnly? date, Guid? locationId, RapportDb db, CancellationToken ct) =>
        (await ListWindows.HandleAsync(db, date, locationId, ct)).ToOk();

    private static async Task<Results<Ok<WindowView>, ProblemHttpResult>> Change(
        Guid id, ChangeWindowCapacity.Command command, RapportDb db, Actor actor, CancellationToken ct) =>
        (await ChangeWindowCapacity.HandleAsync(db, actor, id, command, ct)).ToOk();
}
