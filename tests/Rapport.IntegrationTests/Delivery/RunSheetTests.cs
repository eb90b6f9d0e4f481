using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Delivery;
using Rapport.Core.Orders;
using Rapport.IntegrationTests.Orders;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Delivery;

/// <summary>The driver's day: stops grouped by window in order, what is needed at the door, his own run only; managers assign stops.</summary>
public sealed class RunSheetTests(RapportApp app) : IClassFixture<RapportApp>
{
    private const string Driver = "driver@bloom.example";
    private const string Manager = "manager@bloom.example";

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static List<Guid> StopIds(JsonElement sheet) =>
        sheet.GetProperty("windows").EnumerateArray().SelectMany(w => w.GetProperty("stops").EnumerateArray()).Select(s => s.Id()).ToList();

    [Fact]
    public async Task Stops_come_grouped_by_window_earliest_first_each_in_sequence_with_what_the_door_needs()
    {
        var data = await OrderData.ForAsync(app);
        var me = await app.StaffAsync(Driver);
        var date = new DateOnly(2033, 5, 10);
        var location = await data.LocationAsync("Run sheet shop");
        var morning = await data.WindowAsync(location, date, 9, 12, capacity: 5, booked: 1);
        var midday = await data.WindowAsync(location, date, 12, 15, capacity: 5, booked: 2);
        var customer = await data.CustomerAsync("Noted Nora", notes: "Ring twice; side gate", internalNotes: "Disputed a charge last year");
        var second = await data.OrderAsync(customer, date, midday, me.Id, sequence: 2);
        var first = await data.OrderAsync(customer, date, midday, me.Id, sequence: 1);
        var early = await data.OrderAsync(customer, date, morning, me.Id, sequence: 7, shape: o => o.Status = OrderStatus.OutForDelivery);

        var sheet = await (await app.ClientAsync(Driver)).GetJsonAsync($"/api/delivery/run-sheet?date={Day(date)}");

        sheet.Str("date").ShouldBe(Day(date));
        sheet.GetProperty("driverId").GetGuid().ShouldBe(me.Id);
        var windows = sheet.GetProperty("windows").EnumerateArray().ToList();
        windows.Select(w => (w.Str("start"), w.Str("end"))).ShouldBe([("09:00:00", "12:00:00"), ("12:00:00", "15:00:00")]);
        windows.ShouldAllBe(w => w.Str("locationName") == "Run sheet shop");
        windows.Select(w => w.GetProperty("stops").EnumerateArray().Select(s => s.GetProperty("orderId").GetGuid()).ToList())
            .ShouldBe([[early.Id], [first.Id, second.Id]]);

        var stop = windows[0].GetProperty("stops")[0];
        stop.GetProperty("number").GetInt64().ShouldBe(early.Number);
        stop.Str("status").ShouldBe("outForDelivery");
        stop.Str("recipientName").ShouldBe(customer.RecipientName);
        stop.Str("phone").ShouldBe("(816) 555-0177");
        stop.GetProperty("address").Str("text").ShouldBe("4120 W 71st St, Prairie Village, KS 66208");
        stop.Str("cardMessage").ShouldBe("Happy birthday, with love");
        stop.Str("notes").ShouldBe("Ring twice; side gate");
        stop.GetProperty("customer").Str("name").ShouldBe("Noted Nora");
        stop.GetProperty("customer").Str("phone").ShouldBe("(816) 555-0199");
        stop.GetProperty("driver").Str("name").ShouldBe(me.DisplayName);
        sheet.GetRawText().ShouldNotContain("Disputed");
        sheet.GetRawText().ShouldNotContain("4242");

        (await (await app.ClientAsync(Manager)).GetJsonAsync($"/api/delivery/run-sheet?date={Day(date)}&driverId={me.Id}")).GetRawText()
            .ShouldBe(sheet.GetRawText());
    }

    [Fact]
    public async Task A_cancelled_order_leaves_the_run()
    {
        var data = await OrderData.ForAsync(app);
        var me = await app.StaffAsync(Driver);
        var date = new DateOnly(2033, 5, 11);
        var customer = await data.CustomerAsync("Cancelled Cal");
        var kept = await data.OrderAsync(customer, date, driverId: me.Id);
        var gone = await data.OrderAsync(customer, date, driverId: me.Id);
        await (await (await app.ClientAsync("service@bloom.example")).PostAsJsonAsync($"/api/orders/{gone.Id}/status", new { status = "cancelled" }, Ct))
            .ShouldBeJsonAsync(HttpStatusCode.OK);

        var sheet = await (await app.ClientAsync(Driver)).GetJsonAsync($"/api/delivery/run-sheet?date={Day(date)}");

        var stops = sheet.GetProperty("windows").EnumerateArray().SelectMany(w => w.GetProperty("stops").EnumerateArray()).ToList();
        stops.Select(s => s.GetProperty("orderId").GetGuid()).ShouldBe([kept.Id]);
        sheet.GetProperty("windows")[0].Has("windowId").ShouldBeFalse();
    }

    [Fact]
    public async Task A_driver_sees_his_own_run_only_and_another_drivers_is_403()
    {
        var data = await OrderData.ForAsync(app);
        var me = await app.StaffAsync(Driver);
        var other = await data.DriverAsync("Run Rival");
        var date = new DateOnly(2033, 5, 12);
        var customer = await data.CustomerAsync("Shared Day");
        var mine = await data.OrderAsync(customer, date, driverId: me.Id);
        await data.OrderAsync(customer, date, driverId: other.Id);
        var client = await app.ClientAsync(Driver);

        await (await client.GetAsync($"/api/delivery/run-sheet?date={Day(date)}&driverId={other.Id}", Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var sheet = await client.GetJsonAsync($"/api/delivery/run-sheet?date={Day(date)}");

        sheet.GetProperty("windows").EnumerateArray().SelectMany(w => w.GetProperty("stops").EnumerateArray())
            .Select(s => s.GetProperty("orderId").GetGuid()).ShouldBe([mine.Id]);
        (await client.GetJsonAsync($"/api/delivery/run-sheet?date={Day(date)}&driverId={me.Id}")).GetRawText().ShouldBe(sheet.GetRawText());
    }

    [Fact]
    public async Task The_shop_sees_todays_stops_of_every_driver_by_default_in_the_business_time_zone()
    {
        var data = await OrderData.ForAsync(app);
        var me = await app.StaffAsync(Driver);
        var other = await data.DriverAsync("Today Driver");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, BusinessClock.Zone("America/Chicago")));
        var customer = await data.CustomerAsync("Today Tess");
        var orders = new[]
        {
            await data.OrderAsync(customer, today, driverId: me.Id),
            await data.OrderAsync(customer, today, driverId: other.Id),
        };
        var stopIds = await data.DbAsync(db => db.DeliveryStops.Where(s => s.OrderId == orders[0].Id || s.OrderId == orders[1].Id)
            .Select(s => s.Id).ToListAsync(Ct));

        var sheet = await (await app.ClientAsync("service@bloom.example")).GetJsonAsync("/api/delivery/run-sheet");

        sheet.Str("date").ShouldBe(Day(today));
        sheet.Has("driverId").ShouldBeFalse();
        StopIds(sheet).ShouldBeSubsetOf(await data.DbAsync(db => db.DeliveryStops.Where(s => s.Date == today).Select(s => s.Id).ToListAsync(Ct)));
        foreach (var id in stopIds) StopIds(sheet).ShouldContain(id);
        var drivers = await (await app.ClientAsync(Driver)).GetJsonAsync("/api/delivery/run-sheet");
        drivers.GetProperty("windows").EnumerateArray().SelectMany(w => w.GetProperty("stops").EnumerateArray())
            .ShouldAllBe(s => s.GetProperty("driver").GetProperty("id").GetGuid() == me.Id);
    }

    [Fact]
    public async Task Asking_for_someone_who_is_not_a_driver_here_is_422_naming_driverId()
    {
        var client = await app.ClientAsync(Manager);
        var sales = await app.StaffAsync("sales@bloom.example");
        var harborDriver = await app.StaffAsync("driver@harbor.example");

        foreach (var id in new[] { sales.Id, harborDriver.Id, Guid.NewGuid() })
            await (await client.GetAsync($"/api/delivery/run-sheet?driverId={id}", Ct)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "driverId");
        await (await client.GetAsync("/api/delivery/run-sheet?date=tomorrow", Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "date");
    }

    [Fact]
    public async Task A_manager_gives_a_stop_to_a_driver_who_then_reaches_its_order()
    {
        var data = await OrderData.ForAsync(app);
        var me = await app.StaffAsync(Driver);
        var date = new DateOnly(2033, 5, 13);
        var location = await data.LocationAsync("Assign shop");
        var window = await data.WindowAsync(location, date, 9, 12, capacity: 5, booked: 1);
        var order = await data.OrderAsync(await data.CustomerAsync("Handed Over"), date, window);
        var stopId = await data.DbAsync(db => db.DeliveryStops.Where(s => s.OrderId == order.Id).Select(s => s.Id).SingleAsync(Ct));
        var driver = await app.ClientAsync(Driver);
        await (await driver.GetAsync($"/api/orders/{order.Id}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        var stop = await (await (await app.ClientAsync(Manager)).PutAsJsonAsync($"/api/delivery/stops/{stopId}", new { driverId = me.Id, sequence = 3 }, Ct))
            .ShouldBeJsonAsync(HttpStatusCode.OK);

        stop.Id().ShouldBe(stopId);
        stop.GetProperty("sequence").GetInt32().ShouldBe(3);
        stop.GetProperty("driver").Str("name").ShouldBe(me.DisplayName);
        (await driver.GetJsonAsync($"/api/orders/{order.Id}")).Id().ShouldBe(order.Id);
        StopIds(await driver.GetJsonAsync($"/api/delivery/run-sheet?date={Day(date)}")).ShouldBe([stopId]);
        var audit = await data.DbAsync(db => db.AuditEntries.SingleAsync(a => a.Entity == "DeliveryStop" && a.EntityId == stopId, Ct));
        audit.ActorName.ShouldBe("Dana Whitfield");
        audit.After!.ShouldContain(me.Id.ToString());

        // The sequence stays when only the driver changes.
        var owner = await app.ClientAsync("owner@bloom.example");
        (await (await owner.PutAsJsonAsync($"/api/delivery/stops/{stopId}", new { driverId = me.Id }, Ct)).ShouldBeJsonAsync(HttpStatusCode.OK))
            .GetProperty("sequence").GetInt32().ShouldBe(3);
    }

    [Fact]
    public async Task Only_owners_and_managers_assign_to_a_driver_of_this_business_and_nothing_else_changes()
    {
        var data = await OrderData.ForAsync(app);
        var me = await app.StaffAsync(Driver);
        var date = new DateOnly(2033, 5, 14);
        var order = await data.OrderAsync(await data.CustomerAsync("Stay Put"), date, driverId: me.Id, sequence: 1);
        var stopId = await data.DbAsync(db => db.DeliveryStops.Where(s => s.OrderId == order.Id).Select(s => s.Id).SingleAsync(Ct));
        var manager = await app.ClientAsync(Manager);
        var sales = await app.StaffAsync("sales@bloom.example");
        var harborDriver = await app.StaffAsync("driver@harbor.example");

        foreach (var email in new[] { "sales@bloom.example", "service@bloom.example", Driver })
            await (await (await app.ClientAsync(email)).PutAsJsonAsync($"/api/delivery/stops/{stopId}", new { driverId = me.Id, sequence = 9 }, Ct))
                .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        foreach (var (body, field) in new (object, string)[]
                 {
                     (new { driverId = sales.Id }, "driverId"),
                     (new { driverId = harborDriver.Id }, "driverId"),
                     (new { sequence = 2 }, "driverId"),
                     (new { driverId = me.Id, sequence = -1 }, "sequence"),
                 })
            await (await manager.PutAsJsonAsync($"/api/delivery/stops/{stopId}", body, Ct)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, field);
        await (await manager.PutAsJsonAsync($"/api/delivery/stops/{Guid.NewGuid()}", new { driverId = me.Id }, Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await (await app.ClientAsync("owner@harbor.example")).PutAsJsonAsync($"/api/delivery/stops/{stopId}", new { driverId = harborDriver.Id }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);

        var stop = await data.DbAsync(db => db.DeliveryStops.AsNoTracking().SingleAsync(s => s.Id == stopId, Ct));
        (stop.DriverId, stop.Sequence).ShouldBe((me.Id, 1));
        (await data.DbAsync(db => db.AuditEntries.CountAsync(a => a.EntityId == stopId, Ct))).ShouldBe(0);
    }
}
