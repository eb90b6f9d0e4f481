using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Concessions;
using Rapport.IntegrationTests.Orders;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Concessions;

/// <summary>The concession ledger through the API: limits and approvals, roles, tenancy and bad input.</summary>
public sealed class ConcessionApiTests(RapportApp app) : IClassFixture<RapportApp>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private static Task<HttpResponseMessage> RecordAsync(HttpClient client, object body) =>
        client.PostAsJsonAsync("/api/concessions", body, Ct);

    private static object Discount(Guid customer, decimal value, string reason = "Flowers were a day late") =>
        new { customerId = customer, kind = "discount", listValue = value, reason };

    private Task<int> CountAsync(OrderData data) => data.DbAsync(db => db.Concessions.CountAsync(Ct));

    [Fact]
    public async Task Within_her_limit_service_grants_above_it_the_concession_waits_until_a_manager_approves_it_audited()
    {
        var data = await OrderData.ForAsync(app);
        var service = await app.ClientAsync("service@bloom.example");
        var manager = await app.ClientAsync("manager@bloom.example");
        var customer = await data.CustomerAsync(TestNames.Unique("Maryann"));

        var small = await (await RecordAsync(service, new { customerId = customer.Id, kind = "freeDelivery", listValue = 12.50m, reason = "Regular, on her birthday" }))
            .ShouldBeJsonAsync(HttpStatusCode.Created);
        small.Str("status").ShouldBe("granted");
        small.Str("kind").ShouldBe("freeDelivery");
        small.GetProperty("listValue").GetDecimal().ShouldBe(12.50m);
        small.Str("currency").ShouldBe("USD");
        small.Str("grantedByName").ShouldNotBeNullOrWhiteSpace();

        var big = await (await RecordAsync(service, Discount(customer.Id, 40m))).ShouldBeJsonAsync(HttpStatusCode.Created);
        big.Str("status").ShouldBe("awaitingApproval");
        big.HasValue("decidedAt").ShouldBeFalse();

        // Service cannot approve her own, nor anyone's; nothing changes.
        await (await service.PostAsync($"/api/concessions/{big.Id()}/approve", null, Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await service.GetJsonAsync($"/api/concessions/{big.Id()}")).Str("status").ShouldBe("awaitingApproval");

        var approved = await (await manager.PostAsync($"/api/concessions/{big.Id()}/approve", null, Ct)).ShouldBeJsonAsync(HttpStatusCode.OK);
        approved.Str("status").ShouldBe("granted");
        approved.Str("decidedByName").ShouldNotBeNullOrWhiteSpace();
        approved.HasValue("decidedAt").ShouldBeTrue();
        await (await manager.PostAsync($"/api/concessions/{big.Id()}/approve", null, Ct)).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        var audit = await data.DbAsync(db => db.AuditEntries.AsNoTracking()
            .SingleAsync(a => a.EntityId == big.Id() && a.Action == "concession approved", Ct));
        JsonDocument.Parse(audit.Before!).RootElement.Str("status").ShouldBe("awaitingApproval");
        JsonDocument.Parse(audit.After!).RootElement.Str("status").ShouldBe("granted");
        (await data.DbAsync(db => db.AuditEntries.CountAsync(a => a.EntityId == small.Id() && a.Action == "concession granted", Ct))).ShouldBe(1);

        // Recording it is an event touching the customer: health is worked out and stored.
        (await data.DbAsync(db => db.CustomerHealth.AnyAsync(h => h.CustomerId == customer.Id, Ct))).ShouldBeTrue();
    }

    [Fact]
    public async Task A_refusal_needs_a_reason_is_audited_and_the_concession_is_never_given()
    {
        var data = await OrderData.ForAsync(app);
        var sales = await app.ClientAsync("sales@bloom.example");
        var owner = await app.ClientAsync("owner@bloom.example");
        var customer = await data.CustomerAsync(TestNames.Unique("Maryann"));
        var waiting = await (await RecordAsync(sales, new { customerId = customer.Id, kind = "extendedTerms", listValue = 750m, reason = "Wedding season, pay in 90 days" }))
            .ShouldBeJsonAsync(HttpStatusCode.Created);
        waiting.Str("status").ShouldBe("awaitingApproval");

        await (await owner.PostAsJsonAsync($"/api/concessions/{waiting.Id()}/refuse", new { reason = " " }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "reason");
        await (await owner.PostAsync($"/api/concessions/{waiting.Id()}/refuse", null, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "reason");
        await (await sales.PostAsJsonAsync($"/api/concessions/{waiting.Id()}/refuse", new { reason = "No" }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await owner.GetJsonAsync($"/api/concessions/{waiting.Id()}")).Str("status").ShouldBe("awaitingApproval");

        var refused = await (await owner.PostAsJsonAsync($"/api/concessions/{waiting.Id()}/refuse", new { reason = "Thirty days is our limit" }, Ct))
            .ShouldBeJsonAsync(HttpStatusCode.OK);
        refused.Str("status").ShouldBe("refused");
        refused.Str("refusalReason").ShouldBe("Thirty days is our limit");
        await (await owner.PostAsync($"/api/concessions/{waiting.Id()}/approve", null, Ct)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var audit = await data.DbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.EntityId == waiting.Id() && a.Action == "concession refused", Ct));
        JsonDocument.Parse(audit.After!).RootElement.Str("refusalReason").ShouldBe("Thirty days is our limit");

        // What was refused was not given: the customer's year counts none of it.
        var listed = await owner.GetJsonAsync($"/api/concessions?customerId={customer.Id}&status=granted");
        listed.Items().ShouldBeEmpty();
    }

    [Fact]
    public async Task Bad_values_are_422_naming_the_field_and_change_nothing()
    {
        var data = await OrderData.ForAsync(app);
        var service = await app.ClientAsync("service@bloom.example");
        var customer = await data.CustomerAsync(TestNames.Unique("Maryann"));
        var other = await data.CustomerAsync(TestNames.Unique("Rosalind"));
        var othersOrder = await data.OrderAsync(other, Today);
        var harborCustomer = await app.CustomerIdAsync(DemoData.Harbor, "Grand Pier Hotel");
        var before = await CountAsync(data);

        await (await RecordAsync(service, Discount(customer.Id, -5m))).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "listValue");
        await (await RecordAsync(service, new { customerId = customer.Id, kind = "bribe", listValue = 5m, reason = "x" }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "kind");
        await (await RecordAsync(service, new { customerId = customer.Id, kind = "3", listValue = 5m, reason = "x" }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "kind");
        await (await RecordAsync(service, new { customerId = customer.Id, kind = "discount", listValue = 5m }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "reason");
        await (await RecordAsync(service, new { customerId = customer.Id, kind = "discount", reason = "x" }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "listValue");
        await (await RecordAsync(service, Discount(customer.Id, 5.001m))).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "listValue");
        await (await RecordAsync(service, Discount(Guid.NewGuid(), 5m))).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "customerId");
        await (await RecordAsync(service, Discount(harborCustomer, 5m))).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "customerId");
        await (await RecordAsync(service, new { customerId = customer.Id, kind = "discount", listValue = 5m, reason = "x", orderId = othersOrder.Id }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "orderId");
        await (await RecordAsync(service, new { customerId = customer.Id, kind = "discount", listValue = 5m, reason = "x", dealId = Guid.NewGuid() }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "dealId");
        await (await RecordAsync(service, new { kind = "discount", listValue = 5m, reason = "x" }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "customerId");
        (await CountAsync(data)).ShouldBe(before);

        // Unreadable input is 400, never 500.
        await (await service.GetAsync("/api/concessions/not-an-id", Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await service.PostAsync("/api/concessions/not-an-id/approve", null, Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await service.PostAsJsonAsync("/api/concessions/12345/refuse", new { reason = "x" }, Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await service.GetAsync("/api/concessions?customerId=nobody", Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await service.PostAsync("/api/concessions", Json("""{"customerId":"x","kind":"discount","listValue":5,"reason":"x"}"""), Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await service.PostAsync("/api/concessions", Json("""{"customerId":null,"listValue":"lots"}"""), Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await CountAsync(data)).ShouldBe(before);

        // An order or a deal of the customer's own is fine.
        var own = await data.OrderAsync(customer, Today);
        var onOrder = await (await RecordAsync(service, new { customerId = customer.Id, kind = "waivedFee", listValue = 9.95m, reason = "Same-day fee waived", orderId = own.Id }))
            .ShouldBeJsonAsync(HttpStatusCode.Created);
        onOrder.GetProperty("orderNumber").GetInt64().ShouldBe(own.Number);
    }

    [Fact]
    public async Task Drivers_see_no_concessions_and_another_business_gets_404()
    {
        var data = await OrderData.ForAsync(app);
        var customer = await data.CustomerAsync(TestNames.Unique("Maryann"));
        var waiting = await (await RecordAsync(await app.ClientAsync("service@bloom.example"), Discount(customer.Id, 80m))).ShouldBeJsonAsync(HttpStatusCode.Created);
        var before = await CountAsync(data);

        var driver = await app.ClientAsync("driver@bloom.example");
        await (await driver.GetAsync("/api/concessions", Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await driver.GetAsync($"/api/concessions/{waiting.Id()}", Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await RecordAsync(driver, Discount(customer.Id, 1m))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await driver.PostAsync($"/api/concessions/{waiting.Id()}/approve", null, Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await CountAsync(data)).ShouldBe(before);

        var harbor = await app.ClientAsync("owner@harbor.example");
        await (await harbor.GetAsync($"/api/concessions/{waiting.Id()}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await harbor.PostAsync($"/api/concessions/{waiting.Id()}/approve", null, Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await harbor.PostAsJsonAsync($"/api/concessions/{waiting.Id()}/refuse", new { reason = "Not ours" }, Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await harbor.GetAsync($"/api/concessions?customerId={customer.Id}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "customerId");
        (await harbor.GetJsonAsync("/api/concessions?limit=100")).Items().ShouldNotContain(c => c.Id() == waiting.Id());
        (await (await app.ClientAsync("owner@bloom.example")).GetJsonAsync($"/api/concessions/{waiting.Id()}")).Str("status").ShouldBe("awaitingApproval");
    }

    [Fact]
    public async Task The_owner_alone_sets_the_limits_and_a_manager_over_hers_waits_for_the_owner()
    {
        var data = await OrderData.ForAsync(app, DemoData.Harbor);
        var owner = await app.ClientAsync("owner@harbor.example");
        var manager = await app.ClientAsync("manager@harbor.example");
        var service = await app.ClientAsync("service@harbor.example");
        var limits = await owner.GetJsonAsync("/api/settings/concession-limits");
        limits.GetProperty("service").GetDecimal().ShouldBe(25m);
        limits.GetProperty("sales").GetDecimal().ShouldBe(500m);
        limits.HasValue("manager").ShouldBeFalse();
        await (await manager.GetAsync("/api/settings/concession-limits", Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await manager.PutAsJsonAsync("/api/settings/concession-limits", new { manager = (decimal?)null, sales = 1m, service = 1m }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await owner.PutAsJsonAsync("/api/settings/concession-limits", new { manager = 1000m, sales = -1m, service = 25m }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "sales");
        (await owner.GetJsonAsync("/api/settings/concession-limits")).GetRawText().ShouldBe(limits.GetRawText());

        try
        {
            var set = await (await owner.PutAsJsonAsync("/api/settings/concession-limits", new { manager = 1000m, sales = 500m, service = 200m }, Ct))
                .ShouldBeJsonAsync(HttpStatusCode.OK);
            set.GetProperty("manager").GetDecimal().ShouldBe(1000m);
            (await data.DbAsync(db => db.AuditEntries.CountAsync(a => a.Entity == nameof(ConcessionSettings), Ct))).ShouldBeGreaterThan(0);

            var hotel = await app.CustomerIdAsync(DemoData.Harbor, "Grand Pier Hotel");
            var callOut = await (await RecordAsync(service, new { customerId = hotel, kind = "freeService", listValue = 185m, reason = "Call-out waived: the fault was ours" }))
                .ShouldBeJsonAsync(HttpStatusCode.Created);
            callOut.Str("status").ShouldBe("granted");

            var deal = await data.DbAsync(db => db.Deals.AsNoTracking().Where(d => d.CustomerId == hotel).Select(d => d.Id).FirstAsync(Ct));
            var upgrade = await (await RecordAsync(manager, new { customerId = hotel, kind = "freeUpgrade", listValue = 2400m, dealId = deal, reason = "Upgrade to the 60 lb model to close" }))
                .ShouldBeJsonAsync(HttpStatusCode.Created);
            upgrade.Str("status").ShouldBe("awaitingApproval");
            upgrade.GetProperty("dealId").GetGuid().ShouldBe(deal);
            upgrade.Str("dealName").ShouldNotBeNullOrWhiteSpace();
            await (await manager.PostAsync($"/api/concessions/{upgrade.Id()}/approve", null, Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
            (await (await owner.PostAsync($"/api/concessions/{upgrade.Id()}/approve", null, Ct)).ShouldBeJsonAsync(HttpStatusCode.OK)).Str("status").ShouldBe("granted");
        }
        finally
        {
            await (await owner.PutAsJsonAsync("/api/settings/concession-limits", new { manager = (decimal?)null, sales = 500m, service = 25m }, Ct))
                .ShouldBeJsonAsync(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task The_list_filters_by_customer_status_and_kind_searches_names_and_walks_by_cursor()
    {
        var data = await OrderData.ForAsync(app);
        var sales = await app.ClientAsync("sales@bloom.example");
        var name = TestNames.Unique("Philippa");
        var customer = await data.CustomerAsync(name);
        var ids = new List<Guid>();
        for (var i = 0; i < 7; i++)
            ids.Add((await (await RecordAsync(sales, new { customerId = customer.Id, kind = i % 2 == 0 ? "freeDelivery" : "extraItems", listValue = 5m + i * 100, reason = "Regular" }))
                .ShouldBeJsonAsync(HttpStatusCode.Created)).Id());

        var all = await sales.WalkAsync($"/api/concessions?customerId={customer.Id}&limit=3", "cursor");
        all.Select(c => c.Id()).ShouldBe(Enumerable.Reverse(ids));
        var delivery = await sales.WalkAsync($"/api/concessions?customerId={customer.Id}&kind=freeDelivery", "cursor");
        delivery.Count.ShouldBe(4);
        delivery.ShouldAllBe(c => c.Str("kind") == "freeDelivery");
        var waiting = await sales.WalkAsync($"/api/concessions?customerId={customer.Id}&status=awaitingApproval", "cursor");
        waiting.Count.ShouldBe(all.Count(c => c.GetProperty("listValue").GetDecimal() > 500m));
        var found = await sales.WalkAsync($"/api/concessions?q={Uri.EscapeDataString(name.ToLowerInvariant())}", "cursor");
        found.Select(c => c.Id()).ShouldBe(all.Select(c => c.Id()));

        await (await sales.GetAsync("/api/concessions?status=maybe", Ct)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "status");
        await (await sales.GetAsync("/api/concessions?kind=bribe", Ct)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "kind");
        await (await sales.GetAsync("/api/concessions?cursor=nonsense", Ct)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "cursor");
        await (await sales.GetAsync("/api/concessions?limit=0", Ct)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "limit");
        await (await sales.GetAsync($"/api/concessions?customerId={Guid.NewGuid()}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "customerId");
    }

    [Fact]
    public async Task Two_deciding_at_once_one_wins_and_the_other_is_told_409()
    {
        var data = await OrderData.ForAsync(app);
        var customer = await data.CustomerAsync(TestNames.Unique("Maryann"));
        var waiting = await (await RecordAsync(await app.ClientAsync("service@bloom.example"), Discount(customer.Id, 90m))).ShouldBeJsonAsync(HttpStatusCode.Created);
        var owner = await app.ClientAsync("owner@bloom.example");
        var manager = await app.ClientAsync("manager@bloom.example");

        var answers = await Task.WhenAll(
            owner.PostAsync($"/api/concessions/{waiting.Id()}/approve", null, Ct),
            manager.PostAsJsonAsync($"/api/concessions/{waiting.Id()}/refuse", new { reason = "Too much for a late delivery" }, Ct));
        answers.Select(a => a.StatusCode).Order().ShouldBe([HttpStatusCode.OK, HttpStatusCode.Conflict]);
        var decisions = await data.DbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityId == waiting.Id() && (a.Action == "concession approved" || a.Action == "concession refused")).ToListAsync(Ct));
        decisions.Count.ShouldBe(1);
        var stored = await (await app.ClientAsync("service@bloom.example")).GetJsonAsync($"/api/concessions/{waiting.Id()}");
        stored.Str("status").ShouldBe(decisions[0].Action == "concession approved" ? "granted" : "refused");
    }

    [Fact]
    public async Task Every_endpoint_is_in_the_openapi_document_by_name()
    {
        var paths = JsonDocument.Parse(await app.CreateApiClient().GetStringAsync("/openapi/v1.json", Ct)).RootElement.GetProperty("paths");
        paths.GetProperty("/api/concessions").GetProperty("get").Str("operationId").ShouldBe("ListConcessions");
        paths.GetProperty("/api/concessions").GetProperty("post").Str("operationId").ShouldBe("RecordConcession");
        paths.GetProperty("/api/concessions/{id}").GetProperty("get").Str("operationId").ShouldBe("GetConcession");
        paths.GetProperty("/api/concessions/{id}/approve").GetProperty("post").Str("operationId").ShouldBe("ApproveConcession");
        paths.GetProperty("/api/concessions/{id}/refuse").GetProperty("post").Str("operationId").ShouldBe("RefuseConcession");
        paths.GetProperty("/api/settings/concession-limits").GetProperty("get").Str("operationId").ShouldBe("GetConcessionLimits");
        paths.GetProperty("/api/settings/concession-limits").GetProperty("put").Str("operationId").ShouldBe("ChangeConcessionLimits");
    }
}
