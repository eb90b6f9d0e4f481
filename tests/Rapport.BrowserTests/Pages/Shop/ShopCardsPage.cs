using Microsoft.Playwright;

namespace Rapport.BrowserTests.Pages.Shop;

/// <summary>/shop/{business}/cards: the cards on file and the way to the payment provider's page.</summary>
public sealed class ShopCardsPage(IPage page)
{
    public ILocator Cards => page.Locator("[data-testid=cards] [data-testid=card]");

    public async Task GotoAsync(string shop) => await page.GotoAsync($"/shop/{shop}/cards");

    /// <summary>Follows "Add a card" to the provider's page.</summary>
    public async Task<TestPaymentPage> AddCardAsync()
    {
        await page.Locator("[data-testid=add-card]").ClickAsync();
        await page.WaitForURLAsync(u => new Uri(u).AbsolutePath == "/test-pay/cards/new");
        return new TestPaymentPage(page);
    }
}

/// <summary>/test-pay/cards/new: the built-in test provider's card page, standing for an external provider's.</summary>
public sealed class TestPaymentPage(IPage page)
{
    public async Task SaveCardAsync(string number, string month, string year, string cvc)
    {
        await page.GetByLabel("Card number").FillAsync(number);
        await page.GetByLabel("Month").FillAsync(month);
        await page.GetByLabel("Year").FillAsync(year);
        await page.GetByLabel("CVC").FillAsync(cvc);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save card" }).ClickAsync();
    }
}

/// <summary>/cards/{token}: the card link a customer was sent; it goes on to the provider's page and back.</summary>
public sealed class CardLinkPage(IPage page)
{
    public ILocator Saved => page.Locator("[data-testid=card-link-saved]");

    /// <summary>Opens the link, as the customer taps it in their text message, and lands on the provider's page.</summary>
    public async Task<TestPaymentPage> OpenAsync(string url)
    {
        await page.GotoAsync(url);
        await page.WaitForURLAsync(u => new Uri(u).AbsolutePath == "/test-pay/cards/new");
        return new TestPaymentPage(page);
    }
}
