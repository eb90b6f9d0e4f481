using System.Globalization;

namespace Rapport.Core.Occasions;

public enum DateRuleKind { Fixed, NthWeekday, LastWeekday }

/// <summary>
/// When an occasion falls each year: a fixed month and day (Feb 29 falls on Feb 28 in other years), the nth
/// weekday of a month ("second Sunday of May", Mother's Day in the US) or the last weekday of a month.
/// </summary>
/// <param name="Day">The day of the month, for <see cref="DateRuleKind.Fixed"/>; otherwise 0.</param>
/// <param name="Week">1 to 4 for <see cref="DateRuleKind.NthWeekday"/>; otherwise 0.</param>
public readonly record struct DateRule(DateRuleKind Kind, int Month, int Day, int Week, DayOfWeek Weekday)
{
    private static readonly string[] Ordinals = ["first", "second", "third", "fourth"];
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    public static DateRule Fixed(int month, int day) => new(DateRuleKind.Fixed, month, day, 0, default);
    public static DateRule NthWeekday(int week, DayOfWeek weekday, int month) => new(DateRuleKind.NthWeekday, month, 0, week, weekday);
    public static DateRule LastWeekday(DayOfWeek weekday, int month) => new(DateRuleKind.LastWeekday, month, 0, 0, weekday);

    public static readonly DateRule ValentinesDay = Fixed(2, 14);
    /// <summary>Mother's Day in the US.</summary>
    public static readonly DateRule MothersDay = NthWeekday(2, DayOfWeek.Sunday, 5);
    public static readonly DateRule ChristmasDay = Fixed(12, 25);

    /// <summary>Whether the rule names a day that exists at least in leap years.</summary>
    public bool IsValid => Month is >= 1 and <= 12 && Kind switch
    {
        DateRuleKind.Fixed => Day >= 1 && Day <= DateTime.DaysInMonth(2000, Month) && Week == 0,
        DateRuleKind.NthWeekday => Week is >= 1 and <= 4 && Day == 0 && Enum.IsDefined(Weekday),
        DateRuleKind.LastWeekday => Week == 0 && Day == 0 && Enum.IsDefined(Weekday),
        _ => false,
    };

    /// <summary>The day the occasion falls on in a year.</summary>
    public DateOnly In(int year)
    {
        switch (Kind)
        {
            case DateRuleKind.Fixed:
                // Born on Feb 29: celebrated on Feb 28 when the year has no Feb 29.
                return new DateOnly(year, Month, Math.Min(Day, DateTime.DaysInMonth(year, Month)));
            case DateRuleKind.NthWeekday:
                var first = new DateOnly(year, Month, 1);
                return first.AddDays(((int)Weekday - (int)first.DayOfWeek + 7) % 7 + 7 * (Week - 1));
            default:
                var last = new DateOnly(year, Month, DateTime.DaysInMonth(year, Month));
                return last.AddDays(-(((int)last.DayOfWeek - (int)Weekday + 7) % 7));
        }
    }

    /// <summary>The first day the occasion falls on, on or after <paramref name="from"/>.</summary>
    public DateOnly NextDate(DateOnly from)
    {
        var thisYear = In(from.Year);
        return thisYear >= from ? thisYear : In(from.Year + 1);
    }

    /// <summary>The occurrence nearest to a day, in its year or the one before or after (an order for Jan 1 placed for Dec 31).</summary>
    public DateOnly Nearest(DateOnly day)
    {
        var best = In(day.Year);
        foreach (var year in new[] { day.Year - 1, day.Year + 1 })
        {
            if (year is < 1 or > 9999) continue;
            var candidate = In(year);
            if (Math.Abs(candidate.DayNumber - day.DayNumber) < Math.Abs(best.DayNumber - day.DayNumber)) best = candidate;
        }
        return best;
    }

    /// <summary>Stable text for telling two rules apart, e.g. "fixed:02-14", "nth:05:2:Sunday".</summary>
    public string Key => Kind switch
    {
        DateRuleKind.Fixed => $"fixed:{Month:00}-{Day:00}",
        DateRuleKind.NthWeekday => $"nth:{Month:00}:{Week}:{Weekday}",
        _ => $"last:{Month:00}:{Weekday}",
    };

    /// <summary>In words: "February 14", "second Sunday of May", "last Monday of May".</summary>
    public override string ToString() => Kind switch
    {
        DateRuleKind.Fixed => $"{English.DateTimeFormat.GetMonthName(Month)} {Day}",
        DateRuleKind.NthWeekday => $"{Ordinals[Week - 1]} {Weekday} of {English.DateTimeFormat.GetMonthName(Month)}",
        _ => $"last {Weekday} of {English.DateTimeFormat.GetMonthName(Month)}",
    };

    /// <summary>Reads a moving rule as people write it: "second Sunday of May", "2nd sunday of may", "last Monday of May".</summary>
    public static bool TryParse(string? text, out DateRule rule)
    {
        rule = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var words = text.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length != 4 || words[2] != "of") return false;
        var month = Array.FindIndex(English.DateTimeFormat.MonthNames, m => m.Length > 0 && m.Equals(words[3], StringComparison.OrdinalIgnoreCase)) + 1;
        if (month == 0) month = Array.FindIndex(English.DateTimeFormat.AbbreviatedMonthNames, m => m.Length > 0 && m.Equals(words[3], StringComparison.OrdinalIgnoreCase)) + 1;
        if (month == 0 || !Enum.TryParse<DayOfWeek>(words[1], ignoreCase: true, out var weekday) || !Enum.IsDefined(weekday)
            || words[1].All(char.IsAsciiDigit)) return false;
        if (words[0] == "last")
        {
            rule = LastWeekday(weekday, month);
            return true;
        }
        var week = Array.IndexOf(Ordinals, words[0]) + 1;
        if (week == 0) week = Array.IndexOf(["1st", "2nd", "3rd", "4th"], words[0]) + 1;
        if (week == 0) return false;
        rule = NthWeekday(week, weekday, month);
        return true;
    }
}
