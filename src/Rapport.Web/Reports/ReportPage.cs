using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Core.Common;
using Rapport.Web.Hosting;
using Rapport.Web.Shared;

namespace Rapport.Web.Reports;

/// <summary>
/// A report over a period read from the address (<c>?from=…&amp;to=…</c>), for owners and managers. A day that cannot
/// be read, or a period the report refuses, shows the page again with 422 and the message beside the period's inputs.
/// </summary>
[Authorize(Policy = Policies.SeesReports)]
public abstract class ReportPage : PageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }

    /// <summary>Field ("from", "to") to message, beside the period's inputs.</summary>
    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var unread = new[] { nameof(From), nameof(To) }.Where(k => ModelState[k]?.Errors.Count > 0).ToList();
        if (unread.Count > 0)
        {
            Errors = unread.ToDictionary(k => k.ToLowerInvariant(), _ => "A day like 2026-02-14.");
            this.SetFormStatus();
            return Page();
        }
        if (await RunAsync(ct) is { } failure)
        {
            if (failure.Kind == FailureKind.Forbidden) return Forbid();
            Errors = failure.Errors?.ToDictionary(e => e.Key, e => string.Join(" ", e.Value)) ?? new() { ["from"] = failure.Title };
            this.SetFormStatus();
        }
        return Page();
    }

    /// <summary>Runs the report for <see cref="From"/>–<see cref="To"/> and keeps it with the period it covered; or says why not.</summary>
    protected abstract Task<Failure?> RunAsync(CancellationToken ct);
}

/// <summary>A period report answered by one use case: the report kept for the page, its period shown in the inputs.</summary>
public abstract class ReportPage<TReport> : ReportPage where TReport : class
{
    public TReport? Report { get; private set; }

    /// <summary>The use case, for <see cref="ReportPage.From"/>–<see cref="ReportPage.To"/>.</summary>
    protected abstract Task<Result<TReport>> ReportAsync(CancellationToken ct);

    /// <summary>The period the report covered (the defaults filled in).</summary>
    protected abstract (DateOnly From, DateOnly To) PeriodOf(TReport report);

    protected sealed override async Task<Failure?> RunAsync(CancellationToken ct)
    {
        var report = await ReportAsync(ct);
        if (report.Failure is { } failure) return failure;
        Report = report.Value!;
        (From, To) = PeriodOf(Report);
        return null;
    }
}
