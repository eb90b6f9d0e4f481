using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Data;
using Rapport.Core.Reports;

namespace Rapport.Web.Reports;

/// <summary>
/// The owner's order figures for a period: customers turned away per day, and promises kept per day, location
/// and driver. Each chart has its table beneath, which is the record and works without JavaScript.
/// </summary>
public sealed class OrderReportsModel(RapportDb db, Actor actor, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }

    public TurnedAwayReportView? TurnedAway { get; private set; }
    public OnTimeReportView? OnTime { get; private set; }
    /// <summary>Field ("from", "to") to message, beside the period's inputs.</summary>
    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    /// <summary>A bar chart as reports.js draws it: a bar per label and series; rates as percentages.</summary>
    public sealed record Chart(IReadOnlyList<string> Labels, IReadOnlyList<ChartSeries> Series, bool Percent, bool Horizontal = false);

    public sealed record ChartSeries(string Label, IReadOnlyList<double> Data, string Color);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!actor.Role.SeesReports()) return Forbid();
        var unread = new[] { nameof(From), nameof(To) }.Where(k => ModelState[k]?.Errors.Count > 0).ToList();
        if (unread.Count > 0)
        {
            Errors = unread.ToDictionary(k => k.ToLowerInvariant(), _ => "A day like 2026-02-14.");
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var turnedAway = await TurnedAwayReport.HandleAsync(db, actor, From, To, time, ct);
        var onTime = await OnTimeReport.HandleAsync(db, actor, From, To, time, ct);
        if (turnedAway.Failure is { } failure)
        {
            if (failure.Kind == FailureKind.Forbidden) return Forbid();
            Errors = failure.Errors?.ToDictionary(e => e.Key, e => string.Join(" ", e.Value)) ?? new() { ["from"] = failure.Title };
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        TurnedAway = turnedAway.Value!;
        OnTime = onTime.Value!;
        From = TurnedAway.From;
        To = TurnedAway.To;
        return Page();
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
