namespace Rapport.Core.Forecasting;

/// <summary>
/// What one location brings to a forecast, per date: orders of the years before (by fulfilment date), orders
/// already placed for the coming days, demand known ahead (confirmed occasions without an order yet, standing
/// orders due) and the capacity set for those days. A date that is missing counts as zero.
/// </summary>
public sealed record LocationDemand(
    Guid LocationId,
    IReadOnlyDictionary<DateOnly, int> History,
    IReadOnlyDictionary<DateOnly, int> Booked,
    IReadOnlyDictionary<DateOnly, int> Known,
    IReadOnlyDictionary<DateOnly, int> Capacity);

/// <summary>
/// One day of the forecast. <see cref="Expected"/> is what earlier years say, scaled by the trend; the forecast
/// is that, or what is already booked if more, plus the demand known ahead.
/// </summary>
public sealed record ForecastDay(DateOnly Date, int Forecast, int Capacity, int Expected, int Booked, int Known)
{
    public int Shortfall => Math.Max(0, Forecast - Capacity);
}

/// <summary>
/// Expected orders per day from the same days of earlier years: a peak day from the same peak (Feb 14 from
/// Feb 14, Mother's Day from Mother's Day, wherever it fell), an ordinary day from the same weekday of the same
/// season (52 weeks back, with the weeks either side, peaks left out). Each earlier year is scaled by the
/// year-on-year trend once per year back, and recent years weigh more. A pure function over counts.
/// </summary>
public static class DemandForecast
{
    /// <summary>Years of history a day is compared with.</summary>
    public const int YearsBack = 3;
    /// <summary>The trend is held within these bounds: compounded over three years back, one odd year would swing a forecast too far.</summary>
    public const double MinTrend = 0.67, MaxTrend = 1.5;

    private const int DaysPerYear = 365;
    private const int WeeksPerYear = 52;

    /// <summary>
    /// Orders of the year up to <paramref name="asOf"/> (<paramref name="lastYear"/>) against the year before it;
    /// 1 when there are not two full years of history to compare.
    /// </summary>
    public static double Trend(double lastYear, double yearBefore, DateOnly? firstOrder, DateOnly asOf)
    {
        if (firstOrder is not { } first || first > asOf.AddDays(-2 * DaysPerYear) || yearBefore <= 0) return 1;
        return Math.Clamp(lastYear / yearBefore, MinTrend, MaxTrend);
    }

    /// <summary>The trend read from a whole history of daily counts.</summary>
    public static double Trend(IReadOnlyDictionary<DateOnly, int> history, DateOnly asOf)
    {
        var yearAgo = asOf.AddDays(-DaysPerYear);
        var twoYearsAgo = asOf.AddDays(-2 * DaysPerYear);
        var lastYear = history.Where(h => h.Key >= yearAgo && h.Key < asOf).Sum(h => (double)h.Value);
        var yearBefore = history.Where(h => h.Key >= twoYearsAgo && h.Key < yearAgo).Sum(h => (double)h.Value);
        return Trend(lastYear, yearBefore, FirstOrder(history, asOf), asOf);
    }

    /// <summary>The first date with orders before <paramref name="asOf"/>; null when there is none.</summary>
    public static DateOnly? FirstOrder(IReadOnlyDictionary<DateOnly, int> history, DateOnly asOf) =>
        history.Where(h => h.Key < asOf && h.Value > 0).Select(h => (DateOnly?)h.Key).Min();

    /// <summary>
    /// The dates whose counts <see cref="Expected"/> reads for the days from <paramref name="from"/> to
    /// <paramref name="to"/>: per year back, that stretch with some weeks either side (a moving peak shifts by
    /// up to a week against the calendar). A caller loads only these.
    /// </summary>
    public static IEnumerable<(DateOnly From, DateOnly To)> DatesRead(DateOnly from, DateOnly to) =>
        Enumerable.Range(1, YearsBack).Select(back => (from.AddYears(-back).AddDays(-21), to.AddYears(-back).AddDays(21)));

    /// <summary>
    /// The orders earlier years say a date will have, scaled by <paramref name="trend"/> once per year back.
    /// Reads only history before <paramref name="asOf"/> and from <paramref name="firstOrder"/> on (a year before
    /// the first order is no year of history, not a year of zeros). 0 without history.
    /// </summary>
    public static double Expected(DateOnly date, IReadOnlyDictionary<DateOnly, int> history, DateOnly asOf, DateOnly? firstOrder, double trend)
    {
        if (firstOrder is not { } start) return 0;
        int Count(DateOnly d) => history.GetValueOrDefault(d);
        bool Known(DateOnly d) => d >= start && d < asOf;

        var peak = PeakDays.Around(date);
        double sum = 0, weights = 0;
        for (var back = 1; back <= YearsBack; back++)
        {
            double? value;
            if (peak is var (which, daysBefore))
            {
                // The same peak that many years back, wherever in the calendar it fell.
                var then = PeakDays.On(which, date.Year - back).AddDays(-daysBefore);
                value = Known(then) ? Count(then) : null;
            }
            else
            {
                // The same weekday 52 weeks back per year, and the weeks either side, leaving out peaks.
                var same = date.AddDays(-7 * WeeksPerYear * back);
                var samples = new[] { same.AddDays(-7), same, same.AddDays(7) }
                    .Where(d => Known(d) && PeakDays.Around(d) is null).ToList();
                value = samples.Count == 0 ? null : samples.Average(d => (double)Count(d));
            }
            if (value is not { } v) continue;
            // Last year counts three times, the year before twice, three years back once.
            var weight = YearsBack + 1 - back;
            sum += weight * v * Math.Pow(trend, back);
            weights += weight;
        }
        return weights == 0 ? 0 : sum / weights;
    }

    /// <summary>
    /// Each date from <paramref name="from"/> to <paramref name="to"/>, summed over the locations, each with its
    /// own history and the business's trend and first order.
    /// </summary>
    public static IReadOnlyList<ForecastDay> Build(
        DateOnly from, DateOnly to, DateOnly asOf, DateOnly? firstOrder, double trend, IReadOnlyList<LocationDemand> locations)
    {
        var days = new List<ForecastDay>();
        for (var date = from; date <= to; date = date.AddDays(1))
        {
            double forecast = 0, expected = 0;
            int capacity = 0, booked = 0, known = 0;
            foreach (var location in locations)
            {
                var e = Expected(date, location.History, asOf, firstOrder, trend);
                var b = location.Booked.GetValueOrDefault(date);
                var k = location.Known.GetValueOrDefault(date);
                // What is already booked is demand for certain, even when earlier years saw less.
                forecast += Math.Max(e, b) + k;
                expected += e;
                booked += b;
                known += k;
                capacity += location.Capacity.GetValueOrDefault(date);
            }
            days.Add(new ForecastDay(date, Round(forecast), capacity, Round(expected), booked, known));
        }
        return days;
    }

    /// <summary>The same, reading trend and first order from the locations' histories (which must then be whole).</summary>
    public static IReadOnlyList<ForecastDay> Build(DateOnly from, DateOnly to, DateOnly asOf, IReadOnlyList<LocationDemand> locations)
    {
        var all = new Dictionary<DateOnly, int>();
        foreach (var location in locations)
            foreach (var (date, count) in location.History)
                all[date] = all.GetValueOrDefault(date) + count;
        return Build(from, to, asOf, FirstOrder(all, asOf), Trend(all, asOf), locations);
    }

    private static int Round(double value) => (int)Math.Round(value, MidpointRounding.AwayFromZero);
}
