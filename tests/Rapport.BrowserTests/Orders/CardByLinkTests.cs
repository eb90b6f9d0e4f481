using System.Globalization;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Rapport.BrowserTests.Pages;
using Rapport.BrowserTests.Pages.Shop;
using Rapport.Testing;
using static Microsoft.Playwright.Assertions;

namespace Rapport.BrowserTests.Orders;

/// <summary>
/// A card by phone without anyone hearing the number: while the order is half typed, staff make a card link, the caller
/// (another browser) enters a card on the provider's page, and the open order form offers it by itself, without
/// touching what was typed or where the person is typing. The order is then paid with that card.
/// </summary>
public abstract class CardByLinkTests(BrowserRapportApp app, BrowserFixture browser) : BrowserTest(app, browser)
{
    private const string Service = "service@bloom.example";
    private static readonly KeyboardTypeOptions Keys = new() { Delay = 50 };

    [Fact]
    public async Task A_card_added_through_a_link_shows_on_the_open_order_and_pays_for_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var placeRequests = 0;
        Page.Request += (_, r) => { if (r.Url.Contains("handler=Place", StringComparison.Ordinal)) placeRequests++; };
        var bloom = await App.BloomAsync();
        var day = (await App.TodayAsync(bloom)).AddDays(2);
        await App.LocationAsync(bloom, "Card link shop", DeliverySetup.MariaPostcode, (day, 9, 10, 0, 0), (day, 13, 10, 0, 0));
        var name = TestNames.Unique("Elsa Card");
        var api = await App.SignInAsync(Service);
        (await api.PostAsJsonAsync("/api/customers", new
        {
            kind = "person", name,
            emails = new[] { new { value = TestNames.Email("elsa"), label = "home" } },
            addresses = new[] { new { label = "home", line1 = "4105 W 71st St", city = "Prairie Village", region = "KS", postalCode = DeliverySetup.MariaPostcode } },
        }, ct)).EnsureSuccessStatusCode();

        await SignInAsync(Service);
        var order = new NewOrderPage(Page);
        await order.GotoAsync();
        await order.TypeCallerAsync(name);
        await Expect(order.Caller(name)).ToBeVisibleAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Expect(order.Budget).ToBeFocusedAsync();
        await Page.Keyboard.TypeAsync("75", Keys);
        await order.ChooseDayAsync(day);
        await Expect(order.Choice("09:00–12:00 by Card link shop")).ToBeVisibleAsync();
        await Expect(order.CardChosen).ToHaveTextAsync("No card: pay on collection or by invoice");
        await order.Occasion.FillAsync("Get well");
        await order.CardMessage.ClickAsync();
        await Page.Keyboard.TypeAsync("Get well soon", Keys);

        // The card link, made from the order and shown to copy into a text message.
        await order.CardLinkFold.ClickAsync();
        await Expect(order.CardLinkByEmail).ToBeVisibleAsync();
        await order.CardLinkToText.ClickAsync();
        var url = await order.CardLinkUrl.InputValueAsync();
        url.ShouldContain("/cards/");
        await Expect(order.CardWait).ToHaveAttributeAsync("data-waiting", "true");
        await Expect(order.ReadyLine).ToHaveAttributeAsync("data-ready", "true");
        // Copied, as staff do, and Enter there: that is not the order being placed.
        await order.CardLinkUrl.FocusAsync();
        await Page.Keyboard.PressAsync("Control+C");
        await Page.Keyboard.PressAsync("Enter");

        // Back to the card message; the caller adds the card meanwhile, on their own phone.
        await order.CardMessage.ClickAsync();
        await Page.Keyboard.PressAsync("End");
        await Page.Keyboard.TypeAsync(", Elsa", Keys);
        await using var caller = await Browser.NewContextAsync(App.BaseAddress, 375, 812, true);
        var phone = await caller.NewPageAsync();
        var link = new CardLinkPage(phone);
        var provider = await link.OpenAsync(url);
        var year = (DateTime.UtcNow.Year + 2).ToString(CultureInfo.InvariantCulture);
        await provider.SaveCardAsync("4242 4242 4242 4242", "12", year, "123");
        await Expect(link.Saved).ToContainTextAsync("ending 4242");

        // The form looked again by itself: the card is offered and chosen; nothing typed moved, nor the focus.
        await Expect(order.CardAdded).ToContainTextAsync("Visa ···· 4242");
        await Expect(order.CardChosen).ToHaveTextAsync($"Visa ···· 4242 (12/{year})");
        await Expect(order.CardWait).ToHaveAttributeAsync("data-waiting", "false");
        await Expect(order.CardMessage).ToBeFocusedAsync();
        await Expect(order.CardMessage).ToHaveValueAsync("Get well soon, Elsa");
        await Expect(order.Budget).ToHaveValueAsync("75");
        await Expect(order.Occasion).ToHaveValueAsync("Get well");
        await Expect(order.Chosen).ToContainTextAsync("09:00–12:00");

        placeRequests.ShouldBe(0);
        await Page.Keyboard.TypeAsync("!", Keys);
        await order.PlaceButton.ClickAsync();
        await Expect(order.Placed).ToBeVisibleAsync();
        var number = long.Parse((await order.OrderNumber.TextContentAsync())!, CultureInfo.InvariantCulture);
        var (placed, card) = await App.WithDbAsync(bloom, async db =>
        {
            var o = await db.Orders.AsNoTracking().SingleAsync(x => x.Number == number, ct);
            var c = await db.PaymentMethods.AsNoTracking().SingleAsync(p => p.CustomerId == o.CustomerId, ct);
            return (o, c);
        });
        placed.PaymentMethodId.ShouldBe(card.Id);
        card.Last4.ShouldBe("4242");
        placed.CardMessage.ShouldBe("Get well soon, Elsa!");
        placed.Budget.ShouldBe(75m);
        placed.Occasion.ShouldBe("Get well");
        placeRequests.ShouldBe(1);
    }
}

public sealed class CardByLinkOnALaptopTests(BrowserRapportApp app, BrowserFixture browser)
    : CardByLinkTests(app, browser), IClassFixture<BrowserRapportApp>
{
    protected override (int Width, int Height, bool Mobile) Viewport => (1366, 768, false);
}

public sealed class CardByLinkOnAPhoneTests(BrowserRapportApp app, BrowserFixture browser)
    : CardByLinkTests(app, browser), IClassFixture<BrowserRapportApp>
{
    protected override (int Width, int Height, bool Mobile) Viewport => (375, 812, true);
}
