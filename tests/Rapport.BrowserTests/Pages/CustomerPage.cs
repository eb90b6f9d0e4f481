using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Rapport.BrowserTests.Pages;

/// <summary>/app/customers/{id}: the customer's file, the log form and the timeline.</summary>
public sealed partial class CustomerPage(IPage page)
{
    [GeneratedRegex(@"/app/customers/[0-9a-fA-F-]{36}$")]
    public static partial Regex UrlPattern { get; }

    public Guid Id => Guid.Parse(new Uri(page.Url).Segments[^1]);

    public ILocator Name => page.Locator("[data-testid=customer-name]");
    public ILocator LoyaltyBadge => page.Locator("[data-testid=loyalty-badge]");
    public ILocator Recipients => page.Locator("[data-testid=recipients] [data-testid=recipient]");
    public ILocator Recipient(string name) => Recipients.Filter(new() { HasText = name });
    public ILocator PaymentMethods => page.Locator("[data-testid=payment-methods]");
    public ILocator CardsOnFileHeading => page.GetByText("Cards on file");

    public ILocator LogForm => page.Locator("#log-form");
    public ILocator LogErrors => page.Locator("#log-errors");
    public ILocator Summary => page.Locator("#Log_Summary");
    public ILocator ToneRadio(string tone) => page.Locator($"#tone-{tone.ToLowerInvariant()}");

    public ILocator Timeline => page.Locator("ul#timeline[data-testid=timeline]");
    public ILocator Entries => Timeline.Locator("li[data-testid=timeline-entry]");
    public ILocator FirstEntry => Entries.First;
    public ILocator EntrySummary(ILocator entry) => entry.Locator("[data-testid=timeline-summary]");
    public ILocator LoadOlderButton => page.GetByRole(AriaRole.Button, new() { Name = "Load older contacts" });

    /// <summary>The meetings card, once htmx has loaded it in place of its placeholder.</summary>
    public ILocator Meetings => page.Locator("section#meetings[data-testid=meetings]:has([data-testid=plan-meeting])");
    public ILocator PlanMeetingForm => page.GetByTestId("plan-meeting-form");
    public ILocator Meeting(string objective) => Meetings.GetByTestId("meeting").Filter(new() { HasText = objective });

    public async Task OpenPlanMeetingAsync() => await Meetings.GetByTestId("plan-meeting").Locator("summary").ClickAsync();

    public async Task GotoAsync(Guid id) => await page.GotoAsync($"/app/customers/{id}");

    /// <summary>Fills the "Log a contact" form and submits it (htmx posts it; the page stays).</summary>
    public async Task LogContactAsync(string channel, string direction, string tone, string summary)
    {
        await page.Locator("#Log_Channel").SelectOptionAsync(channel);
        await page.Locator("#Log_Direction").SelectOptionAsync(direction);
        // Bootstrap's btn-check hides the radio: a person clicks its label.
        await page.Locator($"label[for=tone-{tone.ToLowerInvariant()}]").ClickAsync();
        await Summary.FillAsync(summary);
        await LogForm.GetByRole(AriaRole.Button, new() { Name = "Log contact" }).ClickAsync();
    }

    /// <summary>The occurred-at times of the entries now on the page, in page order.</summary>
    public async Task<IReadOnlyList<DateTimeOffset>> EntryTimesAsync() =>
        (await Entries.Locator("time").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('datetime'))"))
        .Select(s => DateTimeOffset.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToList();
}
