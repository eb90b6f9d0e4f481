using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Rapport.BrowserTests.Pages;
using Rapport.Core.Occasions;
using Rapport.Testing;
using static Microsoft.Playwright.Assertions;

namespace Rapport.BrowserTests.Occasions;

/// <summary>Rapport saw him coming: the Valentine's Day it inferred for Tom is confirmed on his page.</summary>
public sealed class ConfirmOccasionTests(BrowserRapportApp app, BrowserFixture browser)
    : BrowserTest(app, browser), IClassFixture<BrowserRapportApp>
{
    [Fact]
    public async Task Staff_confirm_the_inferred_valentines_day_for_maria_on_toms_page_in_place()
    {
        var bloom = await App.WithDbAsync(db => db.Businesses.Where(b => b.Slug == "bloom").Select(b => b.Id).SingleAsync(TestContext.Current.CancellationToken));
        var tom = await App.WithDbAsync(bloom, db => db.Customers.Where(c => c.Name == "Tom Lindqvist").Select(c => c.Id).SingleAsync(TestContext.Current.CancellationToken));

        await SignInAsync("service@bloom.example");
        var customer = new CustomerPage(Page);
        await customer.GotoAsync(tom);
        var card = new OccasionsCard(Page);
        var valentines = card.Occasion("Valentines", "Maria Lindqvist");
        await Expect(valentines).ToHaveAttributeAsync("data-status", "proposed");
        await Expect(card.Confidence(valentines)).ToContainTextAsync("% sure");
        await Expect(card.Evidence(valentines)).ToContainTextAsync("Rests on 7 orders");
        await Expect(card.Occasion("Birthday", "Maria Lindqvist")).ToHaveAttributeAsync("data-status", "proposed");
        await Expect(card.Occasion("Anniversary", "Maria Lindqvist")).ToHaveAttributeAsync("data-status", "proposed");

        await MarkPageAsync();
        await card.Confirm(valentines).ClickAsync();

        await Expect(card.Message).ToHaveTextAsync("Valentine's Day confirmed.");
        await Expect(valentines).ToHaveAttributeAsync("data-status", "confirmed");
        await Expect(card.Confirm(valentines)).ToHaveCountAsync(0);
        (await PageWasNotReloadedAsync()).ShouldBeTrue("the card is answered in place");
        var stored = await App.WithDbAsync(bloom, db => db.Occasions.SingleAsync(o => o.CustomerId == tom && o.Type == OccasionType.Valentines, TestContext.Current.CancellationToken));
        stored.Status.ShouldBe(OccasionStatus.Confirmed);
        stored.DecidedBy.ShouldBe("Jake Morrison");

        // Confirmed, it is among the upcoming occasions (within the next 92 days or not, the page says so).
        await Page.GotoAsync("/app/occasions?days=92");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Upcoming occasions" })).ToBeVisibleAsync();
    }
}
