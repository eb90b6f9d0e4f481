using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Data;
using Rapport.Core.Sales;

namespace Rapport.Web.Reports;

/// <summary>
/// Promises kept: the deals' milestones due in a period, per kind of promise and per salesperson — due, kept on time,
/// late, open. Each chart has its table beneath, which is the record and works without JavaScript.
/// </summary>
public sealed class PromiseReportsModel(RapportDb db, Actor actor, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }

    public PromisesAnswer? Report { get; private set; }
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
        var report = await PromisesReport.HandleAsync(db, actor, From, To, time, ct);
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

    public static string Share(PromiseFigures f) =>
        f.KeptOnTime + f.Late == 0 ? "—" : f.KeptShare.ToString("P0", CultureInfo.GetCultureInfo("en-US"));

    public string KindChart() => Chart(Report!.ByKind.Select(k => k.Kind).ToList(), Report.ByKind.Select(k => k.Figures).ToList());

    public string SalespersonChart() =>
        Chart(Report!.BySalesperson.Select(s => s.Name ?? "Former staff").ToList(), Report.BySalesperson.Select(s => s.Figures).ToList());

    // Three bars per label, in the colours of the table's columns: kept on time, late, open.
    private static string Chart(IReadOnlyList<string> labels, IReadOnlyList<PromiseFigures> figures) => JsonSerializer.Serialize(
        new OrderReportsModel.Chart(labels,
        [
            new("Kept on time", figures.Select(f => (double)f.KeptOnTime).ToList(), "#198754"),
            new("Late", figures.Select(f => (double)f.Late).ToList(), "#dc3545"),
            new("Open", figures.Select(f => (double)f.Open).ToList(), "#6c757d"),
        ], Percent: false), JsonSerializerOptions.Web);
}
