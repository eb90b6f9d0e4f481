using Rapport.Core.Delivery;

namespace Rapport.UnitTests.Delivery;

public class CapacityCalendarTests
{
    private static readonly Guid Downtown = Guid.CreateVersion7();
    private static readonly Guid Plaza = Guid.CreateVersion7();
    private static readonly Dictionary<Guid, string> Locations = new() { [Downtown] = "Downtown", [Plaza] = "Plaza" };
    private static readonly DateOnly Feb13 = new(2027, 2, 13);
    private static readonly DateOnly Feb14 = new(2027, 2, 14);

    private static DeliveryWindow Window(Guid location, DateOnly date, int startHour, int capacity, int booked) => new()
    {
        LocationId = location, Date = date, Start = new TimeOnly(startHour, 0), End = new TimeOnly(startHour + 3, 0),
        Capacity = capacity, Booked = booked,
    };

    [Theory]
    [InlineData(0, 0, FillLevel.Closed)]
    [InlineData(2, 0, FillLevel.Full)]   // booked before the capacity went to zero
    [InlineData(0, 10, FillLevel.Open)]
    [InlineData(5, 10, FillLevel.Open)]
    [InlineData(6, 10, FillLevel.Busy)]
    [InlineData(8, 10, FillLevel.Busy)]
    [InlineData(9, 10, FillLevel.Full)]
    [InlineData(10, 10, FillLevel.Full)]
    public void Fill_is_busy_from_60_percent_and_full_from_90(int booked, int capacity, FillLevel fill) =>
        CapacityCalendar.FillOf(booked, capacity).ShouldBe(fill);

    [Fact]
    public void Every_date_of_the_range_is_a_day_and_its_totals_add_up_its_windows()
    {
        var windows = new[]
        {
            Window(Downtown, Feb14, 9, 20, 19), Window(Plaza, Feb14, 9, 10, 9), Window(Downtown, Feb14, 12, 20, 18),
            Window(Downtown, Feb13, 9, 10, 2),
        };

        var days = CapacityCalendar.Build(Feb13, Feb14.AddDays(1), Locations, windows, []);

        days.Select(d => d.Date).ShouldBe([Feb13, Feb14, Feb14.AddDays(1)]);
        (days[0].Booked, days[0].Capacity, days[0].Fill).ShouldBe((2, 10, FillLevel.Open));
        (days[1].Booked, days[1].Capacity, days[1].Fill).ShouldBe((46, 50, FillLevel.Full));
        days[1].Windows.Select(w => (w.Start.Hour, w.LocationName)).ShouldBe([(9, "Downtown"), (9, "Plaza"), (12, "Downtown")]);
        (days[2].Windows.Count, days[2].Fill).ShouldBe((0, FillLevel.Closed));
    }

    [Fact]
    public void A_location_blocked_that_day_offers_no_capacity_but_its_bookings_still_show()
    {
        var windows = new[] { Window(Downtown, Feb14, 9, 10, 4), Window(Plaza, Feb14, 9, 10, 1) };
        var blocked = new[] { new BlockedDate { Date = Feb14, LocationId = Plaza, Reason = "Cooler repair" } };

        var day = CapacityCalendar.Build(Feb14, Feb14, Locations, windows, blocked).Single();

        (day.Booked, day.Capacity).ShouldBe((5, 10));
        day.Blocks.Single().Where.ShouldBe("Plaza");
        day.Windows.Single(w => w.LocationId == Plaza).Fill.ShouldBe(FillLevel.Closed);
        day.Fill.ShouldBe(FillLevel.Open);
    }

    [Fact]
    public void A_day_whose_only_delivering_location_is_closed_is_closed_even_with_bookings()
    {
        var windows = new[] { Window(Downtown, Feb14, 9, 10, 7) };
        var blocked = new[] { new BlockedDate { Date = Feb14, LocationId = Downtown } };

        var day = CapacityCalendar.Build(Feb14, Feb14, Locations, windows, blocked).Single();

        (day.Booked, day.Capacity, day.Fill).ShouldBe((7, 0, FillLevel.Closed));
    }

    [Fact]
    public void A_day_the_whole_business_is_closed_is_closed()
    {
        var blocked = new[] { new BlockedDate { Date = Feb14, Reason = "Family wedding" } };

        var day = CapacityCalendar.Build(Feb14, Feb14, Locations, [Window(Downtown, Feb14, 9, 10, 0)], blocked).Single();

        day.IsBlocked.ShouldBeTrue();
        day.Blocks.Single().Where.ShouldBe("All locations");
        (day.Capacity, day.Fill).ShouldBe((0, FillLevel.Closed));
    }

    [Fact]
    public void Windows_and_blocks_of_locations_not_shown_are_left_out()
    {
        var onlyDowntown = new Dictionary<Guid, string> { [Downtown] = "Downtown" };
        var windows = new[] { Window(Downtown, Feb14, 9, 10, 1), Window(Plaza, Feb14, 9, 10, 10) };
        var blocked = new[] { new BlockedDate { Date = Feb14, LocationId = Plaza } };

        var day = CapacityCalendar.Build(Feb14, Feb14, onlyDowntown, windows, blocked).Single();

        day.Windows.Single().LocationId.ShouldBe(Downtown);
        day.IsBlocked.ShouldBeFalse();
        (day.Booked, day.Capacity).ShouldBe((1, 10));
    }
}
