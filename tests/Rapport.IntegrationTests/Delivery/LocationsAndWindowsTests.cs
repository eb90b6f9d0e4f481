using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Data;
using Rapport.Core.Delivery;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Delivery;

public sealed class LocationsAndWindowsTests(RapportApp app) : IClassFixture<RapportApp>
{
    [Fact]
    public async Task A_manager_sets_up_a_location_with_zones_and_weekly_windows()
    {
        var manager = await app.ClientAsync("manager@bloom.example");
        var response = await manager.PostAsJsonAsync("/api/locations", new
        {
            name = "Bloom & Stem Downtown",
            address = new { line1 = "1800 Grand Blvd", city = "Kansas City", region = "MO", postalCode = "64108" },
            phone = "(816) 555-0120",
            timeZone = "America/Chicago",
            sameDayCutoff = "11:30",
            pickupUntil = "19:00",
        }, Ct);

        var location = await response.ShouldBeJsonAsync(HttpStatusCode.Created);
        var id = location.Id();
        response.Headers.Location!.OriginalString.ShouldBe($"/api/locations/{id}");
        location.Str("timeZone").ShouldBe("America/Chicago");
        location.Str("sameDayCutoff").ShouldBe("11:30:00");
        location.GetProperty("address").Str("postalCode").ShouldBe("64108");
        location.GetProperty("active").GetBoolean().ShouldBeTrue();

        var zone = await (await manager.PostAsJsonAsync($"/api/locations/{id}/zones", new { postalCode = "64111", fee = 9.95m }, Ct))
            .ShouldBeJsonAsync(HttpStatusCode.Created);
        await (await manager.PostAsJsonAsync($"/api/locations/{id}/zones", new { postalCode = "66208", fee = 0m }, Ct))
            .ShouldBeJsonAsync(HttpStatusCode.Created);
        (await (await manager.PatchAsJsonAsync($"/api/locations/{id}/zones/{zone.Id()}", new { fee = 12m }, Ct)).ShouldBeJsonAsync(HttpStatusCode.OK))
            .GetProperty("fee").GetDecimal().ShouldBe(12m);

        var monday = new DateOnly(2030, 1, 7);
        await manager.AddWeeklyWindowAsync(id, monday, "12:00", "15:00", 6);
        var morning = await manager.AddWeeklyWindowAsync(id, monday, "09:00", "12:00", 8, reserve: 2);
        morning.Str("weekday").ShouldBe("monday");
        morning.GetProperty("loyaltyReserve").GetInt32().ShouldBe(2);

        var fetched = await manager.GetJsonAsync($"/api/locations/{id}");
        fetched.GetProperty("zones").EnumerateArray().Select(z => (z.Str("postalCode"), z.GetProperty("fee").GetDecimal()))
            .ShouldBe([("64111", 12m), ("66208", 0m)]);
        fetched.GetProperty("weeklyWindows").EnumerateArray().Select(w => w.Str("start")).ShouldBe(["09:00:00", "12:00:00"]);

        (await manager.GetJsonAsync("/api/locations")).EnumerateArray().Select(l => l.Id()).ShouldContain(id);
        (await (await app.ClientAsync("sales@bloom.example")).GetJsonAsync($"/api/locations/{id}/weekly-windows")).GetArrayLength().ShouldBe(2);

        (await (await manager.PatchAsJsonAsync($"/api/locations/{id}", new { name = "Bloom & Stem Crossroads", pickupUntil = "18:30" }, Ct))
            .ShouldBeJsonAsync(HttpStatusCode.OK)).Str("pickupUntil").ShouldBe("18:30:00");
        (await manager.DeleteAsync($"/api/locations/{id}/zones/{zone.Id()}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await manager.DeleteAsync($"/api/locations/{id}/weekly-windows/{morning.Id()}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var after = await manager.GetJsonAsync($"/api/locations/{id}");
        after.Str("name").ShouldBe("Bloom & Stem Crossroads");
        after.GetProperty("zones").GetArrayLength().ShouldBe(1);
        after.GetProperty("weeklyWindows").GetArrayLength().ShouldBe(1);

        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        var audited = await app.WithDbAsync(bloom, db => db.AuditEntries.Select(a => a.Entity).Distinct().ToListAsync(Ct));
        audited.ShouldContain("Location");
        audited.ShouldContain("DeliveryZone");
        audited.ShouldContain("WindowTemplate");
    }

    [Theory]
    [InlineData("""{ "address": { "line1": "1 Main St", "city": "KC", "postalCode": "64111" } }""", "name")]
    [InlineData("""{ "name": "No Address" }""", "address")]
    [InlineData("""{ "name": "Half Address", "address": { "line1": "1 Main St" } }""", "address.city")]
    [InlineData("""{ "name": "Mars", "address": { "line1": "1 Main St", "city": "KC", "postalCode": "64111" }, "timeZone": "Mars/Olympus_Mons" }""", "timeZone")]
    [InlineData("""{ "name": "Windows Zone", "address": { "line1": "1 Main St", "city": "KC", "postalCode": "64111" }, "timeZone": "Central Standard Time" }""", "timeZone")]
    [InlineData("""{ "name": "Bad Phone", "address": { "line1": "1 Main St", "city": "KC", "postalCode": "64111" }, "phone": "call the shop" }""", "phone")]
    public async Task An_invalid_location_is_422_naming_the_field(string json, string field)
    {
        var owner = await app.ClientAsync("owner@bloom.example");
        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        var before = await app.WithDbAsync(bloom, db => db.Locations.CountAsync(Ct));

        await (await owner.PostAsync("/api/locations", Json(json), Ct)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, field);

        (await app.WithDbAsync(bloom, db => db.Locations.CountAsync(Ct))).ShouldBe(before);
    }

    [Fact]
    public async Task A_time_that_is_not_a_time_is_400_naming_the_field()
    {
        var owner = await app.ClientAsync("owner@bloom.example");
        await (await owner.PostAsync("/api/locations", Json("""{ "name": "Late", "sameDayCutoff": "noonish" }"""), Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "sameDayCutoff");
    }

    [Fact]
    public async Task Zones_refuse_a_negative_fee_a_bad_postcode_and_a_postcode_the_location_already_has()
    {
        var owner = await app.ClientAsync("owner@bloom.example");
        var id = (await owner.CreateLocationAsync("Zone Rules")).Id();
        await (await owner.PostAsJsonAsync($"/api/locations/{id}/zones", new { postalCode = "64111", fee = 5m }, Ct)).ShouldBeJsonAsync(HttpStatusCode.Created);

        await (await owner.PostAsJsonAsync($"/api/locations/{id}/zones", new { postalCode = "64112", fee = -1m }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "fee");
        await (await owner.PostAsJsonAsync($"/api/locations/{id}/zones", new { postalCode = "64112" }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "fee");
        await (await owner.PostAsJsonAsync($"/api/locations/{id}/zones", new { postalCode = "<b>", fee = 1m }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "postalCode");
        await (await owner.PostAsJsonAsync($"/api/locations/{id}/zones", new { postalCode = " 64111 ", fee = 1m }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "postalCode");

        (await owner.GetJsonAsync($"/api/locations/{id}/zones")).GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task A_postcode_saved_twice_past_the_check_is_seen_as_a_unique_violation_on_either_database()
    {
        // The use cases check first; the unique index settles a race between two saves, and that is a 422, not a 500.
        var owner = await app.ClientAsync("owner@bloom.example");
        var location = (await owner.CreateLocationAsync("Race Shop")).Id();
        var bloom = await app.BusinessIdAsync(DemoData.Bloom);

        var unique = await app.WithDbAsync(bloom, async db =>
        {
            db.DeliveryZones.Add(new DeliveryZone { LocationId = location, PostalCode = "64111", Fee = 1m });
            db.DeliveryZones.Add(new DeliveryZone { LocationId = location, PostalCode = "64111", Fee = 2m });
            try { await db.SaveChangesAsync(Ct); return false; }
            catch (DbUpdateException e) { return e.IsUniqueViolation(); }
        });

        unique.ShouldBeTrue();
        (await owner.GetJsonAsync($"/api/locations/{location}/zones")).GetArrayLength().ShouldBe(0);
    }

    [Theory]
    [InlineData("""{ "weekday": "tuesday", "start": "12:00", "end": "09:00", "capacity": 5 }""", "end")]
    [InlineData("""{ "weekday": "tuesday", "start": "09:00", "end": "09:00", "capacity": 5 }""", "end")]
    [InlineData("""{ "weekday": "tuesday", "start": "13:00", "end": "16:00", "capacity": 10001 }""", "capacity")]
    [InlineData("""{ "weekday": "tuesday", "start": "13:00", "end": "16:00", "capacity": -1 }""", "capacity")]
    [InlineData("""{ "weekday": "tuesday", "start": "13:00", "end": "16:00", "capacity": 4, "loyaltyReserve": 5 }""", "loyaltyReserve")]
    [InlineData("""{ "weekday": "tuesday", "start": "11:00", "end": "14:00", "capacity": 4 }""", "start")]
    [InlineData("""{ "weekday": "tuesday", "start": "09:00", "end": "12:00", "capacity": 4 }""", "start")]
    [InlineData("""{ "start": "13:00", "end": "16:00", "capacity": 4 }""", "weekday")]
    [InlineData("""{ "weekday": "tuesday", "end": "16:00", "capacity": 4 }""", "start")]
    public async Task An_unsound_weekly_window_is_422_naming_the_field(string json, string field)
    {
        var owner = await app.ClientAsync("owner@bloom.example");
        var id = (await owner.CreateLocationAsync(TestNames.Unique("Window Rules", 30))).Id();
        var tuesday = new DateOnly(2030, 1, 8);
        await owner.AddWeeklyWindowAsync(id, tuesday, "09:00", "12:00", 8);

        await (await owner.PostAsync($"/api/locations/{id}/weekly-windows", Json(json), Ct)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, field);

        (await owner.GetJsonAsync($"/api/locations/{id}/weekly-windows")).GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task Windows_that_touch_do_not_overlap_and_other_weekdays_are_free()
    {
        var owner = await app.ClientAsync("owner@bloom.example");
        var id = (await owner.CreateLocationAsync("Touching Windows")).Id();
        var tuesday = new DateOnly(2030, 1, 8);
        await owner.AddWeeklyWindowAsync(id, tuesday, "09:00", "12:00", 8);
        await owner.AddWeeklyWindowAsync(id, tuesday, "12:00", "15:00", 8);
        await owner.AddWeeklyWindowAsync(id, tuesday.AddDays(1), "10:00", "13:00", 8);
        var late = await owner.AddWeeklyWindowAsync(id, tuesday, "15:00", "18:00", 8);

        // Moving a window onto another is the same overlap as adding it there.
        await (await owner.PatchAsJsonAsync($"/api/locations/{id}/weekly-windows/{late.Id()}", new { start = "14:00" }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "start");
        (await (await owner.PatchAsJsonAsync($"/api/locations/{id}/weekly-windows/{late.Id()}", new { end = "19:00", capacity = 3, loyaltyReserve = 1 }, Ct))
            .ShouldBeJsonAsync(HttpStatusCode.OK)).Str("end").ShouldBe("19:00:00");
        (await owner.GetJsonAsync($"/api/locations/{id}/weekly-windows")).GetArrayLength().ShouldBe(4);
    }

    [Fact]
    public async Task Partners_are_added_changed_and_deactivated_with_their_daily_capacity_and_fee()
    {
        var manager = await app.ClientAsync("manager@bloom.example");
        var response = await manager.PostAsJsonAsync("/api/partners",
            new { name = "Petal Pushers Overland Park", contactName = "Gwen Ito", phone = "(913) 555-0177", email = "orders@petalpushers.example", dailyCapacity = 15, fee = 12.5m }, Ct);
        var partner = await response.ShouldBeJsonAsync(HttpStatusCode.Created);
        response.Headers.Location!.OriginalString.ShouldBe($"/api/partners/{partner.Id()}");
        partner.GetProperty("active").GetBoolean().ShouldBeTrue();

        var changed = await (await manager.PatchAsJsonAsync($"/api/partners/{partner.Id()}", new { dailyCapacity = 25, contactName = "", active = false }, Ct))
            .ShouldBeJsonAsync(HttpStatusCode.OK);
        changed.GetProperty("dailyCapacity").GetInt32().ShouldBe(25);
        changed.HasValue("contactName").ShouldBeFalse();
        changed.GetProperty("active").GetBoolean().ShouldBeFalse();
        (await manager.GetJsonAsync("/api/partners")).EnumerateArray().Select(p => p.Id()).ShouldContain(partner.Id());

        await (await manager.PostAsJsonAsync("/api/partners", new { name = "No Capacity" }, Ct)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "dailyCapacity");
        await (await manager.PostAsJsonAsync("/api/partners", new { name = "Bad Mail", dailyCapacity = 3, email = "nope" }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "email");
        await (await manager.PostAsJsonAsync("/api/partners", new { name = "Paid To Take", dailyCapacity = 3, fee = -2m }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "fee");
        await (await manager.PostAsJsonAsync("/api/partners", new { dailyCapacity = 3 }, Ct)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "name");
    }

    [Fact]
    public async Task The_catalogue_and_set_up_routes_are_in_the_openapi_document_by_name()
    {
        var doc = JsonDocument.Parse(await (await app.CreateApiClient().GetAsync("/openapi/v1.json", Ct)).Content.ReadAsStringAsync(Ct)).RootElement;
        var paths = doc.GetProperty("paths");

        foreach (var (path, method, name) in new[]
                 {
                     ("/api/products", "get", "SearchProducts"), ("/api/products", "post", "CreateProduct"),
                     ("/api/products/{id}", "get", "GetProduct"), ("/api/products/{id}", "patch", "UpdateProduct"),
                     ("/api/locations", "get", "ListLocations"), ("/api/locations", "post", "CreateLocation"),
                     ("/api/locations/{id}", "get", "GetLocation"), ("/api/locations/{id}", "patch", "UpdateLocation"),
                     ("/api/locations/{id}/zones", "post", "AddDeliveryZone"), ("/api/locations/{id}/zones/{zoneId}", "patch", "UpdateDeliveryZone"),
                     ("/api/locations/{id}/weekly-windows", "post", "AddWeeklyWindow"),
                     ("/api/locations/{id}/weekly-windows/{windowId}", "delete", "RemoveWeeklyWindow"),
                     ("/api/locations/{id}/dates/{date}", "get", "GetDeliveryDate"), ("/api/locations/{id}/dates/{date}/windows", "post", "AddDateWindow"),
                     ("/api/blocked-dates", "post", "BlockDate"), ("/api/blocked-dates/{id}", "delete", "UnblockDate"),
                     ("/api/partners", "post", "AddPartner"), ("/api/partners/{id}", "patch", "UpdatePartner"),
                 })
        {
            var operation = paths.GetProperty(path).GetProperty(method);
            operation.Str("operationId").ShouldBe(name);
            operation.Str("summary").ShouldNotBeNullOrWhiteSpace($"{method} {path} has no summary");
        }
    }
}
