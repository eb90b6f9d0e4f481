using System.Net;
using Rapport.Core.Sales;
using Rapport.Testing;

namespace Rapport.IntegrationTests.Sales;

/// <summary>The promises report page: per kind and per salesperson, a chart and its table; owners and managers only.</summary>
public sealed class PromisesPageTests(RapportApp app) : IClassFixture<RapportApp>
{
    [Fact]
    public async Task The_owner_reads_promises_due_kept_late_and_open_per_kind_and_salesperson()
    {
        var data = await PlaybookData.ForAsync(app, "Promise line");
        var kept = await data.DealAsync("Kept promise deal");
        var late = await data.DealAsync("Late promise deal");
        var manager = await PlaybookData.ActorAsync(app, data.Business, "manager@harbor.example");
        var due = new DateOnly(2033, 5, 10);
        foreach (var (deal, doneOn) in new[] { (kept, (DateOnly?)due.AddDays(-1)), (late, due.AddDays(3)) })
            await app.WithDbAsync(data.Business, async db =>
            {
                db.DealMilestones.Add(new DealMilestone
                {
                    DealId = deal.Id, MilestoneId = data.Playbook.Milestones[0].Id, Title = "Delivered (test)", OwnerId = deal.OwnerId,
                    StartedAt = DateTime.UtcNow, DueOn = due, CompletedOn = doneOn, CompletedAt = DateTime.UtcNow, CompletedById = manager.StaffId,
                });
                return await db.SaveChangesAsync(Api.Ct);
            });

        var owner = await StaffPages.SignInAsync(app, "owner@harbor.example");
        var html = await owner.HtmlAsync("/app/reports/promises?from=2033-05-01&to=2033-05-31");
        html.ShouldContain("data-testid=\"promises-due\">2<");
        html.ShouldContain("<tr class=\"table-danger\"><td>Delivered (test)</td><td class=\"text-end\">2</td><td class=\"text-end\">1</td><td class=\"text-end\">1</td><td class=\"text-end\">0</td><td class=\"text-end\">50%</td></tr>");
        html.ShouldContain("<td>Marcus Reed</td><td class=\"text-end\">2</td>");
        StaffPages.CountOf(html, "<canvas data-chart=").ShouldBe(2);
        html.ShouldContain("\"labels\":[\"Delivered (test)\"]");

        (await owner.HtmlAsync("/app/reports/promises?from=2040-01-01&to=2040-01-31")).ShouldContain("No promise fell due in this period.");
        (await owner.HtmlAsync("/app/reports/promises?from=2033-05-31&to=2033-05-01", HttpStatusCode.UnprocessableEntity)).ShouldContain("data-testid=\"report-error\"");
        (await owner.HtmlAsync("/app/reports/promises?from=soon", HttpStatusCode.UnprocessableEntity)).ShouldContain("A day like 2026-02-14.");
        (await owner.HtmlAsync("/app")).ShouldContain("href=\"/app/reports/promises\"");

        var sales = await StaffPages.SignInAsync(app, "sales@harbor.example");
        (await sales.GetAsync("/app/reports/promises")).Headers.Location!.OriginalString.ShouldContain("/denied");
    }
}
