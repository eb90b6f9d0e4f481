using Microsoft.Playwright;
using Rapport.BrowserTests.Pages;
using Rapport.Demo;
using Rapport.Testing;
using static Microsoft.Playwright.Assertions;

namespace Rapport.BrowserTests.Health;

/// <summary>The owner sees who is at risk on the home page, reads why on the customer's page, and closes the recovery with a call.</summary>
public sealed class RecoveryTests(BrowserRapportApp app, BrowserFixture browser)
    : BrowserTest(app, browser), IClassFixture<BrowserRapportApp>
{
    [Fact]
    public async Task The_owner_opens_an_at_risk_customer_reads_why_and_completes_the_recovery_task_by_logging_a_call()
    {
        await SignInAsync("owner@harbor.example");
        var atRisk = Page.Locator("[data-testid=at-risk]");
        await Expect(atRisk).ToContainTextAsync(DemoSeeder.AtRiskHotel);
        await atRisk.GetByRole(AriaRole.Link, new() { Name = DemoSeeder.AtRiskHotel }).ClickAsync();

        var health = new HealthCard(Page);
        await Expect(health.Badge).ToContainTextAsync("At risk");
        await Expect(health.Card.Locator("[data-key=openComplaints]")).ToContainTextAsync("negative contact");
        await Expect(health.Card.Locator("[data-key=competitor]")).ToContainTextAsync("Tri-State Laundry Supply");
        await Expect(health.Card.Locator("[data-testid=health-evidence]").First).ToBeVisibleAsync();
        var open = await health.RecoveryTasks.CountAsync();
        open.ShouldBeGreaterThan(0);
        await Expect(health.RecoveryTasks.First).ToContainTextAsync("Suggested opening");

        await health.CompleteFirstRecoveryAsync("Positive", "Called the GM: bearing fitted this morning, no loaner needed; he thanked us");

        await Expect(Page.Locator("[data-testid=timeline-summary]").First).ToHaveTextAsync("Called the GM: bearing fitted this morning, no loaner needed; he thanked us");
        await Expect(health.RecoveryTasks).ToHaveCountAsync(open - 1);

        // The badge follows the customer to the phone order's panel and the sales board.
        await Page.Locator("[data-testid=new-order]").ClickAsync();
        await Expect(Page.Locator("[data-testid=caller-file] [data-testid=health-badge]")).ToBeVisibleAsync();
        await Page.GotoAsync("/app/sales");
        await Expect(Page.Locator("[data-testid=deal-card] [data-testid=health-badge]").First).ToBeVisibleAsync();
    }
}
