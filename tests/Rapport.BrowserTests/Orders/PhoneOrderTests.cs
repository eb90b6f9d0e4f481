using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Rapport.BrowserTests.Pages;
using Rapport.Testing;
using static Microsoft.Playwright.Assertions;

namespace Rapport.BrowserTests.Orders;

/// <summary>The person at the phone takes Tom's order: one field to find him, one keystroke to place it, never a flat no.</summary>
public sealed partial class PhoneOrderTests(BrowserRapportApp app, BrowserFixture browser)
    : BrowserTest(app, browser), IClassFixture<BrowserRapportApp>
{
    private const string Service = "service@bloom.example";
    private const string TomsPhone = "913.555.0142";

    [GeneratedRegex(@"^\d+$")]
    private static partial Regex Digits { get; }

    [GeneratedRegex(@"/app/orders/new$")]
    private static partial Regex NextCallUrl { get; }

    [Fact]
    public async Task The_phone_order_for_Tom_in_one_field()
    {
        var bloom = await App.BloomAsync();
        var today = await App.TodayAsync(bloom);
        // Today's windows and tomorrow's: whichever can still be promised when the test runs is the earliest.
        await App.LocationAsync(bloom, "Phone order shop", DeliverySetup.MariaPostcode,
            (today, 9, 10, 0, 0), (today, 12, 10, 0, 0), (today, 15, 10, 0, 0),
            (today.AddDays(1), 9, 10, 0, 0), (today.AddDays(1), 12, 10, 0, 0));

        await SignInAsync(Service);
        var order = new NewOrderPage(Page);
        await Page.Locator("[data-testid=nav-new-order]").ClickAsync();
        await Expect(order.CallerBox).ToBeFocusedAsync();
        await MarkPageAsync();

        await order.TypeCallerAsync(TomsPhone);
        await Expect(order.Caller("Tom Lindqvist")).ToBeVisibleAsync();
        await Page.Keyboard.PressAsync("Enter");

        await Expect(order.CustomerName).ToHaveTextAsync("Tom Lindqvist");
        await Expect(order.LoyaltyBadge).ToContainTextAsync("loyal");
        await Expect(order.Recipients.Filter(new() { HasText = "Maria Lindqvist" })).ToBeVisibleAsync();
        await Expect(order.Budget).ToHaveValueAsync("85");
        await Expect(order.Budget).ToBeFocusedAsync();
        (await order.RecipientChosenAsync()).ShouldStartWith("Maria Lindqvist");
        await Expect(order.Destination).ToContainTextAsync("4120 W 71st St");
        await Expect(order.Card).ToContainTextAsync("Visa ···· 4242");
        await Expect(order.Chosen).ToHaveCountAsync(1);
        await Expect(order.Chosen).ToContainTextAsync("Delivered ");
        (await PageWasNotReloadedAsync()).ShouldBeTrue("picking the caller draws the order in place");

        // The one keystroke: the standing budget stands, so Enter places it.
        await Page.Keyboard.PressAsync("Enter");

        await Expect(order.Placed).ToBeVisibleAsync();
        await Expect(order.OrderNumber).ToHaveTextAsync(Digits);
        await Expect(order.Promise).ToContainTextAsync("Delivered ");
        var number = (await order.OrderNumber.TextContentAsync())!;
        var placed = await App.WithDbAsync(bloom, db => db.Orders.AsNoTracking().SingleAsync(o => o.Number == long.Parse(number), TestContext.Current.CancellationToken));
        // The earliest promisable window may be the demo shop's or this test's, by the time of day: the fee is that window's.
        placed.DeliveryFee.ShouldBeOneOf(12m, 12.50m);
        await Expect(order.Total).ToHaveTextAsync((85m + placed.DeliveryFee).ToString("$0.00", System.Globalization.CultureInfo.InvariantCulture));
        placed.Budget.ShouldBe(85m);
        placed.Channel.ShouldBe(Core.Orders.OrderChannel.Phone);
        placed.RecipientName.ShouldBe("Maria Lindqvist");
        placed.PaymentMethodId.ShouldNotBeNull();
        (await PageWasNotReloadedAsync()).ShouldBeTrue("placing the order answers in place");

        // "Next call" has the focus: Enter starts over from the search field.
        await Expect(order.CustomerLink).ToHaveAttributeAsync("href", $"/app/customers/{placed.CustomerId}");
        await Expect(order.NextCall).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page).ToHaveURLAsync(NextCallUrl);
        await Expect(order.CallerBox).ToBeFocusedAsync();
        await Expect(order.File).ToHaveCountAsync(0);

        // Tom's page has it on the timeline.
        var tom = new CustomerPage(Page);
        await tom.GotoAsync(placed.CustomerId);
        await Expect(tom.EntrySummary(tom.FirstEntry)).ToContainTextAsync($"Order {number} placed");
        await Expect(Page.Locator("[data-testid=new-order]")).ToHaveAttributeAsync("href", $"/app/orders/new?customerId={placed.CustomerId}");
    }

    [Fact]
    public async Task A_full_window_offering_alternatives_and_booking_the_loyalty_reserve()
    {
        var bloom = await App.BloomAsync();
        var day = (await App.TodayAsync(bloom)).AddDays(9);
        // That day the 15:00 window is full but for its loyalty reserve; the 09:00 window has room.
        var shop = await App.LocationAsync(bloom, "Reserve shop", DeliverySetup.MariaPostcode, (day, 9, 5, 0, 0), (day, 15, 4, 3, 1));

        await SignInAsync(Service);
        var order = new NewOrderPage(Page);
        await order.GotoAsync();
        await order.TypeCallerAsync(TomsPhone);
        await order.Caller("Tom Lindqvist").ClickAsync();
        await Expect(order.Budget).ToHaveValueAsync("85");

        await order.ChooseDayAsync(day);
        // The window itself (the reserve is also offered on its own line below it).
        var full = order.Choice("15:00–18:00 by Reserve shop").Filter(new() { HasNotText = "(from the loyalty reserve)" });
        await Expect(full).ToContainTextAsync("full but for the loyalty reserve");
        await Expect(order.Chosen).ToHaveCountAsync(1);
        await Expect(order.Chosen).Not.ToContainTextAsync("full");

        // Tom wants the afternoon, as every year: it is folded with the windows that cannot be promised.
        await Expect(full).ToBeHiddenAsync();
        await order.ShowUnpromisableAsync();
        await full.ClickAsync();
        await order.PlaceButton.ClickAsync();

        await Expect(order.Alternatives).ToBeVisibleAsync();
        await Expect(order.Alternatives).ToContainTextAsync("That window is full");
        await Expect(order.Alternative.First).ToContainTextAsync("15:00–18:00 by Reserve shop (from the loyalty reserve)");
        await Expect(order.Alternative.First).ToContainTextAsync("$12.50 fee");
        await Expect(order.Alternative.Filter(new() { HasText = "09:00–12:00 by Reserve shop" })).ToHaveCountAsync(1);
        await Expect(order.Script).ToContainTextAsync("never refuse");
        await Expect(order.Script).ToContainTextAsync("Offer the loyalty reserve first");
        await Expect(order.Alternative.First).ToBeFocusedAsync();
        await Expect(Page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Refuse" })).ToHaveCountAsync(0);
        await Expect(order.DeclinedButton).ToBeVisibleAsync();

        await order.Alternative.First.ClickAsync();

        await Expect(order.Placed).ToBeVisibleAsync();
        await Expect(order.Promise).ToContainTextAsync("15:00–18:00 by Reserve shop (from the loyalty reserve)");
        var reserved = await App.WindowAsync(bloom, shop.Windows[1].Id);
        reserved.Booked.ShouldBe(4);
    }

    [Fact]
    public async Task A_missing_budget_is_shown_beside_it_and_declining_every_option_is_recorded_on_a_phone()
    {
        await Page.SetViewportSizeAsync(390, 844);
        var bloom = await App.BloomAsync();
        var day = (await App.TodayAsync(bloom)).AddDays(11);
        await App.LocationAsync(bloom, "Busy shop", DeliverySetup.MariaPostcode, (day, 9, 3, 1, 0), (day, 15, 2, 2, 0));

        await SignInAsync(Service);
        var order = new NewOrderPage(Page);
        await order.GotoAsync();
        await order.TypeCallerAsync(TomsPhone);
        await Page.Keyboard.PressAsync("Enter");
        await Expect(order.Budget).ToBeFocusedAsync();
        await order.ChooseDayAsync(day);
        await Expect(order.Choice("15:00–18:00 by Busy shop")).ToContainTextAsync("full");
        (await NoHorizontalScrollAsync()).ShouldBeTrue("the order form fits a phone's width");

        await order.Budget.FillAsync("");
        await order.Budget.PressAsync("Enter");

        await Expect(order.BudgetError).ToContainTextAsync("Give a budget");
        await Expect(order.Placed).ToHaveCountAsync(0);

        await order.Budget.FillAsync("60");
        await order.ShowUnpromisableAsync();
        await order.Choice("15:00–18:00 by Busy shop").ClickAsync();
        await order.Budget.PressAsync("Control+Enter");
        await Expect(order.Alternatives).ToBeVisibleAsync();
        (await NoHorizontalScrollAsync()).ShouldBeTrue("the alternatives fit a phone's width");

        await Page.Locator("#Form_DeclineReason").FillAsync("Only the afternoon would do");
        await order.DeclinedButton.ClickAsync();

        await Expect(order.TurnedAway).ToBeVisibleAsync();
        var customerId = await App.WithDbAsync(bloom, db => db.Customers.Where(c => c.Name == "Tom Lindqvist").Select(c => c.Id).SingleAsync(TestContext.Current.CancellationToken));
        var tom = new CustomerPage(Page);
        await tom.GotoAsync(customerId);
        await Expect(tom.EntrySummary(tom.FirstEntry)).ToContainTextAsync("Turned away");
        await Expect(tom.EntrySummary(tom.FirstEntry)).ToContainTextAsync("Only the afternoon would do");
        await Expect(tom.FirstEntry).ToHaveAttributeAsync("data-tone", "negative");
    }

    [Fact]
    public async Task On_a_full_day_what_can_be_promised_comes_first_and_the_full_windows_fold_under_one_line()
    {
        var bloom = await App.BloomAsync();
        var day = (await App.TodayAsync(bloom)).AddDays(12);
        // Three windows of this shop are full that day (one but for its loyalty reserve); the demo's own shops have room.
        await App.LocationAsync(bloom, "Full day shop", DeliverySetup.MariaPostcode, (day, 9, 4, 4, 0), (day, 12, 4, 4, 0), (day, 15, 4, 3, 1));

        await SignInAsync(Service);
        var order = new NewOrderPage(Page);
        await order.GotoAsync();
        await order.TypeCallerAsync(TomsPhone);
        await Page.Keyboard.PressAsync("Enter");
        await Expect(order.Budget).ToBeFocusedAsync();
        await order.ChooseDayAsync(day);

        // Everything listed first can be promised; the reserve Tom may use is among them.
        await Expect(order.UnpromisableLine).ToContainTextAsync("3 windows full — show");
        await Expect(order.Promisable.Locator(".badge")).ToHaveCountAsync(0); // no "full", no "past its cutoff"
        await Expect(order.Promisable.Filter(new() { HasText = "15:00–18:00 by Full day shop (from the loyalty reserve)" })).ToHaveCountAsync(1);
        await Expect(order.Chosen).ToHaveCountAsync(1);
        await Expect(order.Promisable.First.Locator("input")).ToBeCheckedAsync();
        var fullWindow = order.Choice("09:00–12:00 by Full day shop");
        await Expect(fullWindow).ToBeHiddenAsync();

        // By keyboard: the line is a control; Enter shows the full windows, and the caller's own wish can be tried.
        await order.UnpromisableLine.FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Expect(fullWindow).ToBeVisibleAsync();
        await Expect(fullWindow).ToContainTextAsync("full");
        await Expect(order.UnpromisableLine).ToContainTextAsync("hide");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(fullWindow).ToBeHiddenAsync();
    }

    private async Task<bool> NoHorizontalScrollAsync() =>
        await Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");
}
