using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Rapport.BrowserTests.Pages;
using Rapport.Core.Timeline;
using Rapport.Testing;
using static Microsoft.Playwright.Assertions;

namespace Rapport.BrowserTests.Orders;

/// <summary>A service person at the phone: find the caller, see who they are, log the call.</summary>
public sealed class ServiceDeskTests(BrowserRapportApp app, BrowserFixture browser)
    : BrowserTest(app, browser), IClassFixture<BrowserRapportApp>
{
    private const string Service = "service@bloom.example";

    [Fact]
    public async Task Finds_Tom_by_phone_sees_his_file_and_logs_a_negative_call_on_top_of_the_timeline()
    {
        await SignInAsync(Service);

        var search = new CustomerSearchPage(Page);
        await search.GotoAsync();
        await MarkPageAsync();
        await search.TypeAsync("913.555.0142");
        await Expect(search.Result("Tom Lindqvist")).ToBeVisibleAsync();
        await Expect(search.Results).ToHaveCountAsync(1);
        (await PageWasNotReloadedAsync()).ShouldBeTrue("htmx should update the results in place");
        new Uri(Page.Url).AbsolutePath.ShouldBe("/app/customers");

        var tom = await search.OpenAsync("Tom Lindqvist");
        await Expect(tom.Name).ToHaveTextAsync("Tom Lindqvist");
        await Expect(tom.LoyaltyBadge).ToBeVisibleAsync();
        await Expect(tom.LoyaltyBadge).ToContainTextAsync("loyal");
        await Expect(tom.LoyaltyBadge).ToContainTextAsync("8 years");
        await Expect(tom.Recipient("Maria Lindqvist")).ToBeVisibleAsync();
        var before = await tom.Entries.CountAsync();

        var summary = $"{TestNames.Unique("Browser test")}: called, unhappy the driver was late";
        await MarkPageAsync();
        await tom.LogContactAsync("Phone", "Inbound", "negative", summary);

        await Expect(tom.EntrySummary(tom.FirstEntry)).ToHaveTextAsync(summary);
        await Expect(tom.FirstEntry).ToHaveAttributeAsync("data-tone", "negative");
        await Expect(tom.FirstEntry).ToContainTextAsync("phone");
        await Expect(tom.FirstEntry).ToContainTextAsync("from customer");
        await Expect(tom.Entries).ToHaveCountAsync(before + 1);
        (await PageWasNotReloadedAsync()).ShouldBeTrue("logging a contact must not reload the page");
        await Expect(tom.Summary).ToHaveValueAsync("");
        await Expect(tom.LogErrors).ToBeEmptyAsync();

        // It was stored, not just drawn: after a reload it is still the newest entry.
        await Page.ReloadAsync();
        await Expect(tom.EntrySummary(tom.FirstEntry)).ToHaveTextAsync(summary);
        await Expect(tom.FirstEntry).ToHaveAttributeAsync("data-tone", "negative");
    }

    [Fact]
    public async Task Load_older_contacts_appends_older_entries_in_place()
    {
        var api = await App.SignInAsync(Service);
        var tomId = await FindCustomerIdAsync(api, "913.555.0142");
        var total = await TimelineCountAsync(api, tomId);
        for (; total <= 30; total++)
        {
            var post = await api.PostAsJsonAsync($"/api/customers/{tomId}/interactions", new
            {
                channel = "email", direction = "outbound", tone = "neutral",
                summary = $"Older note {total}", occurredAt = DateTime.UtcNow.AddYears(-9).AddDays(total),
            }, TestContext.Current.CancellationToken);
            post.EnsureSuccessStatusCode();
        }

        await SignInAsync(Service);
        var tom = new CustomerPage(Page);
        await tom.GotoAsync(tomId);
        await Expect(tom.Entries).ToHaveCountAsync(25);
        var firstPage = await tom.EntryTimesAsync();
        var firstSummaries = await tom.Entries.Locator("[data-testid=timeline-summary]").AllTextContentsAsync();

        await MarkPageAsync();
        await tom.LoadOlderButton.ClickAsync();

        var expected = Math.Min(total, 50);
        await Expect(tom.Entries).ToHaveCountAsync(expected);
        (await PageWasNotReloadedAsync()).ShouldBeTrue("older entries load in place");
        var times = await tom.EntryTimesAsync();
        times.Take(25).ShouldBe(firstPage);
        times.ShouldBe(times.OrderByDescending(t => t).ToList(), "newest first, older entries after");
        times[25].ShouldBeLessThanOrEqualTo(firstPage[^1]);
        var summaries = await tom.Entries.Locator("[data-testid=timeline-summary]").AllTextContentsAsync();
        summaries.Take(25).ShouldBe(firstSummaries);
        if (total <= 50) await Expect(tom.LoadOlderButton).ToHaveCountAsync(0);
        else await Expect(Page.Locator("#timeline > li").Last).ToContainTextAsync("Load older contacts");
    }

    [Fact]
    public async Task Slash_focuses_the_search_box()
    {
        await SignInAsync(Service);
        var home = new HomePage(Page);
        await home.Heading.ClickAsync(); // the box has autofocus: move focus off it first
        await Expect(home.SearchBox).Not.ToBeFocusedAsync();

        await Page.Keyboard.PressAsync("/");

        await Expect(home.SearchBox).ToBeFocusedAsync();
        await Expect(home.SearchBox).ToHaveValueAsync("");
        await Page.Keyboard.TypeAsync("lindqvist");
        await Expect(home.SearchBox).ToHaveValueAsync("lindqvist");
    }

    [Fact]
    public async Task Slash_in_a_text_field_is_just_a_slash()
    {
        await SignInAsync(Service);
        var search = new CustomerSearchPage(Page);
        await search.GotoAsync();
        await search.TypeAsync("lindqvist");
        var tom = await search.OpenAsync("Tom Lindqvist");

        await tom.Summary.ClickAsync();
        await Page.Keyboard.TypeAsync("24/7");
        await Expect(tom.Summary).ToHaveValueAsync("24/7");
        await Expect(tom.Summary).ToBeFocusedAsync();

        // Elsewhere on the customer page "/" goes to the search box in the top bar.
        await tom.Name.ClickAsync();
        await Page.Keyboard.PressAsync("/");
        await Expect(Page.Locator("nav [data-shortcut='/']")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task The_log_form_fits_inside_its_card_on_a_laptop_screen()
    {
        await SignInAsync(Service);
        var search = new CustomerSearchPage(Page);
        await search.GotoAsync();
        await search.TypeAsync("lindqvist");
        await search.OpenAsync("Tom Lindqvist");

        var card = await Page.Locator(".card").Filter(new() { Has = Page.Locator("#log-form") }).BoundingBoxAsync();
        var tones = await Page.Locator("#log-form [role=group][aria-label=Tone]").BoundingBoxAsync();
        var lastTone = await Page.Locator("label[for=tone-negative]").BoundingBoxAsync();
        card.ShouldNotBeNull();
        tones.ShouldNotBeNull();
        lastTone.ShouldNotBeNull();
        (lastTone.X + lastTone.Width).ShouldBeLessThanOrEqualTo(tones.X + tones.Width + 0.5f, "the tone buttons stay inside their group");
        (tones.X + tones.Width).ShouldBeLessThanOrEqualTo(card.X + card.Width - 8, "the tone buttons stay inside the card");
        // Controls that share a row line up; the tones may wrap to a row of their own.
        var channel = await Page.Locator("#Log_Channel").BoundingBoxAsync();
        var direction = await Page.Locator("#Log_Direction").BoundingBoxAsync();
        Math.Abs(channel!.Y - direction!.Y).ShouldBeLessThanOrEqualTo(1f);
        if (tones.Y < channel.Y + channel.Height) Math.Abs(channel.Y - tones.Y).ShouldBeLessThanOrEqualTo(1f);
    }

    [Fact]
    public async Task Home_lists_the_latest_contacts_without_empty_staff_parentheses()
    {
        // A contact no staff member took (a web order), made the newest of the business.
        var summary = TestNames.Unique("Web order");
        var bloom = await App.WithDbAsync(db => db.Businesses.Where(b => b.Slug == "bloom").Select(b => b.Id).SingleAsync());
        await App.WithDbAsync(bloom, async db =>
        {
            var tom = await db.Customers.Where(c => c.Name == "Tom Lindqvist").Select(c => c.Id).SingleAsync();
            db.Interactions.Add(new Interaction
            {
                CustomerId = tom, OccurredAt = DateTime.UtcNow, Channel = Channel.Web,
                Direction = Direction.Inbound, Summary = summary, Tone = Tone.Positive,
            });
            return await db.SaveChangesAsync();
        });

        await SignInAsync(Service);
        var home = new HomePage(Page);
        var entry = home.RecentContacts.Filter(new() { HasText = summary });
        await Expect(entry).ToBeVisibleAsync();
        (await entry.InnerTextAsync()).ShouldNotContain("()");
    }

    private static async Task<Guid> FindCustomerIdAsync(HttpClient api, string q)
    {
        var body = await api.GetFromJsonAsync<JsonElement>($"/api/customers?q={Uri.EscapeDataString(q)}", TestContext.Current.CancellationToken);
        return body.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetGuid();
    }

    private static async Task<int> TimelineCountAsync(HttpClient api, Guid id)
    {
        var body = await api.GetFromJsonAsync<JsonElement>($"/api/customers/{id}/timeline?limit=200", TestContext.Current.CancellationToken);
        body.GetProperty("next").ValueKind.ShouldBe(JsonValueKind.Null, "Tom has fewer than 200 entries");
        return body.GetProperty("items").GetArrayLength();
    }
}
