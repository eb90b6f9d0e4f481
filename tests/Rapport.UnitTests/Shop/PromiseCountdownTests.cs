using Rapport.Core.Businesses;
using Rapport.Core.Delivery;
using Rapport.Core.Shop;

namespace Rapport.UnitTests.Shop;

public sealed class PromiseCountdownTests
{
    private static readonly TimeZoneInfo Chicago = BusinessClock.Zone("America/Chicago");
    private static readonly Guid Downtown = Guid.NewGuid();
    // A Wednesday in June.
    private static readonly DateOnly Today = new(2026, 6, 10);

    private static DateTime At(DateOnly date, int hour, int minute = 0, int second = 0) =>
        BusinessClock.ToUtc(date, new TimeOnly(hour, minute, second), Chicago);

    /// <summary>A three-hour window closing at the same-day cutoff (noon) or at its start, whichever is first, as the calendar makes them.</summary>
    private static WindowSlot Window(DateOnly date, int start, int capacity = 5, int booked = 0, int reserve = 0, decimal? fee = 10m) =>
        new(Guid.NewGuid(), Downtown, "Downtown", date, new TimeOnly(start, 0), new TimeOnly(start + 3, 0),
            capacity, booked, reserve, At(date, Math.Min(start, 12)), fee);

    private static DeliverySituation Situation(
        DateTime now, IEnumerable<WindowSlot> windows, bool hasAddress = true, bool mayUseReserve = false,
        IEnumerable<PickupPoint>? pickups = null, IEnumerable<PartnerSlot>? partners = null, DateOnly? today = null) =>
        new(now, today ?? Today, today ?? Today, null, mayUseReserve, hasAddress, windows.ToList(), partners?.ToList() ?? [], pickups?.ToList() ?? []);

    private static PickupPoint Pickup(DateOnly date) => new(Downtown, "Downtown", date, new TimeOnly(18, 0), At(date, 18));

    private static WindowSlot[] UsualDay(DateOnly date) => [Window(date, 9), Window(date, 12), Window(date, 15)];

    [Fact]
    public void Minutes_before_the_cutoff_say_how_many()
    {
        var say = PromiseCountdown.Say(Situation(At(Today, 11, 15), UsualDay(Today)));

        say.ShouldBe("Order within 45 min for delivery today");
    }

    [Fact]
    public void Hours_and_minutes_are_rounded_down_to_the_minute()
    {
        var say = PromiseCountdown.Say(Situation(At(Today, 10, 39, 30), UsualDay(Today)));

        say.ShouldBe("Order within 1 h 20 min for delivery today");
    }

    [Fact]
    public void Whole_hours_say_hours_only() =>
        PromiseCountdown.Say(Situation(At(Today, 10), UsualDay(Today))).ShouldBe("Order within 2 h for delivery today");

    [Fact]
    public void The_earliest_ending_open_window_sets_the_time()
    {
        // The 9–12 window closes at its start, 9:00; the later ones at noon.
        var say = PromiseCountdown.Say(Situation(At(Today, 8), UsualDay(Today)));

        say.ShouldBe("Order within 1 h for delivery today");
    }

    [Fact]
    public void A_full_window_does_not_count()
    {
        var say = PromiseCountdown.Say(Situation(At(Today, 8), [Window(Today, 9, capacity: 4, booked: 4), Window(Today, 12), Window(Today, 15)]));

        say.ShouldBe("Order within 4 h for delivery today");
    }

    [Fact]
    public void Room_left_only_in_the_reserve_counts_for_a_loyal_customer_only()
    {
        WindowSlot[] reserveOnly = [Window(Today, 12, capacity: 4, booked: 3, reserve: 1), Window(Today.AddDays(1), 9)];

        PromiseCountdown.Say(Situation(At(Today, 11), reserveOnly, mayUseReserve: true)).ShouldBe("Order within 1 h for delivery today");
        PromiseCountdown.Say(Situation(At(Today, 11), reserveOnly)).ShouldBe("Today's deliveries are full — tomorrow from 9:00.");
    }

    [Fact]
    public void Windows_that_do_not_deliver_to_the_address_do_not_count_unless_no_address_is_known()
    {
        WindowSlot[] elsewhere = [Window(Today, 12, fee: null), Window(Today.AddDays(1), 9)];

        PromiseCountdown.Say(Situation(At(Today, 11), elsewhere)).ShouldBe("No deliveries today — tomorrow from 9:00.");
        PromiseCountdown.Say(Situation(At(Today, 11), elsewhere, hasAddress: false)).ShouldBe("Order within 1 h for delivery today");
    }

    [Fact]
    public void Past_the_cutoff_it_says_when_the_next_delivery_is_and_what_is_left_today()
    {
        var windows = UsualDay(Today).Concat(UsualDay(Today.AddDays(1)));

        PromiseCountdown.Say(Situation(At(Today, 12, 30), windows)).ShouldBe("Today's deliveries are closed — tomorrow from 9:00.");
        PromiseCountdown.Say(Situation(At(Today, 12, 30), windows, pickups: [Pickup(Today)]))
            .ShouldBe("Today's deliveries are closed — tomorrow from 9:00, or pick-up today until 18:00 at Downtown.");
        PromiseCountdown.Say(Situation(At(Today, 12, 30), windows, partners: [new PartnerSlot(Guid.NewGuid(), "Petal Post", Today, 3, 20m)]))
            .ShouldBe("Today's deliveries are closed — a partner florist can still deliver today, or tomorrow from 9:00.");
        // The catalogue knows no address yet: the partner is said all the same; one without room today is not.
        PromiseCountdown.Say(Situation(At(Today, 12, 30), windows, hasAddress: false, partners: [new PartnerSlot(Guid.NewGuid(), "Petal Post", Today, 3, 20m)]))
            .ShouldBe("Today's deliveries are closed — a partner florist can still deliver today, or tomorrow from 9:00.");
        PromiseCountdown.Say(Situation(At(Today, 12, 30), windows, hasAddress: false, partners: [new PartnerSlot(Guid.NewGuid(), "Petal Post", Today, 0, 20m)]))
            .ShouldBe("Today's deliveries are closed — tomorrow from 9:00.");
    }

    [Fact]
    public void Pick_up_that_has_closed_is_not_offered() =>
        PromiseCountdown.Say(Situation(At(Today, 18, 5), UsualDay(Today).Concat(UsualDay(Today.AddDays(1))), pickups: [Pickup(Today)]))
            .ShouldBe("Today's deliveries are closed — tomorrow from 9:00.");

    [Fact]
    public void A_next_delivery_after_tomorrow_is_named_by_its_day()
    {
        var sunday = new DateOnly(2026, 6, 14);

        var say = PromiseCountdown.Say(Situation(At(sunday, 10), UsualDay(sunday.AddDays(2)), today: sunday));

        say.ShouldBe("No deliveries today — Tue 16 Jun from 9:00.");
    }

    [Fact]
    public void Nothing_is_said_by_a_business_without_deliveries_or_pick_up() =>
        PromiseCountdown.Say(Situation(At(Today, 10), [])).ShouldBeNull();

    [Fact]
    public void Under_a_minute_left_still_says_order_now() =>
        PromiseCountdown.Say(Situation(At(Today, 11, 59, 30), UsualDay(Today))).ShouldBe("Order within a minute for delivery today");

    [Fact]
    public void On_the_spring_forward_day_the_lost_hour_is_not_counted()
    {
        // 8 March 2026 in Chicago: 2:00 jumps to 3:00, so from 1:30 to 9:00 is 6 h 30 min and to noon 9 h 30 min.
        var day = new DateOnly(2026, 3, 8);

        var say = PromiseCountdown.Say(Situation(At(day, 1, 30), UsualDay(day), today: day));

        say.ShouldBe("Order within 6 h 30 min for delivery today");
        PromiseCountdown.Say(Situation(At(day, 1, 30), [Window(day, 12)], today: day)).ShouldBe("Order within 9 h 30 min for delivery today");
    }

    [Fact]
    public void On_the_fall_back_day_the_repeated_hour_is_counted()
    {
        // 1 November 2026 in Chicago: 2:00 goes back to 1:00, so from 0:30 to noon is 12 h 30 min, not 11 h 30 min.
        var day = new DateOnly(2026, 11, 1);

        PromiseCountdown.Say(Situation(At(day, 0, 30), [Window(day, 12)], today: day)).ShouldBe("Order within 12 h 30 min for delivery today");
    }

    [Theory]
    [InlineData(0, "a minute")]
    [InlineData(59, "a minute")]
    [InlineData(60, "1 min")]
    [InlineData(59 * 60 + 59, "59 min")]
    [InlineData(3600, "1 h")]
    [InlineData(3600 + 20 * 60 + 59, "1 h 20 min")]
    [InlineData(26 * 3600, "26 h")]
    public void Time_left_reads_in_hours_and_minutes(int seconds, string expected) =>
        PromiseCountdown.TimeLeft(TimeSpan.FromSeconds(seconds)).ShouldBe(expected);
}
