using Rapport.Core.Common;
using Rapport.Core.Delivery;

namespace Rapport.UnitTests.Delivery;

public class WindowRulesTests
{
    private static TimeOnly T(string hhmm) => TimeOnly.ParseExact(hhmm, "HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    private static readonly (TimeOnly Start, TimeOnly End)[] MorningAndNoon = [(T("09:00"), T("12:00")), (T("12:00"), T("15:00"))];

    private static IReadOnlyDictionary<string, string[]> Errors(Validator v) => v.IsValid ? new Dictionary<string, string[]>() : v.ToFailure().Errors!;

    [Theory]
    [InlineData("09:00", "12:00", "12:00", "15:00", false)] // touching ends
    [InlineData("12:00", "15:00", "09:00", "12:00", false)]
    [InlineData("09:00", "12:00", "11:00", "13:00", true)]  // overlapping tail
    [InlineData("11:00", "13:00", "09:00", "12:00", true)]  // overlapping head
    [InlineData("09:00", "18:00", "12:00", "15:00", true)]  // containing
    [InlineData("12:30", "13:00", "12:00", "15:00", true)]  // contained
    [InlineData("09:00", "12:00", "09:00", "12:00", true)]  // the same
    [InlineData("06:00", "08:00", "09:00", "12:00", false)] // apart
    public void Windows_overlap_when_each_starts_before_the_other_ends(string aStart, string aEnd, string bStart, string bEnd, bool overlap) =>
        WindowRules.Overlaps(T(aStart), T(aEnd), T(bStart), T(bEnd)).ShouldBe(overlap);

    [Fact]
    public void A_window_after_the_others_of_its_day_is_sound()
    {
        var v = new Validator().Window(T("15:00"), T("18:00"), capacity: 8, loyaltyReserve: 2, MorningAndNoon);

        v.IsValid.ShouldBeTrue();
    }

    [Fact]
    public void An_overlapping_window_is_refused_on_start_naming_the_window_it_meets()
    {
        var v = new Validator().Window(T("11:00"), T("13:00"), 8, 0, MorningAndNoon);

        Errors(v).Keys.ShouldBe(["start"]);
        Errors(v)["start"].Single().ShouldBe("Overlaps the 09:00–12:00 window.");
    }

    [Theory]
    [InlineData("12:00", "09:00")]
    [InlineData("09:00", "09:00")]
    public void A_window_must_end_after_it_starts(string start, string end)
    {
        var v = new Validator().Window(T(start), T(end), 8, 0, []);

        Errors(v).Keys.ShouldBe(["end"]);
    }

    [Theory]
    [InlineData(-1, 0, "capacity")]
    [InlineData(10_001, 0, "capacity")]
    [InlineData(4, 5, "loyaltyReserve")]
    [InlineData(4, -1, "loyaltyReserve")]
    public void Capacity_is_zero_to_the_limit_and_the_reserve_fits_inside_it(int capacity, int reserve, string field)
    {
        var v = new Validator().Window(T("09:00"), T("12:00"), capacity, reserve, []);

        Errors(v).Keys.ShouldContain(field);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(10_000, 10_000)]
    public void A_closed_window_and_one_at_the_limit_are_both_sound(int capacity, int reserve) =>
        new Validator().Window(T("09:00"), T("12:00"), capacity, reserve, []).IsValid.ShouldBeTrue();
}
