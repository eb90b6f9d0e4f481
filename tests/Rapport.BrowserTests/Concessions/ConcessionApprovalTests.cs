using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Rapport.BrowserTests.Pages;
using Rapport.Testing;
using static Microsoft.Playwright.Assertions;

namespace Rapport.BrowserTests.Concessions;

/// <summary>On a phone: a service person gives a discount over her limit and sees it wait; a manager approves it on the ledger.</summary>
public sealed class ConcessionApprovalTests(BrowserRapportApp app, BrowserFixture browser)
    : BrowserTest(app, browser), IClassFixture<BrowserRapportApp>
{
    protected override (int Width, int Height, bool Mobile) Viewport => (375, 812, true);

    private const string Reason = "Anniversary roses arrived late: a third off";

    [Fact]
    public async Task A_service_person_records_a_discount_over_her_limit_it_waits_and_a_manager_approves_it()
    {
        var bloom = await App.WithDbAsync(db => db.Businesses.Where(b => b.Slug == "bloom").Select(b => b.Id).SingleAsync(TestContext.Current.CancellationToken));
        var tom = await App.WithDbAsync(bloom, db => db.Customers.Where(c => c.Name == "Tom Lindqvist").Select(c => c.Id).SingleAsync(TestContext.Current.CancellationToken));

        await SignInAsync("service@bloom.example");
        await new CustomerPage(Page).GotoAsync(tom);
        var card = new ConcessionsCard(Page);
        await Expect(card.Card).ToBeVisibleAsync();
        await card.RecordAsync("Discount", "40.00", Reason);

        await Expect(card.Recorded).ToContainTextAsync("waits for a manager's approval");
        var entry = card.Entries.Filter(new() { HasText = Reason });
        await Expect(entry).ToContainTextAsync("waiting for approval");
        await Expect(entry).ToContainTextAsync("$40.00");
        await Expect(card.Waiting).ToBeVisibleAsync();
        (await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375);

        // Service sees the ledger but decides nothing.
        var ledger = new ConcessionsPage(Page);
        await ledger.GotoAsync("?status=awaitingApproval");
        await Expect(ledger.Row(Reason)).ToBeVisibleAsync();
        await Expect(ledger.Row(Reason).GetByTestId("approve")).ToHaveCountAsync(0);

        await Context.ClearCookiesAsync();
        await SignInAsync("manager@bloom.example");
        // The manager's home says something waits for her, one click from the ledger.
        var waiting = Page.GetByTestId("concessions-waiting");
        await Expect(waiting).ToContainTextAsync("wait");
        await waiting.GetByRole(AriaRole.Link, new() { Name = "Decide" }).ClickAsync();
        var row = ledger.Row(Reason);
        await Expect(row.GetByTestId("concession-status")).ToHaveTextAsync("waiting for approval");
        (await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375);
        await row.GetByTestId("approve").FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        // Approved, it leaves the list of those waiting.
        await Expect(ledger.Row(Reason)).ToHaveCountAsync(0);

        await ledger.GotoAsync("?status=granted");
        await Expect(ledger.Row(Reason).GetByTestId("concession-status")).ToHaveTextAsync("granted");
        await Expect(ledger.Row(Reason)).ToContainTextAsync("approved by");

        await new CustomerPage(Page).GotoAsync(tom);
        await Expect(card.Entries.Filter(new() { HasText = Reason })).Not.ToContainTextAsync("waiting for approval");
    }
}
