using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Core.Businesses;
using Rapport.Core.Data;
using Rapport.Core.Delivery;
using Rapport.Web.Hosting;

namespace Rapport.Web.Delivery;

/// <summary>The drivers' day: the run sheet, and managers giving stops to drivers.</summary>
public static class RunSheetEndpoints
{
    internal static IEndpointRouteBuilder MapRunSheet(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/delivery").WithTags("Delivery").RequireAuthorization(Policies.Staff);

        group.MapGet("/run-sheet", Get).WithName("GetRunSheet")
            .WithSummary("A day's stops grouped by window, earliest first, each with order number, recipient, address, phone, card message, notes and status.")
            .WithDescription("`date` defaults to today in the business's time zone. Drivers get their own run (another driver's is 403); "
                + "the shop gets everyone's, or one driver's with `driverId`. Cancelled orders leave the run.");
        group.MapPut("/stops/{id}", Assign).WithName("AssignStop")
            .WithSummary("Gives a stop to a driver (a staff member with the delivery role) and sets its place in the run. Owners and managers.");
        return app;
    }

    private static async Task<Results<Ok<RunSheet>, ProblemHttpResult>> Get(
        DateOnly? date, Guid? driverId, RapportDb db, Actor actor, TimeProvider time, CancellationToken ct) =>
        (await GetRunSheet.HandleAsync(db, actor, new(date, driverId), time, ct)).ToOk();

    private static async Task<Results<Ok<RunSheetStop>, ProblemHttpResult>> Assign(
        Guid id, AssignStop.Command command, RapportDb db, Actor actor, CancellationToken ct) =>
        (await AssignStop.HandleAsync(db, actor, id, command, ct)).ToOk();
}
