using Microsoft.Playwright;

namespace Rapport.BrowserTests.Pages;

/// <summary>The occasions card on the customer page: confirmed and proposed occasions, each with its buttons.</summary>
public sealed class OccasionsCard(IPage page)
{
    public ILocator Card => page.Locator("#occasions[data-testid=occasions]");
    public ILocator Occasions => Card.Locator("[data-testid=occasion]");
    public ILocator Message => Card.Locator("[data-testid=occasions-message]");

    /// <summary>The occasion of a type ("Valentines", "Birthday") for a recipient.</summary>
    public ILocator Occasion(string type, string recipient) =>
        Card.Locator($"[data-testid=occasion][data-type={type}]").Filter(new() { HasText = recipient });

    public ILocator Confidence(ILocator occasion) => occasion.Locator("[data-testid=occasion-confidence]");
    public ILocator Confirm(ILocator occasion) => occasion.Locator("[data-testid=confirm-occasion]");
    public ILocator Evidence(ILocator occasion) => occasion.Locator("details");
}
