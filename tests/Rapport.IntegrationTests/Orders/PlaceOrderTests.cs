using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rapport.IntegrationTests.Shop;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Orders;

public sealed class PlaceOrderTests(RapportApp app) : IClassFixture<RapportApp>
{
    private static HttpRequestMessage Post(object body, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key ?? TestNames.Key());
        return request;
    }

    private static object Order(Guid customerId, string postcode, Guid windowId, string kind = "window", decimal budget = 85m) => new
    {
        customerId,
        address = DeliverySetup.Address(postcode),
        budget,
        occasion = "Birthday",
        cardMessage = "Love, Tom",
        channel = "phone",
        fulfilment = new { kind, windowId },
    };

    [Fact]
    public async Task A_phone_order_books_the_window_and_lands_on_the_timeline()
    {
        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        var tom = await app.CustomerIdAsync(DemoData.Bloom, "Tom Lindqvist");
        var date = DeliverySetup.SomeDayAhead();
        var setup = await app.LocationAsync(bloom, date, (15, 8, 1));
        var client = await app.ClientAsync("service@bloom.example");

        var response = await client.SendAsync(Post(Order(tom, setup.Postcode, setup.Windows[0])), Ct);

        var placed = await response.ShouldBeJsonAsync(HttpStatusCode.Created);
        response.Headers.Location!.OriginalString.ShouldBe($"/api/orders/{placed.Id()}");
        placed.GetProperty("number").GetInt64().ShouldBeGreaterThan(1000);
        placed.Str("status").ShouldBe("placed");
        placed.GetProperty("total").GetDecimal().ShouldBe(85m + setup.Fee);
        placed.Str("promise").ShouldStartWith("Delivered ");
        placed.Str("promise").ShouldContain("15:00–18:00 by Test shop");
        (await app.WindowAsync(bloom, setup.Windows[0])).Booked.ShouldBe(1);

        var timeline = await client.GetJsonAsync($"/api/customers/{tom}/timeline");
        timeline.Items().First().Str("summary").ShouldContain($"Order {placed.GetProperty("number").GetInt64()} placed");
        var stop = await app.WithDbAsync(bloom, db => db.DeliveryStops.SingleAsync(s => s.OrderId == placed.Id(), Ct));
        stop.WindowId.ShouldBe(setup.Windows[0]);
    }

    [Fact]
    public async Task The_same_key_and_body_again_answers_the_first_response_without_a_second_order()
    {
        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        var tom = await app.CustomerIdAsync(DemoData.Bloom, "Tom Lindqvist");
        var setup = await app.LocationAsync(bloom, DeliverySetup.SomeDayAhead(), (9, 5, 0));
        var client = await app.ClientAsync("service@bloom.example");
        var key = TestNames.Key();
        var body = Order(tom, setup.Postcode, setup.Windows[0]);

        var first = await (await client.SendAsync(Post(body, key), Ct)).ShouldBeJsonAsync(HttpStatusCode.Created);
        var again = await client.SendAsync(Post(body, key), Ct);

        (await again.ShouldBeJsonAsync(HttpStatusCode.Created)).GetRawText().ShouldBe(first.GetRawText());
        again.Headers.Location!.OriginalString.ShouldBe($"/api/orders/{first.Id()}");
        (await app.WindowAsync(bloom, setup.Windows[0])).Booked.ShouldBe(1);

        var different = await client.SendAsync(Post(Order(tom, setup.Postcode, setup.Windows[0], budget: 95m), key), Ct);
        await different.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "Idempotency-Key");
        (await app.WindowAsync(bloom, setup.Windows[0])).Booked.ShouldBe(1);
    }

    [Fact]
    public async Task A_key_is_kept_only_as_its_hash_so_a_card_number_sent_as_a_key_is_stored_nowhere()
    {
        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        var tom = await app.CustomerIdAsync(DemoData.Bloom, "Tom Lindqvist");
        var setup = await app.LocationAsync(bloom, DeliverySetup.SomeDayAhead(), (9, 5, 0));
        var client = await app.ClientAsync("service@bloom.example");
        var body = Order(tom, setup.Postcode, setup.Windows[0]);

        var first = await (await client.SendAsync(Post(body, "4242424242424242"), Ct)).ShouldBeJsonAsync(HttpStatusCode.Created);
        var again = await (await client.SendAsync(Post(body, "4242424242424242"), Ct)).ShouldBeJsonAsync(HttpStatusCode.Created);

        again.Id().ShouldBe(first.Id());
        (await app.WindowAsync(bloom, setup.Windows[0])).Booked.ShouldBe(1);
        (await app.WhereStoredAsync("4242424242424242")).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_missing_idempotency_key_is_refused_and_nothing_is_booked()
    {
        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        var tom = await app.CustomerIdAsync(DemoData.Bloom, "Tom Lindqvist");
        var setup = await app.LocationAsync(bloom, DeliverySetup.SomeDayAhead(), (9, 5, 0));
        var client = await app.ClientAsync("service@bloom.example");

        var response = await client.PostAsJsonAsync("/api/orders", Order(tom, setup.Postcode, setup.Windows[0]), Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Idempotency-Key");
        (await app.WindowAsync(bloom, setup.Windows[0])).Booked.ShouldBe(0);
    }

    [Fact]
    public async Task Five_hundred_concurrent_orders_for_two_hundred_places_book_exactly_two_hundred()
    {
        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        var tom = await app.CustomerIdAsync(DemoData.Bloom, "Tom Lindqvist");
        var setup = await app.LocationAsync(bloom, DeliverySetup.SomeDayAhead(), (9, 200, 0), (12, 5, 0));
        var clients = await Task.WhenAll(new[] { "service@bloom.example", "owner@bloom.example", "manager@bloom.example", "sales@bloom.example" }
            .Select(app.ClientAsync));

        var responses = await Task.WhenAll(Enumerable.Range(0, 500).Select(async i =>
        {
            var response = await clients[i % clients.Length].SendAsync(Post(Order(tom, setup.Postcode, setup.Windows[0])), Ct);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync(Ct));
        }));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(200);
        var refused = responses.Where(r => r.StatusCode == HttpStatusCode.Conflict).ToList();
        refused.Count.ShouldBe(300, string.Join("\n", responses.Where(r => r.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.Conflict))
            .Select(r => $"{(int)r.StatusCode} {r.Body}").Take(3)));
        foreach (var (_, body) in refused.Take(5))
        {
            var alternatives = JsonDocument.Parse(body).RootElement.GetProperty("alternatives").EnumerateArray().ToList();
            alternatives.ShouldNotBeEmpty();
            alternatives.ShouldNotContain(a => a.HasValue("windowId") && a.GetProperty("windowId").GetGuid() == setup.Windows[0]);
        }
        (await app.WindowAsync(bloom, setup.Windows[0])).Booked.ShouldBe(200);
        (await app.WithDbAsync(bloom, db => db.Orders.CountAsync(o => o.WindowId == setup.Windows[0], Ct))).ShouldBe(200);
        var numbers = await app.WithDbAsync(bloom, db => db.Orders.Where(o => o.WindowId == setup.Windows[0]).Select(o => o.Number).ToListAsync(Ct));
        numbers.Distinct().Count().ShouldBe(200);
    }

    [Fact]
    public async Task Fifty_concurrent_identical_requests_with_one_key_make_one_order_and_identical_answers()
    {
        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        var tom = await app.CustomerIdAsync(DemoData.Bloom, "Tom Lindqvist");
        var setup = await app.LocationAsync(bloom, DeliverySetup.SomeDayAhead(), (9, 100, 0));
        var client = await app.ClientAsync("service@bloom.example");
        var key = TestNames.Key();
        var body = Order(tom, setup.Postcode, setup.Windows[0]);

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(async _ =>
        {
            var response = await client.SendAsync(Post(body, key), Ct);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync(Ct));
        }));

        answers.ShouldAllBe(a => a.StatusCode == HttpStatusCode.Created);
        answers.Select(a => a.Body).Distinct().Count().ShouldBe(1);
        (await app.WithDbAsync(bloom, db => db.Orders.CountAsync(o => o.WindowId == setup.Windows[0], Ct))).ShouldBe(1);
        (await app.WindowAsync(bloom, setup.Windows[0])).Booked.ShouldBe(1);
    }

    [Fact]
    public async Task A_full_window_answers_with_alternatives_and_a_loyal_customer_may_book_the_reserve()
    {
        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        var tom = await app.CustomerIdAsync(DemoData.Bloom, "Tom Lindqvist");
        var date = DeliverySetup.SomeDayAhead(12);
        var setup = await app.LocationAsync(bloom, date, (9, 2, 1), (12, 3, 0));
        var client = await app.ClientAsync("service@bloom.example");
        (await client.SendAsync(Post(Order(tom, setup.Postcode, setup.Windows[0])), Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var full = await client.SendAsync(Post(Order(tom, setup.Postcode, setup.Windows[0])), Ct);

        var problem = await full.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var alternatives = problem.GetProperty("alternatives").EnumerateArray().ToList();
        alternatives[0].Str("kind").ShouldBe("loyalty-reserve");
        alternatives[0].GetProperty("windowId").GetGuid().ShouldBe(setup.Windows[0]);
        alternatives.ShouldContain(a => a.Str("kind") == "window" && a.GetProperty("windowId").GetGuid() == setup.Windows[1]);
        alternatives.ShouldContain(a => a.Str("kind") == "pickup");
        (await app.WindowAsync(bloom, setup.Windows[0])).Booked.ShouldBe(1);

        var reserve = await client.SendAsync(Post(Order(tom, setup.Postcode, setup.Windows[0], kind: "loyalty-reserve")), Ct);
        (await reserve.ShouldBeJsonAsync(HttpStatusCode.Created)).Str("promise").ShouldContain("loyalty reserve");
        (await app.WindowAsync(bloom, setup.Windows[0])).Booked.ShouldBe(2);
    }

    [Fact]
    public async Task A_new_customer_cannot_book_the_loyalty_reserve()
    {
        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        var setup = await app.LocationAsync(bloom, DeliverySetup.SomeDayAhead(), (9, 1, 1));
        var client = await app.ClientAsync("service@bloom.example");
        var newcomer = (await (await client.PostAsJsonAsync("/api/customers", new { kind = "person", name = "Nina Newcomer" }, Ct))
            .ShouldBeJsonAsync(HttpStatusCode.Created)).Id();

        var asked = await client.SendAsync(Post(Order(newcomer, setup.Postcode, setup.Windows[0])), Ct);
        var problem = await asked.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.GetProperty("alternatives").EnumerateArray().ShouldNotContain(a => a.Str("kind") == "loyalty-reserve");

        var reserve = await client.SendAsync(Post(Order(newcomer, setup.Postcode, setup.Windows[0], kind: "loyalty-reserve")), Ct);
        await reserve.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "fulfilment.kind");
        (await app.WindowAsync(bloom, setup.Windows[0])).Booked.ShouldBe(0);
    }

    [Fact]
    public async Task A_window_past_its_cutoff_or_outside_the_zone_is_not_booked()
    {
        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        var tom = await app.CustomerIdAsync(DemoData.Bloom, "Tom Lindqvist");
        var setup = await app.LocationAsync(bloom, DeliverySetup.SomeDayAhead(), (9, 5, 0));
        await app.WithDbAsync(bloom, db => db.DeliveryWindows.Where(w => w.Id == setup.Windows[0])
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.Cutoff, DateTime.UtcNow.AddMinutes(-1)), Ct));
        var client = await app.ClientAsync("service@bloom.example");

        await (await client.SendAsync(Post(Order(tom, setup.Postcode, setup.Windows[0])), Ct)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var elsewhere = await app.LocationAsync(bloom, DeliverySetup.SomeDayAhead(), (9, 5, 0));
        var outside = await client.SendAsync(Post(Order(tom, setup.Postcode, elsewhere.Windows[0])), Ct);

        var problem = await outside.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.GetProperty("alternatives").EnumerateArray()
            .ShouldNotContain(a => a.HasValue("windowId") && a.GetProperty("windowId").GetGuid() == elsewhere.Windows[0]);
        (await app.WindowAsync(bloom, setup.Windows[0])).Booked.ShouldBe(0);
        (await app.WindowAsync(bloom, elsewhere.Windows[0])).Booked.ShouldBe(0);
    }

    [Theory]
    [InlineData("budget")]
    [InlineData("fulfilment.kind")]
    [InlineData("channel")]
    [InlineData("cardMessage")]
    public async Task Bad_input_is_refused_naming_the_field(string field)
    {
        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        var tom = await app.CustomerIdAsync(DemoData.Bloom, "Tom Lindqvist");
        var setup = await app.LocationAsync(bloom, DeliverySetup.SomeDayAhead(), (9, 5, 0));
        var client = await app.ClientAsync("service@bloom.example");
        var body = new Dictionary<string, object?>
        {
            ["customerId"] = tom,
            ["address"] = DeliverySetup.Address(setup.Postcode),
            ["budget"] = field == "budget" ? -5m : 85m,
            ["channel"] = field == "channel" ? null : "phone",
            ["cardMessage"] = field == "cardMessage" ? "pay with 4111 1111 1111 1111" : "Love",
            ["fulfilment"] = new { kind = field == "fulfilment.kind" ? "teleport" : "window", windowId = setup.Windows[0] },
        };

        await (await client.SendAsync(Post(body), Ct)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, field);
        (await app.WindowAsync(bloom, setup.Windows[0])).Booked.ShouldBe(0);
    }

    [Fact]
    public async Task Another_business_cannot_order_for_our_customer_or_book_our_window()
    {
        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        var tom = await app.CustomerIdAsync(DemoData.Bloom, "Tom Lindqvist");
        var setup = await app.LocationAsync(bloom, DeliverySetup.SomeDayAhead(), (9, 5, 0));
        var harbor = await app.ClientAsync("owner@harbor.example");

        await (await harbor.SendAsync(Post(Order(tom, setup.Postcode, setup.Windows[0])), Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await app.WindowAsync(bloom, setup.Windows[0])).Booked.ShouldBe(0);
    }

    [Fact]
    public async Task Options_say_whether_the_window_is_available_and_what_else_can_be_promised()
    {
        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        var tom = await app.CustomerIdAsync(DemoData.Bloom, "Tom Lindqvist");
        var date = DeliverySetup.SomeDayAhead(11);
        var setup = await app.LocationAsync(bloom, date, (9, 4, 0), (12, 4, 0), (15, 0, 0));
        var client = await app.ClientAsync("service@bloom.example");

        var answer = await (await client.PostAsJsonAsync("/api/orders/options",
            new { customerId = tom, address = DeliverySetup.Address(setup.Postcode), windowId = setup.Windows[2] }, Ct)).ShouldBeJsonAsync(HttpStatusCode.OK);

        answer.GetProperty("requested").GetProperty("available").GetBoolean().ShouldBeFalse();
        answer.GetProperty("loyal").GetBoolean().ShouldBeTrue();
        var options = answer.GetProperty("options").EnumerateArray().ToList();
        options.Where(o => o.Str("kind") == "window").Select(o => o.GetProperty("windowId").GetGuid()).ShouldBe([setup.Windows[0], setup.Windows[1]]);
        options.ShouldAllBe(o => !string.IsNullOrWhiteSpace(o.Str("promise")));
        answer.GetProperty("script").EnumerateArray().ShouldNotBeEmpty();
    }
}
