namespace Rapport.Core.Forecasting;

/// <summary>The days of the year a florist's orders peak.</summary>
public enum PeakDay { ValentinesDay, MothersDay, Christmas }

/// <summary>
/// Where the peak days fall in a given year. Mother's Day moves (the second Sunday of May), so a year's peak
/// is compared with the same peak of earlier years, not with the same calendar date.
/// </summary>
public static class PeakDays
{
    /// <summary>
    /// Days just before a peak that belong to it: orders for a Sunday Mother's Day go out on the Saturday, and
    /// Christmas Eve is busier than an ordinary December day.
    /// </summary>
    public const int LeadUpDays = 3;

    public static readonly IReadOnlyList<PeakDay> All = [PeakDay.ValentinesDay, PeakDay.MothersDay, PeakDay.Christmas];

    public static DateOnly On(PeakDay peak, int year) => peak switch
    {
        PeakDay.ValentinesDay => new DateOnly(year, 2, 14),
        PeakDay.MothersDay => MothersDay(year),
        PeakDay.Christmas => new DateOnly(year, 12, 25),
        _ => throw new ArgumentOutOfRangeException(nameof(peak)),
    };

    /// <summary>The second Sunday of May.</summary>
    public static DateOnly MothersDay(int year)
    {
        var first = new DateOnly(year, 5, 1);
        var firstSunday = first.AddDays(((int)DayOfWeek.Sunday - (int)first.DayOfWeek + 7) % 7);
        return firstSunday.AddDays(7);
    }

    public static string Name(PeakDay peak) => peak switch
    {
        PeakDay.ValentinesDay => "Valentine's Day",
        PeakDay.MothersDay => "Mother's Day",
        PeakDay.Christmas => "Christmas",
        _ => peak.ToString(),
    };

    /// <summary>
    /// The peak a date is, or leads up to, with how many days before it the date falls (0 on the day itself);
    /// null for an ordinary day.
    /// </summary>
    public static (PeakDay Peak, int DaysBefore)? Around(DateOnly date)
    {
        foreach (var peak in All)
        {
            var before = On(peak, date.Year).DayNumber - date.DayNumber;
            if (before is >= 0 and <= LeadUpDays) return (peak, before);
        }
        return null;
    }

    /// <summary>The peak days of a year, in calendar order.</summary>
    public static IEnumerable<(PeakDay Peak, DateOnly Date)> Of(int year) => All.Select(p => (p, On(p, year))).OrderBy(x => x.Item2);

    /// <summary>How far ahead the owner's home looks for peak days: Valentine's Day shows from mid-October.</summary>
    public const int SeenAheadDays = 120;

    /// <summary>
    /// The peak days from <paramref name="from"/> to <paramref name="days"/> days after it (both included), nearest
    /// first: this year's where it is still to come, else next year's.
    /// </summary>
    public static IReadOnlyList<(PeakDay Peak, DateOnly Date)> Coming(DateOnly from, int days = SeenAheadDays)
    {
        var last = from.AddDays(days);
        return All.Select(p => (Peak: p, Date: On(p, from.Year) >= from ? On(p, from.Year) : On(p, from.Year + 1)))
            .Where(x => x.Date <= last).OrderBy(x => x.Date).ToList();
    }
}
