using Microsoft.Playwright;

namespace Rapport.BrowserTests.Pages;

/// <summary>/app/customers: search-as-you-type (htmx swaps #results), result links.</summary>
public sealed class CustomerSearchPage(IPage page)
{
    public ILocator SearchBox => page.Locator("main [data-search-main]");
    public ILocator Results => page.Locator("#results [data-testid=result]");
    public ILocator NoResults => page.Locator("#results [data-testid=no-results]");

    public ILocator Result(string name) => Results.Filter(new() { HasText = name });

    public async Task GotoAsync() => await page.GotoAsync("/app/customers");

    /// <summary>Types key by key, as a person would, so htmx searches as they type.</summary>
    public async Task TypeAsync(string query)
    {
        await SearchBox.ClickAsync();
        await SearchBox.PressSequentiallyAsync(query, new() { Delay = 30 });
    }

    public async Task<CustomerPage> OpenAsync(string name)
    {
        await Result(name).First.ClickAsync();
        await page.WaitForURLAsync(CustomerPage.UrlPattern);
        return new CustomerPage(page);
    }
}
