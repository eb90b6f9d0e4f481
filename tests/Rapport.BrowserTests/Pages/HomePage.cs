using Microsoft.Playwright;

namespace Rapport.BrowserTests.Pages;

/// <summary>/app: the business's home, with the big search box, for owners the forecast and, for drivers, today's stops.</summary>
public sealed class HomePage(IPage page)
{
    public ILocator SearchBox => page.Locator("main [data-search-main]");
    public ILocator Heading => page.Locator("main h1");
    public ILocator Deliveries => page.Locator(".card").Filter(new() { Has = page.GetByText("Your deliveries today and tomorrow") });
    public ILocator Stops => Deliveries.Locator("a.list-group-item");
    public ILocator RecentContacts => page.Locator(".card").Filter(new() { Has = page.GetByText("Latest contacts across the business") }).Locator("li.timeline-entry");

    /// <summary>Owners and managers: the coming days' forecast against capacity, and the days short of it.</summary>
    public ILocator ForecastChart => page.Locator("#forecast-chart");
    public ILocator ForecastWarning => page.GetByTestId("forecast-warning");
    public ILocator Shortfalls => page.GetByTestId("shortfall");

    public async Task GotoAsync() => await page.GotoAsync("/app");

    /// <summary>Opens the first stop whose text contains <paramref name="text"/>.</summary>
    public async Task<CustomerPage> OpenStopAsync(string text)
    {
        await Stops.Filter(new() { HasText = text }).First.ClickAsync();
        await page.WaitForURLAsync(CustomerPage.UrlPattern);
        return new CustomerPage(page);
    }
}
