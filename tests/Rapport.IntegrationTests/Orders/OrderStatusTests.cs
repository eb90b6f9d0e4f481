using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Orders;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Orders;

/// <summary>An order's steps after it is placed: forward only, each recorded, the customer's steps on the timeline, capacity back on cancel.</summary>
public sealed class OrderStatusTests(RapportApp app) : IClassFixture<RapportApp>
{
    private const string Service = "service@bloom.example";
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private static Task<HttpResponseMessage> MoveAsync(HttpClient client, Guid order, object body) =>
        client.PostAsJsonAsync($"/api/orders/{order}/status", body, Ct);

    private static async Task<JsonElement> MovedAsync(HttpClient client, Guid order, object body) =>
        await (await MoveAsync(client, order, body)).ShouldBeJsonAsync(HttpStatusCode.OK);

    [Fact]
    public async Task Each_step_is_recorded_with_time_and_who_and_the_customer_hears_of_the_road_steps()
    {
        var data = await OrderData.ForAsync(app);
        var client = await app.ClientAsync(Service);
        var customer = await data.CustomerAsync("Step Walker");
        var order = await data.OrderAsync(customer, Today, shape: o =>
        {
            o.PromisedFrom = DateTime.UtcNow.AddHours(-1);
            o.PromisedBy = DateTime.UtcNow.AddHours(1);
        });

        foreach (var step in new[] { "confirmed", "inProduction", "outForDelivery" })
            (await MovedAsync(client, order.Id, new { status = step })).Str("status").ShouldBe(step);
        var delivered = await MovedAsync(client, order.Id, new { status = "delivered" });

        delivered.Str("status").ShouldBe("delivered");
        delivered.GetProperty("onTime").GetBoolean().ShouldBeTrue();
        delivered.GetProperty("deliveredAt").GetDateTime().ShouldBe(DateTime.UtcNow, TimeSpan.FromMinutes(1));
        var history = delivered.GetProperty("history").EnumerateArray().ToList();
        history.Select(h => h.Str("status")).ShouldBe(["placed", "confirmed", "inProduction", "outForDelivery", "delivered"]);
        history.Skip(1).ShouldAllBe(h => h.Str("staffName") == "Jake Morrison");
        history.Select(h => h.GetProperty("at").GetDateTime()).ShouldBeInOrder();

        var timeline = (await client.GetJsonAsync($"/api/customers/{customer.Id}/timeline")).Items();
        var entries = timeline.Where(e => e.Str("summary").Contains($"Order {order.Number}", StringComparison.Ordinal)).ToList();
        entries.Select(e => (e.Str("channel"), e.Str("tone"))).ShouldBe([("delivery", "positive"), ("delivery", "neutral")]);
        entries[0].Str("summary").ShouldContain("on time");
        entries[0].GetProperty("staff").Str("role").ShouldBe("service");
        (await data.DbAsync(db => db.Interactions.CountAsync(i => i.OrderId == order.Id, Ct))).ShouldBe(2);

        var audits = await data.DbAsync(db => db.AuditEntries.Where(a => a.Entity == "Order" && a.EntityId == order.Id).ToListAsync(Ct));
        audits.Count.ShouldBe(4);
        audits.ShouldAllBe(a => a.Action == "status changed" && a.Before != null && a.After != null && a.ActorName == "Jake Morrison");
        audits.ShouldContain(a => a.Before!.Contains("OutForDelivery", StringComparison.Ordinal) && a.After!.Contains("Delivered", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_order_placed_through_the_api_goes_out_with_its_driver_and_a_cancelled_one_frees_its_window()
    {
        var data = await OrderData.ForAsync(app);
        var service = await app.ClientAsync(Service);
        var customer = await data.CustomerAsync("Placed Pia");
        var setup = await app.LocationAsync(data.Business, DeliverySetup.SomeDayAhead(14), (9, 4, 0));
        async Task<Guid> PlaceAsync()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders")
            {
                Content = JsonContent.Create(new
                {
                    customerId = customer.Id, address = DeliverySetup.Address(setup.Postcode), budget = 60m, channel = "phone",
                    fulfilment = new { kind = "window", windowId = setup.Windows[0] },
                }),
            };
            request.Headers.Add("Idempotency-Key", TestNames.Key());
            return (await (await service.SendAsync(request, Ct)).ShouldBeJsonAsync(HttpStatusCode.Created)).Id();
        }
        var kept = await PlaceAsync();
        var dropped = await PlaceAsync();
        (await app.WindowAsync(data.Business, setup.Windows[0])).Booked.ShouldBe(2);

        await MovedAsync(service, dropped, new { status = "cancelled" });
        (await app.WindowAsync(data.Business, setup.Windows[0])).Booked.ShouldBe(1);

        var me = await app.StaffAsync("driver@bloom.example");
        var stopId = await data.DbAsync(db => db.DeliveryStops.Where(s => s.OrderId == kept).Select(s => s.Id).SingleAsync(Ct));
        (await (await app.ClientAsync("manager@bloom.example")).PutAsJsonAsync($"/api/delivery/stops/{stopId}", new { driverId = me.Id }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var driver = await app.ClientAsync("driver@bloom.example");
        await MovedAsync(driver, kept, new { status = "outForDelivery" });
        var delivered = await MovedAsync(driver, kept, new { status = "delivered" });

        delivered.GetProperty("history").EnumerateArray().Select(h => h.Str("status")).ShouldBe(["placed", "outForDelivery", "delivered"]);
        delivered.GetProperty("onTime").GetBoolean().ShouldBeTrue();
        (await data.DbAsync(db => db.Interactions.Where(i => i.OrderId == kept).OrderBy(i => i.OccurredAt).Select(i => i.Tone).ToListAsync(Ct)))
            .ShouldBe([Core.Timeline.Tone.Positive, Core.Timeline.Tone.Neutral, Core.Timeline.Tone.Positive]);
    }

    [Fact]
    public async Task Delivered_after_the_promised_window_is_late_and_negative_on_the_timeline()
    {
        var data = await OrderData.ForAsync(app);
        var client = await app.ClientAsync(Service);
        var customer = await data.CustomerAsync("Late Larry");
        var order = await data.OrderAsync(customer, Today, shape: o =>
        {
            o.Status = OrderStatus.OutForDelivery;
            o.PromisedFrom = DateTime.UtcNow.AddHours(-4);
            o.PromisedBy = DateTime.UtcNow.AddHours(-1);
        });

        var delivered = await MovedAsync(client, order.Id, new { status = "delivered" });

        delivered.GetProperty("onTime").GetBoolean().ShouldBeFalse();
        var entry = (await client.GetJsonAsync($"/api/customers/{customer.Id}/timeline?limit=1")).Items().Single();
        entry.Str("tone").ShouldBe("negative");
        entry.Str("summary").ShouldContain("late");
    }

    [Fact]
    public async Task Delivered_at_a_given_time_keeps_that_time_but_never_a_future_one_or_one_before_the_last_step()
    {
        var data = await OrderData.ForAsync(app);
        var client = await app.ClientAsync(Service);
        var customer = await data.CustomerAsync("Timed Tina");
        var order = await data.OrderAsync(customer, Today);

        await (await MoveAsync(client, order.Id, new { status = "delivered", at = DateTime.UtcNow.AddHours(1) }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "at");
        await (await MoveAsync(client, order.Id, new { status = "delivered", at = order.PlacedAt.AddMinutes(-5) }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "at");
        (await data.ReadOrderAsync(order.Id)).Status.ShouldBe(OrderStatus.Placed);

        var at = new DateTime(DateTime.UtcNow.AddMinutes(-10).Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, DateTimeKind.Utc);
        var delivered = await MovedAsync(client, order.Id, new { status = "delivered", at });

        delivered.GetProperty("deliveredAt").GetDateTime().ToUniversalTime().ShouldBe(at);
        delivered.GetProperty("history").EnumerateArray().Last().GetProperty("at").GetDateTime().ToUniversalTime().ShouldBe(at);
        (await data.ReadOrderAsync(order.Id)).DeliveredAt.ShouldBe(at);
    }

    [Theory]
    [InlineData(OrderStatus.InProduction, "confirmed")]
    [InlineData(OrderStatus.Confirmed, "placed")]
    [InlineData(OrderStatus.Confirmed, "confirmed")]
    [InlineData(OrderStatus.OutForDelivery, "cancelled")]
    [InlineData(OrderStatus.OutForDelivery, "inProduction")]
    [InlineData(OrderStatus.Delivered, "failed")]
    [InlineData(OrderStatus.Failed, "delivered")]
    [InlineData(OrderStatus.Cancelled, "confirmed")]
    [InlineData(OrderStatus.Cancelled, "cancelled")]
    public async Task An_illegal_step_is_422_naming_status_in_plain_words_and_changes_nothing(OrderStatus from, string to)
    {
        var data = await OrderData.ForAsync(app);
        var client = await app.ClientAsync(Service);
        var customer = await data.CustomerAsync($"Stuck {from} {to}");
        var location = await data.LocationAsync($"Stuck shop {from} {to}");
        var window = await data.WindowAsync(location, Today.AddDays(30), 9, 12, capacity: 10, booked: 4);
        var order = await data.OrderAsync(customer, window.Date, window, shape: o => o.Status = from);

        var problem = await (await MoveAsync(client, order.Id, new { status = to, reason = "because" }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "status");

        problem.GetProperty("errors").GetProperty("status")[0].GetString().ShouldStartWith("The order ");
        var after = await data.ReadOrderAsync(order.Id);
        after.Status.ShouldBe(from);
        after.History.Count.ShouldBe(1);
        after.UpdatedAt.ShouldBe(order.UpdatedAt, TimeSpan.FromMilliseconds(1));
        (await data.DbAsync(db => db.Interactions.CountAsync(i => i.CustomerId == customer.Id, Ct))).ShouldBe(0);
        (await data.DbAsync(db => db.AuditEntries.CountAsync(a => a.EntityId == order.Id, Ct))).ShouldBe(0);
        (await data.DbAsync(db => db.DeliveryWindows.Where(w => w.Id == window.Id).Select(w => w.Booked).SingleAsync(Ct))).ShouldBe(4);
    }

    [Fact]
    public async Task Failed_without_a_reason_is_422_and_with_one_is_recorded_negative_on_the_timeline()
    {
        var data = await OrderData.ForAsync(app);
        var client = await app.ClientAsync(Service);
        var customer = await data.CustomerAsync("Nobody Home");
        var order = await data.OrderAsync(customer, Today, shape: o => o.Status = OrderStatus.OutForDelivery);

        await (await MoveAsync(client, order.Id, new { status = "failed" })).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "reason");
        await (await MoveAsync(client, order.Id, new { status = "failed", reason = "   " })).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "reason");
        (await data.ReadOrderAsync(order.Id)).Status.ShouldBe(OrderStatus.OutForDelivery);

        var failed = await MovedAsync(client, order.Id, new { status = "failed", reason = "Nobody home, no safe place" });

        failed.Str("status").ShouldBe("failed");
        failed.Str("failureReason").ShouldBe("Nobody home, no safe place");
        failed.GetProperty("history").EnumerateArray().Last().Str("reason").ShouldBe("Nobody home, no safe place");
        var entry = (await client.GetJsonAsync($"/api/customers/{customer.Id}/timeline?limit=1")).Items().Single();
        entry.Str("tone").ShouldBe("negative");
        entry.Str("channel").ShouldBe("delivery");
        entry.Str("summary").ShouldBe($"Order {order.Number} could not be delivered to {customer.RecipientName}: Nobody home, no safe place.");
    }

    [Fact]
    public async Task A_missing_or_unknown_status_is_a_problem_naming_status()
    {
        var data = await OrderData.ForAsync(app);
        var client = await app.ClientAsync(Service);
        var order = await data.OrderAsync(await data.CustomerAsync("Vague Vera"), Today);

        await (await MoveAsync(client, order.Id, new { })).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "status");
        await (await client.PostAsync($"/api/orders/{order.Id}/status", Json("""{ "status": "shipped" }"""), Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "status");
        await (await client.PostAsync($"/api/orders/{order.Id}/status", Json("""{ "status": 4 }"""), Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "status");
        await (await MoveAsync(client, order.Id, new { status = "confirmed", reason = new string('x', OrderLimits.Reason + 1) }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "reason");
        await (await client.PostAsync("/api/orders/not-an-id/status", Json("""{ "status": "confirmed" }"""), Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await MoveAsync(client, Guid.NewGuid(), new { status = "confirmed" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await data.ReadOrderAsync(order.Id)).Status.ShouldBe(OrderStatus.Placed);
    }

    [Fact]
    public async Task Cancelling_a_window_order_gives_one_unit_of_capacity_back_once()
    {
        var data = await OrderData.ForAsync(app);
        var client = await app.ClientAsync(Service);
        var customer = await data.CustomerAsync("Changed Plans");
        var location = await data.LocationAsync("Cancel shop");
        var window = await data.WindowAsync(location, Today.AddDays(10), 12, 15, capacity: 10, booked: 3);
        var order = await data.OrderAsync(customer, window.Date, window, shape: o => o.Status = OrderStatus.InProduction);

        var cancelled = await MovedAsync(client, order.Id, new { status = "cancelled", reason = "Plans changed" });

        cancelled.Str("status").ShouldBe("cancelled");
        (await BookedAsync(data, window.Id)).ShouldBe(2);
        var entry = (await client.GetJsonAsync($"/api/customers/{customer.Id}/timeline?limit=1")).Items().Single();
        (entry.Str("channel"), entry.Str("tone")).ShouldBe(("service", "neutral"));
        entry.Str("summary").ShouldBe($"Order {order.Number} cancelled: Plans changed.");

        await (await MoveAsync(client, order.Id, new { status = "cancelled" })).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "status");
        (await BookedAsync(data, window.Id)).ShouldBe(2);
    }

    [Fact]
    public async Task Cancelling_never_takes_a_window_below_zero()
    {
        var data = await OrderData.ForAsync(app);
        var client = await app.ClientAsync(Service);
        var location = await data.LocationAsync("Empty shop");
        var window = await data.WindowAsync(location, Today.AddDays(11), 9, 12, capacity: 5, booked: 0);
        var order = await data.OrderAsync(await data.CustomerAsync("Zero Zed"), window.Date, window);

        await MovedAsync(client, order.Id, new { status = "cancelled" });

        (await BookedAsync(data, window.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task Cancelling_a_partner_order_gives_the_partners_day_back()
    {
        var data = await OrderData.ForAsync(app);
        var client = await app.ClientAsync("manager@bloom.example");
        var date = Today.AddDays(12);
        var partner = await data.PartnerAsync("Petal Partners", date, capacity: 6, booked: 4);
        var order = await data.OrderAsync(await data.CustomerAsync("Partner Pat"), date, shape: o =>
        {
            o.Fulfilment = FulfilmentKind.Partner;
            o.PartnerId = partner.Id;
        });

        var cancelled = await MovedAsync(client, order.Id, new { status = "cancelled" });

        cancelled.GetProperty("fulfilment").Str("partnerName").ShouldBe("Petal Partners");
        (await data.DbAsync(db => db.PartnerDays.Where(d => d.PartnerId == partner.Id).Select(d => d.Booked).SingleAsync(Ct))).ShouldBe(3);
    }

    [Fact]
    public async Task Of_several_cancels_at_once_one_wins_and_capacity_comes_back_once()
    {
        var data = await OrderData.ForAsync(app);
        var location = await data.LocationAsync("Race shop");
        var window = await data.WindowAsync(location, Today.AddDays(13), 15, 18, capacity: 8, booked: 5);
        var order = await data.OrderAsync(await data.CustomerAsync("Racing Rita"), window.Date, window);
        var clients = await Task.WhenAll(new[] { Service, "sales@bloom.example", "manager@bloom.example", "owner@bloom.example", Service }
            .Select(email => app.ClientAsync(email)));

        var answers = await Task.WhenAll(clients.Select(c => MoveAsync(c, order.Id, new { status = "cancelled" })));

        answers.Count(a => a.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        foreach (var lost in answers.Where(a => a.StatusCode != HttpStatusCode.OK))
            await lost.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "status");
        (await BookedAsync(data, window.Id)).ShouldBe(4);
        (await data.ReadOrderAsync(order.Id)).History.Count(h => h.Status == OrderStatus.Cancelled).ShouldBe(1);
    }

    [Fact]
    public async Task Sales_and_managers_may_record_every_step()
    {
        var data = await OrderData.ForAsync(app);
        var sales = await app.ClientAsync("sales@bloom.example");
        var manager = await app.ClientAsync("manager@bloom.example");
        var customer = await data.CustomerAsync("Shop Floor");
        var first = await data.OrderAsync(customer, Today);
        var second = await data.OrderAsync(customer, Today);

        (await MovedAsync(sales, first.Id, new { status = "confirmed" })).Str("status").ShouldBe("confirmed");
        (await MovedAsync(manager, first.Id, new { status = "outForDelivery" })).Str("status").ShouldBe("outForDelivery");
        (await MovedAsync(sales, first.Id, new { status = "delivered" })).Str("status").ShouldBe("delivered");
        (await MovedAsync(manager, second.Id, new { status = "cancelled" })).Str("status").ShouldBe("cancelled");
    }

    [Fact]
    public async Task Another_business_cannot_read_or_move_an_order_404_and_nothing_changes()
    {
        var data = await OrderData.ForAsync(app);
        var customer = await data.CustomerAsync("Bloom Only");
        var order = await data.OrderAsync(customer, Today);
        var harbor = await app.ClientAsync("owner@harbor.example");

        await (await harbor.GetAsync($"/api/orders/{order.Id}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await MoveAsync(harbor, order.Id, new { status = "cancelled" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await (await app.ClientAsync("driver@harbor.example")).PostAsJsonAsync($"/api/orders/{order.Id}/status", new { status = "delivered" }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await harbor.GetJsonAsync($"/api/orders?customerId={customer.Id}")).Items().ShouldBeEmpty();
        (await harbor.GetJsonAsync("/api/orders?limit=100")).Items().ShouldNotContain(o => o.Id() == order.Id);

        var after = await data.ReadOrderAsync(order.Id);
        after.Status.ShouldBe(OrderStatus.Placed);
        after.History.Count.ShouldBe(1);
    }

    private static Task<int> BookedAsync(OrderData data, Guid window) =>
        data.DbAsync(db => db.DeliveryWindows.Where(w => w.Id == window).Select(w => w.Booked).SingleAsync(Ct));
}
