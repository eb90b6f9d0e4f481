using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Data;

namespace Rapport.Core.Reports;

public sealed record TurnedAwayDay(DateOnly Date, int Count);

public sealed record TurnedAwayReportView(DateOnly From, DateOnly To, int Total, IReadOnlyList<TurnedAwayDay> Days);

/// <summary>
/// How many customers were turned away, per day they wanted, every day of the period (zero days included):
/// the demand the shop could not meet, so the owner sees which days need more windows or drivers.
/// </summary>
public static class TurnedAwayReport
{
    public static async Task<Result<TurnedAwayReportView>> HandleAsync(
        RapportDb db, Actor actor, DateOnly? from, DateOnly? to, TimeProvider time, CancellationToken ct)
    {
        var read = await ReportPeriod.ReadAsync(db, actor, from, to, time, ct);
        if (!read.Succeeded) return read.Failure;
        var period = read.Value;

        var counts = await db.TurnedAway
            .Where(t => t.RequestedDate >= period.From && t.RequestedDate <= period.To)
            .GroupBy(t => t.RequestedDate)
            .Select(g => new { Date = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Date, x => x.Count, ct);

        var days = period.Days().Select(d => new TurnedAwayDay(d, counts.GetValueOrDefault(d))).ToList();
        return new TurnedAwayReportView(period.From, period.To, days.Sum(d => d.Count), days);
    }
}
