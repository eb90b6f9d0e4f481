using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Delivery;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Orders;

public sealed class WindowTimeZoneTests(RapportApp app) : IClassFixture<RapportApp>
{
    [Theory]
    // US clocks go forward on 14 March 2027: noon is 18:00Z before and 17:00Z from that day on.
    [InlineData("America/Chicago", "2027-03-13", "2027-03-13T18:00:00Z")]
    [InlineData("America/Chicago", "2027-03-14", "2027-03-14T17:00:00Z")]
    [InlineData("America/Chicago", "2027-03-15", "2027-03-15T17:00:00Z")]
    // Europe's go forward on 28 March 2027 and back on 31 October.
    [InlineData("Europe/London", "2027-03-27", "2027-03-27T12:00:00Z")]
    [InlineData("Europe/London", "2027-03-28", "2027-03-28T11:00:00Z")]
    [InlineData("Europe/London", "2027-10-31", "2027-10-31T12:00:00Z")]
    public async Task A_days_windows_are_made_in_the_locations_own_time_zone(string timeZone, string date, string noonUtc)
    {
        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        var location = await app.WithDbAsync(bloom, async db =>
        {
            var l = new Location { Name = $"Shop in {timeZone}", TimeZone = timeZone, SameDayCutoff = new TimeOnly(12, 0) };
            foreach (var day in Enum.GetValues<DayOfWeek>())
                l.WeeklyWindows.Add(new WindowTemplate { Weekday = day, Start = new TimeOnly(15, 0), End = new TimeOnly(18, 0), Capacity = 5 });
            db.Locations.Add(l);
            await db.SaveChangesAsync(Ct);
            return l.Id;
        });
        var client = await app.ClientAsync("manager@bloom.example");

        var windows = (await client.GetJsonAsync($"/api/delivery/windows?date={date}&locationId={location}")).EnumerateArray().ToList();

        var window = windows.ShouldHaveSingleItem();
        window.Str("start").ShouldBe("15:00:00");
        window.GetProperty("cutoff").GetDateTime().ToUniversalTime().ShouldBe(DateTime.Parse(noonUtc, null, System.Globalization.DateTimeStyles.AdjustToUniversal));
        var again = (await client.GetJsonAsync($"/api/delivery/windows?date={date}&locationId={location}")).EnumerateArray().ToList();
        again.ShouldHaveSingleItem().Id().ShouldBe(window.Id());
    }

    [Fact]
    public async Task A_blocked_date_has_no_windows_and_a_date_is_required()
    {
        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        var location = await app.WithDbAsync(bloom, async db =>
        {
            var l = new Location { Name = "Closed on Christmas", TimeZone = "America/Chicago" };
            foreach (var day in Enum.GetValues<DayOfWeek>())
                l.WeeklyWindows.Add(new WindowTemplate { Weekday = day, Start = new TimeOnly(9, 0), End = new TimeOnly(12, 0), Capacity = 5 });
            db.Locations.Add(l);
            db.BlockedDates.Add(new BlockedDate { LocationId = l.Id, Date = new DateOnly(2027, 12, 25), Reason = "Christmas" });
            await db.SaveChangesAsync(Ct);
            return l.Id;
        });
        var client = await app.ClientAsync("manager@bloom.example");

        (await client.GetJsonAsync($"/api/delivery/windows?date=2027-12-25&locationId={location}")).EnumerateArray().ShouldBeEmpty();
        (await client.GetJsonAsync($"/api/delivery/windows?date=2027-12-24&locationId={location}")).EnumerateArray().Count().ShouldBe(1);
        await (await client.GetAsync($"/api/delivery/windows?locationId={location}", Ct)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "date");
    }

    [Fact]
    public async Task A_manager_changes_one_dates_capacity_but_never_below_what_is_booked()
    {
        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        var setup = await app.LocationAsync(bloom, DeliverySetup.SomeDayAhead(), (9, 5, 1));
        await app.WithDbAsync(bloom, db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ExecuteUpdateAsync(
            db.DeliveryWindows.Where(w => w.Id == setup.Windows[0]), s => s.SetProperty(w => w.Booked, 3), Ct));
        var manager = await app.ClientAsync("manager@bloom.example");
        var service = await app.ClientAsync("service@bloom.example");

        var changed = await (await manager.PutAsJsonAsync($"/api/delivery/windows/{setup.Windows[0]}", new { capacity = 30, loyaltyReserve = 4 }, Ct))
            .ShouldBeJsonAsync(HttpStatusCode.OK);
        changed.GetProperty("capacity").GetInt32().ShouldBe(30);
        changed.GetProperty("loyaltyReserve").GetInt32().ShouldBe(4);
        changed.GetProperty("isOverride").GetBoolean().ShouldBeTrue();

        await (await manager.PutAsJsonAsync($"/api/delivery/windows/{setup.Windows[0]}", new { capacity = 2 }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "capacity");
        await (await manager.PutAsJsonAsync($"/api/delivery/windows/{setup.Windows[0]}", new { capacity = 10, loyaltyReserve = 11 }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "loyaltyReserve");
        await (await service.PutAsJsonAsync($"/api/delivery/windows/{setup.Windows[0]}", new { capacity = 50 }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var harbor = await app.ClientAsync("owner@harbor.example");
        await (await harbor.PutAsJsonAsync($"/api/delivery/windows/{setup.Windows[0]}", new { capacity = 50 }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);

        var window = await app.WindowAsync(bloom, setup.Windows[0]);
        (window.Capacity, window.LoyaltyReserve, window.Booked).ShouldBe((30, 4, 3));
    }
}
