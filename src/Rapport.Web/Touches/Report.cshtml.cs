using System.Globalization;
using System.Text.Json;
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
public sealed class TouchReportsModel(RapportDb db, Actor actor, TimeProvider time) : ReportPage<TouchesAnswer>
{
    protected override Task<Result<TouchesAnswer>> ReportAsync(CancellationToken ct) => TouchesReport.HandleAsync(db, actor, From, To, time, ct);

    protected override (DateOnly From, DateOnly To) PeriodOf(TouchesAnswer report) => (report.From, report.To);

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
