using System.Net;
using System.Net.Http.Json;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Customers;

/// <summary>Inputs at the edges that once reached a 500 or a crash; each must be a clear 4xx and change nothing.</summary>
public sealed class EdgeInputTests(RapportApp app) : IClassFixture<RapportApp>
{
    [Fact]
    public async Task A_phone_hundreds_of_thousands_of_characters_long_is_422_not_a_crash()
    {
        var client = await app.ClientAsync("sales@bloom.example");
        var response = await client.PostAsJsonAsync("/api/customers", new { kind = "person", name = "Long Phone", phone = new string('9', 500_000) }, Ct);
        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "phone");
        (await client.GetJsonAsync("/api/customers?q=Long%20Phone")).Items().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("phones")]
    [InlineData("emails")]
    [InlineData("addresses")]
    public async Task A_null_entry_in_a_list_is_422_naming_it(string list)
    {
        var client = await app.ClientAsync("sales@bloom.example");
        var response = await client.PostAsync("/api/customers",
            Json($$"""{ "kind": "person", "name": "Null Entry", "{{list}}": [null] }"""), Ct);
        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, $"{list}[0]");
    }

    [Fact]
    public async Task A_control_character_in_a_name_is_422()
    {
        var client = await app.ClientAsync("sales@bloom.example");
        var response = await client.PostAsync("/api/customers", Json("""{ "kind": "person", "name": "Nul\u0000Byte" }"""), Ct);
        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "name");
    }

    [Fact]
    public async Task A_timeline_cursor_beyond_the_calendar_is_422_naming_before()
    {
        var client = await app.ClientAsync("service@bloom.example");
        var tom = (await client.GetJsonAsync("/api/customers?q=913.555.0142")).Items().Single().Id();
        var cursor = new Rapport.Core.Common.Cursor(long.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture), Guid.NewGuid()).Encode();
        var response = await client.GetAsync($"/api/customers/{tom}/timeline?before={cursor}", Ct);
        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "before");
    }

    [Fact]
    public async Task A_contact_dated_before_1900_is_refused_and_the_loyalty_badge_stays()
    {
        var client = await app.ClientAsync("service@bloom.example");
        var tom = (await client.GetJsonAsync("/api/customers?q=913.555.0142")).Items().Single().Id();
        var response = await client.PostAsJsonAsync($"/api/customers/{tom}/interactions",
            new { channel = "phone", direction = "inbound", summary = "Backdated", tone = "neutral", occurredAt = "0001-01-02T00:00:00Z" }, Ct);
        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "occurredAt");
        (await client.GetJsonAsync($"/api/customers/{tom}")).GetProperty("loyalty").GetProperty("years").GetInt32().ShouldBe(8);
    }

    [Fact]
    public async Task Every_Location_a_creation_answers_can_be_fetched()
    {
        var client = await app.ClientAsync("sales@bloom.example");
        var customer = await (await client.PostAsJsonAsync("/api/customers", new { kind = "organization", name = "Location Hotel" }, Ct))
            .ShouldBeJsonAsync(HttpStatusCode.Created);
        var id = customer.Id();
        object[] bodies =
        [
            new { name = "Rita", relationship = "manager" },
            new { name = "Sam", role = "technicalEvaluator" },
            new { provider = "demo-pay", token = "tok_location", brand = "Visa", last4 = "4242", expMonth = 9, expYear = DateTime.UtcNow.Year + 2 },
            new { channel = "visit", direction = "outbound", summary = "Site visit", tone = "positive" },
        ];
        string[] routes = ["recipients", "stakeholders", "payment-methods", "interactions"];
        for (var i = 0; i < routes.Length; i++)
        {
            var created = await client.PostAsJsonAsync($"/api/customers/{id}/{routes[i]}", bodies[i], Ct);
            var body = await created.ShouldBeJsonAsync(HttpStatusCode.Created);
            var fetched = await client.GetJsonAsync(created.Headers.Location!.OriginalString);
            fetched.Id().ShouldBe(body.Id());
        }
    }
}
