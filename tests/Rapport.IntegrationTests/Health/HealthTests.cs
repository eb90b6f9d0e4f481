using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Health;
using Rapport.Core.Orders;
using Rapport.IntegrationTests.Orders;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Health;

/// <summary>Health follows the events touching a customer, explains itself, and makes one recovery task per event.</summary>
public sealed class HealthTests(RapportApp app) : IClassFixture<RapportApp>
{
    private const string Owner = "owner@bloom.example";
    private const string Service = "service@bloom.example";
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private static Task<HttpResponseMessage> LogAsync(HttpClient client, Guid customer, object body) =>
        client.PostAsJsonAsync($"/api/customers/{customer}/interactions", body, Ct);

    private static async Task<List<JsonElement>> RecoveryTasksAsync(HttpClient client, Guid customer) =>
        [.. (await client.GetJsonAsync("/api/tasks?limit=50")).EnumerateArray()
            .Where(t => t.Str("kind") == "recovery" && t.HasValue("customerId") && t.GetProperty("customerId").GetGuid() == customer)];

    private static List<JsonElement> Factors(JsonElement health) => [.. health.GetProperty("factors").EnumerateArray()];

    [Fact]
    public async Task A_negative_call_and_a_failed_delivery_lower_the_score_with_their_evidence_and_make_one_recovery_task_each()
    {
        var data = await OrderData.ForAsync(app);
        var service = await app.ClientAsync(Service);
        var owner = await app.ClientAsync(Owner);
        var customer = await data.CustomerAsync(TestNames.Unique("Maryann"));
        var order = await data.OrderAsync(customer, Today, shape: o => o.Status = OrderStatus.OutForDelivery);

        var before = await service.GetJsonAsync($"/api/customers/{customer.Id}/health");
        var call = await (await LogAsync(service, customer.Id, new { channel = "phone", direction = "inbound", tone = "negative", summary = "Upset: the last bouquet wilted in a day" }))
            .ShouldBeJsonAsync(HttpStatusCode.Created);
        await (await service.PostAsJsonAsync($"/api/orders/{order.Id}/status", new { status = "failed", reason = "Nobody home, no safe place" }, Ct))
            .ShouldBeJsonAsync(HttpStatusCode.OK);

        var after = await service.GetJsonAsync($"/api/customers/{customer.Id}/health");
        after.GetProperty("score").GetInt32().ShouldBeLessThan(before.GetProperty("score").GetInt32());
        Factors(after).Sum(f => f.GetProperty("points").GetInt32()).ShouldBe(after.GetProperty("score").GetInt32());
        var evidence = Factors(after).SelectMany(f => f.GetProperty("evidence").EnumerateArray()).Select(e => (e.Str("kind"), e.Id())).ToList();
        evidence.ShouldContain(("interaction", call.Id()));
        evidence.ShouldContain(("order", order.Id));
        Factors(after).Select(f => f.Str("key")).ShouldContain("openComplaints");
        after.GetProperty("history").EnumerateArray().Single().GetProperty("score").GetInt32().ShouldBe(after.GetProperty("score").GetInt32());

        // The default account owner (the owner, or whoever the owner named) gets one task per event.
        var assignee = after.GetProperty("accountOwnerId").GetGuid();
        var tasks = await app.WithDbAsync(data.Business, db => db.StaffTasks.AsNoTracking()
            .Where(t => t.CustomerId == customer.Id && t.Source == RecoveryTasks.Source).ToListAsync(Ct));
        tasks.Select(t => t.SourceKey).Order().ShouldBe([$"recovery:interaction:{call.Id():N}", $"recovery:order:{order.Id:N}"]);
        tasks.ShouldAllBe(t => t.AssigneeId == assignee && t.Detail!.Contains("Suggested opening"));
        tasks.Single(t => t.OrderId == order.Id).Detail!.ShouldContain("offer a redelivery today");

        // Logging more about it makes no second task for the same events.
        await (await LogAsync(service, customer.Id, new { channel = "phone", direction = "outbound", tone = "neutral", summary = "Left a message" }))
            .ShouldBeJsonAsync(HttpStatusCode.Created);
        (await app.WithDbAsync(data.Business, db => db.StaffTasks.CountAsync(t => t.CustomerId == customer.Id && t.Source == RecoveryTasks.Source, Ct))).ShouldBe(2);
        if (assignee == await StaffIdAsync(data.Business, Owner))
            (await RecoveryTasksAsync(owner, customer.Id)).Count.ShouldBe(2);
    }

    private Task<Guid> StaffIdAsync(Guid business, string email) =>
        app.WithDbAsync(business, db => db.Staff.Where(s => s.Email == email).Select(s => s.Id).SingleAsync(Ct));

    [Fact]
    public async Task A_recovery_task_closes_only_with_a_contact_and_its_tone_which_goes_on_the_timeline()
    {
        var data = await OrderData.ForAsync(app);
        var service = await app.ClientAsync(Service);
        var customer = await data.CustomerAsync(TestNames.Unique("Maryann"));
        await (await LogAsync(service, customer.Id, new { channel = "visit", direction = "inbound", tone = "negative", summary = "Complained at the counter" }))
            .ShouldBeJsonAsync(HttpStatusCode.Created);
        var task = await app.WithDbAsync(data.Business, db => db.StaffTasks.AsNoTracking().SingleAsync(t => t.CustomerId == customer.Id && t.Source == RecoveryTasks.Source, Ct));
        var manager = await app.ClientAsync("manager@bloom.example");
        var owner = await app.ClientAsync(Owner);
        var holder = task.AssigneeId == await StaffIdAsync(data.Business, "manager@bloom.example") ? manager : owner;

        await (await holder.PostAsync($"/api/tasks/{task.Id}/done", null, Ct)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "contact");
        await (await holder.PostAsJsonAsync($"/api/health/tasks/{task.Id}/done", new { channel = "phone", summary = "Called back" }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "tone");
        (await app.WithDbAsync(data.Business, db => db.Interactions.CountAsync(i => i.CustomerId == customer.Id, Ct))).ShouldBe(1);
        await (await (await app.ClientAsync("owner@harbor.example")).PostAsJsonAsync($"/api/health/tasks/{task.Id}/done",
            new { channel = "phone", tone = "positive", summary = "Called back" }, Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        var done = await (await holder.PostAsJsonAsync($"/api/health/tasks/{task.Id}/done",
            new { channel = "phone", tone = "positive", summary = "Called back, sent a fresh bouquet; she is happy" }, Ct)).ShouldBeJsonAsync(HttpStatusCode.OK);
        done.HasValue("doneAt").ShouldBeTrue();
        var timeline = (await service.GetJsonAsync($"/api/customers/{customer.Id}/timeline")).Items();
        timeline[0].Str("tone").ShouldBe("positive");
        var health = await service.GetJsonAsync($"/api/customers/{customer.Id}/health");
        Factors(health).Select(f => f.Str("key")).ShouldNotContain("openComplaints");
    }

    [Fact]
    public async Task Drivers_see_no_health_and_another_business_gets_404()
    {
        var data = await OrderData.ForAsync(app);
        var customer = await data.CustomerAsync(TestNames.Unique("Maryann"));
        await (await (await app.ClientAsync("driver@bloom.example")).GetAsync($"/api/customers/{customer.Id}/health", Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await (await app.ClientAsync("driver@bloom.example")).GetAsync("/api/health", Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await (await app.ClientAsync("owner@harbor.example")).GetAsync($"/api/customers/{customer.Id}/health", Ct))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await (await app.ClientAsync("owner@harbor.example")).PostAsJsonAsync($"/api/customers/{customer.Id}/needs-confirmed", new { note = "x" }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await (await app.ClientAsync(Service)).GetJsonAsync($"/api/customers/{customer.Id}/health")).Str("band").ShouldBe("healthy");
    }

    [Fact]
    public async Task A_competitor_named_in_a_contact_circles_until_and_the_needs_confirmed_end_complacency()
    {
        var data = await OrderData.ForAsync(app, DemoData.Harbor);
        var sales = await app.ClientAsync("sales@harbor.example");
        var customer = await data.CustomerAsync(TestNames.Unique("Bayside Hotel"));
        await data.DbAsync(async db =>
        {
            var hotel = await db.Customers.SingleAsync(c => c.Id == customer.Id, Ct);
            hotel.Kind = Core.Customers.CustomerKind.Organization;
            return await db.SaveChangesAsync(Ct);
        });
        await data.OrderAsync(customer, Today.AddDays(-30), shape: o => { o.PlacedAt = DateTime.UtcNow.AddDays(-400); o.Status = OrderStatus.Delivered; });
        await data.OrderAsync(customer, Today.AddDays(-30), shape: o => { o.PlacedAt = DateTime.UtcNow.AddDays(-30); o.Status = OrderStatus.Delivered; });

        var entry = await (await LogAsync(sales, customer.Id, new { channel = "visit", direction = "outbound", tone = "neutral",
            summary = "Their GM had a quote on the table", competitor = "Tri-State Laundry Supply" })).ShouldBeJsonAsync(HttpStatusCode.Created);
        entry.Str("competitor").ShouldBe("Tri-State Laundry Supply");
        var health = await sales.GetJsonAsync($"/api/customers/{customer.Id}/health");
        Factors(health).Single(f => f.Str("key") == "competitor").Str("detail").ShouldContain("Tri-State Laundry Supply");
        health.Str("complacency").ShouldBe("Needs never confirmed — ask, don't assume");
        (await app.WithDbAsync(data.Business, db => db.StaffTasks.CountAsync(t => t.SourceKey == $"recovery:interaction:{entry.Id():N}", Ct))).ShouldBe(1);
        var report = await sales.GetJsonAsync("/api/reports/complacency");
        report.EnumerateArray().SelectMany(g => g.GetProperty("accounts").EnumerateArray()).Select(a => a.GetProperty("customerId").GetGuid()).ShouldContain(customer.Id);

        await (await sales.PostAsJsonAsync($"/api/customers/{customer.Id}/needs-confirmed", new { note = new string('x', 501) }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "note");
        var confirmed = await (await sales.PostAsJsonAsync($"/api/customers/{customer.Id}/needs-confirmed", new { note = "Two more dryers next spring" }, Ct))
            .ShouldBeJsonAsync(HttpStatusCode.OK);
        confirmed.HasValue("complacency").ShouldBeFalse();
        confirmed.GetProperty("needsConfirmedAt").GetDateTime().ShouldBe(DateTime.UtcNow, TimeSpan.FromMinutes(1));
        Factors(confirmed).Select(f => f.Str("key")).ShouldNotContain("complacency");
    }

    [Fact]
    public async Task The_owner_alone_changes_the_weights_and_a_bad_value_is_422_changing_nothing()
    {
        var owner = await app.ClientAsync("owner@harbor.example");
        var settings = await owner.GetJsonAsync("/api/settings/health");
        await (await (await app.ClientAsync("manager@harbor.example")).GetAsync("/api/settings/health", Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var body = JsonSerializer.Deserialize<Dictionary<string, object?>>(settings.GetRawText())!;

        var bad = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(settings.GetRawText())!;
        var weights = JsonSerializer.Deserialize<Dictionary<string, int>>(bad["weights"].GetRawText())!;
        weights["negativeContact"] = 500;
        var badBody = new Dictionary<string, object?>(body) { ["weights"] = weights };
        await (await owner.PutAsJsonAsync("/api/settings/health", badBody, Ct)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "weights.negativeContact");
        await (await (await app.ClientAsync("manager@harbor.example")).PutAsJsonAsync("/api/settings/health", body, Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await owner.GetJsonAsync("/api/settings/health")).GetRawText().ShouldBe(settings.GetRawText());

        weights["negativeContact"] = settings.GetProperty("weights").GetProperty("negativeContact").GetInt32() + 1;
        var changed = await (await owner.PutAsJsonAsync("/api/settings/health", new Dictionary<string, object?>(body) { ["weights"] = weights }, Ct))
            .ShouldBeJsonAsync(HttpStatusCode.OK);
        changed.GetProperty("weights").GetProperty("negativeContact").GetInt32().ShouldBe(weights["negativeContact"]);
        (await app.WithDbAsync(await app.BusinessIdAsync(DemoData.Harbor), db => db.AuditEntries.CountAsync(a => a.Entity == "HealthSettings", Ct))).ShouldBeGreaterThan(0);
        weights["negativeContact"] -= 1;
        await (await owner.PutAsJsonAsync("/api/settings/health", new Dictionary<string, object?>(body) { ["weights"] = weights }, Ct)).ShouldBeJsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_list_is_sorted_by_value_at_risk_filters_by_band_and_factor_and_walks_by_cursor()
    {
        (await app.RunJobAsync("health")).ShouldBeTrue();
        var sales = await app.ClientAsync("sales@bloom.example");
        var all = await sales.WalkAsync("/api/health?limit=37", "cursor");
        all.Count.ShouldBeGreaterThan(100);
        all.Select(r => r.GetProperty("customerId").GetGuid()).Distinct().Count().ShouldBe(all.Count);
        all.Select(r => r.GetProperty("valueAtRisk").GetDecimal()).ShouldBeInOrder(SortDirection.Descending);

        var atRisk = await sales.WalkAsync("/api/health?band=atRisk", "cursor");
        atRisk.ShouldAllBe(r => r.Str("band") == "atRisk");
        atRisk.Count.ShouldBe(all.Count(r => r.Str("band") == "atRisk"));
        var failures = await sales.WalkAsync("/api/health?factor=serviceFailures", "cursor");
        failures.Count.ShouldBeLessThan(all.Count);

        await (await sales.GetAsync("/api/health?factor=mood", Ct)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "factor");
        await (await sales.GetAsync("/api/health?cursor=nonsense", Ct)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "cursor");
        var overview = await sales.GetJsonAsync("/api/health/overview");
        (overview.GetProperty("healthy").GetInt32() + overview.GetProperty("watch").GetInt32() + overview.GetProperty("atRisk").GetInt32()).ShouldBe(all.Count);
    }
}
