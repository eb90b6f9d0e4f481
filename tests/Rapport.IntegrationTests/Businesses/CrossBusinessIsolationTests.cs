using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Businesses;

/// <summary>Another business's rows answer 404 on every route, whatever the role, and nothing of theirs changes.</summary>
public sealed class CrossBusinessIsolationTests(RapportApp app) : IClassFixture<RapportApp>
{
    [Theory]
    [InlineData("owner@harbor.example")]
    [InlineData("service@harbor.example")]
    [InlineData("driver@harbor.example")]
    public async Task Every_customer_route_with_bloom_ids_is_404_for_harbor_staff_and_bloom_is_unchanged(string harborStaff)
    {
        var bloom = await app.ClientAsync("owner@bloom.example");
        var harbor = await app.ClientAsync(harborStaff);
        var ids = await BloomIdsAsync(bloom);
        var before = await SnapshotAsync(bloom, ids);

        var nextYear = DateTime.UtcNow.Year + 1;
        var interaction = new { channel = "phone", direction = "outbound", summary = "Poaching call", tone = "positive" };
        var routes = new (HttpMethod Method, string Url, object? Body)[]
        {
            (HttpMethod.Get, $"/api/customers/{ids.Tom}", null),
            (HttpMethod.Patch, $"/api/customers/{ids.Tom}", new { name = "Hijacked" }),
            (HttpMethod.Delete, $"/api/customers/{ids.Tom}", null),
            (HttpMethod.Post, $"/api/customers/{ids.Tom}/restore", null),
            (HttpMethod.Post, $"/api/customers/{ids.Deleted}/restore", null),
            (HttpMethod.Post, $"/api/customers/{ids.Tom}/recipients", new { name = "Intruder" }),
            (HttpMethod.Patch, $"/api/customers/{ids.Tom}/recipients/{ids.Maria}", new { relationship = "stranger" }),
            (HttpMethod.Delete, $"/api/customers/{ids.Tom}/recipients/{ids.Maria}", null),
            (HttpMethod.Post, $"/api/customers/{ids.Org}/stakeholders", new { name = "Intruder", role = "blocker" }),
            (HttpMethod.Patch, $"/api/customers/{ids.Org}/stakeholders/{ids.Stakeholder}", new { role = "blocker" }),
            (HttpMethod.Delete, $"/api/customers/{ids.Org}/stakeholders/{ids.Stakeholder}", null),
            (HttpMethod.Post, $"/api/customers/{ids.Tom}/payment-methods",
                new { provider = "demo-pay", token = "tok_evil", brand = "Visa", last4 = "1111", expMonth = 1, expYear = nextYear }),
            (HttpMethod.Delete, $"/api/customers/{ids.Tom}/payment-methods/{ids.Card}", null),
            (HttpMethod.Get, $"/api/customers/{ids.Tom}/timeline", null),
            (HttpMethod.Post, $"/api/customers/{ids.Tom}/interactions", interaction),
        };
        if (!harborStaff.StartsWith("driver@", StringComparison.Ordinal))
            // Harbor's own customer with a child row of bloom's (a driver may not edit at all: that is a 403, tested elsewhere).
            routes =
            [
                .. routes,
                (HttpMethod.Patch, $"/api/customers/{ids.HarborHotel}/recipients/{ids.Maria}", new { relationship = "stranger" }),
                (HttpMethod.Delete, $"/api/customers/{ids.HarborHotel}/recipients/{ids.Maria}", null),
                (HttpMethod.Patch, $"/api/customers/{ids.HarborHotel}/stakeholders/{ids.Stakeholder}", new { role = "blocker" }),
                (HttpMethod.Delete, $"/api/customers/{ids.HarborHotel}/stakeholders/{ids.Stakeholder}", null),
                (HttpMethod.Delete, $"/api/customers/{ids.HarborHotel}/payment-methods/{ids.Card}", null),
            ];
        foreach (var (method, url, body) in routes)
            await (await harbor.SendJsonAsync(method, url, body)).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        foreach (var q in new[] { "Lindqvist", "913.555.0142", "tom.lindqvist@example.com", "Bloom Test Org" })
            (await harbor.GetJsonAsync($"/api/customers?q={Uri.EscapeDataString(q)}")).Items().ShouldBeEmpty();

        (await SnapshotAsync(bloom, ids)).ShouldBe(before);
        // The deleted customer is still deleted, and still bloom's to restore.
        await (await bloom.GetAsync($"/api/customers/{ids.Deleted}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await bloom.PostAsync($"/api/customers/{ids.Deleted}/restore", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await bloom.DeleteAsync($"/api/customers/{ids.Deleted}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Bloom_staff_cannot_reach_harbor_customers_either()
    {
        var bloom = await app.ClientAsync("owner@bloom.example");
        var harbor = await app.ClientAsync("owner@harbor.example");
        var hotel = await app.CustomerIdAsync(DemoData.Harbor, "Grand Pier Hotel");
        var before = (await harbor.GetJsonAsync($"/api/customers/{hotel}")).GetRawText();
        var stakeholder = (await harbor.GetJsonAsync($"/api/customers/{hotel}")).GetProperty("stakeholders")[0].Id();

        await (await bloom.GetAsync($"/api/customers/{hotel}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await bloom.GetAsync($"/api/customers/{hotel}/timeline", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await bloom.PatchAsJsonAsync($"/api/customers/{hotel}/stakeholders/{stakeholder}", new { role = "user" }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await bloom.DeleteAsync($"/api/customers/{hotel}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await bloom.GetJsonAsync("/api/customers?q=grand%20pier")).Items().ShouldBeEmpty();

        (await harbor.GetJsonAsync($"/api/customers/{hotel}")).GetRawText().ShouldBe(before);
    }

    private sealed record BloomIds(Guid Tom, Guid Maria, Guid Card, Guid Org, Guid Stakeholder, Guid Deleted, Guid HarborHotel, Guid Business);

    /// <summary>Bloom's ids, with an organisation and a deleted customer added so that every route has a target.</summary>
    private async Task<BloomIds> BloomIdsAsync(HttpClient bloom)
    {
        var business = await app.BusinessIdAsync(DemoData.Bloom);
        var tom = await app.CustomerIdAsync(DemoData.Bloom, "Tom Lindqvist");
        var (maria, card) = await app.WithDbAsync(business, async db => (
            await db.Recipients.Where(r => r.Name == "Maria Lindqvist").Select(r => r.Id).SingleAsync(Ct),
            await db.PaymentMethods.Where(p => p.CustomerId == tom).Select(p => p.Id).SingleAsync(Ct)));
        var org = (await (await bloom.PostAsJsonAsync("/api/customers", new { kind = "organization", name = "Bloom Test Org" }, Ct))
            .ShouldBeJsonAsync(HttpStatusCode.Created)).Id();
        var stakeholder = (await (await bloom.PostAsJsonAsync($"/api/customers/{org}/stakeholders", new { name = "Event Planner", role = "decisionMaker" }, Ct))
            .ShouldBeJsonAsync(HttpStatusCode.Created)).Id();
        var deleted = (await (await bloom.PostAsJsonAsync("/api/customers", new { kind = "person", name = "Bloom Deleted Person" }, Ct))
            .ShouldBeJsonAsync(HttpStatusCode.Created)).Id();
        (await bloom.DeleteAsync($"/api/customers/{deleted}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var hotel = await app.CustomerIdAsync(DemoData.Harbor, "Grand Pier Hotel");
        return new BloomIds(tom, maria, card, org, stakeholder, deleted, hotel, business);
    }

    /// <summary>What bloom sees of the rows under attack, plus its row counts.</summary>
    private async Task<string> SnapshotAsync(HttpClient bloom, BloomIds ids)
    {
        var tom = (await bloom.GetJsonAsync($"/api/customers/{ids.Tom}")).GetRawText();
        var org = (await bloom.GetJsonAsync($"/api/customers/{ids.Org}")).GetRawText();
        var timeline = (await bloom.GetJsonAsync($"/api/customers/{ids.Tom}/timeline?limit=200")).GetRawText();
        var counts = await app.WithDbAsync(ids.Business, async db => string.Join(",",
            await db.Customers.IgnoreQueryFilters().CountAsync(c => c.DeletedAt != null, Ct),
            await db.Customers.CountAsync(Ct),
            await db.Recipients.CountAsync(Ct),
            await db.Stakeholders.CountAsync(Ct),
            await db.PaymentMethods.CountAsync(Ct),
            await db.Interactions.CountAsync(Ct),
            await db.AuditEntries.CountAsync(Ct)));
        return string.Join("\n", tom, org, timeline, counts);
    }
}
