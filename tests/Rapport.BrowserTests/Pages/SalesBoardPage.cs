using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Rapport.BrowserTests.Pages;

/// <summary>/app/sales: a playbook's deals in a column per stage; cards move by drag and drop or their "Move to" control.</summary>
public sealed partial class SalesBoardPage(IPage page)
{
    public ILocator Column(string stage) => page.Locator($"[data-testid=board-column][data-stage='{stage}']");
    public ILocator Count(string stage) => Column(stage).Locator("[data-testid=column-count]");
    public ILocator Card(string deal) => page.Locator("[data-testid=deal-card]").Filter(new() { Has = page.Locator("[data-testid=deal-name]", new() { HasTextString = deal }) });
    public ILocator CardIn(string stage, string deal) => Column(stage).Locator("[data-testid=deal-card]").Filter(new() { HasText = deal });
    public ILocator MissingSteps(string deal) => Card(deal).Locator("[data-testid=missing-step]");

    /// <summary>Opens the board from the Sales menu and shows the playbook named.</summary>
    public async Task OpenAsync(string playbook)
    {
        await page.GetByTestId("nav-sales").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Board", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(BoardUrl());
        var select = page.GetByLabel("Playbook");
        var shown = await select.InputValueAsync();
        var chosen = (await select.SelectOptionAsync(new SelectOptionValue { Label = playbook })).Single();
        // The board opens on some playbook; when it is already this one, choosing it again changes nothing and loads nothing.
        if (chosen != shown) await page.WaitForURLAsync(u => u.Contains($"playbook={chosen}", StringComparison.Ordinal));
    }

    /// <summary>Drags the deal's card onto the stage's column with the mouse.</summary>
    public async Task DragAsync(string deal, string stage) => await Card(deal).DragToAsync(Column(stage));

    /// <summary>The keyboard way: choose the stage in the card's "Move to" and press Move.</summary>
    public async Task MoveWithKeyboardAsync(string deal, string stage)
    {
        var card = Card(deal);
        await card.GetByLabel("Move to").SelectOptionAsync(new SelectOptionValue { Label = stage });
        await card.GetByTestId("move").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
    }

    public async Task OverrideAsync(string deal, string reason)
    {
        var card = Card(deal);
        await card.GetByLabel("Override with a reason").FillAsync(reason);
        await card.GetByRole(AriaRole.Button, new() { Name = "Override and move" }).ClickAsync();
    }

    public async Task<DealPage> OpenDealAsync(string deal)
    {
        await Card(deal).GetByTestId("deal-name").ClickAsync();
        await page.WaitForURLAsync(DealPage.UrlPattern);
        return new DealPage(page);
    }

    [GeneratedRegex(@"/app/sales(\?.*)?$")]
    private static partial Regex BoardUrl();
}
