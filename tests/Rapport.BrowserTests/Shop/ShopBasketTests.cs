using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Rapport.BrowserTests.Pages.Shop;
using Rapport.Testing;
using static Microsoft.Playwright.Assertions;

namespace Rapport.BrowserTests.Shop;

/// <summary>A basket of three items ordered on a phone (375 px wide): a bouquet with a vase and truffles beside it.</summary>
public sealed class ShopBasketTests(BrowserRapportApp app, BrowserFixture browser)
    : BrowserTest(app, browser), IClassFixture<BrowserRapportApp>
{
    private const string Shop = "bloom";

    protected override (int Width, int Height, bool Mobile) Viewport => (375, 812, true);

    [Fact]
    public async Task A_bouquet_a_vase_and_truffles_are_ordered_together_on_a_phone_and_the_birthday_remembered()
    {
        var bloom = await App.BusinessIdAsync(Shop);
        var bouquet = await App.DesignersChoiceAsync(bloom, 45m);
        var delivery = await App.TodayWindowAsync(bloom, DateTime.UtcNow.AddMinutes(80));

        var signUp = new ShopSignUpPage(Page);
        await signUp.GotoAsync(Shop);
        await signUp.SignUpAsync("Bea Basket", TestNames.Email("bea", "example.com"), "Valentine!2026");
        var addressBook = new ShopAddressBookPage(Page);
        await addressBook.GotoAsync(Shop);
        await addressBook.AddAsync("Maria Basket", "wife", "4120 W 71st St", "Prairie Village", "KS", delivery.Postcode, "(913) 555-0143");
        var cards = new ShopCardsPage(Page);
        await cards.GotoAsync(Shop);
        var provider = await cards.AddCardAsync();
        await provider.SaveCardAsync("4242 4242 4242 4242", "12", (DateTime.UtcNow.Year + 3).ToString(System.Globalization.CultureInfo.InvariantCulture), "123");
        await Page.WaitForURLAsync(u => new Uri(u).AbsolutePath == $"/shop/{Shop}/cards");

        var order = new ShopOrderPage(Page);
        await order.GotoAsync(Shop);
        await order.ChooseRecipientAsync("Maria Basket (wife)");
        await order.ChooseItemAsync(bouquet.Id);
        await order.Budget.FillAsync("85");
        await order.AddOn("Glass Vase").FillAsync("1");
        await order.AddOn("Chocolate Truffles").FillAsync("1");
        await Page.GetByLabel("Occasion").FillAsync("Birthday");
        await Expect(order.Option($"Delivered today 18:00–21:00 by {delivery.LocationName}").Locator("input[type=radio]")).ToBeCheckedAsync();
        // Nothing on the phone is wider than the screen.
        (await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375);

        var placed = await order.PlaceAsync();

        await Expect(placed.Placed).ToBeVisibleAsync();
        await Expect(placed.Lines).ToHaveCountAsync(3);
        await Expect(placed.Lines.Filter(new() { HasText = "1 × Glass Vase" })).ToContainTextAsync("$15.00");
        await Expect(placed.Lines.Filter(new() { HasText = "1 × Chocolate Truffles" })).ToContainTextAsync("$24.00");
        await Expect(placed.Total).ToHaveTextAsync("$133.50");
        var orders = await App.WithDbAsync(bloom, db => db.Orders.AsNoTracking().Include(o => o.Lines)
            .Where(o => o.RecipientName == "Maria Basket").ToListAsync(TestContext.Current.CancellationToken));
        orders.ShouldHaveSingleItem().Lines.Count.ShouldBe(3);
        (await App.WithDbAsync(bloom, db => db.DeliveryWindows.AsNoTracking().SingleAsync(w => w.Id == delivery.WindowId, TestContext.Current.CancellationToken))).Booked.ShouldBe(1);

        await placed.RememberOffer.ClickAsync();
        await Expect(placed.Remembered).ToContainTextAsync(new Regex("remind you before Birthday next year"));
    }
}
