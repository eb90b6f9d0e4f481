using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Health;
using Rapport.Demo;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Health;

/// <summary>The demo shows health at work: who is at risk and why, with recovery tasks for named people.</summary>
public sealed class HealthDemoTests(RapportApp app) : IClassFixture<RapportApp>
{
    [Fact]
    public async Task Harbor_has_a_hotel_at_risk_with_a_task_for_its_salesperson_a_competitor_circling_and_a_complacent_hotel()
    {
        var sales = await app.ClientAsync("sales@harbor.example");
        var atRisk = await app.CustomerIdAsync(DemoData.Harbor, DemoSeeder.AtRiskHotel);
        var health = await sales.GetJsonAsync($"/api/customers/{atRisk}/health");
        health.Str("band").ShouldBe("atRisk");
        health.Str("accountOwnerName").ShouldBe("Marcus Reed");
        var tasks = (await sales.GetJsonAsync("/api/tasks?limit=50")).EnumerateArray()
            .Where(t => t.Str("kind") == "recovery" && t.GetProperty("customerId").GetGuid() == atRisk).ToList();
        tasks.ShouldNotBeEmpty();
        tasks[0].Str("detail").ShouldContain("Tri-State Laundry Supply");

        var circling = await sales.GetJsonAsync($"/api/customers/{await app.CustomerIdAsync(DemoData.Harbor, DemoSeeder.CirclingHotel)}/health");
        circling.GetProperty("factors").EnumerateArray().Single(f => f.Str("key") == "competitor").Str("detail").ShouldContain("Tri-State Laundry Supply");
        var complacent = await sales.GetJsonAsync($"/api/customers/{await app.CustomerIdAsync(DemoData.Harbor, DemoSeeder.ComplacentHotel)}/health");
        complacent.Str("complacency").ShouldBe("Needs last confirmed 14 months ago — ask, don't assume");
    }

    [Fact]
    public async Task Bloom_has_a_regular_at_risk_after_a_failed_delivery_and_a_negative_call_with_a_task_for_the_manager_and_most_are_healthy()
    {
        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        var manager = await app.WithDbAsync(bloom, db => db.Staff.Where(s => s.BusinessId == bloom && s.Role == StaffRole.Manager).Select(s => s.Id).SingleAsync(Ct));
        var tasks = await app.WithDbAsync(bloom, db => db.StaffTasks.Where(t => t.Source == RecoveryTasks.Source).ToListAsync(Ct));
        var failed = tasks.Where(t => t.OrderId != null).ToList();
        failed.ShouldNotBeEmpty();
        failed.ShouldAllBe(t => t.AssigneeId == manager);
        // The regular who also called about it: her failed delivery and her call are two events, two tasks.
        var regular = await app.WithDbAsync(bloom, db => db.Interactions.Where(i => i.Summary.StartsWith("Called upset: the flowers for"))
            .Select(i => i.CustomerId).SingleAsync(Ct));
        failed.Select(t => t.CustomerId).ShouldContain(regular);
        tasks.Count(t => t.CustomerId == regular).ShouldBe(2);
        var health = await (await app.ClientAsync("manager@bloom.example")).GetJsonAsync($"/api/customers/{regular}/health");
        health.Str("band").ShouldBe("atRisk");

        var overview = await (await app.ClientAsync("owner@bloom.example")).GetJsonAsync("/api/health/overview");
        overview.GetProperty("healthy").GetInt32().ShouldBeGreaterThan(overview.GetProperty("watch").GetInt32() + overview.GetProperty("atRisk").GetInt32());
    }
}
