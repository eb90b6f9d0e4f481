using Rapport.Core.Businesses;
using Rapport.Core.Delivery;

namespace Rapport.UnitTests.Delivery;

public sealed class BusinessClockTests
{
    private static readonly TimeZoneInfo Chicago = BusinessClock.Zone("America/Chicago");

    [Fact]
    public void A_cutoff_is_noon_local_on_both_sides_of_the_spring_change()
    {
        // 2026-03-08 is the US spring-forward Sunday: CST (UTC−6) before, CDT (UTC−5) after.
        BusinessClock.ToUtc(new DateOnly(2026, 3, 7), new TimeOnly(12, 0), Chicago).ShouldBe(new DateTime(2026, 3, 7, 18, 0, 0, DateTimeKind.Utc));
        BusinessClock.ToUtc(new DateOnly(2026, 3, 8), new TimeOnly(12, 0), Chicago).ShouldBe(new DateTime(2026, 3, 8, 17, 0, 0, DateTimeKind.Utc));
        BusinessClock.ToUtc(new DateOnly(2026, 3, 9), new TimeOnly(12, 0), Chicago).ShouldBe(new DateTime(2026, 3, 9, 17, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void A_time_skipped_by_the_spring_change_means_the_first_moment_after_the_gap()
    {
        BusinessClock.ToUtc(new DateOnly(2026, 3, 8), new TimeOnly(2, 30), Chicago).ShouldBe(new DateTime(2026, 3, 8, 8, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void An_hour_lived_twice_in_autumn_means_its_first_occurrence()
    {
        // 2026-11-01 01:30 happens at 06:30Z (CDT) and again at 07:30Z (CST).
        BusinessClock.ToUtc(new DateOnly(2026, 11, 1), new TimeOnly(1, 30), Chicago).ShouldBe(new DateTime(2026, 11, 1, 6, 30, 0, DateTimeKind.Utc));
        BusinessClock.ToUtc(new DateOnly(2026, 11, 1), new TimeOnly(12, 0), Chicago).ShouldBe(new DateTime(2026, 11, 1, 18, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void Today_is_the_local_date_not_the_utc_one()
    {
        // 03:00Z on the 14th is still the evening of the 13th in Chicago.
        BusinessClock.Today(new DateTime(2027, 2, 14, 3, 0, 0, DateTimeKind.Utc), Chicago).ShouldBe(new DateOnly(2027, 2, 13));
    }

    [Fact]
    public void Windows_made_across_the_change_keep_local_hours_and_their_cutoff()
    {
        var location = new Location { Name = "Downtown", TimeZone = "America/Chicago", SameDayCutoff = new TimeOnly(12, 0) };
        var before = DeliveryCalendar.Make(location, Chicago, new DateOnly(2026, 3, 7), new TimeOnly(15, 0), new TimeOnly(18, 0), 8, 1);
        var after = DeliveryCalendar.Make(location, Chicago, new DateOnly(2026, 3, 8), new TimeOnly(15, 0), new TimeOnly(18, 0), 8, 1);

        before.StartsAt.ShouldBe(new DateTime(2026, 3, 7, 21, 0, 0, DateTimeKind.Utc));
        after.StartsAt.ShouldBe(new DateTime(2026, 3, 8, 20, 0, 0, DateTimeKind.Utc));
        before.Cutoff.ShouldBe(new DateTime(2026, 3, 7, 18, 0, 0, DateTimeKind.Utc));
        after.Cutoff.ShouldBe(new DateTime(2026, 3, 8, 17, 0, 0, DateTimeKind.Utc));
        // A morning window closes when it starts, before the same-day cutoff.
        DeliveryCalendar.Make(location, Chicago, new DateOnly(2026, 3, 8), new TimeOnly(9, 0), new TimeOnly(12, 0), 8, 1)
            .Cutoff.ShouldBe(new DateTime(2026, 3, 8, 14, 0, 0, DateTimeKind.Utc));
    }
}
