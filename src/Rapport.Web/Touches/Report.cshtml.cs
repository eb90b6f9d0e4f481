using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Data;
using Rapport.Core.Sales;
using Rapport.Core.Touches;
using Rapport.Web.Reports;

namespace Rapport.Web.Touches;

/// <summary>
/// Touches, by process: per touch rule, the deals and customers it applied to in a period and the share that actually
/// received it. The chart shows the share per rule; the table beneath is the record and works without JavaScript.
/// </summary>
public sealed class TouchReportsModel(RapportDb db, Actor actor, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }

    public TouchesAnswer? Report { get; private set; }
    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

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
        var report = await TouchesReport.HandleAsync(db, actor, From, To, time, ct);
        if (report.Failure is { } failure)
        {
            if (failure.Kind == FailureKind.Forbidden) return Forbid();
            Errors = failure.Errors?.ToDictionary(e => e.Key, e => string.Join(" ", e.Value)) ?? new() { ["from"] = failure.Title };
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        Report = report.Value!;
        From = Report.From;
        To = Report.To;
        return Page();
    }

    public static string Share(int applied, double share) =>
        applied == 0 ? "—" : share.ToString("P0", CultureInfo.GetCultureInfo("en-US"));

    public static string Action(TouchAction action) => action == TouchAction.Email ? "E-mail" : "Task";

    // The rules that applied to someone, as one bar each: the share received, in percent.
    public string ShareChart()
    {
        var rules = Report!.Rules.Where(r => r.Applied > 0).ToList();
        return JsonSerializer.Serialize(new OrderReportsModel.Chart(
            rules.Select(r => r.Rule).ToList(),
            [new OrderReportsModel.ChartSeries("Received", rules.Select(r => r.Share * 100).ToList(), "#198754")],
            Percent: true, Horizontal: true), JsonSerializerOptions.Web);
    }
}
