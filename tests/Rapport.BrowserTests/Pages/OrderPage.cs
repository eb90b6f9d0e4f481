using Microsoft.Playwright;

namespace Rapport.BrowserTests.Pages;

/// <summary>/app/orders/{id}: the order, and its progress panel with the next steps (htmx swaps the panel).</summary>
public sealed class OrderPage(IPage page)
{
    public ILocator Number => page.Locator("[data-testid=order-number]");
    public ILocator CardMessage => page.Locator("[data-testid=order-card-message]");
    public ILocator Progress => page.Locator("#order-progress");
    public ILocator Status => Progress.Locator("[data-testid=order-status]");
    public ILocator History => Progress.Locator("[data-testid=history-step]");
    public ILocator ReasonError => Progress.Locator("[data-testid=reason-error]");

    public ILocator StepButton(string step) => Progress.Locator($"button[data-step='{step}']");

    /// <summary>Opens "Failed…" and records it with the reason typed (none: leaves the box empty).</summary>
    public async Task RecordFailedAsync(string reason)
    {
        await Progress.Locator("summary", new() { HasText = "Failed" }).ClickAsync();
        await Progress.GetByLabel("Or say why").FillAsync(reason);
        await Progress.GetByRole(AriaRole.Button, new() { Name = "Record failed" }).ClickAsync();
    }
}
