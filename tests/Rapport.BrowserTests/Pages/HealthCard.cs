using Microsoft.Playwright;

namespace Rapport.BrowserTests.Pages;

/// <summary>The relationship health card on the customer page (loaded over htmx) and its recovery tasks.</summary>
public sealed class HealthCard(IPage page)
{
    public ILocator Card => page.Locator("section[data-testid=health-card]");
    public ILocator Badge => page.Locator("[data-testid=health-badge]").First;
    public ILocator Factors => Card.Locator("[data-testid=health-factor]");
    public ILocator RecoveryTasks => Card.Locator("[data-testid=recovery-task]");
    public ILocator Complacency => Card.Locator("[data-testid=complacency]");

    /// <summary>Closes the first recovery task by logging the contact made and how it went.</summary>
    public async Task CompleteFirstRecoveryAsync(string tone, string summary)
    {
        var task = RecoveryTasks.First;
        await task.Locator("[data-testid=recovery-tone]").SelectOptionAsync(tone);
        await task.Locator("[data-testid=recovery-summary]").FillAsync(summary);
        await task.Locator("[data-testid=recovery-done]").ClickAsync();
    }
}
