using System.Globalization;
using Microsoft.Playwright;
using Rapport.BrowserTests.Delivery;
using Rapport.BrowserTests.Pages;
using Rapport.Testing;
using static Microsoft.Playwright.Assertions;

namespace Rapport.BrowserTests.Orders;

/// <summary>The counter after the phone call: find the order by its number, move it on, and cancel it when the customer asks.</summary>
public sealed class OrderStepsTests(BrowserRapportApp app, BrowserFixture browser)
    : BrowserTest(app, browser), IClassFixture<BrowserRapportApp>
{
    [Fact]
    public async Task Service_finds_an_order_by_number_confirms_it_is_told_a_failure_needs_a_reason_and_cancels_it()
    {
        var today = await TodaysDeliveries.OpenAsync(App);
        var customer = await today.CustomerAsync(TestNames.Unique("Counter Cleo", 20), "Hugo Brandt");
        var order = await today.PlaceAsync(customer, "With sympathy");
        var number = order.Number.ToString(CultureInfo.InvariantCulture);

        await SignInAsync("service@bloom.example");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Orders", Exact = true }).ClickAsync();
        var orders = new OrdersPage(Page);
        await MarkPageAsync();
        await orders.SearchAsync(number);
        await Expect(orders.Rows).ToHaveCountAsync(1);
        await Expect(orders.Rows).ToContainTextAsync(customer.Name);
        await Expect(orders.Rows).ToContainTextAsync("for Hugo Brandt");
        (await PageWasNotReloadedAsync()).ShouldBeTrue("htmx filters the list in place");

        var opened = await orders.OpenAsync(orders.Rows.First);
        await Expect(opened.Number).ToHaveTextAsync($"Order {number}");
        await Expect(opened.CardMessage).ToHaveTextAsync("With sympathy");
        await Expect(opened.Status).ToHaveTextAsync("placed");

        await MarkPageAsync();
        await opened.StepButton("confirmed").ClickAsync();
        await Expect(opened.Status).ToHaveTextAsync("confirmed");
        await Expect(opened.History).ToHaveCountAsync(2);
        await Expect(opened.StepButton("confirmed")).ToHaveCountAsync(0);

        await opened.RecordFailedAsync("");
        await Expect(opened.ReasonError).ToContainTextAsync("Say why it failed");
        await Expect(opened.Status).ToHaveTextAsync("confirmed");
        (await PageWasNotReloadedAsync()).ShouldBeTrue("steps and their errors come back in place");

        Page.Dialog += async (_, dialog) =>
        {
            dialog.Message.ShouldContain($"Cancel order {number}?");
            await dialog.AcceptAsync();
        };
        await opened.StepButton("cancelled").ClickAsync();
        await Expect(opened.Status).ToHaveTextAsync("cancelled");
        await Expect(opened.History).ToHaveCountAsync(3);
        await Expect(opened.Progress).ToContainTextAsync("This order is done");
    }
}
