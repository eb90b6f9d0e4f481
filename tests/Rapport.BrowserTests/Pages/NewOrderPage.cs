using Microsoft.Playwright;

namespace Rapport.BrowserTests.Pages;

/// <summary>/app/orders/new: the caller search, the caller's file, the drafted order, alternatives and confirmation.</summary>
public sealed class NewOrderPage(IPage page)
{
    public ILocator CallerBox => page.Locator("#caller");
    public ILocator Callers => page.Locator("#callers [data-testid=caller]");
    public ILocator Caller(string name) => Callers.Filter(new() { HasText = name });

    public ILocator NoCallers => page.Locator("#callers [data-testid=no-callers]");
    /// <summary>"Add … as a new customer" under the callers found (or in place of them).</summary>
    public ILocator NewCaller => page.Locator("#callers [data-testid=new-caller]");
    /// <summary>The "New customer" link under the search, which takes what was typed along.</summary>
    public ILocator NewCustomerLink => page.Locator("[data-testid=new-customer]");

    public ILocator File => page.Locator("[data-testid=caller-file]");
    public ILocator CustomerName => File.Locator("[data-testid=customer-name]");
    public ILocator LoyaltyBadge => File.Locator("[data-testid=loyalty-badge]");
    public ILocator Recipients => File.Locator("[data-testid=recipient]");
    public ILocator LastOrders => File.Locator("[data-testid=last-order]");

    public ILocator Form => page.Locator("#order-form");
    public ILocator Budget => page.Locator("#Form_Budget");
    public ILocator BudgetError => page.Locator("[data-testid=error-budget]");
    public ILocator Recipient => page.Locator("#Form_RecipientId");
    public ILocator Card => page.Locator("#Form_PaymentMethodId");
    /// <summary>The card now chosen to pay with.</summary>
    public ILocator CardChosen => Card.Locator("option:checked");
    /// <summary>"No card on file? Send a card link" (or "Another card? …"): opens the card link's buttons.</summary>
    public ILocator CardLinkFold => page.Locator("[data-testid=card-link] summary");
    public ILocator CardLinkToText => page.Locator("[data-testid=card-link] [data-testid=card-link-copy]");
    public ILocator CardLinkByEmail => page.Locator("[data-testid=card-link] [data-testid=card-link-email]");
    /// <summary>The link made, to copy into a text message.</summary>
    public ILocator CardLinkUrl => page.Locator("[data-testid=card-link] [data-testid=card-link-url]");
    /// <summary>The card part's status: data-waiting is "true" while a link is out and the form looks for its card.</summary>
    public ILocator CardWait => page.Locator("[data-testid=card-wait]");
    public ILocator CardAdded => CardWait.Locator("[data-testid=card-added]");
    public ILocator Occasion => page.Locator("#Form_Occasion");
    public ILocator CardMessage => page.Locator("#Form_CardMessage");
    public ILocator Day => page.Locator("#Form_Date");
    public ILocator Destination => page.Locator("[data-testid=destination]");
    public ILocator Choices => page.Locator("[data-testid=choice]");
    public ILocator Choice(string text) => Choices.Filter(new() { HasText = text });
    /// <summary>The choices that can be promised, listed first.</summary>
    public ILocator Promisable => page.Locator("[data-testid=choices] [data-testid=choice]");
    /// <summary>The fold of the windows that cannot be promised, and its one line ("10 windows full — show").</summary>
    public ILocator Unpromisable => page.Locator("[data-testid=unpromisable]");
    public ILocator UnpromisableLine => page.Locator("[data-testid=unpromisable-line]");
    /// <summary>The window or option now chosen (its radio is checked).</summary>
    public ILocator Chosen => Choices.Filter(new() { Has = page.Locator("input[type=radio]:checked") });
    public ILocator PlaceButton => page.Locator("[data-testid=place-order]");
    /// <summary>The line beside the button: whether Enter in a field places the order now.</summary>
    public ILocator ReadyLine => page.Locator("[data-testid=order-ready]");
    public ILocator Price => page.Locator("[data-testid=price]");
    /// <summary>What the occasion last suggested (applied only to fields not typed into).</summary>
    public ILocator Draft => page.Locator("#draft [data-draft]");

    public ILocator Alternatives => page.Locator("[data-testid=alternatives]");
    public ILocator Alternative => Alternatives.Locator("[data-testid=alternative]");
    public ILocator Script => Alternatives.Locator("[data-testid=script]");
    public ILocator DeclinedButton => Alternatives.Locator("[data-testid=declined]");

    public ILocator Placed => page.Locator("[data-testid=placed]");
    public ILocator OrderNumber => Placed.Locator("[data-testid=order-number]");
    public ILocator Promise => Placed.Locator("[data-testid=promise]");
    public ILocator Total => Placed.Locator("[data-testid=total]");
    public ILocator NextCall => page.Locator("[data-testid=next-call]");
    public ILocator CustomerLink => Placed.Locator("[data-testid=customer-link]");
    public ILocator TurnedAway => page.Locator("[data-testid=turned-away]");

    public async Task GotoAsync() => await page.GotoAsync("/app/orders/new");

    /// <summary>Types key by key, as a person at the phone would, so the callers come up as they type.</summary>
    public async Task TypeCallerAsync(string text)
    {
        await CallerBox.ClickAsync();
        await CallerBox.PressSequentiallyAsync(text, new() { Delay = 30 });
    }

    /// <summary>Opens the fold of the full and closed windows, as a person clicks its line.</summary>
    public async Task ShowUnpromisableAsync()
    {
        if (await Unpromisable.GetAttributeAsync("open") is null) await UnpromisableLine.ClickAsync();
    }

    /// <summary>The label of the recipient now chosen.</summary>
    public async Task<string> RecipientChosenAsync() =>
        await Recipient.EvaluateAsync<string>("s => s.options[s.selectedIndex].textContent");

    /// <summary>Sets the day as the date picker does (input, then change); the windows of that day come up.</summary>
    public async Task ChooseDayAsync(DateOnly date) =>
        await Day.FillAsync(date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
}
