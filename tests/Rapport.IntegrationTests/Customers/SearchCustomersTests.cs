using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Customers;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Customers;

public sealed class SearchCustomersTests(RapportApp app) : IClassFixture<RapportApp>
{
    [Theory]
    [InlineData("913.555.0142")]
    [InlineData("(913) 555-0142")]
    [InlineData("+1 913 555 0142")]
    [InlineData("9135550142")]
    [InlineData("555-0142")]
    [InlineData("lindqv")]
    [InlineData("LINDQVIST")]
    [InlineData("tom lind")]
    [InlineData("tom.lindqvist@example.com")]
    [InlineData("TOM.Lindqvist@")]
    public async Task Tom_is_found_by_phone_in_any_format_by_name_part_and_by_email(string q)
    {
        var client = await app.ClientAsync("service@bloom.example");
        var response = await client.GetAsync($"/api/customers?q={Uri.EscapeDataString(q)}", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var names = body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()).ToList();
        names.ShouldContain("Tom Lindqvist");
    }

    [Fact]
    public async Task A_search_result_carries_kind_contact_and_loyalty()
    {
        var client = await app.ClientAsync("service@bloom.example");
        var tomId = await app.CustomerIdAsync(DemoData.Bloom, "Tom Lindqvist");

        var page = await client.GetJsonAsync("/api/customers?q=913.555.0142");

        var tom = page.Items().ShouldHaveSingleItem();
        tom.Id().ShouldBe(tomId);
        tom.Str("kind").ShouldBe("person");
        tom.Str("phone").ShouldBe("(913) 555-0142");
        tom.Str("email").ShouldBe("tom.lindqvist@example.com");
        tom.GetProperty("loyalty").Str("tier").ShouldBe("loyal");
        var since = tom.GetProperty("loyalty").GetProperty("customerSince").GetDateTime();
        since.ShouldBeInRange(DateTime.UtcNow.AddYears(-8).AddDays(-60), DateTime.UtcNow.AddYears(-8));
        page.Next().ShouldBeNull();
    }

    [Fact]
    public async Task A_name_is_found_by_any_part_without_regard_to_case_or_accents()
    {
        var client = await app.ClientAsync("service@bloom.example");
        var created = await (await client.PostAsJsonAsync("/api/customers", new { kind = "person", name = "Zoë Ångström" }, Ct))
            .ShouldBeJsonAsync(HttpStatusCode.Created);

        foreach (var q in new[] { "zoe angst", "ZOË", "ångström", "ANGSTROM", "oe angs" })
        {
            var page = await client.GetJsonAsync($"/api/customers?q={Uri.EscapeDataString(q)}");
            var found = page.Items().ShouldHaveSingleItem($"searching '{q}'");
            found.Id().ShouldBe(created.Id());
            found.Str("name").ShouldBe("Zoë Ångström");
        }
    }

    [Fact]
    public async Task Wildcards_in_the_query_match_literally()
    {
        var client = await app.ClientAsync("service@bloom.example");
        (await client.GetJsonAsync("/api/customers?q=%25")).Items().ShouldBeEmpty();
        (await client.GetJsonAsync("/api/customers?q=_")).Items().ShouldBeEmpty();
    }

    [Fact]
    public async Task Paging_with_limit_and_next_walks_every_customer_once()
    {
        var client = await app.ClientAsync("service@bloom.example");
        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        var expected = await app.WithDbAsync(bloom, db => db.Customers.Select(c => c.Id).ToListAsync(Ct));
        expected.Count.ShouldBeGreaterThan(300);

        var first = await client.GetJsonAsync("/api/customers?limit=50");
        first.Items().Count.ShouldBe(50);
        first.Next().ShouldNotBeNull();

        var all = await client.WalkAsync("/api/customers?limit=50", "after");

        var ids = all.Select(i => i.Id()).ToList();
        ids.ShouldBeUnique();
        ids.ShouldBe(expected, ignoreOrder: true);
        all.Take(50).Select(i => i.Id()).ShouldBe(first.Items().Select(i => i.Id()));
    }

    [Fact]
    public async Task Paging_a_search_returns_exactly_the_matches_once()
    {
        var client = await app.ClientAsync("sales@bloom.example");
        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        var names = await app.WithDbAsync(bloom, db => db.Customers.Select(c => new { c.Id, c.Name }).ToListAsync(Ct));
        var expected = names.Where(c => SearchText.Normalize(c.Name).Contains("an", StringComparison.Ordinal)).Select(c => c.Id).ToList();
        expected.Count.ShouldBeGreaterThan(30);

        var all = await client.WalkAsync("/api/customers?q=an&limit=7", "after");

        all.Select(i => i.Id()).ShouldBeUnique();
        all.Select(i => i.Id()).ShouldBe(expected, ignoreOrder: true);
    }

    [Theory]
    [InlineData("not-a-cursor")]
    [InlineData("YWJj")]
    [InlineData("!!!")]
    public async Task A_cursor_that_this_list_did_not_return_is_refused_naming_after(string after)
    {
        var client = await app.ClientAsync("service@bloom.example");
        var response = await client.GetAsync($"/api/customers?after={Uri.EscapeDataString(after)}", Ct);
        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "after");
    }

    [Fact]
    public async Task Another_business_customers_are_never_found()
    {
        var client = await app.ClientAsync("owner@harbor.example");
        foreach (var q in new[] { "Lindqvist", "913.555.0142", "tom.lindqvist@example.com" })
            (await client.GetJsonAsync($"/api/customers?q={Uri.EscapeDataString(q)}")).Items().ShouldBeEmpty();
        (await client.GetJsonAsync("/api/customers?q=grand%20pier")).Items().Single().Str("name").ShouldBe("Grand Pier Hotel");
    }
}
