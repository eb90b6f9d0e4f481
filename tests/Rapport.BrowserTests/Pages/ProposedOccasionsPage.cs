using Microsoft.Playwright;

namespace Rapport.BrowserTests.Pages;

/// <summary>The queue of proposed occasions across customers (/app/occasions/proposed).</summary>
public sealed class ProposedOccasionsPage(IPage page)
{
    public Task GotoAsync() => page.GotoAsync("/app/occasions/proposed");

    public ILocator Items => page.Locator("[data-testid=proposed-occasion]");
    public ILocator Message => page.Locator("[data-testid=proposed-message]");
    public ILocator ConfirmSelected => page.Locator("[data-testid=confirm-selected]");

    public ILocator Item(int index) => Items.Nth(index);
    public ILocator Pick(ILocator item) => item.Locator("[data-testid=pick]");

    /// <summary>Presses Tab (or Shift+Tab) until the focused element is <paramref name="target"/>, as a keyboard user moves; fails after 60 presses.</summary>
    public async Task TabToAsync(ILocator target, bool backwards = false)
    {
        for (var i = 0; i < 60; i++)
        {
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement")) return;
            await page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
        }
        throw new InvalidOperationException("The keyboard never reached the element.");
    }
}
