using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Customers;

public sealed class PaymentMethodsTests(RapportApp app) : IClassFixture<RapportApp>
{
    private static readonly int NextYear = DateTime.UtcNow.Year + 1;

    [Fact]
    public async Task A_card_on_file_is_kept_as_token_brand_last4_and_expiry()
    {
        var client = await app.ClientAsync("service@bloom.example");
        var tomId = await app.CustomerIdAsync(DemoData.Bloom, "Tom Lindqvist");

        var response = await client.PostAsJsonAsync($"/api/customers/{tomId}/payment-methods",
            new { provider = "demo-pay", token = "tok_9f8e7d6c5b4a", brand = "Mastercard", last4 = "4444", expMonth = 3, expYear = NextYear }, Ct);

        var added = await response.ShouldBeJsonAsync(HttpStatusCode.Created);
        var id = added.Id();
        response.Headers.Location!.OriginalString.ShouldBe($"/api/customers/{tomId}/payment-methods/{id}");
        added.Str("brand").ShouldBe("Mastercard");
        added.Str("last4").ShouldBe("4444");
        added.GetProperty("expMonth").GetInt32().ShouldBe(3);
        added.GetProperty("expYear").GetInt32().ShouldBe(NextYear);
        added.Has("token").ShouldBeFalse();

        var cards = (await client.GetJsonAsync($"/api/customers/{tomId}")).GetProperty("paymentMethods").EnumerateArray().ToList();
        cards.Select(c => c.Str("last4")).ShouldBe(["4242", "4444"], ignoreOrder: true);
        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        (await app.WithDbAsync(bloom, db => db.PaymentMethods.Where(p => p.Id == id).Select(p => p.Token).SingleAsync(Ct))).ShouldBe("tok_9f8e7d6c5b4a");

        (await client.DeleteAsync($"/api/customers/{tomId}/payment-methods/{id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.GetJsonAsync($"/api/customers/{tomId}")).GetProperty("paymentMethods").EnumerateArray()
            .Select(c => c.Str("last4")).ShouldBe(["4242"]);
        await (await client.DeleteAsync($"/api/customers/{tomId}/payment-methods/{id}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Another_customers_card_cannot_be_removed_through_this_customer()
    {
        var client = await app.ClientAsync("owner@bloom.example");
        var tomId = await app.CustomerIdAsync(DemoData.Bloom, "Tom Lindqvist");
        var other = (await (await client.PostAsJsonAsync("/api/customers", new { kind = "person", name = "Card Thief" }, Ct))
            .ShouldBeJsonAsync(HttpStatusCode.Created)).Id();
        var card = (await client.GetJsonAsync($"/api/customers/{tomId}")).GetProperty("paymentMethods")[0].Id();

        await (await client.DeleteAsync($"/api/customers/{other}/payment-methods/{card}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        (await CardsOnFileAsync(tomId)).ShouldBe(1);
    }

    [Theory]
    [InlineData("last4", "42")]
    [InlineData("last4", "abcd")]
    [InlineData("expMonth", 13)]
    [InlineData("expYear", 1999)]
    [InlineData("token", "")]
    [InlineData("brand", null)]
    public async Task An_incomplete_card_is_422_naming_the_field(string field, object? value)
    {
        var client = await app.ClientAsync("service@bloom.example");
        var tomId = await app.CustomerIdAsync(DemoData.Bloom, "Tom Lindqvist");
        var body = new Dictionary<string, object?>
        {
            ["provider"] = "demo-pay", ["token"] = "tok_abc", ["brand"] = "Visa", ["last4"] = "1881", ["expMonth"] = 1, ["expYear"] = NextYear,
        };
        body[field] = value;

        var response = await client.PostAsJsonAsync($"/api/customers/{tomId}/payment-methods", body, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, field);
        (await CardsOnFileAsync(tomId)).ShouldBe(1);
    }

    [Theory]
    [InlineData("token", "4111 1111 1111 1111")]
    [InlineData("token", "4111-1111-1111-1111")]
    [InlineData("token", "4111111111111111")]
    [InlineData("token", "tok_4222222222222")]
    [InlineData("token", "pay 6011000000000000001 now")]
    [InlineData("brand", "Visa 4111 1111 1111 1111")]
    [InlineData("provider", "378282246310005")]
    [InlineData("last4", "5555 5555 5555 4444")]
    public async Task A_full_card_number_in_any_field_is_422_naming_it_and_stored_nowhere(string field, string number)
    {
        var client = await app.ClientAsync("service@bloom.example");
        var tomId = await app.CustomerIdAsync(DemoData.Bloom, "Tom Lindqvist");
        var body = new Dictionary<string, object?>
        {
            ["provider"] = "demo-pay", ["token"] = "tok_abc", ["brand"] = "Visa", ["last4"] = "1111", ["expMonth"] = 1, ["expYear"] = NextYear,
        };
        body[field] = number;
        var auditBefore = await AuditCountAsync();

        var response = await client.PostAsJsonAsync($"/api/customers/{tomId}/payment-methods", body, Ct);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, field);
        problem.GetRawText().ShouldNotContain(Digits(number));
        (await CardsOnFileAsync(tomId)).ShouldBe(1);
        (await AuditCountAsync()).ShouldBe(auditBefore);
    }

    [Fact]
    public async Task A_card_number_sent_as_a_json_number_is_refused_too()
    {
        var client = await app.ClientAsync("service@bloom.example");
        var tomId = await app.CustomerIdAsync(DemoData.Bloom, "Tom Lindqvist");

        var response = await client.PostAsync($"/api/customers/{tomId}/payment-methods", Json(
            """{ "provider": "demo-pay", "token": "tok_abc", "brand": "Visa", "last4": "1111", "expMonth": 1, "expYear": 4111111111111111 }"""), Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "expYear");
        (await CardsOnFileAsync(tomId)).ShouldBe(1);
    }

    [Theory]
    [InlineData("tok-4111-1111-1111-1112")]
    [InlineData("tok 4111 1111 1111")]
    public async Task Digits_that_are_not_a_card_number_are_accepted(string token)
    {
        var client = await app.ClientAsync("owner@bloom.example");
        var customer = (await (await client.PostAsJsonAsync("/api/customers", new { kind = "person", name = $"Token {token}" }, Ct))
            .ShouldBeJsonAsync(HttpStatusCode.Created)).Id();

        var response = await client.PostAsJsonAsync($"/api/customers/{customer}/payment-methods",
            new { provider = "demo-pay", token, brand = "Visa", last4 = "1112", expMonth = 12, expYear = NextYear }, Ct);

        await response.ShouldBeJsonAsync(HttpStatusCode.Created);
        (await CardsOnFileAsync(customer)).ShouldBe(1);
    }

    public static TheoryData<string, string, string, string> CardNumbersElsewhere => new()
    {
        { "POST", "/api/customers", """{ "kind": "person", "name": "Card Holder", "preferences": { "notes": "card 4111 1111 1111 1111 exp 12/28" } }""", "preferences.notes" },
        { "POST", "/api/customers", """{ "kind": "person", "name": "Card Holder", "phones": [ { "value": "4111111111111111" } ] }""", "phones[0].value" },
        { "POST", "/api/customers", """{ "kind": "person", "name": "Card Holder", "addresses": [ { "line1": "4111-1111-1111-1111", "city": "KC", "postalCode": "64101" } ] }""", "addresses[0].line1" },
        { "PATCH", "/api/customers/{tom}", """{ "preferences": { "internalNotes": "his card is 4111-1111-1111-1111" } }""", "preferences.internalNotes" },
        { "PATCH", "/api/customers/{tom}", """{ "name": "Tom 5555555555554444" }""", "name" },
        { "POST", "/api/customers/{tom}/recipients", """{ "name": "Maria", "relationship": "card 3782 822463 10005" }""", "relationship" },
        { "PATCH", "/api/customers/{tom}/recipients/{maria}", """{ "phone": "4111 1111 1111 1111" }""", "phone" },
        { "POST", "/api/customers/{tom}/interactions", """{ "channel": "phone", "direction": "inbound", "tone": "neutral", "summary": "Read out his card: 4111 1111 1111 1111, exp 09/28" }""", "summary" },
    };

    [Theory]
    [MemberData(nameof(CardNumbersElsewhere))]
    public async Task A_card_number_in_any_other_endpoints_field_is_422_naming_it_and_changes_nothing(string method, string url, string json, string field)
    {
        var client = await app.ClientAsync("manager@bloom.example");
        var tomId = await app.CustomerIdAsync(DemoData.Bloom, "Tom Lindqvist");
        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        var mariaId = await app.WithDbAsync(bloom, db => db.Recipients.Where(r => r.Name == "Maria Lindqvist").Select(r => r.Id).SingleAsync(Ct));
        var before = await SnapshotAsync(client, tomId);

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url.Replace("{tom}", tomId.ToString()).Replace("{maria}", mariaId.ToString()))
        {
            Content = Json(json),
        }, Ct);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, field);
        problem.GetRawText().ShouldNotContain("1111 1111");
        (await SnapshotAsync(client, tomId)).ShouldBe(before);
    }

    private async Task<string> SnapshotAsync(HttpClient client, Guid tomId)
    {
        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        var counts = await app.WithDbAsync(bloom, async db => new[]
        {
            await db.Customers.IgnoreQueryFilters().CountAsync(Ct),
            await db.Interactions.CountAsync(Ct),
            await db.Recipients.CountAsync(Ct),
            await db.ContactPoints.CountAsync(Ct),
            await db.CustomerAddresses.CountAsync(Ct),
            await db.AuditEntries.CountAsync(Ct),
        });
        var tom = await client.GetJsonAsync($"/api/customers/{tomId}");
        var timeline = await client.GetJsonAsync($"/api/customers/{tomId}/timeline?limit=5");
        return $"{string.Join(",", counts)}\n{tom.GetRawText()}\n{timeline.GetRawText()}";
    }

    private async Task<int> CardsOnFileAsync(Guid customerId)
    {
        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        return await app.WithDbAsync(bloom, db => db.PaymentMethods.CountAsync(p => p.CustomerId == customerId, Ct));
    }

    private async Task<int> AuditCountAsync()
    {
        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        return await app.WithDbAsync(bloom, db => db.AuditEntries.CountAsync(Ct));
    }

    private static string Digits(string text) => new(text.Where(char.IsAsciiDigit).ToArray());
}
