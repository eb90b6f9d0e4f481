using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Hosting;

/// <summary>Bad requests are 400/413/415/422 problem details naming the field, never 500, and change nothing.</summary>
public sealed class BadInputTests(RapportApp app) : IClassFixture<RapportApp>
{
    [Theory]
    [InlineData("""{ "kind": "person", "name": """, "name")]
    [InlineData("""{ "kind": "person", "name": "Trailing", }""", null)]
    [InlineData("""not json at all""", null)]
    [InlineData("""[ { "kind": "person", "name": "In an array" } ]""", null)]
    [InlineData("", null)]
    public async Task Malformed_json_is_400_problem_and_nothing_is_stored(string json, string? field)
    {
        var client = await app.ClientAsync("service@bloom.example");
        var before = await CustomerCountAsync();

        var response = await client.PostAsync("/api/customers", Json(json), Ct);

        if (field is null) await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        else await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, field);
        (await CustomerCountAsync()).ShouldBe(before);
    }

    // Bytes that are not UTF-8, and escapes of half a surrogate pair: valid JSON to the reader until a string is read.
    public static TheoryData<string, byte[], string> UndecodableBodies => new()
    {
        { "/api/auth/login", [.. "{\"email\":\""u8, 0xFF, .. "\",\"password\":\"x\"}"u8], "email" },
        { "/api/auth/login", Encoding.UTF8.GetBytes("""{"email":"a\ud800b","password":"x"}"""), "email" },
        { "/api/customers", [.. "{\"kind\":\"person\",\"name\":\"Ann "u8, 0xC3, 0x28, .. "\"}"u8], "name" },
        { "/api/customers", Encoding.UTF8.GetBytes("""{"kind":"person","name":"Ann","phones":[{"value":"\udc00"}]}"""), "phones[0].value" },
    };

    [Theory]
    [MemberData(nameof(UndecodableBodies))]
    public async Task Invalid_utf8_or_a_lone_surrogate_is_400_naming_the_field_and_nothing_is_stored(string url, byte[] body, string field)
    {
        var client = url == "/api/auth/login" ? app.CreateApiClient() : await app.ClientAsync("service@bloom.example");
        var before = await CustomerCountAsync();
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        var response = await client.PostAsync(url, content, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, field);
        (await CustomerCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Malformed_json_on_a_patch_changes_nothing()
    {
        var client = await app.ClientAsync("service@bloom.example");
        var tomId = await app.CustomerIdAsync(DemoData.Bloom, "Tom Lindqvist");
        var before = (await client.GetJsonAsync($"/api/customers/{tomId}")).GetRawText();

        await (await client.PatchAsync($"/api/customers/{tomId}", Json("""{ "name": "Thomas" """), Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        (await client.GetJsonAsync($"/api/customers/{tomId}")).GetRawText().ShouldBe(before);
    }

    [Theory]
    [InlineData("""{ "kind": "robot", "name": "R2" }""", "kind")]
    [InlineData("""{ "kind": 1, "name": "Numbered" }""", "kind")]
    [InlineData("""{ "kind": "person", "name": 42 }""", "name")]
    [InlineData("""{ "kind": "person", "name": "Budget", "preferences": { "standingBudget": "lots" } }""", "preferences.standingBudget")]
    [InlineData("""{ "kind": "person", "name": "Phones", "phones": [ { "value": true } ] }""", "phones[0].value")]
    public async Task A_value_of_the_wrong_type_or_an_unknown_enum_is_400_naming_the_field(string json, string field)
    {
        var client = await app.ClientAsync("service@bloom.example");
        var before = await CustomerCountAsync();

        var response = await client.PostAsync("/api/customers", Json(json), Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, field);
        (await CustomerCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_415_problem()
    {
        var client = await app.ClientAsync("service@bloom.example");
        var response = await client.PostAsync("/api/customers", new StringContent("kind=person&name=Form", Encoding.UTF8, "application/x-www-form-urlencoded"), Ct);
        await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData("GET", "/api/customers/not-a-guid", "id")]
    [InlineData("PATCH", "/api/customers/not-a-guid", "id")]
    [InlineData("DELETE", "/api/customers/not-a-guid", "id")]
    [InlineData("POST", "/api/customers/not-a-guid/restore", "id")]
    [InlineData("GET", "/api/customers/not-a-guid/timeline", "id")]
    [InlineData("POST", "/api/customers/not-a-guid/interactions", "id")]
    [InlineData("POST", "/api/customers/12345/recipients", "id")]
    [InlineData("PATCH", "/api/customers/{tom}/recipients/not-a-guid", "recipientId")]
    [InlineData("DELETE", "/api/customers/{tom}/stakeholders/not-a-guid", "stakeholderId")]
    [InlineData("DELETE", "/api/customers/{tom}/payment-methods/not-a-guid", "paymentMethodId")]
    public async Task A_malformed_id_is_400_naming_it_never_500(string method, string url, string field)
    {
        var client = await app.ClientAsync("service@bloom.example");
        var tomId = await app.CustomerIdAsync(DemoData.Bloom, "Tom Lindqvist");
        var body = method is "POST" or "PATCH" ? new { name = "Valid Name" } : null;

        var response = await client.SendJsonAsync(new HttpMethod(method), url.Replace("{tom}", tomId.ToString()), body);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task A_body_over_1_MiB_is_413_problem()
    {
        var client = await app.ClientAsync("service@bloom.example");
        var before = await CustomerCountAsync();
        var json = $$"""{ "kind": "person", "name": "Big", "preferences": { "notes": "{{new string('x', 1024 * 1024 + 10)}}" } }""";

        var response = await client.PostAsync("/api/customers", Json(json), Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        (await CustomerCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_streamed_body_over_1_MiB_without_a_length_is_413_problem()
    {
        var client = await app.ClientAsync("service@bloom.example");
        var before = await CustomerCountAsync();
        var bytes = Encoding.UTF8.GetBytes($$"""{ "kind": "person", "name": "Big", "preferences": { "notes": "{{new string('x', 1024 * 1024 + 10)}}" } }""");
        var content = new StreamContent(new UnknownLengthStream(bytes));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        var response = await client.PostAsync("/api/customers", content, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        (await CustomerCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_name_over_200_characters_is_422_naming_name_and_200_is_fine()
    {
        var client = await app.ClientAsync("service@bloom.example");
        var before = await CustomerCountAsync();

        await (await client.PostAsJsonAsync("/api/customers", new { kind = "person", name = new string('a', 201) }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "name");
        (await CustomerCountAsync()).ShouldBe(before);

        var tomId = await app.CustomerIdAsync(DemoData.Bloom, "Tom Lindqvist");
        await (await client.PatchAsJsonAsync($"/api/customers/{tomId}", new { name = new string('a', 201) }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "name");
        (await client.GetJsonAsync($"/api/customers/{tomId}")).Str("name").ShouldBe("Tom Lindqvist");

        var created = await (await client.PostAsJsonAsync("/api/customers", new { kind = "person", name = new string('b', 200) }, Ct))
            .ShouldBeJsonAsync(HttpStatusCode.Created);
        (await client.GetJsonAsync($"/api/customers/{created.Id()}")).Str("name").Length.ShouldBe(200);
    }

    [Theory]
    [InlineData('ß')]
    [InlineData('æ')]
    public async Task A_name_of_200_characters_that_folds_longer_for_search_is_stored_and_found(char letter)
    {
        var client = await app.ClientAsync("service@bloom.example");
        var name = "Straße " + new string(letter, 193);

        var created = await (await client.PostAsJsonAsync("/api/customers", new { kind = "person", name }, Ct)).ShouldBeJsonAsync(HttpStatusCode.Created);

        (await client.GetJsonAsync($"/api/customers/{created.Id()}")).Str("name").ShouldBe(name);
        (await client.GetJsonAsync("/api/customers?q=strasse")).Items().ShouldContain(i => i.Id() == created.Id());
    }

    [Theory]
    [InlineData("notes", 4001)]
    [InlineData("likes", 4001)]
    public async Task Overlong_free_text_is_422_naming_the_field(string field, int length)
    {
        var client = await app.ClientAsync("service@bloom.example");
        var response = await client.PostAsJsonAsync("/api/customers",
            new Dictionary<string, object> { ["kind"] = "person", ["name"] = "Wordy", ["preferences"] = new Dictionary<string, string> { [field] = new('n', length) } }, Ct);
        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, $"preferences.{field}");
    }

    [Theory]
    [InlineData("/api/customers?limit=0")]
    [InlineData("/api/customers?limit=1000")]
    [InlineData("/api/customers?limit=-1")]
    [InlineData("/api/customers/{tom}/timeline?limit=0")]
    [InlineData("/api/customers/{tom}/timeline?limit=1000")]
    public async Task A_limit_out_of_range_is_422_naming_limit(string url)
    {
        var client = await app.ClientAsync("service@bloom.example");
        var tomId = await app.CustomerIdAsync(DemoData.Bloom, "Tom Lindqvist");
        var response = await client.GetAsync(url.Replace("{tom}", tomId.ToString()), Ct);
        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "limit");
    }

    [Theory]
    [InlineData("/api/customers?limit=abc")]
    [InlineData("/api/customers?limit=99999999999")]
    [InlineData("/api/customers/{tom}/timeline?limit=ten")]
    public async Task A_limit_that_is_not_a_number_is_400_naming_limit(string url)
    {
        var client = await app.ClientAsync("service@bloom.example");
        var tomId = await app.CustomerIdAsync(DemoData.Bloom, "Tom Lindqvist");
        var response = await client.GetAsync(url.Replace("{tom}", tomId.ToString()), Ct);
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "limit");
    }

    [Fact]
    public async Task A_query_over_200_characters_is_422_naming_q()
    {
        var client = await app.ClientAsync("service@bloom.example");
        var response = await client.GetAsync($"/api/customers?q={new string('q', 201)}", Ct);
        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "q");
    }

    [Fact]
    public async Task Unknown_routes_and_methods_are_problems_too()
    {
        var client = await app.ClientAsync("service@bloom.example");
        var tomId = await app.CustomerIdAsync(DemoData.Bloom, "Tom Lindqvist");

        await (await client.GetAsync("/api/nothing-here", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await client.PutAsJsonAsync($"/api/customers/{tomId}", new { name = "Put" }, Ct)).ShouldBeProblemAsync(HttpStatusCode.MethodNotAllowed);
    }

    private async Task<int> CustomerCountAsync()
    {
        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        return await app.WithDbAsync(bloom, db => db.Customers.IgnoreQueryFilters().CountAsync(Ct));
    }

    /// <summary>A readable stream that will not tell its length, so the body is sent without Content-Length.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => base.Position; set => throw new NotSupportedException(); }
    }
}
