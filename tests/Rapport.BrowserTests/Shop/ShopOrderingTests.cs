using System.Text.RegularExpressions;
using Rapport.BrowserTests.Pages.Shop;
using Rapport.Testing;
using static Microsoft.Playwright.Assertions;

namespace Rapport.BrowserTests.Shop;

/// <summary>The online shop in a browser: a customer signs up, keeps a recipient and a card, and orders in under a minute.</summary>
public sealed class ShopOrderingTests(BrowserRapportApp app, BrowserFixture browser)
    : BrowserTest(app, browser), IClassFixture<BrowserRapportApp>
{
    private const string Shop = "bloom";

    [Fact]
    public async Task A_shop_customer_ordering_before_cutoff_sees_the_promise()
    {
        var bloom = await App.BusinessIdAsync(Shop);
        var bouquet = await App.DesignersChoiceAsync(bloom, 45m);
        var delivery = await App.TodayWindowAsync(bloom, DateTime.UtcNow.AddMinutes(80));

        var signUp = new ShopSignUpPage(Page);
        await signUp.GotoAsync(Shop);
        await signUp.SignUpAsync("Tom Shopper", TestNames.Email("tom", "example.com"), "Valentine!2026");
        await Expect(signUp.SignedInAs).ToHaveTextAsync("Tom Shopper");

        var addressBook = new ShopAddressBookPage(Page);
        await addressBook.GotoAsync(Shop);
        await addressBook.AddAsync("Maria Lindqvist", "wife", "4120 W 71st St", "Prairie Village", "KS", delivery.Postcode, "(913) 555-0143");
        await Expect(addressBook.Recipient("Maria Lindqvist")).ToContainTextAsync($"4120 W 71st St, Prairie Village, KS {delivery.Postcode}");

        var cards = new ShopCardsPage(Page);
        await cards.GotoAsync(Shop);
        var provider = await cards.AddCardAsync();
        await provider.SaveCardAsync("4242 4242 4242 4242", "12", (DateTime.UtcNow.Year + 3).ToString(System.Globalization.CultureInfo.InvariantCulture), "123");
        await Page.WaitForURLAsync(u => new Uri(u).AbsolutePath == $"/shop/{Shop}/cards");
        await Expect(cards.Cards).ToHaveTextAsync([new Regex("Visa ending 4242")]);

        var order = new ShopOrderPage(Page);
        await order.GotoAsync(Shop);
        await order.ChooseRecipientAsync("Maria Lindqvist (wife)");
        await Expect(order.Countdown).ToHaveTextAsync(new Regex(@"^Order within (1 h )?\d+ min for delivery today$"));
        await Expect(order.Destination).ToContainTextAsync(delivery.Postcode);
        await order.ChooseItemAsync(bouquet.Id);
        await Expect(order.Quantity).ToBeHiddenAsync();
        await order.Budget.FillAsync("85");
        var today = order.Option($"Delivered today 18:00–21:00 by {delivery.LocationName}");
        await Expect(today).ToBeVisibleAsync();
        await Expect(today.Locator("input[type=radio]")).ToBeCheckedAsync();
        await order.WriteCardMessageAsync("Happy Valentine's, love Tom");

        var placed = await order.PlaceAsync();

        await Expect(placed.Placed).ToBeVisibleAsync();
        await Expect(placed.Promise).ToHaveTextAsync(new Regex($@"^Delivered \w{{3}} \d{{1,2}} \w{{3}} 18:00–21:00 by {Regex.Escape(delivery.LocationName)}$"));
        await Expect(placed.Status).ToHaveTextAsync("Placed");
        await Expect(placed.Recipient).ToContainTextAsync("Maria Lindqvist");
        await Expect(placed.Total).ToHaveTextAsync("$94.50");

        var orders = new ShopOrdersPage(Page);
        await orders.GotoAsync(Shop);
        await Expect(orders.Orders).ToHaveCountAsync(1);
        await Expect(orders.Orders.First).ToContainTextAsync("18:00–21:00 by " + delivery.LocationName);
    }
}
