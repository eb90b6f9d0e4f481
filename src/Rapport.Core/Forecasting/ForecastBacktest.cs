using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Data;
using Rapport.Core.Orders;

namespace Rapport.Core.Forecasting;

/// <summary>One past peak: the forecast made from the orders before it, against what came.</summary>
public sealed record BacktestRow(PeakDay Peak, DateOnly From, DateOnly To, int Forecast, int Actual)
{
    /// <summary>Forecast above (+) or below (−) the actual, in percent of it; null when nothing came.</summary>
    public double? ErrorPercent => Actual == 0 ? null : 100.0 * (Forecast - Actual) / Actual;
}

/// <summary>Every past peak with a year of history before it, and the mean absolute percentage error over them.</summary>
public sealed record BacktestReport(string BusinessName, IReadOnlyList<BacktestRow> Rows)
{
    /// <summary>Over the peaks that had orders; null when none had.</summary>
    public double? MeanAbsolutePercentError
    {
        get
        {
            var errors = Rows.Where(r => r.ErrorPercent is not null).Select(r => Math.Abs(r.ErrorPercent!.Value)).ToList();
            return errors.Count == 0 ? null : errors.Average();
        }
    }
}

/// <summary>
/// How good the forecast would have been: each past peak (Valentine's Day, Mother's Day weekend, Christmas week)
/// forecast from the orders before it, as <see cref="DemandForecast"/> does for the coming days, and compared
/// with the orders it had. Bookings and known demand are left out: they would give the answer away.
/// </summary>
public static class ForecastBacktest
{
    /// <summary>The days each peak is measured over in a year: florists deliver Mother's Day on the Saturday too, Christmas all week.</summary>
    public static IEnumerable<(PeakDay Peak, DateOnly From, DateOnly To)> Periods(int year)
    {
        var valentines = PeakDays.On(PeakDay.ValentinesDay, year);
        yield return (PeakDay.ValentinesDay, valentines, valentines);
        var mothers = PeakDays.On(PeakDay.MothersDay, year);
        yield return (PeakDay.MothersDay, mothers.AddDays(-1), mothers);
        var christmas = PeakDays.On(PeakDay.Christmas, year);
        yield return (PeakDay.Christmas, christmas.AddDays(-6), christmas);
    }

    /// <summary>The backtest over daily order counts, for the peaks over before <paramref name="today"/>.</summary>
    public static IReadOnlyList<BacktestRow> Run(IReadOnlyDictionary<DateOnly, int> history, DateOnly today)
    {
        if (DemandForecast.FirstOrder(history, today) is not { } first) return [];
        var rows = new List<BacktestRow>();
        for (var year = first.Year + 1; year <= today.Year; year++)
        {
            foreach (var (peak, from, to) in Periods(year))
            {
                // Over, and with at least one year of orders before it.
                if (to >= today || from.AddYears(-1) < first) continue;
                var trend = DemandForecast.Trend(history, from);
                var forecast = 0.0;
                var actual = 0;
                for (var day = from; day <= to; day = day.AddDays(1))
                {
                    forecast += DemandForecast.Expected(day, history, from, first, trend);
                    actual += history.GetValueOrDefault(day);
                }
                rows.Add(new BacktestRow(peak, from, to, (int)Math.Round(forecast, MidpointRounding.AwayFromZero), actual));
            }
        }
        return rows;
    }

    /// <summary>The backtest of the business the database is scoped to, over all its orders not cancelled.</summary>
    public static async Task<BacktestReport> RunAsync(RapportDb db, Business business, TimeProvider time, CancellationToken ct)
    {
        var today = BusinessClock.Today(time.GetUtcNow().UtcDateTime, BusinessClock.Zone(business.TimeZone));
        var history = await db.Orders.AsNoTracking().Where(o => o.Status != OrderStatus.Cancelled && o.FulfilmentDate < today)
            .GroupBy(o => o.FulfilmentDate).Select(g => new { Date = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Date, x => x.Count, ct);
        return new BacktestReport(business.Name, Run(history, today));
    }
}
