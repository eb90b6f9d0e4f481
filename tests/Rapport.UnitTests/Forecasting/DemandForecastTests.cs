using Rapport.Core.Delivery;
using Rapport.Core.Forecasting;

namespace Rapport.UnitTests.Forecasting;

public sealed class DemandForecastTests
{
    private static readonly Guid Shop = Guid.NewGuid();
    private static readonly IReadOnlyDictionary<DateOnly, int> None = new Dictionary<DateOnly, int>();

    private static Dictionary<DateOnly, int> History(params (string Date, int Orders)[] days) =>
        days.ToDictionary(d => DateOnly.Parse(d.Date), d => d.Orders);

    private static LocationDemand At(IReadOnlyDictionary<DateOnly, int> history, IReadOnlyDictionary<DateOnly, int>? booked = null,
        IReadOnlyDictionary<DateOnly, int>? known = null, IReadOnlyDictionary<DateOnly, int>? capacity = null) =>
        new(Shop, history, booked ?? None, known ?? None, capacity ?? None);

    [Fact]
    public void Each_year_back_is_scaled_by_the_trend_once_per_year_and_recent_years_weigh_more()
    {
        var history = History(("2024-02-14", 40), ("2025-02-14", 50), ("2026-02-14", 60));
        var today = new DateOnly(2027, 1, 22);

        DemandForecast.Trend(history, today).ShouldBe(1.2, 1e-9);
        // (3 × 60 × 1.2 + 2 × 50 × 1.44 + 1 × 40 × 1.728) / 6
        DemandForecast.Expected(new DateOnly(2027, 2, 14), history, today, new DateOnly(2024, 2, 14), 1.2).ShouldBe(71.52, 1e-9);
    }

    [Fact]
    public void The_trend_is_1_without_two_full_years_and_held_within_its_bounds()
    {
        var today = new DateOnly(2027, 1, 22);
        DemandForecast.Trend(History(("2026-02-14", 60)), today).ShouldBe(1);
        DemandForecast.Trend(History(("2024-02-14", 1), ("2025-02-14", 1), ("2026-02-14", 60)), today).ShouldBe(DemandForecast.MaxTrend);
        DemandForecast.Trend(History(("2024-02-14", 1), ("2025-02-14", 60), ("2026-02-14", 1)), today).ShouldBe(DemandForecast.MinTrend);
        DemandForecast.Trend(History(("2024-02-14", 1)), today).ShouldBe(1);
    }

    [Fact]
    public void Mothers_Day_is_forecast_from_Mothers_Day_wherever_it_fell_and_its_Saturday_from_the_Saturdays_before()
    {
        PeakDays.MothersDay(2027).ShouldBe(new DateOnly(2027, 5, 9));
        PeakDays.MothersDay(2026).ShouldBe(new DateOnly(2026, 5, 10));
        PeakDays.MothersDay(2024).ShouldBe(new DateOnly(2024, 5, 12));
        // Mother's Day and its Saturday in 2024 to 2026; the same calendar dates of those years were ordinary.
        var history = History(
            ("2024-05-11", 30), ("2024-05-12", 3), ("2025-05-10", 30), ("2025-05-11", 3), ("2026-05-09", 30), ("2026-05-10", 3),
            ("2024-05-09", 100), ("2025-05-09", 100), ("2024-05-08", 100), ("2025-05-08", 100));
        var today = new DateOnly(2027, 4, 20);
        var first = new DateOnly(2024, 1, 1);

        DemandForecast.Expected(new DateOnly(2027, 5, 9), history, today, first, 1).ShouldBe(3);
        DemandForecast.Expected(new DateOnly(2027, 5, 8), history, today, first, 1).ShouldBe(30);
    }

    [Fact]
    public void Ordinary_days_come_from_the_same_weekday_52_weeks_back_and_the_weeks_either_side_leaving_peaks_out()
    {
        // Wednesday 3 March 2027: 52 weeks back is Wednesday 4 March 2026, with 25 February and 11 March.
        var history = History(("2026-02-25", 3), ("2026-03-04", 6), ("2026-03-11", 9), ("2026-03-03", 50));
        DemandForecast.Expected(new DateOnly(2027, 3, 3), history, new DateOnly(2027, 1, 1), new DateOnly(2026, 1, 1), 1).ShouldBe(6);

        // Saturday 20 February 2027: its week before 52 weeks back is Saturday 14 February 2026, Valentine's Day, left out.
        var valentine = History(("2026-02-14", 200), ("2026-02-21", 4), ("2026-02-28", 6));
        DemandForecast.Expected(new DateOnly(2027, 2, 20), valentine, new DateOnly(2027, 1, 1), new DateOnly(2026, 1, 1), 1).ShouldBe(5);
    }

    [Fact]
    public void Feb_29_is_read_for_the_weekday_it_matches_and_forecast_in_a_leap_year_like_any_day()
    {
        new DateOnly(2025, 2, 27).AddDays(-364).ShouldBe(new DateOnly(2024, 2, 29));
        var history = History(("2024-02-22", 2), ("2024-02-29", 5), ("2024-03-07", 8));
        DemandForecast.Expected(new DateOnly(2025, 2, 27), history, new DateOnly(2025, 1, 1), new DateOnly(2024, 1, 1), 1).ShouldBe(5);

        // Tuesday 29 February 2028 from Tuesdays 2 March 2027 and around.
        var later = History(("2027-02-23", 1), ("2027-03-02", 2), ("2027-03-09", 3));
        DemandForecast.Expected(new DateOnly(2028, 2, 29), later, new DateOnly(2028, 1, 1), new DateOnly(2027, 1, 1), 1).ShouldBe(2);
        DemandForecast.Build(new DateOnly(2028, 2, 27), new DateOnly(2028, 3, 2), new DateOnly(2028, 1, 1), [At(later)]).Count.ShouldBe(5);
    }

    [Fact]
    public void Without_history_nothing_is_expected_and_the_forecast_is_what_is_booked_and_known()
    {
        var today = new DateOnly(2027, 1, 22);
        var feb14 = new DateOnly(2027, 2, 14);
        DemandForecast.Expected(feb14, None, today, null, 1).ShouldBe(0);
        DemandForecast.Trend(None, today).ShouldBe(1);

        var day = DemandForecast.Build(feb14, feb14, today, [At(None, booked: History(("2027-02-14", 7)), known: History(("2027-02-14", 2)), capacity: History(("2027-02-14", 8)))]).Single();
        (day.Expected, day.Booked, day.Known, day.Forecast, day.Capacity, day.Shortfall).ShouldBe((0, 7, 2, 9, 8, 1));
    }

    [Fact]
    public void Known_demand_is_added_to_the_larger_of_expected_and_booked_and_locations_add_up()
    {
        var history = History(("2024-02-14", 40), ("2025-02-14", 50), ("2026-02-14", 60));
        var today = new DateOnly(2027, 1, 22);
        var feb14 = new DateOnly(2027, 2, 14);
        var other = new LocationDemand(Guid.NewGuid(), History(("2024-02-14", 10), ("2025-02-14", 10), ("2026-02-14", 10)),
            History(("2027-02-14", 30)), History(("2027-02-14", 4)), History(("2027-02-14", 20)));

        var day = DemandForecast.Build(feb14, feb14, today,
            [At(history, booked: History(("2027-02-14", 1)), known: History(("2027-02-14", 1)), capacity: History(("2027-02-14", 10))), other]).Single();

        // The trend is the business's: 70 orders in the last year against 60 the year before.
        var trend = 70.0 / 60;
        var first = DemandForecast.Expected(feb14, history, today, new DateOnly(2024, 2, 14), trend);
        var second = DemandForecast.Expected(feb14, other.History, today, new DateOnly(2024, 2, 14), trend);
        second.ShouldBeLessThan(30);
        day.Forecast.ShouldBe((int)Math.Round(first + 1 + 30 + 4, MidpointRounding.AwayFromZero));
        (day.Booked, day.Known, day.Capacity).ShouldBe((31, 5, 30));
        day.Shortfall.ShouldBe(day.Forecast - 30);
    }

    [Fact]
    public void History_from_the_day_forecast_on_or_after_is_not_read()
    {
        var history = History(("2026-02-14", 60), ("2027-02-14", 500));
        DemandForecast.Expected(new DateOnly(2028, 2, 14), history, new DateOnly(2027, 2, 14), new DateOnly(2026, 2, 14), 1).ShouldBe(60);
    }

    [Fact]
    public void Capacity_is_the_windows_made_for_a_date_else_its_weekday_templates_and_nothing_when_closed()
    {
        var location = new Location { Name = "Main" };
        location.WeeklyWindows.AddRange([
            new WindowTemplate { LocationId = location.Id, Weekday = DayOfWeek.Monday, Start = new(9, 0), End = new(12, 0), Capacity = 8 },
            new WindowTemplate { LocationId = location.Id, Weekday = DayOfWeek.Monday, Start = new(12, 0), End = new(15, 0), Capacity = 6 },
        ]);
        var monday = new DateOnly(2027, 2, 15);
        var made = new DeliveryWindow { LocationId = location.Id, Date = monday, Capacity = 25 };
        var elsewhere = new DeliveryWindow { LocationId = Guid.NewGuid(), Date = monday.AddDays(7), Capacity = 99 };
        var closed = new BlockedDate { LocationId = null, Date = monday.AddDays(14) };

        var capacity = PlannedCapacity.Of(location, monday, monday.AddDays(14), [made, elsewhere], [closed]);

        capacity[monday].ShouldBe(25);
        capacity[monday.AddDays(1)].ShouldBe(0);
        capacity[monday.AddDays(7)].ShouldBe(14);
        capacity[monday.AddDays(14)].ShouldBe(0);
        capacity.Count.ShouldBe(15);
    }
}
