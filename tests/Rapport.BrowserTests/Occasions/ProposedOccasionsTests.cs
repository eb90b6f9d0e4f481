using Microsoft.EntityFrameworkCore;
using Rapport.BrowserTests.Pages;
using Rapport.Core.Occasions;
using Rapport.Testing;
using static Microsoft.Playwright.Assertions;

namespace Rapport.BrowserTests.Occasions;

/// <summary>The proposed-occasions queue worked through with the keyboard only.</summary>
public sealed class ProposedOccasionsTests(BrowserRapportApp app, BrowserFixture browser)
    : BrowserTest(app, browser), IClassFixture<BrowserRapportApp>
{
    [Fact]
    public async Task Service_staff_tick_two_proposals_and_confirm_them_with_the_keyboard()
    {
        var ct = TestContext.Current.CancellationToken;
        var bloom = await App.WithDbAsync(db => db.Businesses.Where(b => b.Slug == "bloom").Select(b => b.Id).SingleAsync(ct));
        await SignInAsync("service@bloom.example");
        var queue = new ProposedOccasionsPage(Page);
        await queue.GotoAsync();
        var first = queue.Item(0);
        var second = queue.Item(1);
        var firstId = Guid.Parse((await first.GetAttributeAsync("data-id"))!);
        var secondId = Guid.Parse((await second.GetAttributeAsync("data-id"))!);

        await Page.Locator("h1").ClickAsync(); // start from the top, as a person does after the page opens
        await queue.TabToAsync(queue.Pick(first));
        await Page.Keyboard.PressAsync("Space");
        await queue.TabToAsync(queue.Pick(second));
        await Page.Keyboard.PressAsync("Space");
        await Expect(queue.Pick(first)).ToBeCheckedAsync();
        await Expect(queue.Pick(second)).ToBeCheckedAsync();
        await queue.TabToAsync(queue.ConfirmSelected, backwards: true);
        await Page.Keyboard.PressAsync("Enter");

        await Expect(queue.Message).ToHaveTextAsync("Confirmed 2 occasions.");
        await Expect(Page.Locator($"[data-testid=proposed-occasion][data-id='{firstId}']")).ToHaveCountAsync(0);
        var stored = await App.WithDbAsync(bloom, db => db.Occasions.Where(o => o.Id == firstId || o.Id == secondId).Select(o => new { o.Status, o.DecidedBy }).ToListAsync(ct));
        stored.ShouldAllBe(o => o.Status == OccasionStatus.Confirmed && o.DecidedBy == "Jake Morrison");
        (await App.WithDbAsync(bloom, db => db.AuditEntries.CountAsync(a => (a.EntityId == firstId || a.EntityId == secondId) && a.Action == "confirm", ct))).ShouldBe(2);
    }
}
