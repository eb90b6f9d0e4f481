using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Orders;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Orders;

/// <summary>Drivers reach only the orders of their own stops, never the card, and record only the road steps.</summary>
public sealed class DriverOrderTests(RapportApp app) : IClassFixture<RapportApp>
{
    private const string Driver = "driver@bloom.example";
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task On_his_own_stop_the_driver_records_out_for_delivery_and_delivered()
    {
        var data = await OrderData.ForAsync(app);
        var me = await app.StaffAsync(Driver);
        var client = await app.ClientAsync(Driver);
        var customer = await data.CustomerAsync("Driven Dora");
        var order = await data.OrderAsync(customer, Today, driverId: me.Id, shape: o => o.Status = OrderStatus.InProduction);

        (await (await client.PostAsJsonAsync($"/api/orders/{order.Id}/status", new { status = "outForDelivery" }, Ct))
            .ShouldBeJsonAsync(HttpStatusCode.OK)).Str("status").ShouldBe("outForDelivery");
        var delivered = await (await client.PostAsJsonAsync($"/api/orders/{order.Id}/status", new { status = "delivered" }, Ct))
            .ShouldBeJsonAsync(HttpStatusCode.OK);

        delivered.Str("status").ShouldBe("delivered");
        delivered.Has("payment").ShouldBeFalse();
        delivered.GetProperty("history").EnumerateArray().Last().Str("staffName").ShouldBe(me.DisplayName);
        var entry = (await client.GetJsonAsync($"/api/customers/{customer.Id}/timeline?limit=1")).Items().Single();
        entry.GetProperty("staff").Str("role").ShouldBe("delivery");
        entry.Str("channel").ShouldBe("delivery");
    }

    [Fact]
    public async Task On_his_own_stop_the_driver_records_a_failed_delivery_with_its_reason()
    {
        var data = await OrderData.ForAsync(app);
        var me = await app.StaffAsync(Driver);
        var client = await app.ClientAsync(Driver);
        var order = await data.OrderAsync(await data.CustomerAsync("Absent Abe"), Today, driverId: me.Id, shape: o => o.Status = OrderStatus.OutForDelivery);

        var failed = await (await client.PostAsJsonAsync($"/api/orders/{order.Id}/status", new { status = "failed", reason = "Gate locked" }, Ct))
            .ShouldBeJsonAsync(HttpStatusCode.OK);

        failed.Str("failureReason").ShouldBe("Gate locked");
    }

    [Theory]
    [InlineData("confirmed")]
    [InlineData("inProduction")]
    [InlineData("cancelled")]
    public async Task The_shops_steps_are_403_for_the_driver_even_on_his_own_stop(string status)
    {
        var data = await OrderData.ForAsync(app);
        var me = await app.StaffAsync(Driver);
        var client = await app.ClientAsync(Driver);
        var order = await data.OrderAsync(await data.CustomerAsync($"Shop Step {status}"), Today, driverId: me.Id);

        await (await client.PostAsJsonAsync($"/api/orders/{order.Id}/status", new { status }, Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        var after = await data.ReadOrderAsync(order.Id);
        after.Status.ShouldBe(OrderStatus.Placed);
        after.History.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Another_drivers_order_is_404_to_read_list_or_move_and_nothing_changes()
    {
        var data = await OrderData.ForAsync(app);
        var other = await data.DriverAsync("Other Driver");
        var client = await app.ClientAsync(Driver);
        var customer = await data.CustomerAsync("Someone Elses");
        var theirs = await data.OrderAsync(customer, Today, driverId: other.Id, shape: o => o.Status = OrderStatus.OutForDelivery);
        var unassigned = await data.OrderAsync(customer, Today);

        foreach (var order in new[] { theirs, unassigned })
        {
            await (await client.GetAsync($"/api/orders/{order.Id}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
            await (await client.PostAsJsonAsync($"/api/orders/{order.Id}/status", new { status = "delivered" }, Ct))
                .ShouldBeProblemAsync(HttpStatusCode.NotFound);
            (await data.ReadOrderAsync(order.Id)).DeliveredAt.ShouldBeNull();
        }
        (await client.GetJsonAsync($"/api/orders?customerId={customer.Id}")).Items().ShouldBeEmpty();
        (await data.ReadOrderAsync(theirs.Id)).Status.ShouldBe(OrderStatus.OutForDelivery);
    }

    [Fact]
    public async Task The_driver_reads_his_stops_orders_without_the_card_and_lists_only_those()
    {
        var data = await OrderData.ForAsync(app);
        var me = await app.StaffAsync(Driver);
        var other = await data.DriverAsync("Yet Another Driver");
        var client = await app.ClientAsync(Driver);
        var customer = await data.CustomerAsync("Mixed Runs");
        var mine = await data.OrderAsync(customer, Today, driverId: me.Id);
        await data.OrderAsync(customer, Today, driverId: other.Id);
        await data.OrderAsync(customer, Today);

        var order = await client.GetJsonAsync($"/api/orders/{mine.Id}");

        order.Str("cardMessage").ShouldBe("Happy birthday, with love");
        order.GetProperty("address").Str("line1").ShouldBe("4120 W 71st St");
        order.Has("payment").ShouldBeFalse();
        order.GetRawText().ShouldNotContain("4242");
        order.GetRawText().ShouldNotContain("tok_");
        (await client.GetJsonAsync($"/api/orders?customerId={customer.Id}")).Items().Select(o => o.Id()).ShouldBe([mine.Id]);
        var everything = await client.WalkAsync("/api/orders?limit=50", "after");
        var myStops = await data.DbAsync(db => db.DeliveryStops.Where(s => s.DriverId == me.Id && s.OrderId != null)
            .Select(s => s.OrderId!.Value).ToListAsync(Ct));
        everything.Select(o => o.Id()).ShouldBe(myStops, ignoreOrder: true);
    }
}
