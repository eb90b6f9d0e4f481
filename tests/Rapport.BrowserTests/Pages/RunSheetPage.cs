using Microsoft.Playwright;

namespace Rapport.BrowserTests.Pages;

/// <summary>/app/delivery: a day's stops by window; each stop card records delivered, failed, a contact, or (managers) a driver.</summary>
public sealed class RunSheetPage(IPage page)
{
    public ILocator Stops => page.Locator("[data-testid=stop]");
    public ILocator Windows => page.Locator("[data-testid=run-window]");

    /// <summary>The card of the stop for an order.</summary>
    public ILocator Stop(long orderNumber) => page.Locator($"[data-testid=stop][data-order-number='{orderNumber}']");

    /// <summary>The window section headed with the shop's name.</summary>
    public ILocator Window(string shop) => Windows.Filter(new() { Has = page.Locator("h2", new() { HasText = shop }) });

    public ILocator Status(ILocator stop) => stop.Locator("[data-testid=stop-status]");
    public ILocator CardMessage(ILocator stop) => stop.Locator("[data-testid=stop-card-message]");

    public async Task GotoAsync(string? query = null) => await page.GotoAsync("/app/delivery" + (query is null ? "" : "?" + query));

    public async Task MarkDeliveredAsync(ILocator stop) =>
        await stop.GetByRole(AriaRole.Button, new() { Name = "Delivered", Exact = true }).ClickAsync();

    /// <summary>Opens "Failed" and taps one of the quick reasons.</summary>
    public async Task MarkFailedAsync(ILocator stop, string quickReason)
    {
        await stop.Locator("summary", new() { HasText = "Failed" }).ClickAsync();
        await stop.GetByRole(AriaRole.Button, new() { Name = quickReason, Exact = true }).ClickAsync();
    }

    /// <summary>Opens "Log a contact at the door", picks the tone, writes what happened and logs it.</summary>
    public async Task LogContactAsync(ILocator stop, string tone, string summary)
    {
        await stop.Locator("summary", new() { HasText = "Log a contact at the door" }).ClickAsync();
        // Bootstrap's btn-check hides the radio: a person taps its label.
        await stop.Locator("label", new() { HasText = tone }).ClickAsync();
        await stop.GetByLabel("What happened").FillAsync(summary);
        await stop.GetByRole(AriaRole.Button, new() { Name = "Log contact" }).ClickAsync();
    }

    /// <summary>Gives the stop to a driver at a place in the run (owners and managers).</summary>
    public async Task AssignAsync(ILocator stop, string driverName, int place)
    {
        await stop.GetByLabel("Driver").SelectOptionAsync(new SelectOptionValue { Label = driverName });
        await stop.GetByLabel("Place").FillAsync(place.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await stop.GetByRole(AriaRole.Button, new() { Name = "Assign" }).ClickAsync();
    }
}
