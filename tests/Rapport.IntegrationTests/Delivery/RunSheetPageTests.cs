using System.Net;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Orders;
using Rapport.Core.Timeline;
using Rapport.IntegrationTests.Orders;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Delivery;

/// <summary>The run sheet page: drivers record their own stops only; owners and managers give stops to drivers.</summary>
public sealed class RunSheetPageTests(RapportApp app) : IClassFixture<RapportApp>
{
    private const string Driver = "driver@bloom.example";
    private const string Manager = "manager@bloom.example";

    private static string Sheet(DateOnly day) => $"/app/delivery?date={day:yyyy-MM-dd}";

    private static string Action(DateOnly day, string handler, Guid stopId) => $"{Sheet(day)}&handler={handler}&stopId={stopId}";

    private static Task<Guid> StopIdAsync(OrderData data, Order order) =>
        data.DbAsync(db => db.DeliveryStops.Where(s => s.OrderId == order.Id).Select(s => s.Id).SingleAsync(Ct));

    [Fact]
    public async Task The_driver_sees_his_own_run_and_records_delivered_failed_and_a_contact_at_the_door()
    {
        var data = await OrderData.ForAsync(app);
        var me = await app.StaffAsync(Driver);
        var other = await data.DriverAsync("Other Olga");
        var day = new DateOnly(2033, 8, 2);
        var location = await data.LocationAsync("Run page shop");
        var window = await data.WindowAsync(location, day, 9, 12, capacity: 5, booked: 3);
        var customer = await data.CustomerAsync("Doorstep Dan");
        var delivered = await data.OrderAsync(customer, day, window, me.Id, sequence: 1);
        var failing = await data.OrderAsync(customer, day, window, me.Id, sequence: 2);
        var theirs = await data.OrderAsync(customer, day, window, other.Id, sequence: 1);
        var pages = await StaffPages.SignInAsync(app, Driver);

        var html = await pages.HtmlAsync(Sheet(day));
        html.ShouldContain($"data-order-number=\"{delivered.Number}\"");
        html.ShouldContain($"data-order-number=\"{failing.Number}\"");
        html.ShouldNotContain($"data-order-number=\"{theirs.Number}\"");
        html.ShouldContain("Happy birthday, with love");
        html.ShouldContain("09:00–12:00");
        html.ShouldContain("href=\"tel:(816) 555-0177\"");
        html.ShouldNotContain("data-testid=\"assign-form\"");
        // Another driver's run in the address still shows his own.
        (await pages.HtmlAsync($"{Sheet(day)}&driverId={other.Id}")).ShouldNotContain($"data-order-number=\"{theirs.Number}\"");

        var stop = await StopIdAsync(data, delivered);
        var done = await pages.PostAsync(Sheet(day), Action(day, "Delivered", stop));
        done.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        done.Headers.Location!.OriginalString.ShouldBe($"{Sheet(day)}#stop-{stop}");
        var stored = await data.ReadOrderAsync(delivered.Id);
        stored.Status.ShouldBe(OrderStatus.Delivered);
        stored.DeliveredAt.ShouldNotBeNull();
        (await data.DbAsync(db => db.Interactions.CountAsync(i => i.OrderId == delivered.Id && i.Channel == Channel.Delivery, Ct))).ShouldBe(1);

        (await pages.PostAsync(Sheet(day), Action(day, "Delivered", await StopIdAsync(data, theirs)))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await data.ReadOrderAsync(theirs.Id)).Status.ShouldBe(OrderStatus.Placed);

        var failingStop = await StopIdAsync(data, failing);
        var noReason = await pages.PostHtmxAsync(Sheet(day), Action(day, "Failed", failingStop), ("reason", ""));
        noReason.StatusCode.ShouldBe(HttpStatusCode.OK);
        var card = await StaffPages.TextAsync(noReason);
        card.ShouldStartWith("<article ");
        card.ShouldContain($"id=\"stop-{failingStop}\"");
        card.ShouldContain("Say why it failed");
        (await data.ReadOrderAsync(failing.Id)).Status.ShouldBe(OrderStatus.Placed);

        var failed = await pages.PostHtmxAsync(Sheet(day), Action(day, "Failed", failingStop), ("reason", ""), ("pick", "Wrong address"));
        (await StaffPages.TextAsync(failed)).ShouldContain("data-status=\"failed\"");
        (await data.ReadOrderAsync(failing.Id)).FailureReason.ShouldBe("Wrong address");

        var contact = await pages.PostAsync(Sheet(day), Action(day, "Contact", failingStop), ("tone", "Negative"), ("summary", "Dan's neighbour shouted at me"));
        contact.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var logged = await data.DbAsync(db => db.Interactions.SingleAsync(i => i.CustomerId == customer.Id && i.Summary == "Dan's neighbour shouted at me", Ct));
        (logged.Channel, logged.Tone, logged.Direction, logged.StaffId).ShouldBe((Channel.Delivery, Tone.Negative, Direction.Outbound, me.Id));
        logged.OrderId.ShouldBe(failing.Id, "a contact at the door is about the stop's order");

        var empty = await pages.PostAsync(Sheet(day), Action(day, "Contact", failingStop), ("tone", "Neutral"), ("summary", ""));
        empty.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await StaffPages.TextAsync(empty)).ShouldContain("data-testid=\"stop-error\"");
    }

    [Fact]
    public async Task Delivered_and_failed_stops_move_below_the_open_ones()
    {
        var data = await OrderData.ForAsync(app);
        var me = await app.StaffAsync(Driver);
        var day = new DateOnly(2033, 8, 9);
        var location = await data.LocationAsync("Finished stops shop");
        var morning = await data.WindowAsync(location, day, 9, 12, capacity: 5, booked: 3);
        var afternoon = await data.WindowAsync(location, day, 13, 16, capacity: 5, booked: 1);
        var customer = await data.CustomerAsync("Finished Fiona");
        var first = await data.OrderAsync(customer, day, morning, me.Id, sequence: 1);
        var second = await data.OrderAsync(customer, day, morning, me.Id, sequence: 2);
        var third = await data.OrderAsync(customer, day, morning, me.Id, sequence: 3);
        var later = await data.OrderAsync(customer, day, afternoon, me.Id, sequence: 1);
        var pages = await StaffPages.SignInAsync(app, Driver);
        string[] Numbers(string html) => [.. System.Text.RegularExpressions.Regex.Matches(html, "data-order-number=\"(\\d+)\"").Select(m => m.Groups[1].Value)];

        (await pages.PostAsync(Sheet(day), Action(day, "Delivered", await StopIdAsync(data, first)))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await pages.PostAsync(Sheet(day), Action(day, "Failed", await StopIdAsync(data, second)), ("pick", "Nobody home"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        Numbers(await pages.HtmlAsync(Sheet(day))).ShouldBe([.. new[] { third, first, second, later }.Select(o => o.Number.ToString(System.Globalization.CultureInfo.InvariantCulture))]);

        // A window whose stops are all done goes below the windows still to do.
        (await pages.PostAsync(Sheet(day), Action(day, "Delivered", await StopIdAsync(data, third)))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        Numbers(await pages.HtmlAsync(Sheet(day))).ShouldBe([.. new[] { later, first, second, third }.Select(o => o.Number.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
    }

    [Fact]
    public async Task A_manager_gives_a_stop_to_a_driver_in_its_place_and_a_driver_cannot()
    {
        var data = await OrderData.ForAsync(app);
        var me = await app.StaffAsync(Driver);
        var sales = await app.StaffAsync("sales@bloom.example");
        var day = new DateOnly(2033, 8, 3);
        var location = await data.LocationAsync("Assign page shop");
        var window = await data.WindowAsync(location, day, 12, 15, capacity: 5, booked: 1);
        var order = await data.OrderAsync(await data.CustomerAsync("Unassigned Uma"), day, window);
        var stop = await StopIdAsync(data, order);
        var manager = await StaffPages.SignInAsync(app, Manager);

        var html = await manager.HtmlAsync(Sheet(day));
        html.ShouldContain("data-testid=\"assign-form\"");
        html.ShouldContain("no driver yet");
        html.ShouldContain("Choose a driver…");

        var assigned = await manager.PostAsync(Sheet(day), Action(day, "Assign", stop), ("assignTo", me.Id.ToString()), ("sequence", "3"));
        assigned.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stored = await data.DbAsync(db => db.DeliveryStops.AsNoTracking().SingleAsync(s => s.Id == stop, Ct));
        (stored.DriverId, stored.Sequence).ShouldBe((me.Id, 3));
        (await manager.HtmlAsync($"{Sheet(day)}&driverId={me.Id}")).ShouldContain($"data-order-number=\"{order.Number}\"");

        var notADriver = await manager.PostHtmxAsync(Sheet(day), Action(day, "Assign", stop), ("assignTo", sales.Id.ToString()), ("sequence", "1"));
        notADriver.StatusCode.ShouldBe(HttpStatusCode.OK);
        var sheet = await StaffPages.TextAsync(notADriver);
        sheet.ShouldStartWith("<div id=\"run-sheet\"");
        sheet.ShouldContain("Not a driver of this business");
        stored = await data.DbAsync(db => db.DeliveryStops.AsNoTracking().SingleAsync(s => s.Id == stop, Ct));
        (stored.DriverId, stored.Sequence).ShouldBe((me.Id, 3));

        var driver = await StaffPages.SignInAsync(app, Driver);
        var refused = await driver.PostAsync(Sheet(day), Action(day, "Assign", stop), ("assignTo", me.Id.ToString()), ("sequence", "0"));
        refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        refused.Headers.Location!.OriginalString.ShouldContain("/denied");
        (await data.DbAsync(db => db.DeliveryStops.Where(s => s.Id == stop).Select(s => s.Sequence).SingleAsync(Ct))).ShouldBe(3);

        var service = await StaffPages.SignInAsync(app, "service@bloom.example");
        var seen = await service.HtmlAsync(Sheet(day));
        seen.ShouldContain($"data-order-number=\"{order.Number}\"");
        seen.ShouldNotContain("data-testid=\"assign-form\"");
    }
}
