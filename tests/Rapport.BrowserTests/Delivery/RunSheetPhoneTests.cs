using Microsoft.Playwright;
using Rapport.BrowserTests.Pages;
using Rapport.Testing;
using static Microsoft.Playwright.Assertions;

namespace Rapport.BrowserTests.Delivery;

/// <summary>The driver at the door, on his phone: today's run, the card message, one tap for delivered.</summary>
public sealed class RunSheetPhoneTests(BrowserRapportApp app, BrowserFixture browser)
    : BrowserTest(app, browser), IClassFixture<BrowserRapportApp>
{
    private const string Driver = "driver@bloom.example";

    protected override (int Width, int Height, bool Mobile) Viewport => (390, 844, true);

    [Fact]
    public async Task A_driver_marks_a_stop_delivered_on_a_phone_sized_viewport()
    {
        var today = await TodaysDeliveries.OpenAsync(App);
        var customer = await today.CustomerAsync(TestNames.Unique("Phone Run", 18), "Rosa Delgado");
        var order = await today.PlaceAsync(customer, "Happy birthday, Rosa! Love from all of us");
        await today.AssignAsync(order, await today.StaffIdAsync(Driver), sequence: 1);

        await SignInAsync(Driver);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Open my run" }).ClickAsync();
        var run = new RunSheetPage(Page);
        var stop = run.Stop(order.Number);
        await Expect(stop).ToBeVisibleAsync();
        await Expect(stop).ToContainTextAsync("Rosa Delgado");
        await Expect(stop).ToContainTextAsync("77 Garden Row");
        await Expect(run.CardMessage(stop)).ToHaveTextAsync("Happy birthday, Rosa! Love from all of us");
        await Expect(stop.Locator("a[href^='tel:']").First).ToHaveAttributeAsync("href", "tel:(816) 555-0188");
        await Expect(run.Window(today.Shop)).ToContainTextAsync("00:00–23:59");
        (await NoHorizontalScrollAsync()).ShouldBeTrue("the run sheet fits a phone's width");

        await MarkPageAsync();
        await run.MarkDeliveredAsync(stop);

        await Expect(stop).ToHaveAttributeAsync("data-status", "delivered");
        await Expect(run.Status(stop)).ToHaveTextAsync("delivered");
        await Expect(stop.Locator("[data-testid=stop-delivered-at]")).ToContainTextAsync("Delivered at");
        await Expect(stop.GetByRole(AriaRole.Button, new() { Name = "Delivered", Exact = true })).ToHaveCountAsync(0);
        (await PageWasNotReloadedAsync()).ShouldBeTrue("the stop updates in place");

        await stop.GetByRole(AriaRole.Link, new() { Name = customer.Name }).ClickAsync();
        var file = new CustomerPage(Page);
        await Expect(file.Name).ToHaveTextAsync(customer.Name);
        var delivered = file.Entries.Filter(new() { HasText = $"Order {order.Number} delivered to Rosa Delgado" });
        await Expect(delivered).ToHaveCountAsync(1);
        await Expect(delivered).ToHaveAttributeAsync("data-tone", "positive");
        await Expect(delivered.Locator("[data-testid=timeline-order]")).ToHaveTextAsync($"Order {order.Number}");
    }

    [Fact]
    public async Task A_failed_stop_takes_a_quick_reason_and_a_contact_at_the_door_lands_on_the_timeline()
    {
        var today = await TodaysDeliveries.OpenAsync(App);
        var customer = await today.CustomerAsync(TestNames.Unique("Phone Fail", 19), "Otto Brandt");
        var order = await today.PlaceAsync(customer, "Get well soon");
        await today.AssignAsync(order, await today.StaffIdAsync(Driver), sequence: 1);

        await SignInAsync(Driver);
        var run = new RunSheetPage(Page);
        await run.GotoAsync();
        var stop = run.Stop(order.Number);

        var said = TestNames.Unique("Neighbour says Otto is in hospital", 44);
        await run.LogContactAsync(stop, "neutral", said);
        await Expect(stop.Locator("[data-testid=stop-done]")).ToContainTextAsync("Contact logged");
        await run.MarkFailedAsync(stop, "Nobody home");

        await Expect(stop).ToHaveAttributeAsync("data-status", "failed");
        await Expect(stop).ToContainTextAsync("Failed: Nobody home");

        await Page.GotoAsync($"/app/customers/{customer.Id}");
        var file = new CustomerPage(Page);
        await Expect(file.Entries.Filter(new() { HasText = said })).ToContainTextAsync("delivery");
        var failed = file.Entries.Filter(new() { HasText = $"Order {order.Number} could not be delivered to Otto Brandt: Nobody home" });
        await Expect(failed).ToHaveAttributeAsync("data-tone", "negative");
    }

    private async Task<bool> NoHorizontalScrollAsync() =>
        await Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");
}
