using Microsoft.Playwright;
using Rapport.BrowserTests.Pages;
using Rapport.Testing;
using static Microsoft.Playwright.Assertions;

namespace Rapport.BrowserTests.Delivery;

/// <summary>The driver on his phone: today's stops, the customer's page without payment details.</summary>
public sealed class DeliveryPhoneTests(BrowserRapportApp app, BrowserFixture browser)
    : BrowserTest(app, browser), IClassFixture<BrowserRapportApp>
{
    protected override (int Width, int Height, bool Mobile) Viewport => (390, 844, true);

    [Fact]
    public async Task Driver_sees_his_stops_and_a_customer_page_without_cards_on_file()
    {
        await SignInAsync("driver@bloom.example");

        var home = new HomePage(Page);
        await Expect(home.Deliveries).ToBeVisibleAsync();
        await Expect(home.Stops.Filter(new() { HasText = "Maria Lindqvist" })).ToContainTextAsync("Tom Lindqvist");
        (await NoHorizontalScrollAsync()).ShouldBeTrue("the home page fits a phone's width");

        var tom = await home.OpenStopAsync("Maria Lindqvist");
        await Expect(tom.Name).ToHaveTextAsync("Tom Lindqvist");
        await Expect(tom.Recipient("Maria Lindqvist")).ToBeVisibleAsync();
        await Expect(tom.LogForm).ToBeVisibleAsync();
        await Expect(tom.PaymentMethods).ToHaveCountAsync(0);
        await Expect(tom.CardsOnFileHeading).ToHaveCountAsync(0);
        await Expect(Page.GetByText("Internal notes")).ToHaveCountAsync(0);
        (await NoHorizontalScrollAsync()).ShouldBeTrue("the customer page fits a phone's width");
    }

    private async Task<bool> NoHorizontalScrollAsync() =>
        await Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");
}
