using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Rapport.BrowserTests.Pages;

/// <summary>/app/orders: filters (htmx swaps #results as one types) and the order rows.</summary>
public sealed partial class OrdersPage(IPage page)
{
    [GeneratedRegex(@"/app/orders/[0-9a-fA-F-]{36}$")]
    public static partial Regex OrderUrl { get; }

    public ILocator SearchBox => page.Locator("#q");
    public ILocator Rows => page.Locator("#results [data-testid=order-row]");

    public async Task GotoAsync() => await page.GotoAsync("/app/orders");

    /// <summary>Types key by key, as a person would, so htmx filters as they type.</summary>
    public async Task SearchAsync(string text)
    {
        await SearchBox.ClickAsync();
        await SearchBox.PressSequentiallyAsync(text, new() { Delay = 30 });
    }

    public async Task<OrderPage> OpenAsync(ILocator row)
    {
        await row.ClickAsync();
        await page.WaitForURLAsync(OrderUrl);
        return new OrderPage(page);
    }
}
