using System.Net;
using System.Text.Json;
using Rapport.Core.Orders;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Orders;

/// <summary>Reading one order whole, and listing orders by customer, date and status a page at a time.</summary>
public sealed class ReadOrdersTests(RapportApp app) : IClassFixture<RapportApp>
{
    private const string Service = "service@bloom.example";
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task An_order_reads_whole_with_the_card_as_brand_and_last_four_only()
    {
        var data = await OrderData.ForAsync(app);
        var client = await app.ClientAsync(Service);
        var customer = await data.CustomerAsync("Whole Order");
        var location = await data.LocationAsync("Whole shop");
        var window = await data.WindowAsync(location, Today.AddDays(20), 12, 15, capacity: 10, booked: 1);
        var placed = await data.OrderAsync(customer, window.Date, window);

        var order = await client.GetJsonAsync($"/api/orders/{placed.Id}");

        order.Id().ShouldBe(placed.Id);
        order.GetProperty("number").GetInt64().ShouldBe(placed.Number);
        order.Str("status").ShouldBe("placed");
        order.Str("channel").ShouldBe("phone");
        order.GetProperty("customer").Str("name").ShouldBe("Whole Order");
        order.GetProperty("recipient").Str("name").ShouldBe(customer.RecipientName);
        order.GetProperty("recipient").Str("phone").ShouldBe("(816) 555-0177");
        order.GetProperty("address").Str("text").ShouldBe("4120 W 71st St, Prairie Village, KS 66208");
        order.Str("occasion").ShouldBe("Birthday");
        order.Str("cardMessage").ShouldBe("Happy birthday, with love");
        var line = order.GetProperty("lines").EnumerateArray().Single();
        (line.Str("description"), line.GetProperty("quantity").GetInt32(), line.GetProperty("total").GetDecimal()).ShouldBe(("Garden roses", 2, 60m));
        var fulfilment = order.GetProperty("fulfilment");
        fulfilment.Str("kind").ShouldBe("delivery");
        fulfilment.Str("date").ShouldBe(window.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        fulfilment.GetProperty("windowId").GetGuid().ShouldBe(window.Id);
        fulfilment.Str("locationName").ShouldBe("Whole shop");
        fulfilment.GetProperty("promisedBy").GetDateTime().ToUniversalTime().ShouldBe(window.EndsAt);
        fulfilment.Str("promise").ShouldStartWith("Delivered");
        var totals = order.GetProperty("totals");
        (totals.GetProperty("subtotal").GetDecimal(), totals.GetProperty("deliveryFee").GetDecimal(), totals.GetProperty("total").GetDecimal())
            .ShouldBe((60m, 8m, 68m));
        totals.Str("currency").ShouldBe("USD");
        var payment = order.GetProperty("payment");
        (payment.Str("brand"), payment.Str("last4")).ShouldBe(("Visa", "4242"));
        payment.EnumerateObject().Select(p => p.Name).ShouldBe(["brand", "last4"], ignoreOrder: true);
        order.GetRawText().ShouldNotContain("tok_secret_test");
        order.GetProperty("history").EnumerateArray().Single().Str("status").ShouldBe("placed");
        order.Has("onTime").ShouldBeFalse();
    }

    [Fact]
    public async Task Orders_list_newest_first_a_page_at_a_time_and_filter_by_customer_date_and_status()
    {
        var data = await OrderData.ForAsync(app);
        var client = await app.ClientAsync(Service);
        var customer = await data.CustomerAsync("Many Orders");
        var day = Today.AddDays(40);
        var orders = new List<Order>();
        for (var i = 0; i < 5; i++)
            orders.Add(await data.OrderAsync(customer, i < 3 ? day : day.AddDays(1), shape: o => o.Status = i == 4 ? OrderStatus.Confirmed : OrderStatus.Placed));

        var first = await client.GetJsonAsync($"/api/orders?customerId={customer.Id}&limit=2");
        first.Items().Count.ShouldBe(2);
        first.Next().ShouldNotBeNull();
        var all = await client.WalkAsync($"/api/orders?customerId={customer.Id}&limit=2", "after");
        all.Select(o => o.Id()).ShouldBe(orders.OrderByDescending(o => o.Number).Select(o => o.Id));
        all[0].Str("customerName").ShouldBe("Many Orders");
        all[0].GetProperty("total").GetDecimal().ShouldBe(68m);

        var dayText = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        (await client.WalkAsync($"/api/orders?customerId={customer.Id}&date={dayText}&limit=1", "after")).Select(o => o.Id())
            .ShouldBe(orders.Take(3).OrderByDescending(o => o.Number).Select(o => o.Id));
        (await client.GetJsonAsync($"/api/orders?customerId={customer.Id}&status=confirmed")).Items().Select(o => o.Id()).ShouldBe([orders[4].Id]);
        (await client.GetJsonAsync($"/api/orders?customerId={customer.Id}&status=out%20for%20delivery")).Items().ShouldBeEmpty();
        (await client.GetJsonAsync($"/api/orders?date={dayText}&status=placed&limit=100")).Items().Select(o => o.Id())
            .ShouldBe(orders.Take(3).OrderByDescending(o => o.Number).Select(o => o.Id));
    }

    [Theory]
    [InlineData("status=shipped", "status")]
    [InlineData("status=3", "status")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("after=not-a-cursor", "after")]
    public async Task A_bad_filter_is_422_naming_it(string query, string field) =>
        await (await (await app.ClientAsync(Service)).GetAsync($"/api/orders?{query}", Ct)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, field);

    [Theory]
    [InlineData("date=14-02-2026", "date")]
    [InlineData("customerId=tom", "customerId")]
    public async Task An_unreadable_filter_is_400_naming_it(string query, string field) =>
        await (await (await app.ClientAsync(Service)).GetAsync($"/api/orders?{query}", Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, field);

    [Fact]
    public async Task The_routes_after_an_order_is_placed_are_in_the_openapi_document_by_name()
    {
        var doc = JsonDocument.Parse(await app.CreateApiClient().GetStringAsync("/openapi/v1.json", Ct)).RootElement;
        var paths = doc.GetProperty("paths");

        foreach (var (path, method, name) in new[]
                 {
                     ("/api/orders", "get", "SearchOrders"),
                     ("/api/orders/{id}", "get", "GetOrder"),
                     ("/api/orders/{id}/status", "post", "ChangeOrderStatus"),
                     ("/api/orders/declined", "post", "RecordTurnedAway"),
                     ("/api/orders/declined/{id}", "get", "GetTurnedAway"),
                     ("/api/delivery/run-sheet", "get", "GetRunSheet"),
                     ("/api/delivery/stops/{id}", "put", "AssignStop"),
                     ("/api/reports/turned-away", "get", "TurnedAwayReport"),
                     ("/api/reports/on-time", "get", "OnTimeReport"),
                 })
        {
            var operation = paths.GetProperty(path).GetProperty(method);
            operation.Str("operationId").ShouldBe(name);
            operation.Str("summary").ShouldNotBeNullOrWhiteSpace();
        }
    }

    [Fact]
    public async Task An_unknown_order_is_404() =>
        await (await (await app.ClientAsync(Service)).GetAsync($"/api/orders/{Guid.NewGuid()}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
}
