using Rapport.Core.Forecasting;

namespace Rapport.UnitTests.Forecasting;

/// <summary>Which peak days the owner's home shows ahead: those of the next 120 days, nearest first.</summary>
public sealed class ComingPeaksTests
{
    private static List<(PeakDay, string)> Coming(string from, int days = PeakDays.SeenAheadDays) =>
        PeakDays.Coming(DateOnly.Parse(from)).Where(p => p.Date <= DateOnly.Parse(from).AddDays(days))
            .Select(p => (p.Peak, p.Date.ToString("yyyy-MM-dd"))).ToList();

    [Fact]
    public void Valentines_Day_appears_from_mid_October_and_not_before()
    {
        Coming("2026-10-16").ShouldBe([(PeakDay.Christmas, "2026-12-25")]);
        Coming("2026-10-17").ShouldBe([(PeakDay.Christmas, "2026-12-25"), (PeakDay.ValentinesDay, "2027-02-14")]);
    }

    [Fact]
    public void On_December_7_Christmas_comes_first_then_Valentines_Day_of_next_year()
    {
        PeakDays.Coming(new DateOnly(2026, 12, 7)).ShouldBe([(PeakDay.Christmas, new DateOnly(2026, 12, 25)), (PeakDay.ValentinesDay, new DateOnly(2027, 2, 14))]);
    }

    [Fact]
    public void A_peak_today_is_shown_and_one_just_past_gives_way_to_next_years()
    {
        PeakDays.Coming(new DateOnly(2027, 2, 14)).ShouldContain((PeakDay.ValentinesDay, new DateOnly(2027, 2, 14)));
        PeakDays.Coming(new DateOnly(2027, 2, 15)).ShouldBe([(PeakDay.MothersDay, new DateOnly(2027, 5, 9))]);
    }

    [Fact]
    public void Mothers_Day_moves_with_the_second_Sunday_of_May()
    {
        PeakDays.Coming(new DateOnly(2028, 1, 20)).ShouldBe([(PeakDay.ValentinesDay, new DateOnly(2028, 2, 14)), (PeakDay.MothersDay, new DateOnly(2028, 5, 14))]);
    }

    [Fact]
    public void The_span_is_the_callers_and_each_peak_is_shown_once()
    {
        PeakDays.Coming(new DateOnly(2026, 6, 1), 10).ShouldBeEmpty();
        PeakDays.Coming(new DateOnly(2026, 1, 1), 366).Select(p => p.Peak).ShouldBe([PeakDay.ValentinesDay, PeakDay.MothersDay, PeakDay.Christmas]);
    }
}
