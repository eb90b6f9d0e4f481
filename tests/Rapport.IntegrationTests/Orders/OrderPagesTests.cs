using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Orders;
using Rapport.Core.Timeline;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Orders;

/// <summary>The staff's order pages: the list with its filters and paging, one order with its next steps, and the customer page's orders.</summary>
public sealed partial class OrderPagesTests(RapportApp app) : IClassFixture<RapportApp>
{
    private const string Service = "service@bloom.example";
    private const string Driver = "driver@bloom.example";

    private const string Row = "data-testid=\"order-row\"";

    [Fact]
    public async Task The_list_finds_orders_by_number_customer_day_and_status_and_shows_more_in_pages()
    {
        var data = await OrderData.ForAsync(app);
        var name = TestNames.Unique("Listed Lena", 20);
        var customer = await data.CustomerAsync(name);
        var day = new DateOnly(2033, 7, 1);
        var orders = new List<Order>();
        for (var i = 0; i < OrdersModelPageSize + 2; i++) orders.Add(await data.OrderAsync(customer, day));
        var delivered = await data.OrderAsync(customer, day.AddDays(1), shape: o => o.Status = OrderStatus.Delivered);
        var pages = await StaffPages.SignInAsync(app, Service);
        var q = Uri.EscapeDataString(name);

        var first = await pages.HtmlAsync($"/app/orders?q={q}");
        StaffPages.CountOf(first, Row).ShouldBe(OrdersModelPageSize);
        first.ShouldContain($"Order {delivered.Number}");
        first.ShouldContain("$68.00");
        var more = MoreLink().Match(first).Groups[1].Value;
        more.ShouldStartWith("/app/orders?handler=Results&append=true&q=");
        var rest = await pages.HtmlAsync(more);
        StaffPages.CountOf(rest, Row).ShouldBe(3);
        rest.ShouldNotContain("<html");
        rest.ShouldNotContain("Show more");
        rest.ShouldContain($"/app/orders/{orders[0].Id}");

        var byNumber = await pages.HtmlAsync($"/app/orders?q={orders[3].Number}");
        StaffPages.CountOf(byNumber, Row).ShouldBe(1);
        byNumber.ShouldContain($"/app/orders/{orders[3].Id}");
        StaffPages.CountOf(await pages.HtmlAsync($"/app/orders?q=%23{orders[3].Number}"), Row).ShouldBe(1);

        var byDay = await pages.HtmlAsync($"/app/orders?q={q}&date=2033-07-02");
        StaffPages.CountOf(byDay, Row).ShouldBe(1);
        byDay.ShouldContain($"/app/orders/{delivered.Id}");
        var byStatus = await pages.HtmlAsync($"/app/orders?handler=Results&q={q}&status=delivered");
        StaffPages.CountOf(byStatus, Row).ShouldBe(1);
        byStatus.ShouldNotContain("<html");

        (await pages.HtmlAsync($"/app/orders?q={q}&status=inProduction")).ShouldContain("No order matches these filters.");
        (await pages.HtmlAsync("/app/orders?date=someday")).ShouldContain("The day should read like 2026-02-14.");
        (await pages.HtmlAsync("/app/orders?status=lost")).ShouldContain("One of placed, confirmed");

        var ofCustomer = await pages.HtmlAsync($"/app/orders?customerId={customer.Id}");
        ofCustomer.ShouldContain($"of <a href=\"/app/customers/{customer.Id}\"");
        StaffPages.CountOf(ofCustomer, Row).ShouldBe(OrdersModelPageSize);
        await pages.HtmlAsync($"/app/orders?customerId={Guid.NewGuid()}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_order_page_shows_the_order_whole_and_takes_the_next_steps()
    {
        var data = await OrderData.ForAsync(app);
        var location = await data.LocationAsync("Order page shop");
        var day = new DateOnly(2033, 7, 8);
        var window = await data.WindowAsync(location, day, 12, 15, capacity: 5, booked: 1);
        var order = await data.OrderAsync(await data.CustomerAsync("Stepping Stella"), day, window);
        var url = $"/app/orders/{order.Id}";
        var action = $"{url}?handler=Step";
        var pages = await StaffPages.SignInAsync(app, Service);

        var html = await pages.HtmlAsync(url);
        html.ShouldContain($"Order {order.Number}");
        html.ShouldContain("Stepping Stella");
        html.ShouldContain("Garden roses");
        html.ShouldContain("Happy birthday, with love");
        html.ShouldContain("4120 W 71st St, Prairie Village, KS 66208");
        html.ShouldContain("Visa ···· 4242");
        html.ShouldNotContain("tok_secret");
        html.ShouldContain("$68.00");
        html.ShouldContain("Order page shop");
        foreach (var step in new[] { "confirmed", "inProduction", "outForDelivery", "delivered", "cancelled" })
            html.ShouldContain($"data-step=\"{step}\"");
        html.ShouldContain("data-confirm=\"Cancel order");

        var confirmed = await pages.PostAsync(url, action, ("status", "confirmed"));
        confirmed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        confirmed.Headers.Location!.OriginalString.ShouldBe(url);
        (await data.ReadOrderAsync(order.Id)).Status.ShouldBe(OrderStatus.Confirmed);
        (await pages.HtmlAsync(url)).ShouldNotContain("data-step=\"confirmed\"");

        var noReason = await pages.PostAsync(url, action, ("status", "failed"), ("reason", " "));
        noReason.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await StaffPages.TextAsync(noReason)).ShouldContain("Say why it failed");
        (await data.ReadOrderAsync(order.Id)).Status.ShouldBe(OrderStatus.Confirmed);

        var failed = await pages.PostHtmxAsync(url, action, ("status", "failed"), ("reason", "typed"), ("pick", "Nobody home"));
        failed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var panel = await StaffPages.TextAsync(failed);
        panel.ShouldStartWith("<div class=\"card\" id=\"order-progress\"");
        panel.ShouldContain("Failed: Nobody home.");
        var stored = await data.ReadOrderAsync(order.Id);
        (stored.Status, stored.FailureReason).ShouldBe((OrderStatus.Failed, "Nobody home"));
        stored.History.Select(h => h.Status).ShouldBe([OrderStatus.Placed, OrderStatus.Confirmed, OrderStatus.Failed], ignoreOrder: true);

        var afterFinal = await pages.PostHtmxAsync(url, action, ("status", "cancelled"));
        afterFinal.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await StaffPages.TextAsync(afterFinal)).ShouldContain("which is final");
        (await data.DbAsync(db => db.DeliveryWindows.Where(w => w.Id == window.Id).Select(w => w.Booked).SingleAsync(Ct))).ShouldBe(1);

        (await pages.PostForgedAsync(action, ("status", "delivered"))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await data.ReadOrderAsync(order.Id)).Status.ShouldBe(OrderStatus.Failed);
        await pages.HtmlAsync($"/app/orders/{Guid.NewGuid()}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_delivered_order_says_whether_it_kept_its_promise()
    {
        var data = await OrderData.ForAsync(app);
        var location = await data.LocationAsync("Promise shop");
        var day = new DateOnly(2033, 7, 9);
        var window = await data.WindowAsync(location, day, 12, 15, capacity: 5, booked: 2);
        var customer = await data.CustomerAsync("Promised Paul");
        var late = await data.OrderAsync(customer, day, window, shape: o => { o.Status = OrderStatus.Delivered; o.DeliveredAt = window.EndsAt.AddMinutes(20); });
        var onTime = await data.OrderAsync(customer, day, window, shape: o => { o.Status = OrderStatus.Delivered; o.DeliveredAt = window.EndsAt.AddMinutes(-30); });
        var pages = await StaffPages.SignInAsync(app, Service);

        var lateHtml = await pages.HtmlAsync($"/app/orders/{late.Id}");
        lateHtml.ShouldContain(">late</span>");
        lateHtml.ShouldContain("20 min after the promised");
        lateHtml.ShouldContain("This order is done: no further steps.");
        (await pages.HtmlAsync($"/app/orders/{onTime.Id}")).ShouldContain(">on time</span>");
    }

    [Fact]
    public async Task A_driver_opens_only_the_orders_of_his_stops_and_is_offered_the_road_steps()
    {
        var data = await OrderData.ForAsync(app);
        var me = await app.StaffAsync(Driver);
        var customer = await data.CustomerAsync("Driven Dora");
        var day = new DateOnly(2033, 7, 10);
        var mine = await data.OrderAsync(customer, day, driverId: me.Id);
        var notMine = await data.OrderAsync(customer, day);
        var pages = await StaffPages.SignInAsync(app, Driver);

        var html = await pages.HtmlAsync($"/app/orders/{mine.Id}");
        html.ShouldContain("data-step=\"outForDelivery\"");
        html.ShouldContain("data-step=\"delivered\"");
        html.ShouldNotContain("data-step=\"confirmed\"");
        html.ShouldNotContain("data-step=\"cancelled\"");
        html.ShouldNotContain("data-testid=\"order-payment\"");
        html.ShouldNotContain("4242");
        await pages.HtmlAsync($"/app/orders/{notMine.Id}", HttpStatusCode.NotFound);

        var refused = await pages.PostAsync($"/app/orders/{mine.Id}", $"/app/orders/{mine.Id}?handler=Step", ("status", "confirmed"));
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await StaffPages.TextAsync(refused)).ShouldContain("Drivers mark their stops");
        var other = await pages.PostAsync($"/app/orders/{mine.Id}", $"/app/orders/{notMine.Id}?handler=Step", ("status", "delivered"));
        other.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await data.ReadOrderAsync(notMine.Id)).Status.ShouldBe(OrderStatus.Placed);
        (await data.ReadOrderAsync(mine.Id)).Status.ShouldBe(OrderStatus.Placed);
    }

    [Fact]
    public async Task The_customer_page_lists_recent_orders_and_its_timeline_links_each_step_to_its_order()
    {
        var data = await OrderData.ForAsync(app);
        var customer = await data.CustomerAsync("Linked Lily");
        var order = await data.OrderAsync(customer, new DateOnly(2033, 7, 11));
        var pages = await StaffPages.SignInAsync(app, Service);
        (await pages.PostAsync($"/app/orders/{order.Id}", $"/app/orders/{order.Id}?handler=Step", ("status", "outForDelivery")))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var html = await pages.HtmlAsync($"/app/customers/{customer.Id}");
        html.ShouldContain($"<a href=\"/app/orders/{order.Id}\" data-testid=\"timeline-order\">Order {order.Number}</a>");
        var recent = RecentOrders().Matches(html).Select(m => m.Groups[1].Value).ToList();
        recent.ShouldBe([order.Id.ToString()]);

        var timeline = await (await app.ClientAsync(Service)).GetJsonAsync($"/api/customers/{customer.Id}/timeline");
        var entry = timeline.Items().Single(e => e.HasValue("orderId"));
        entry.GetProperty("orderId").GetGuid().ShouldBe(order.Id);
        entry.GetProperty("orderNumber").GetInt64().ShouldBe(order.Number);
        var interaction = await data.DbAsync(db => db.Interactions.SingleAsync(i => i.CustomerId == customer.Id, Ct));
        (interaction.OrderId, interaction.Channel).ShouldBe((order.Id, Channel.Delivery));
        var one = await (await app.ClientAsync(Service)).GetJsonAsync($"/api/customers/{customer.Id}/interactions/{interaction.Id}");
        one.GetProperty("orderNumber").GetInt64().ShouldBe(order.Number);
    }

    private static int OrdersModelPageSize => Web.Orders.OrdersModel.PageSize;

    [GeneratedRegex("""hx-get="([^"]+)" hx-swap="outerHTML">Show more""")]
    private static partial Regex MoreLink();

    [GeneratedRegex("""href="/app/orders/([0-9a-f-]{36})" data-testid="recent-order""")]
    private static partial Regex RecentOrders();
}
