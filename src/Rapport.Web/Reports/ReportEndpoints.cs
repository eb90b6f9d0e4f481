using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Core.Businesses;
using Rapport.Core.Data;
using Rapport.Core.Reports;
using Rapport.Core.Sales;
using Rapport.Core.Touches;
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
        group.MapGet("/touches", TouchesReportOf).WithName("TouchesReport")
            .WithSummary("Touches, by process: per touch rule, how many deals and customers it applied to in the period and how many actually received it. Owners and managers.")
            .WithDescription("A touch counts in the period of the day it was given (its task made or its e-mail queued). Received means the task was ticked off "
                + "or the e-mail sent. `share` is received over applied; `customerShare` the customers reached over the customers it applied to. "
                + "Rules of current playbook versions that applied to nobody show with zeros. `from` and `to` (YYYY-MM-DD) default to the last 30 days.");
        group.MapGet("/promises", Promises).WithName("PromisesReport")
            .WithSummary("Promises kept: per milestone kind and per salesperson, milestones due in the period: due, kept on time, late, open. Owners and managers.")
            .WithDescription("Late counts milestones done after their due date and those still open past it; open ones are not yet due. "
                + "`keptShare` is kept on time over kept and late. `from` and `to` (YYYY-MM-DD) default to the last 30 days.");
        return app;
    }

    private static async Task<Results<Ok<TurnedAwayReportView>, ProblemHttpResult>> TurnedAway(
        DateOnly? from, DateOnly? to, RapportDb db, Actor actor, TimeProvider time, CancellationToken ct) =>
        (await TurnedAwayReport.HandleAsync(db, actor, from, to, time, ct)).ToOk();

    private static async Task<Results<Ok<OnTimeReportView>, ProblemHttpResult>> OnTime(
        DateOnly? from, DateOnly? to, RapportDb db, Actor actor, TimeProvider time, CancellationToken ct) =>
        (await OnTimeReport.HandleAsync(db, actor, from, to, time, ct)).ToOk();

    private static async Task<Results<Ok<PromisesAnswer>, ProblemHttpResult>> Promises(
        DateOnly? from, DateOnly? to, RapportDb db, Actor actor, TimeProvider time, CancellationToken ct) =>
        (await PromisesReport.HandleAsync(db, actor, from, to, time, ct)).ToOk();

    private static async Task<Results<Ok<TouchesAnswer>, ProblemHttpResult>> TouchesReportOf(
        DateOnly? from, DateOnly? to, RapportDb db, Actor actor, TimeProvider time, CancellationToken ct) =>
        (await TouchesReport.HandleAsync(db, actor, from, to, time, ct)).ToOk();
}
