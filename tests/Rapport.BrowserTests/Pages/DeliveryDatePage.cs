using Microsoft.Playwright;

namespace Rapport.BrowserTests.Pages;

/// <summary>/app/delivery/calendar/{date}: one day's windows per location, to override, add to, or close.</summary>
public sealed class DeliveryDatePage(IPage page)
{
    public ILocator Window(string start) => page.Locator($"[data-testid=date-window][data-start='{start}']");
    public ILocator Capacity(string start) => Window(start).Locator("[data-testid=capacity-input]");
    public ILocator BackToCalendar => page.Locator(".breadcrumb").GetByRole(AriaRole.Link, new() { Name = "Capacity" });

    /// <summary>Types a new capacity for the window starting at <paramref name="start"/> (HH:mm) and saves it.</summary>
    public async Task SetCapacityAsync(string start, int capacity)
    {
        await Capacity(start).FillAsync(capacity.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Window(start).GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
    }
}
