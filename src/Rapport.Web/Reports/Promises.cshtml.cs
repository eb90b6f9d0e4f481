using System.Globalization;
using System.Text.Json;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Data;
using Rapport.Core.Sales;

namespace Rapport.Web.Reports;

/// <summary>
/// Promises kept: the deals' milestones due in a period, per kind of promise and per salesperson — due, kept on time,
/// late, open. Each chart has its table beneath, which is the record and works without JavaScript.
/// </summary>
public sealed class PromiseReportsModel(RapportDb db, Actor actor, TimeProvider time) : ReportPage<PromisesAnswer>
{
    protected override Task<Result<PromisesAnswer>> ReportAsync(CancellationToken ct) => PromisesReport.HandleAsync(db, actor, From, To, time, ct);

    protected override (DateOnly From, DateOnly To) PeriodOf(PromisesAnswer report) => (report.From, report.To);

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
