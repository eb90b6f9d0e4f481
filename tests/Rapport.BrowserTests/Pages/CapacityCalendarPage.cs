using Microsoft.Playwright;

namespace Rapport.BrowserTests.Pages;

/// <summary>/app/delivery/calendar: the range and location filter, the chart, and a row per day with its windows.</summary>
public sealed class CapacityCalendarPage(IPage page)
{
    public ILocator Location => page.Locator("#cal-location");
    public ILocator ShowButton => page.GetByRole(AriaRole.Button, new() { Name = "Show" });
    public ILocator Chart => page.Locator("#capacity-chart");
    public ILocator Day(DateOnly date) => page.Locator($"[data-testid=day][data-date='{date:yyyy-MM-dd}']");
    public ILocator WindowLoads(DateOnly date) => Day(date).Locator("[data-testid=window-load]");
    public ILocator DayTotal(DateOnly date) => Day(date).Locator("[data-testid=day-total]");

    public async Task GotoAsync() => await page.GotoAsync("/app/delivery/calendar");

    public async Task ShowLocationAsync(string name)
    {
        await Location.SelectOptionAsync(new SelectOptionValue { Label = name });
        await ShowButton.ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("locationId=", StringComparison.Ordinal));
    }

    /// <summary>True once Chart.js has drawn the daily chart.</summary>
    public async Task<bool> ChartIsDrawnAsync() =>
        await page.EvaluateAsync<bool>("() => !!(window.Chart && Chart.getChart(document.getElementById('capacity-chart')))");

    public async Task<DeliveryDatePage> OpenAsync(DateOnly date)
    {
        await Day(date).GetByRole(AriaRole.Link).First.ClickAsync();
        await page.WaitForURLAsync(u => new Uri(u).AbsolutePath == $"/app/delivery/calendar/{date:yyyy-MM-dd}");
        return new DeliveryDatePage(page);
    }
}
