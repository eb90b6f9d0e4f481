using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Customers;

/// <summary>Delivery staff see only the customers and recipients of their own stops, and never cards or internal notes.</summary>
public sealed class DeliveryStaffTests(RapportApp app) : IClassFixture<RapportApp>
{
    private const string Driver = "driver@bloom.example";

    [Fact]
    public async Task The_driver_finds_exactly_the_customers_on_his_stops()
    {
        var client = await app.ClientAsync(Driver);
        var stops = await StopCustomersAsync();
        stops.Count.ShouldBeGreaterThan(1);

        var all = await client.WalkAsync("/api/customers?limit=3", "after");

        all.Select(c => c.Id()).ShouldBe(stops, ignoreOrder: true);
        all.ShouldAllBe(c => !c.HasValue("email"));
        (await client.GetJsonAsync("/api/customers?q=lindqvist")).Items().Single().Str("name").ShouldBe("Tom Lindqvist");
    }

    [Fact]
    public async Task A_customer_off_his_stops_is_404_for_every_route()
    {
        var client = await app.ClientAsync(Driver);
        var stranger = await StrangerAsync();
        var name = (await (await app.ClientAsync("service@bloom.example")).GetJsonAsync($"/api/customers/{stranger}")).Str("name");

        (await client.GetJsonAsync($"/api/customers?q={Uri.EscapeDataString(name)}")).Items().ShouldNotContain(c => c.Id() == stranger);
        await (await client.GetAsync($"/api/customers/{stranger}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync($"/api/customers/{stranger}/timeline", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await client.PostAsJsonAsync($"/api/customers/{stranger}/interactions",
            new { channel = "delivery", direction = "outbound", summary = "Delivered", tone = "positive" }, Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await client.PatchAsJsonAsync($"/api/customers/{stranger}", new { name = "Changed" }, Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task On_his_stop_the_driver_sees_name_phones_addresses_and_his_recipient_but_no_card_notes_or_emails()
    {
        var client = await app.ClientAsync(Driver);
        var tomId = await app.CustomerIdAsync(DemoData.Bloom, "Tom Lindqvist");

        var tom = await client.GetJsonAsync($"/api/customers/{tomId}");

        tom.Str("name").ShouldBe("Tom Lindqvist");
        tom.Str("phone").ShouldBe("(913) 555-0142");
        tom.GetProperty("addresses").GetArrayLength().ShouldBe(1);
        tom.GetProperty("recipients").EnumerateArray().Select(r => r.Str("name")).ShouldBe(["Maria Lindqvist"]);
        tom.GetProperty("recipients")[0].GetProperty("address").Str("line1").ShouldBe("4120 W 71st St");
        tom.Has("paymentMethods").ShouldBeFalse();
        tom.Has("preferences").ShouldBeFalse();
        tom.HasValue("email").ShouldBeFalse();
        tom.Has("emails").ShouldBeFalse();
        var text = tom.GetRawText();
        text.ShouldNotContain("4242");
        text.ShouldNotContain("internalNotes");
        text.ShouldNotContain("loyalty reserve");
        text.ShouldNotContain("Ingrid");
    }

    [Fact]
    public async Task The_driver_sees_the_timeline_without_internal_entries()
    {
        var client = await app.ClientAsync(Driver);
        var tomId = await app.CustomerIdAsync(DemoData.Bloom, "Tom Lindqvist");
        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        var entries = await app.WithDbAsync(bloom, db => db.Interactions.Where(i => i.CustomerId == tomId)
            .Select(i => new { i.Id, i.Internal }).ToListAsync(Ct));
        entries.ShouldContain(e => e.Internal);

        var all = await client.WalkAsync($"/api/customers/{tomId}/timeline?limit=10", "before");

        all.Select(e => e.Id()).ShouldBe(entries.Where(e => !e.Internal).Select(e => e.Id), ignoreOrder: true);
        all.ShouldAllBe(e => !e.GetProperty("internal").GetBoolean());
        all.ShouldNotContain(e => e.Str("summary").StartsWith("Concession", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_change_by_the_driver_is_403_and_nothing_changes()
    {
        var client = await app.ClientAsync(Driver);
        var service = await app.ClientAsync("service@bloom.example");
        var tomId = await app.CustomerIdAsync(DemoData.Bloom, "Tom Lindqvist");
        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        var (mariaId, cardId) = await app.WithDbAsync(bloom, async db => (
            await db.Recipients.Where(r => r.Name == "Maria Lindqvist").Select(r => r.Id).SingleAsync(Ct),
            await db.PaymentMethods.Where(p => p.CustomerId == tomId).Select(p => p.Id).SingleAsync(Ct)));
        var before = (await service.GetJsonAsync($"/api/customers/{tomId}")).GetRawText();
        var customersBefore = await app.WithDbAsync(bloom, db => db.Customers.IgnoreQueryFilters().CountAsync(Ct));

        var attempts = new (HttpMethod Method, string Url, object? Body)[]
        {
            (HttpMethod.Post, "/api/customers", new { kind = "person", name = "Driver's Friend" }),
            (HttpMethod.Patch, $"/api/customers/{tomId}", new { name = "Thomas" }),
            (HttpMethod.Delete, $"/api/customers/{tomId}", null),
            (HttpMethod.Post, $"/api/customers/{tomId}/recipients", new { name = "Someone New" }),
            (HttpMethod.Patch, $"/api/customers/{tomId}/recipients/{mariaId}", new { relationship = "ex-wife" }),
            (HttpMethod.Delete, $"/api/customers/{tomId}/recipients/{mariaId}", null),
            (HttpMethod.Post, $"/api/customers/{tomId}/payment-methods",
                new { provider = "demo-pay", token = "tok_x", brand = "Visa", last4 = "1111", expMonth = 1, expYear = DateTime.UtcNow.Year + 1 }),
            (HttpMethod.Delete, $"/api/customers/{tomId}/payment-methods/{cardId}", null),
        };
        foreach (var (method, url, body) in attempts)
            await (await client.SendJsonAsync(method, url, body)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        (await service.GetJsonAsync($"/api/customers/{tomId}")).GetRawText().ShouldBe(before);
        (await app.WithDbAsync(bloom, db => db.Customers.IgnoreQueryFilters().CountAsync(Ct))).ShouldBe(customersBefore);
    }

    [Fact]
    public async Task The_driver_cannot_restore_a_deleted_customer_of_his_stops_403_nor_see_others_404()
    {
        var client = await app.ClientAsync(Driver);
        var service = await app.ClientAsync("service@bloom.example");
        var tomId = await app.CustomerIdAsync(DemoData.Bloom, "Tom Lindqvist");
        var onStop = (await StopCustomersAsync()).First(id => id != tomId);
        var stranger = await StrangerAsync();
        (await service.DeleteAsync($"/api/customers/{onStop}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await service.DeleteAsync($"/api/customers/{stranger}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        try
        {
            await (await client.PostAsync($"/api/customers/{onStop}/restore", null, Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
            await (await client.PostAsync($"/api/customers/{stranger}/restore", null, Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
            await (await client.PostAsync($"/api/customers/{tomId}/restore", null, Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
            await (await service.GetAsync($"/api/customers/{onStop}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        }
        finally
        {
            (await service.PostAsync($"/api/customers/{onStop}/restore", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
            (await service.PostAsync($"/api/customers/{stranger}/restore", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }
    }

    [Fact]
    public async Task The_driver_logs_a_delivery_on_his_customer()
    {
        var client = await app.ClientAsync(Driver);
        var driver = await app.StaffAsync(Driver);
        var tomId = await app.CustomerIdAsync(DemoData.Bloom, "Tom Lindqvist");

        var entry = await (await client.PostAsJsonAsync($"/api/customers/{tomId}/interactions",
            new { channel = "delivery", direction = "outbound", summary = "Delivered tulips to Maria; left with neighbour.", tone = "neutral" }, Ct))
            .ShouldBeJsonAsync(HttpStatusCode.Created);

        entry.GetProperty("staff").Str("role").ShouldBe("delivery");
        entry.GetProperty("staff").Str("name").ShouldBe(driver.DisplayName);
        entry.GetProperty("internal").GetBoolean().ShouldBeFalse();
        (await client.GetJsonAsync($"/api/customers/{tomId}/timeline?limit=1")).Items().Single().Id().ShouldBe(entry.Id());
        var service = await app.ClientAsync("service@bloom.example");
        (await service.GetJsonAsync($"/api/customers/{tomId}/timeline?limit=1")).Items().Single().Id().ShouldBe(entry.Id());
    }

    [Fact]
    public async Task The_driver_cannot_write_an_internal_note()
    {
        var client = await app.ClientAsync(Driver);
        var tomId = await app.CustomerIdAsync(DemoData.Bloom, "Tom Lindqvist");
        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        var before = await app.WithDbAsync(bloom, db => db.Interactions.CountAsync(i => i.CustomerId == tomId, Ct));

        var response = await client.PostAsJsonAsync($"/api/customers/{tomId}/interactions",
            new { channel = "delivery", direction = "outbound", summary = "Secret", tone = "neutral", @internal = true }, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "internal");
        (await app.WithDbAsync(bloom, db => db.Interactions.CountAsync(i => i.CustomerId == tomId, Ct))).ShouldBe(before);
    }

    private async Task<List<Guid>> StopCustomersAsync()
    {
        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        var driver = await app.StaffAsync(Driver);
        return await app.WithDbAsync(bloom, db => db.DeliveryStops.Where(s => s.DriverId == driver.Id)
            .Select(s => s.CustomerId).Distinct().ToListAsync(Ct));
    }

    private async Task<Guid> StrangerAsync()
    {
        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        var stops = await StopCustomersAsync();
        return await app.WithDbAsync(bloom, db => db.Customers.Where(c => !stops.Contains(c.Id)).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(Ct));
    }
}
