using Rapport.Demo;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Concessions;

/// <summary>The demo shows the ledger: Grand Pier's waived call-out fee and free upgrade, one waiting for approval, Bloom's free deliveries.</summary>
public sealed class ConcessionDemoTests(RapportApp app) : IClassFixture<RapportApp>
{
    [Fact]
    public async Task Harbor_shows_grand_piers_waived_call_out_fee_and_free_upgrade_and_a_discount_waiting_for_approval()
    {
        var manager = await app.ClientAsync("manager@harbor.example");
        var pier = await app.CustomerIdAsync(DemoData.Harbor, "Grand Pier Hotel");
        var given = await manager.WalkAsync($"/api/concessions?customerId={pier}", "cursor");
        given.ShouldContain(c => c.Str("kind") == "waivedFee" && c.GetProperty("listValue").GetDecimal() == 185m && c.Str("status") == "granted");
        given.ShouldContain(c => c.Str("kind") == "freeUpgrade" && c.HasValue("dealId") && c.Str("status") == "granted");

        var waiting = (await manager.WalkAsync("/api/concessions?status=awaitingApproval", "cursor")).Single();
        waiting.Str("customerName").ShouldBe(DemoSeeder.CirclingHotel);
        waiting.GetProperty("listValue").GetDecimal().ShouldBeGreaterThan(500m);
    }

    [Fact]
    public async Task Bloom_has_a_regular_who_always_gets_free_delivery_on_her_orders()
    {
        var service = await app.ClientAsync("service@bloom.example");
        var free = await service.WalkAsync("/api/concessions?kind=freeDelivery", "cursor");
        free.Count.ShouldBeGreaterThanOrEqualTo(3);
        free.Select(c => c.GetProperty("customerId").GetGuid()).Distinct().Count().ShouldBe(1);
        free.ShouldAllBe(c => c.Str("reason") == DemoSeeder.FreeDeliveryReason && c.HasValue("orderId") && c.GetProperty("listValue").GetDecimal() > 0);
        var order = await service.GetJsonAsync($"/api/orders/{free[0].GetProperty("orderId").GetGuid()}");
        var totals = order.GetProperty("totals");
        totals.GetProperty("deliveryFee").GetDecimal().ShouldBe(0m);
        totals.GetProperty("total").GetDecimal().ShouldBe(totals.GetProperty("subtotal").GetDecimal());
    }
}
