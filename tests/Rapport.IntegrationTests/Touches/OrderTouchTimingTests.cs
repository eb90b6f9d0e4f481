using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Touches;
using Rapport.IntegrationTests.Orders;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Touches;

/// <summary>
/// When an every-order rule gives its task: when the order is placed, or, for an order placed before the rule was
/// added, when it is made up; never after the delivery, so never to an order already delivered when the rule came.
/// </summary>
public sealed class OrderTouchTimingTests(RapportApp app) : IClassFixture<RapportApp>
{
    private const string Service = "service@bloom.example";

    [Fact]
    public async Task A_rule_added_later_gives_its_card_when_the_order_is_made_up_and_never_to_an_order_already_delivered()
    {
        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        var tom = await app.CustomerIdAsync(DemoData.Bloom, "Tom Lindqvist");
        var service = await app.ClientAsync(Service);
        var setup = await app.LocationAsync(bloom, DeliverySetup.SomeDayAhead(), (9, 5, 0));
        async Task<Guid> PlaceAsync()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders")
            {
                Content = JsonContent.Create(new
                {
                    customerId = tom, address = DeliverySetup.Address(setup.Postcode), budget = 70m, channel = "phone",
                    fulfilment = new { kind = "window", windowId = setup.Windows[0] },
                }),
                Headers = { { "Idempotency-Key", TestNames.Key() } },
            };
            return (await (await service.SendAsync(request, Ct)).ShouldBeJsonAsync(HttpStatusCode.Created)).Id();
        }
        async Task StepAsync(Guid order, string status) =>
            (await service.PostAsJsonAsync($"/api/orders/{order}/status", new { status }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        Task<int> TasksAsync(Guid order, Guid rule) =>
            app.WithDbAsync(bloom, db => db.StaffTasks.CountAsync(t => t.SourceKey == OrderTouches.KeyOf(order, rule), Ct));

        var waiting = await PlaceAsync();
        var delivered = await PlaceAsync();
        await StepAsync(delivered, "delivered");

        var rule = (await (await (await app.ClientAsync("manager@bloom.example")).PostAsJsonAsync("/api/touch-rules",
            new { title = TestNames.Unique("Ribbon", 16), trigger = "everyOrder", action = "task" }, Ct)).ShouldBeJsonAsync(HttpStatusCode.Created)).Id();
        var after = await PlaceAsync();
        (await TasksAsync(after, rule)).ShouldBe(1, "an order placed after the rule gets it when placed");
        (await TasksAsync(waiting, rule)).ShouldBe(0);
        (await TasksAsync(delivered, rule)).ShouldBe(0);

        await StepAsync(waiting, "inProduction");
        await StepAsync(after, "inProduction");
        (await TasksAsync(waiting, rule)).ShouldBe(1, "made up after the rule came: the card goes in now");
        (await TasksAsync(after, rule)).ShouldBe(1, "given once per order");

        await StepAsync(waiting, "delivered");
        (await TasksAsync(waiting, rule)).ShouldBe(1);
        (await TasksAsync(delivered, rule)).ShouldBe(0, "delivered before the rule was added: never given");
    }
}
