using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Core.Businesses;
using Rapport.Core.Data;
using Rapport.Core.Forecasting;
using Rapport.Web.Hosting;

namespace Rapport.Web.Forecasting;

/// <summary>The peak day seen coming: expected orders against capacity per day. Owners and managers.</summary>
public static class ForecastEndpoints
{
    public static IEndpointRouteBuilder MapForecast(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/forecast", Forecast).WithTags("Forecast").RequireAuthorization(Policies.Staff)
            .WithName("Forecast")
            .WithSummary("Expected orders, capacity and shortfall per day, for one location or all of them. Owners and managers.")
            .WithDescription("`from` and `to` (YYYY-MM-DD, both included, at most 366 days) are required; without `locationId`, the business's active locations together. " +
                             "`expected` is what the same days of earlier years say (Feb 14 from Feb 14, Mother's Day from Mother's Day, other days from the same weekday " +
                             "and season), scaled by the year-on-year trend; `booked` is orders already placed; `known` is confirmed occasions without an order yet. " +
                             "`forecast` = the larger of expected and booked, plus known; `capacity` is the day's delivery windows (0 when closed); `shortfall` = forecast above capacity.");
        app.MapGet("/api/forecast/peaks", Peaks).WithTags("Forecast").RequireAuthorization(Policies.Staff)
            .WithName("ForecastPeaks")
            .WithSummary("The peak days (Valentine's Day, Mother's Day, Christmas) of the next 120 days, nearest first, each with its forecast against capacity. Owners and managers.")
            .WithDescription("Each has `peak`, `name`, `daysAway` and `day` (as in /api/forecast, for the whole business); `short` is true when the forecast is above capacity. " +
                             "Valentine's Day appears from mid-October, in time to add capacity.");
        return app;
    }

    private static async Task<Results<Ok<List<PeakForecast>>, ProblemHttpResult>> Peaks(
        RapportDb db, Actor actor, TimeProvider time, CancellationToken ct) =>
        (await GetForecast.ComingPeaksAsync(db, actor, time, ct)).ToOk();

    private static async Task<Results<Ok<ForecastDay[]>, ProblemHttpResult>> Forecast(
        DateOnly? from, DateOnly? to, Guid? locationId, RapportDb db, Actor actor, TimeProvider time, CancellationToken ct) =>
        (await GetForecast.HandleAsync(db, actor, new GetForecast.Query(from, to, locationId), time, ct)).ToOk();
}
