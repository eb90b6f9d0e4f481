using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Delivery;

/// <summary>Only owners and managers change the delivery set-up; another business's ids are 404 and nothing of bloom's changes.</summary>
public sealed class DeliverySetupAccessTests(RapportApp app) : IClassFixture<RapportApp>
{
    private sealed record BloomSetup(Guid Location, Guid Zone, Guid WeeklyWindow, Guid Window, Guid Blocked, Guid Partner, DateOnly Date);

    private async Task<BloomSetup> BloomSetupAsync(string name)
    {
        var owner = await app.ClientAsync("owner@bloom.example");
        var location = (await owner.CreateLocationAsync(name)).Id();
        var zone = (await (await owner.PostAsJsonAsync($"/api/locations/{location}/zones", new { postalCode = "64113", fee = 8m }, Ct))
            .ShouldBeJsonAsync(HttpStatusCode.Created)).Id();
        var date = DeliverySetupApi.ComingDate(33);
        var weekly = (await owner.AddWeeklyWindowAsync(location, date, "09:00", "12:00", 8)).Id();
        var window = (await owner.GetJsonAsync($"/api/locations/{location}/dates/{date.Iso()}")).Windows().Single().Id();
        var blocked = (await (await owner.PostAsJsonAsync("/api/blocked-dates", new { date = date.AddDays(1).Iso(), locationId = location }, Ct))
            .ShouldBeJsonAsync(HttpStatusCode.Created)).Id();
        var partner = (await (await owner.PostAsJsonAsync("/api/partners", new { name = $"Partner of {name}", dailyCapacity = 10, fee = 5m }, Ct))
            .ShouldBeJsonAsync(HttpStatusCode.Created)).Id();
        return new BloomSetup(location, zone, weekly, window, blocked, partner, date);
    }

    private static (HttpMethod Method, string Url, object? Body)[] ChangeRoutes(BloomSetup s) =>
    [
        (HttpMethod.Patch, $"/api/locations/{s.Location}", new { name = "Taken Over", active = false }),
        (HttpMethod.Post, $"/api/locations/{s.Location}/zones", new { postalCode = "99999", fee = 1m }),
        (HttpMethod.Patch, $"/api/locations/{s.Location}/zones/{s.Zone}", new { fee = 99m }),
        (HttpMethod.Delete, $"/api/locations/{s.Location}/zones/{s.Zone}", null),
        (HttpMethod.Post, $"/api/locations/{s.Location}/weekly-windows", new { weekday = "sunday", start = "09:00", end = "10:00", capacity = 1 }),
        (HttpMethod.Patch, $"/api/locations/{s.Location}/weekly-windows/{s.WeeklyWindow}", new { capacity = 0 }),
        (HttpMethod.Delete, $"/api/locations/{s.Location}/weekly-windows/{s.WeeklyWindow}", null),
        (HttpMethod.Post, $"/api/locations/{s.Location}/dates/{s.Date.Iso()}/windows", new { start = "18:00", end = "20:00", capacity = 1 }),
        (HttpMethod.Put, $"/api/delivery/windows/{s.Window}", new { capacity = 0 }),
        (HttpMethod.Delete, $"/api/blocked-dates/{s.Blocked}", null),
        (HttpMethod.Patch, $"/api/partners/{s.Partner}", new { active = false }),
    ];

    [Theory]
    [InlineData("sales@bloom.example")]
    [InlineData("service@bloom.example")]
    [InlineData("driver@bloom.example")]
    public async Task Sales_service_and_delivery_read_the_set_up_but_every_change_is_403(string email)
    {
        var setup = await BloomSetupAsync($"Role Shop {email}"[..20]);
        var before = await SnapshotAsync(setup);
        var staff = await app.ClientAsync(email);

        (await staff.GetJsonAsync($"/api/locations/{setup.Location}")).Id().ShouldBe(setup.Location);
        (await staff.GetJsonAsync("/api/partners")).GetArrayLength().ShouldBeGreaterThan(0);
        foreach (var (method, url, body) in ChangeRoutes(setup))
            await (await staff.SendJsonAsync(method, url, body)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await staff.PostAsJsonAsync("/api/locations", new
            { name = "Rogue Shop", address = new { line1 = "1 Main St", city = "KC", postalCode = "64111" } }, Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await staff.PostAsJsonAsync("/api/blocked-dates", new { date = setup.Date.AddDays(2).Iso() }, Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await staff.PostAsJsonAsync("/api/partners", new { name = "Rogue Partner", dailyCapacity = 1 }, Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await staff.GetAsync($"/api/locations/{setup.Location}/dates/{setup.Date.Iso()}", Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        (await SnapshotAsync(setup)).ShouldBe(before);
    }

    [Theory]
    [InlineData("owner@harbor.example")]
    [InlineData("manager@harbor.example")]
    public async Task Another_business_reaches_none_of_bloom_set_up_and_nothing_changes(string email)
    {
        var setup = await BloomSetupAsync($"Tenant Shop {email}"[..22]);
        var before = await SnapshotAsync(setup);
        var harbor = await app.ClientAsync(email);

        foreach (var (method, url, body) in ChangeRoutes(setup))
            await (await harbor.SendJsonAsync(method, url, body)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        foreach (var url in new[]
                 {
                     $"/api/locations/{setup.Location}", $"/api/locations/{setup.Location}/zones", $"/api/locations/{setup.Location}/zones/{setup.Zone}",
                     $"/api/locations/{setup.Location}/weekly-windows", $"/api/locations/{setup.Location}/dates/{setup.Date.Iso()}",
                     $"/api/blocked-dates/{setup.Blocked}", $"/api/partners/{setup.Partner}",
                 })
            await (await harbor.GetAsync(url, Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await harbor.GetJsonAsync("/api/locations")).EnumerateArray().Select(l => l.Id()).ShouldNotContain(setup.Location);
        (await harbor.GetJsonAsync("/api/partners")).EnumerateArray().Select(p => p.Id()).ShouldNotContain(setup.Partner);
        (await harbor.GetJsonAsync($"/api/blocked-dates?locationId={setup.Location}")).EnumerateArray().Select(b => b.Id()).ShouldNotContain(setup.Blocked);
        // Naming bloom's location in harbor's own block is an unknown location, not a way in.
        await (await harbor.PostAsJsonAsync("/api/blocked-dates", new { date = setup.Date.AddDays(3).Iso(), locationId = setup.Location }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "locationId");

        (await SnapshotAsync(setup)).ShouldBe(before);
    }

    /// <summary>What bloom's owner sees of the set-up under attack, and the rows behind it.</summary>
    private async Task<string> SnapshotAsync(BloomSetup s)
    {
        var owner = await app.ClientAsync("owner@bloom.example");
        var location = (await owner.GetJsonAsync($"/api/locations/{s.Location}")).GetRawText();
        var partner = (await owner.GetJsonAsync($"/api/partners/{s.Partner}")).GetRawText();
        var blocked = (await owner.GetJsonAsync($"/api/blocked-dates/{s.Blocked}")).GetRawText();
        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        var window = await app.WithDbAsync(bloom, db => db.DeliveryWindows.AsNoTracking().Where(w => w.Id == s.Window)
            .Select(w => new { w.Capacity, w.LoyaltyReserve, w.Booked, w.IsOverride }).SingleAsync(Ct));
        var counts = await app.WithDbAsync(bloom, async db => string.Join(",",
            await db.Locations.CountAsync(Ct), await db.DeliveryWindows.CountAsync(w => w.LocationId == s.Location, Ct),
            await db.BlockedDates.CountAsync(Ct), await db.Partners.CountAsync(Ct)));
        return string.Join("\n", location, partner, blocked, JsonSerializer.Serialize(window), counts);
    }
}
