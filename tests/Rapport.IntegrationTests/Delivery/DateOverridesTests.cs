using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Delivery;

/// <summary>A manager sets one date's windows apart from the week, and closes dates.</summary>
public sealed class DateOverridesTests(RapportApp app) : IClassFixture<RapportApp>
{
    [Fact]
    public async Task A_date_shows_its_weekly_windows_and_a_manager_raises_one_and_adds_an_evening_window()
    {
        var manager = await app.ClientAsync("manager@bloom.example");
        var location = (await manager.CreateLocationAsync("Valentine Test Shop")).Id();
        var date = DeliverySetupApi.ComingDate(40);
        await manager.AddWeeklyWindowAsync(location, date, "09:00", "12:00", 8, reserve: 2);
        await manager.AddWeeklyWindowAsync(location, date, "12:00", "15:00", 8);

        var day = await manager.GetJsonAsync($"/api/locations/{location}/dates/{date.Iso()}");
        var windows = day.Windows();
        windows.Select(w => (w.Str("start"), w.GetProperty("capacity").GetInt32(), w.GetProperty("isOverride").GetBoolean()))
            .ShouldBe([("09:00:00", 8, false), ("12:00:00", 8, false)]);

        var raised = await (await manager.PutAsJsonAsync($"/api/delivery/windows/{windows[0].Id()}",
            new { capacity = 20, loyaltyReserve = 5 }, Ct)).ShouldBeJsonAsync(HttpStatusCode.OK);
        raised.GetProperty("capacity").GetInt32().ShouldBe(20);
        raised.GetProperty("loyaltyReserve").GetInt32().ShouldBe(5);
        raised.GetProperty("isOverride").GetBoolean().ShouldBeTrue();

        var response = await manager.PostAsJsonAsync($"/api/locations/{location}/dates/{date.Iso()}/windows",
            new { start = "17:00", end = "20:00", capacity = 12, loyaltyReserve = 2 }, Ct);
        var evening = await response.ShouldBeJsonAsync(HttpStatusCode.Created);
        evening.GetProperty("isOverride").GetBoolean().ShouldBeTrue();
        evening.Str("date").ShouldBe(date.Iso());

        await (await manager.PostAsJsonAsync($"/api/locations/{location}/dates/{date.Iso()}/windows",
            new { start = "14:00", end = "18:00", capacity = 5 }, Ct)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "start");

        var after = (await manager.GetJsonAsync($"/api/locations/{location}/dates/{date.Iso()}")).Windows();
        after.Select(w => (w.Str("start"), w.GetProperty("capacity").GetInt32())).ShouldBe([("09:00:00", 20), ("12:00:00", 8), ("17:00:00", 12)]);
        // The week itself is unchanged: the next week's same day still has 8.
        var nextWeek = (await manager.GetJsonAsync($"/api/locations/{location}/dates/{date.AddDays(7).Iso()}")).Windows();
        nextWeek.Select(w => w.GetProperty("capacity").GetInt32()).ShouldBe([8, 8]);

        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        (await app.WithDbAsync(bloom, db => db.AuditEntries.CountAsync(a => a.Entity == "DeliveryWindow" && (a.Action == "capacity changed" || a.Action == "added"), Ct)))
            .ShouldBeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public async Task Capacity_never_goes_below_what_is_booked()
    {
        var owner = await app.ClientAsync("owner@bloom.example");
        var location = (await owner.CreateLocationAsync("Booked Shop")).Id();
        var date = DeliverySetupApi.ComingDate(20);
        await owner.AddWeeklyWindowAsync(location, date, "09:00", "12:00", 8, reserve: 3);
        var window = (await owner.GetJsonAsync($"/api/locations/{location}/dates/{date.Iso()}")).Windows().Single().Id();
        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        await app.WithDbAsync(bloom, db => db.DeliveryWindows.Where(w => w.Id == window).ExecuteUpdateAsync(s => s.SetProperty(w => w.Booked, 5), Ct));
        var url = $"/api/delivery/windows/{window}";

        var problem = await (await owner.PutAsJsonAsync(url, new { capacity = 4 }, Ct)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "capacity");
        problem.GetProperty("errors").GetProperty("capacity")[0].GetString()!.ShouldContain("5 deliveries are already booked");
        var unchanged = await app.WithDbAsync(bloom, db => db.DeliveryWindows.AsNoTracking().SingleAsync(w => w.Id == window, Ct));
        (unchanged.Capacity, unchanged.Booked, unchanged.IsOverride).ShouldBe((8, 5, false));

        // Down to exactly what is booked is fine.
        var lowered = await (await owner.PutAsJsonAsync(url, new { capacity = 5 }, Ct)).ShouldBeJsonAsync(HttpStatusCode.OK);
        (lowered.GetProperty("capacity").GetInt32(), lowered.GetProperty("booked").GetInt32(), lowered.GetProperty("loyaltyReserve").GetInt32()).ShouldBe((5, 5, 3));
        await (await owner.PutAsJsonAsync(url, new { capacity = 5, loyaltyReserve = 6 }, Ct)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "loyaltyReserve");
        await (await owner.PutAsJsonAsync(url, new { capacity = 10_001 }, Ct)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "capacity");
    }

    [Fact]
    public async Task A_blocked_date_has_no_windows_takes_no_extra_window_and_opens_again_when_unblocked()
    {
        var owner = await app.ClientAsync("owner@bloom.example");
        var location = (await owner.CreateLocationAsync("Blocked Shop")).Id();
        var date = DeliverySetupApi.ComingDate(25);
        await owner.AddWeeklyWindowAsync(location, date, "09:00", "12:00", 8);

        var response = await owner.PostAsJsonAsync("/api/blocked-dates", new { date = date.Iso(), locationId = location, reason = "Staff training" }, Ct);
        var blocked = await response.ShouldBeJsonAsync(HttpStatusCode.Created);
        response.Headers.Location!.OriginalString.ShouldBe($"/api/blocked-dates/{blocked.Id()}");

        var day = await owner.GetJsonAsync($"/api/locations/{location}/dates/{date.Iso()}");
        day.Windows().ShouldBeEmpty();
        day.GetProperty("blocks")[0].Str("reason").ShouldBe("Staff training");
        await (await owner.PostAsJsonAsync($"/api/locations/{location}/dates/{date.Iso()}/windows", new { start = "17:00", end = "19:00", capacity = 3 }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "date");
        await (await owner.PostAsJsonAsync("/api/blocked-dates", new { date = date.Iso(), locationId = location }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "date");
        (await owner.GetJsonAsync($"/api/blocked-dates?from={date.Iso()}&to={date.Iso()}&locationId={location}")).GetArrayLength().ShouldBe(1);

        (await owner.DeleteAsync($"/api/blocked-dates/{blocked.Id()}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await owner.GetJsonAsync($"/api/locations/{location}/dates/{date.Iso()}")).Windows().Single().Str("start").ShouldBe("09:00:00");
    }

    [Fact]
    public async Task Closing_the_whole_business_closes_every_location_and_past_or_unknown_targets_are_refused()
    {
        var owner = await app.ClientAsync("owner@bloom.example");
        var location = (await owner.CreateLocationAsync("Holiday Shop")).Id();
        var date = DeliverySetupApi.ComingDate(26);
        await owner.AddWeeklyWindowAsync(location, date, "09:00", "12:00", 8);

        await (await owner.PostAsJsonAsync("/api/blocked-dates", new { date = date.Iso(), reason = "Closed for the holiday" }, Ct)).ShouldBeJsonAsync(HttpStatusCode.Created);
        (await owner.GetJsonAsync($"/api/locations/{location}/dates/{date.Iso()}")).Windows().ShouldBeEmpty();

        await (await owner.PostAsJsonAsync("/api/blocked-dates", new { date = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3).Iso() }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "date");
        await (await owner.PostAsJsonAsync("/api/blocked-dates", new { reason = "When?" }, Ct)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "date");
        await (await owner.PostAsJsonAsync("/api/blocked-dates", new { date = date.AddDays(1).Iso(), locationId = Guid.NewGuid() }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "locationId");
    }

    [Fact]
    public async Task A_new_time_zone_moves_the_instants_of_windows_already_made_but_keeps_their_local_times()
    {
        var owner = await app.ClientAsync("owner@bloom.example");
        var location = (await owner.CreateLocationAsync("Moving Shop", "America/Chicago")).Id();
        var date = new DateOnly(DateTime.UtcNow.Year + 1, 7, 15);
        await owner.AddWeeklyWindowAsync(location, date, "09:00", "12:00", 8);
        var window = (await owner.GetJsonAsync($"/api/locations/{location}/dates/{date.Iso()}")).Windows().Single();
        window.GetProperty("cutoff").GetDateTime().ShouldBe(new DateTime(date.Year, 7, 15, 14, 0, 0, DateTimeKind.Utc)); // 09:00 CDT

        await (await owner.PatchAsJsonAsync($"/api/locations/{location}", new { timeZone = "America/New_York" }, Ct)).ShouldBeJsonAsync(HttpStatusCode.OK);

        var moved = (await owner.GetJsonAsync($"/api/locations/{location}/dates/{date.Iso()}")).Windows().Single();
        moved.Str("start").ShouldBe("09:00:00");
        moved.GetProperty("cutoff").GetDateTime().ShouldBe(new DateTime(date.Year, 7, 15, 13, 0, 0, DateTimeKind.Utc)); // 09:00 EDT
    }

    [Theory]
    [InlineData("14-02-2027")]
    [InlineData("2027-02-30")]
    public async Task A_date_that_is_not_a_date_is_400_naming_it(string date)
    {
        var owner = await app.ClientAsync("owner@bloom.example");
        var location = (await owner.CreateLocationAsync("Calendar Reader")).Id();

        await (await owner.GetAsync($"/api/locations/{location}/dates/{date}", Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "date");
        await (await owner.PostAsJsonAsync($"/api/locations/{location}/dates/{date}/windows", new { start = "17:00", end = "19:00", capacity = 3 }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "date");
    }

    [Fact]
    public async Task Looking_at_a_past_date_makes_no_windows_for_it()
    {
        var owner = await app.ClientAsync("owner@bloom.example");
        var location = (await owner.CreateLocationAsync("Hindsight Shop")).Id();
        var past = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-9);
        await owner.AddWeeklyWindowAsync(location, past, "09:00", "12:00", 8);

        (await owner.GetJsonAsync($"/api/locations/{location}/dates/{past.Iso()}")).Windows().ShouldBeEmpty();

        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        (await app.WithDbAsync(bloom, db => db.DeliveryWindows.CountAsync(w => w.LocationId == location, Ct))).ShouldBe(0);
        await (await owner.PostAsJsonAsync($"/api/locations/{location}/dates/{past.Iso()}/windows", new { start = "13:00", end = "15:00", capacity = 3 }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "date");
    }
}
