using Microsoft.Playwright;

namespace Rapport.BrowserTests.Pages.Shop;

/// <summary>/shop/{business}/order: what, for whom, which day, the options that can be promised, card message, card.</summary>
public sealed class ShopOrderPage(IPage page)
{
    public ILocator Countdown => page.Locator("[data-testid=promise-countdown]");
    public ILocator Options => page.Locator("[data-testid=options] [data-testid=option]");
    public ILocator Option(string promise) => Options.Filter(new() { HasText = promise });
    public ILocator Budget => page.GetByLabel("Budget (designer's choice)");
    public ILocator Quantity => page.GetByLabel("Quantity");
    public ILocator Destination => page.Locator("[data-testid=destination]");
    /// <summary>The quantity of an add-on suggested beside the main item ("Glass Vase").</summary>
    public ILocator AddOn(string name) => page.Locator($"[data-testid=add-on][data-name='{name}'] input[type=number]");

    public async Task GotoAsync(string shop) => await page.GotoAsync($"/shop/{shop}/order");

    public async Task ChooseItemAsync(Guid itemId) =>
        await page.Locator("#Item").SelectOptionAsync(new SelectOptionValue { Value = itemId.ToString() });

    /// <summary>Chooses the recipient; the page brings the options for them at once.</summary>
    public async Task ChooseRecipientAsync(string name)
    {
        await page.Locator("#To").SelectOptionAsync(new SelectOptionValue { Label = name });
        await page.WaitForURLAsync(u => new Uri(u).Query.Contains("handler=Times", StringComparison.Ordinal));
    }

    public async Task WriteCardMessageAsync(string message) => await page.GetByLabel("Card message").FillAsync(message);

    public async Task<ShopOrderDetailsPage> PlaceAsync()
    {
        await page.Locator("[data-testid=place-order]").ClickAsync();
        await page.WaitForURLAsync(ShopOrderDetailsPage.UrlPattern);
        return new ShopOrderDetailsPage(page);
    }
}

/// <summary>/shop/{business}/orders/{id}: one order, its promise, status and steps.</summary>
public sealed partial class ShopOrderDetailsPage(IPage page)
{
    [System.Text.RegularExpressions.GeneratedRegex(@"/shop/[^/]+/orders/[0-9a-fA-F-]{36}")]
    public static partial System.Text.RegularExpressions.Regex UrlPattern { get; }

    public ILocator Placed => page.Locator("[data-testid=order-placed]");
    public ILocator Promise => page.Locator("[data-testid=order-promise]");
    public ILocator Status => page.Locator("[data-testid=order-status]");
    public ILocator Recipient => page.Locator("[data-testid=order-recipient]");
    public ILocator Total => page.Locator("[data-testid=order-total]");
    public ILocator Lines => page.Locator("[data-testid=order-line]");
    public ILocator RememberOffer => page.Locator("[data-testid=remember]");
    public ILocator Remembered => page.Locator("[data-testid=remembered]");
}

/// <summary>/shop/{business}/orders: the customer's own orders.</summary>
public sealed class ShopOrdersPage(IPage page)
{
    public ILocator Orders => page.Locator("[data-testid=orders] [data-testid=order]");

    public async Task GotoAsync(string shop) => await page.GotoAsync($"/shop/{shop}/orders");
}
