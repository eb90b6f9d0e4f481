using Microsoft.Playwright;

namespace Rapport.BrowserTests.Pages;

/// <summary>The concessions card on the customer page (loaded over htmx) and its form to record one.</summary>
public sealed class ConcessionsCard(IPage page)
{
    /// <summary>The card once htmx has loaded it in place of its placeholder.</summary>
    public ILocator Card => page.Locator("section#concessions[data-testid=concessions-card]:has([data-testid=record-concession])");
    public ILocator Entries => Card.Locator("[data-testid=concession-entry]");
    public ILocator Recorded => Card.Locator("[data-testid=concession-recorded]");
    public ILocator Waiting => Card.Locator("[data-testid=concessions-waiting]");

    public async Task RecordAsync(string kind, string value, string reason)
    {
        await Card.Locator("[data-testid=record-concession] summary").ClickAsync();
        var form = Card.Locator("[data-testid=record-concession-form]");
        await form.GetByLabel("Kind").SelectOptionAsync(new SelectOptionValue { Label = kind });
        await form.Locator("[data-testid=concession-value]").FillAsync(value);
        await form.Locator("[data-testid=concession-reason]").FillAsync(reason);
        await form.Locator("[data-testid=concession-reason]").PressAsync("Enter");
    }
}

/// <summary>/app/concessions: the ledger across customers, with Approve and Refuse for owners and managers.</summary>
public sealed class ConcessionsPage(IPage page)
{
    public ILocator Rows => page.Locator("[data-testid=concession-row]");
    public ILocator Row(string text) => Rows.Filter(new() { HasText = text });

    public async Task GotoAsync(string query = "") => await page.GotoAsync("/app/concessions" + query);
}
