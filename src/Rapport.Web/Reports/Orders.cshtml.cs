using System.Globalization;
using System.Text.Json;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Data;
using Rapport.Core.Reports;

namespace Rapport.Web.Reports;

/// <summary>
/// The owner's order figures for a period: customers turned away per day, and promises kept per day, location
/// and driver. Each chart has its table beneath, which is the record and works without JavaScript.
/// </summary>
public sealed class OrderReportsModel(RapportDb db, Actor actor, TimeProvider time) : ReportPage
{
    public TurnedAwayReportView? TurnedAway { get; private set; }
    public OnTimeReportView? OnTime { get; private set; }

    /// <summary>A bar chart as reports.js draws it: a bar per label and series; rates as percentages.</summary>
    public sealed record Chart(IReadOnlyList<string> Labels, IReadOnlyList<ChartSeries> Series, bool Percent, bool Horizontal = false);

    public sealed record ChartSeries(string Label, IReadOnlyList<double> Data, string Color);

    protected override async Task<Failure?> RunAsync(CancellationToken ct)
    {
        var turnedAway = await TurnedAwayReport.HandleAsync(db, actor, From, To, time, ct);
        var onTime = await OnTimeReport.HandleAsync(db, actor, From, To, time, ct);
        if (turnedAway.Failure is { } failure) return failure;
        TurnedAway = turnedAway.Value!;
        OnTime = onTime.Value!;
        (From, To) = (TurnedAway.From, TurnedAway.To);
        return null;
    }

    public static string Day(DateOnly date) => date.ToString("ddd d MMM", CultureInfo.GetCultureInfo("en-US"));

    public static string Percent(OnTimeFigures f) => f.Delivered == 0 ? "—" : f.Rate.ToString("P0", CultureInfo.GetCultureInfo("en-US"));

    public string TurnedAwayChart() => Json(new Chart(
        TurnedAway!.Days.Select(d => Day(d.Date)).ToList(),
        [new ChartSeries("Turned away", TurnedAway.Days.Select(d => (double)d.Count).ToList(), "#dc3545")], Percent: false));

    public string PunctualityByDayChart() => Json(new Chart(
        OnTime!.Days.Select(d => Day(d.Date)).ToList(),
        [new ChartSeries("On time", OnTime.Days.Select(d => d.Rate * 100).ToList(), "#198754")], Percent: true));

    public string PunctualityByLocationChart() => Json(new Chart(
        OnTime!.Locations.Select(l => l.Name ?? "Removed location").ToList(),
        [new ChartSeries("On time", OnTime.Locations.Select(l => l.Rate * 100).ToList(), "#1f4e5f")], Percent: true, Horizontal: true));

    public string PunctualityByDriverChart() => Json(new Chart(
        OnTime!.Drivers.Select(d => d.Name ?? "Former driver").ToList(),
        [new ChartSeries("On time", OnTime.Drivers.Select(d => d.Rate * 100).ToList(), "#2d6cdf")], Percent: true, Horizontal: true));

    private static string Json(Chart chart) => JsonSerializer.Serialize(chart, JsonSerializerOptions.Web);
}
