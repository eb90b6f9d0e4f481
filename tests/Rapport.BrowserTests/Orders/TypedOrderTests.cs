using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Rapport.BrowserTests.Pages;
using Rapport.Testing;
using static Microsoft.Playwright.Assertions;

namespace Rapport.BrowserTests.Orders;

/// <summary>
/// The phone order typed as a person types it, key by key, changing the occasion while the card message is half
/// written: no live update of the form replaces what was typed or moves the focus, Enter waits until the form is
/// ready, and the order placed carries exactly what was typed. Run at a laptop's and a phone's width.
/// </summary>
public abstract class TypedOrderTests(BrowserRapportApp app, BrowserFixture browser) : BrowserTest(app, browser)
{
    private const string Service = "service@bloom.example";
    /// <summary>Tom's mother Ingrid lives here (the demo's 2607 W 118th Ter, Leawood).</summary>
    private const string IngridPostcode = "66211";
    private static readonly KeyboardTypeOptions Keys = new() { Delay = 70 };

    [Fact]
    public async Task The_order_placed_carries_exactly_what_was_typed()
    {
        var ct = TestContext.Current.CancellationToken;
        var bloom = await App.BloomAsync();
        var day = (await App.TodayAsync(bloom)).AddDays(3);
        await App.LocationAsync(bloom, "Typed order shop", IngridPostcode, (day, 9, 10, 0, 0), (day, 12, 10, 0, 0), (day.AddDays(1), 9, 10, 0, 0));
        var placeRequests = 0;
        Page.Request += (_, r) => { if (r.Url.Contains("handler=Place", StringComparison.Ordinal)) placeRequests++; };

        await SignInAsync(Service);
        var order = new NewOrderPage(Page);
        await order.GotoAsync();
        await order.TypeCallerAsync("913.555.0142");
        await Expect(order.Caller("Tom Lindqvist")).ToBeVisibleAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Expect(order.Budget).ToBeFocusedAsync();

        // The budget, then Ingrid picked from the list by typing her name, then the day.
        await Page.Keyboard.PressAsync("Control+A");
        await Page.Keyboard.TypeAsync("120", Keys);
        await Expect(order.Price).ToContainTextAsync("$120.00");
        await order.Recipient.FocusAsync();
        await Page.Keyboard.TypeAsync("Ingrid", Keys);
        (await order.RecipientChosenAsync()).ShouldStartWith("Ingrid Lindqvist");
        await Expect(order.Destination).ToContainTextAsync("2607 W 118th Ter");
        await order.ChooseDayAsync(day);
        await Expect(order.Choice($"{Day(day)} 09:00–12:00 by Typed order shop")).ToBeVisibleAsync();
        await Expect(order.ReadyLine).ToHaveAttributeAsync("data-ready", "true");

        // Half the card message, then the occasion (its redraw held back until the person is typing the message again).
        await order.CardMessage.ClickAsync();
        await Page.Keyboard.PressAsync("Control+A");
        await Page.Keyboard.TypeAsync("Happy birth", Keys);
        var occasionAnswer = new TaskCompletionSource();
        await Page.RouteAsync("**/app/orders/new?handler=Occasion*", async route => { await occasionAnswer.Task; await route.ContinueAsync(); });
        await order.Occasion.ClickAsync();
        await Page.Keyboard.PressAsync("Control+A");
        await Page.Keyboard.TypeAsync("Birthday", Keys);
        await order.CardMessage.ClickAsync();
        await Page.Keyboard.PressAsync("End");
        await Page.Keyboard.TypeAsync("day, Ingrid!", Keys);
        await Expect(order.ReadyLine).ToHaveAttributeAsync("data-ready", "false");
        occasionAnswer.SetResult();
        await Page.Keyboard.TypeAsync(" Love from Tom and Maria", Keys);
        await Expect(order.Draft).ToHaveCountAsync(1);
        await Expect(order.ReadyLine).ToHaveAttributeAsync("data-ready", "true");

        const string message = "Happy birthday, Ingrid! Love from Tom and Maria";
        await Expect(order.CardMessage).ToHaveValueAsync(message);
        await Expect(order.CardMessage).ToBeFocusedAsync();
        await Expect(order.Budget).ToHaveValueAsync("120");
        await Expect(order.Occasion).ToHaveValueAsync("Birthday");
        (await order.RecipientChosenAsync()).ShouldStartWith("Ingrid Lindqvist"); // the occasion's usual recipient does not replace the one picked
        // The suggestion was Maria's birthday card: offered, not imposed.
        (await order.Draft.GetAttributeAsync("data-card-message")).ShouldNotBe(message);

        // The next day, while its options are on their way: Enter in the budget waits and says so.
        var deliveryAnswer = new TaskCompletionSource();
        await Page.RouteAsync("**/app/orders/new?handler=Delivery*", async route => { await deliveryAnswer.Task; await route.ContinueAsync(); });
        await order.ChooseDayAsync(day.AddDays(1));
        await order.Budget.ClickAsync();
        await Page.Keyboard.PressAsync("End");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(order.ReadyLine).ToContainTextAsync("Not yet");
        deliveryAnswer.SetResult();
        await Expect(order.ReadyLine).ToHaveAttributeAsync("data-ready", "true");
        await Expect(order.Chosen).ToContainTextAsync(Day(day.AddDays(1)));
        await Expect(order.Budget).ToBeFocusedAsync();
        placeRequests.ShouldBe(0, "Enter while the options were being updated placed nothing");
        await Expect(order.Price).ToContainTextAsync("$120.00 and");

        // Now it is ready: Enter places it.
        await Page.Keyboard.PressAsync("Enter");
        await Expect(order.Placed).ToBeVisibleAsync();
        var number = long.Parse((await order.OrderNumber.TextContentAsync())!, CultureInfo.InvariantCulture);
        var placed = await App.WithDbAsync(bloom, db => db.Orders.AsNoTracking().SingleAsync(o => o.Number == number, ct));
        placed.Budget.ShouldBe(120m);
        placed.Occasion.ShouldBe("Birthday");
        placed.CardMessage.ShouldBe(message);
        placed.RecipientName.ShouldBe("Ingrid Lindqvist");
        placed.FulfilmentDate.ShouldBe(day.AddDays(1));
        placeRequests.ShouldBe(1);
    }

    private static string Day(DateOnly date) => date.ToString("ddd d MMM", CultureInfo.InvariantCulture);
}

public sealed class TypedOrderOnALaptopTests(BrowserRapportApp app, BrowserFixture browser)
    : TypedOrderTests(app, browser), IClassFixture<BrowserRapportApp>
{
    protected override (int Width, int Height, bool Mobile) Viewport => (1366, 768, false);
}

public sealed class TypedOrderOnAPhoneTests(BrowserRapportApp app, BrowserFixture browser)
    : TypedOrderTests(app, browser), IClassFixture<BrowserRapportApp>
{
    protected override (int Width, int Height, bool Mobile) Viewport => (375, 812, true);
}
