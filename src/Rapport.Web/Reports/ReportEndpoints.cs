using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Core.Businesses;
using Rapport.Core.Data;
using Rapport.Core.Reports;
using Rapport.Web.Hosting;

namespace Rapport.Web.Reports;

/// <summary>The owner's figures. Owners and managers; `from` and `to` (YYYY-MM-DD, both included) default to the last 30 days.</summary>
public static class ReportEndpoints
{
    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/reports").WithTags("Reports").RequireAuthorization(Policies.Staff);

        group.MapGet("/turned-away", TurnedAway).WithName("TurnedAwayReport")
            .WithSummary("Customers turned away per day they wanted, every day of the period. Owners and managers.");
        group.MapGet("/on-time", OnTime).WithName("OnTimeReport")
            .WithSummary("Share of orders delivered within their promised window, per day, location and driver. Owners and managers.")
            .WithDescription("Counts delivered orders with a promised window whose fulfilment date is in the period; on time means delivered by the window's end.");
        return app;
    }

    private static async Task<Results<Ok<TurnedAwayReportView>, ProblemHttpResult>> TurnedAway(
        DateOnly? from, DateOnly? to, RapportDb db, Actor actor, TimeProvider time, CancellationToken ct) =>
        (await TurnedAwayReport.HandleAsync(db, actor, from, to, time, ct)).ToOk();

    private static async Task<Results<Ok<OnTimeReportView>, ProblemHttpResult>> OnTime(
        DateOnly? from, DateOnly? to, RapportDb db, Actor actor, TimeProvider time, CancellationToken ct) =>
        (await OnTimeReport.HandleAsync(db, actor, from, to, time, ct)).ToOk();
}
