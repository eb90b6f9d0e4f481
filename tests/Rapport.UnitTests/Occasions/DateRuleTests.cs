using Rapport.Core.Occasions;

namespace Rapport.UnitTests.Occasions;

public class DateRuleTests
{
    [Theory]
    [InlineData(2026, 5, 10)]
    [InlineData(2027, 5, 9)]
    [InlineData(2028, 5, 14)]
    [InlineData(2029, 5, 13)]
    [InlineData(2031, 5, 11)]
    public void Mothers_day_is_the_second_sunday_of_may(int year, int month, int day) =>
        DateRule.MothersDay.In(year).ShouldBe(new DateOnly(year, month, day));

    [Fact]
    public void A_feb_29_birthday_falls_on_feb_28_in_other_years_and_on_feb_29_in_leap_years()
    {
        var leapling = DateRule.Fixed(2, 29);
        leapling.NextDate(new DateOnly(2026, 1, 10)).ShouldBe(new DateOnly(2026, 2, 28));
        leapling.NextDate(new DateOnly(2026, 3, 1)).ShouldBe(new DateOnly(2027, 2, 28));
        leapling.NextDate(new DateOnly(2027, 3, 1)).ShouldBe(new DateOnly(2028, 2, 29));
        leapling.NextDate(new DateOnly(2028, 2, 29)).ShouldBe(new DateOnly(2028, 2, 29));
    }

    [Fact]
    public void The_next_date_is_today_when_the_occasion_is_today_else_this_year_or_next()
    {
        DateRule.ValentinesDay.NextDate(new DateOnly(2026, 2, 14)).ShouldBe(new DateOnly(2026, 2, 14));
        DateRule.ValentinesDay.NextDate(new DateOnly(2026, 2, 15)).ShouldBe(new DateOnly(2027, 2, 14));
        DateRule.ChristmasDay.NextDate(new DateOnly(2026, 12, 26)).ShouldBe(new DateOnly(2027, 12, 25));
        DateRule.MothersDay.NextDate(new DateOnly(2026, 5, 11)).ShouldBe(new DateOnly(2027, 5, 9));
    }

    [Theory]
    [InlineData(2026, 25)]
    [InlineData(2027, 31)]
    [InlineData(2028, 29)]
    public void The_last_monday_of_may_moves_with_the_year(int year, int day) =>
        DateRule.LastWeekday(DayOfWeek.Monday, 5).In(year).ShouldBe(new DateOnly(year, 5, day));

    [Fact]
    public void The_nearest_occurrence_may_be_in_the_year_before_or_after()
    {
        DateRule.Fixed(12, 31).Nearest(new DateOnly(2027, 1, 2)).ShouldBe(new DateOnly(2026, 12, 31));
        DateRule.Fixed(1, 1).Nearest(new DateOnly(2026, 12, 30)).ShouldBe(new DateOnly(2027, 1, 1));
        DateRule.MothersDay.Nearest(new DateOnly(2027, 5, 8)).ShouldBe(new DateOnly(2027, 5, 9));
    }

    [Theory]
    [InlineData("second Sunday of May", "second Sunday of May")]
    [InlineData("2nd sunday of may", "second Sunday of May")]
    [InlineData("Last Monday of May", "last Monday of May")]
    [InlineData("fourth thursday of nov", "fourth Thursday of November")]
    public void Moving_rules_read_as_people_write_them(string text, string words)
    {
        DateRule.TryParse(text, out var rule).ShouldBeTrue();
        rule.IsValid.ShouldBeTrue();
        rule.ToString().ShouldBe(words);
    }

    [Theory]
    [InlineData("")]
    [InlineData("fifth Sunday of May")]
    [InlineData("second Funday of May")]
    [InlineData("second Sunday in May")]
    [InlineData("second 0 of May")]
    [InlineData("second Sunday of Smarch")]
    public void Other_text_is_not_a_rule(string text) => DateRule.TryParse(text, out _).ShouldBeFalse();

    [Fact]
    public void Impossible_fixed_days_are_not_valid()
    {
        DateRule.Fixed(2, 30).IsValid.ShouldBeFalse();
        DateRule.Fixed(4, 31).IsValid.ShouldBeFalse();
        DateRule.Fixed(13, 1).IsValid.ShouldBeFalse();
        DateRule.Fixed(2, 29).IsValid.ShouldBeTrue();
        DateRule.Fixed(2, 14).ToString().ShouldBe("February 14");
    }
}
