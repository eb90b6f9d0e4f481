using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Rapport.Testing;

namespace Rapport.IntegrationTests.Customers;

public sealed class SearchCustomersTests(RapportApp app) : IClassFixture<RapportApp>
{
    [Theory]
    [InlineData("913.555.0142")]
    [InlineData("(913) 555-0142")]
    [InlineData("+1 913 555 0142")]
    [InlineData("lindqv")]
    [InlineData("LINDQVIST")]
    [InlineData("tom.lindqvist@example.com")]
    public async Task Tom_is_found_by_phone_in_any_format_by_name_part_and_by_email(string q)
    {
        var client = await app.SignInAsync("service@bloom.example");
        var response = await client.GetAsync($"/api/customers?q={Uri.EscapeDataString(q)}", TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var names = body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()).ToList();
        names.ShouldContain("Tom Lindqvist");
    }
}
