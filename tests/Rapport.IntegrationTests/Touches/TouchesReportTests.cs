using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Notifications;
using Rapport.Core.Sales;
using Rapport.Core.Touches;
using Rapport.IntegrationTests.Sales;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Touches;

/// <summary>Touches, by process: per rule, the deals it applied to and the share that actually received it, over the API and on the page.</summary>
public sealed class TouchesReportTests(RapportApp app) : IClassFixture<RapportApp>
{
    private sealed record Touched(Guid EmailRule, Guid TaskRule, string EmailTitle, string TaskTitle, DateOnly Today);

    /// <summary>
    /// A playbook whose Signed stage gives an e-mail and a task; two deals of one customer enter it. The first deal's
    /// e-mail is sent and its task ticked off; the second's e-mail still waits and its task is open.
    /// </summary>
    private async Task<Touched> TwoTouchedDealsAsync(SalesData data)
    {
        var manager = await data.ClientAsync(SalesData.Manager);
        var tag = TestNames.Token();
        var (emailTitle, taskTitle) = ($"Send the productivity booklet {tag}", $"Hand-write a thank-you card {tag}");
        var playbook = await (await manager.PostAsJsonAsync("/api/playbooks", new
        {
            name = $"Touch report playbook {tag}", productLine = $"Ironers {tag}",
            stages = new object[]
            {
                new { name = "Commit" },
                new
                {
                    name = "Signed",
                    touches = new object[]
                    {
                        new { title = emailTitle, action = "email", subject = "Your productivity booklet", body = "How to get the most from your ironer." },
                        new { title = taskTitle, action = "task" },
                    },
                },
            },
        }, Ct)).ShouldBeJsonAsync(HttpStatusCode.Created);
        var touches = playbook.GetProperty("stages")[1].GetProperty("touches").EnumerateArray().ToDictionary(t => t.Str("title"), t => t.Id());

        var account = await data.AccountAsync($"Consistent Hotel {tag}");
        await data.DbAsync(async db =>
        {
            var gm = await db.Stakeholders.SingleAsync(s => s.Id == account.DecisionMaker, Ct);
            gm.Email = $"rita.{tag}@consistent.example";
            return await db.SaveChangesAsync(Ct);
        });
        var sales = await app.StaffAsync(SalesData.Sales);
        var deals = new List<Guid>();
        foreach (var name in new[] { "First ironer", "Second ironer" })
        {
            var deal = await (await manager.PostAsJsonAsync("/api/deals", new { customerId = account.Id, name, playbookId = playbook.Id(), ownerId = sales.Id }, Ct))
                .ShouldBeJsonAsync(HttpStatusCode.Created);
            (await manager.PostAsJsonAsync($"/api/deals/{deal.Id()}/stakeholders", new { stakeholderId = account.DecisionMaker }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
            await (await SalesData.AdvanceAsync(manager, deal.Id())).ShouldBeJsonAsync(HttpStatusCode.OK);
            deals.Add(deal.Id());
        }

        var (emailRule, taskRule) = (touches[emailTitle], touches[taskTitle]);
        var today = await data.DbAsync(async db =>
        {
            var mail = await db.OutboxMessages.SingleAsync(m => m.DedupeKey == StageTouches.KeyOf(deals[0], emailRule), Ct);
            (mail.Status, mail.SentAt) = (OutboxStatus.Sent, DateTime.UtcNow);
            var task = await db.StaffTasks.SingleAsync(t => t.SourceKey == StageTouches.KeyOf(deals[0], taskRule), Ct);
            task.DoneAt = DateTime.UtcNow;
            await db.SaveChangesAsync(Ct);
            (await db.OutboxMessages.CountAsync(m => m.DedupeKey == StageTouches.KeyOf(deals[1], emailRule) && m.Status == OutboxStatus.Pending, Ct)).ShouldBe(1);
            return Core.Businesses.BusinessClock.Today(DateTime.UtcNow, await db.TimeZoneAsync(Ct));
        });
        return new Touched(emailRule, taskRule, emailTitle, taskTitle, today);
    }

    private static JsonElement Rule(JsonElement report, Guid touchId) =>
        report.GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("touchId").GetGuid() == touchId);

    [Fact]
    public async Task Each_rule_counts_the_deals_it_applied_to_and_those_that_received_it()
    {
        var data = await SalesData.ForAsync(app);
        var t = await TwoTouchedDealsAsync(data);
        var owner = await data.ClientAsync(SalesData.Owner);

        var report = await owner.GetJsonAsync($"/api/reports/touches?from={t.Today:yyyy-MM-dd}&to={t.Today:yyyy-MM-dd}");
        var email = Rule(report, t.EmailRule);
        (email.Str("rule"), email.Str("action"), email.Str("stage")).ShouldBe((t.EmailTitle, "email", "Signed"));
        (email.GetProperty("applied").GetInt32(), email.GetProperty("received").GetInt32()).ShouldBe((2, 1));
        email.GetProperty("share").GetDouble().ShouldBe(0.5);
        (email.GetProperty("customers").GetInt32(), email.GetProperty("customersReached").GetInt32()).ShouldBe((1, 1));
        var task = Rule(report, t.TaskRule);
        (task.Str("action"), task.GetProperty("applied").GetInt32(), task.GetProperty("received").GetInt32()).ShouldBe(("task", 2, 1));

        // Sending the second e-mail makes the rule whole.
        await data.DbAsync(db => db.OutboxMessages.Where(m => m.DedupeKey.EndsWith(t.EmailRule.ToString("N")))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Sent), Ct));
        Rule(await owner.GetJsonAsync($"/api/reports/touches?from={t.Today:yyyy-MM-dd}&to={t.Today:yyyy-MM-dd}"), t.EmailRule)
            .GetProperty("share").GetDouble().ShouldBe(1);

        // Touches count on the day they were given: a month long ago shows the current rules with nothing applied.
        var before = Rule(await (await data.ClientAsync(SalesData.Manager)).GetJsonAsync("/api/reports/touches?from=2020-01-01&to=2020-01-31"), t.TaskRule);
        (before.GetProperty("applied").GetInt32(), before.GetProperty("received").GetInt32(), before.GetProperty("share").GetDouble()).ShouldBe((0, 0, 0d));
    }

    [Fact]
    public async Task Salespeople_do_not_read_it_another_business_does_not_see_the_rules_and_a_bad_period_names_the_field()
    {
        var data = await SalesData.ForAsync(app);
        var t = await TwoTouchedDealsAsync(data);
        await (await (await data.ClientAsync(SalesData.Sales)).GetAsync("/api/reports/touches", Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var owner = await data.ClientAsync(SalesData.Owner);
        await (await owner.GetAsync("/api/reports/touches?from=2025-02-01&to=2025-01-01", Ct)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "from");
        await (await owner.GetAsync("/api/reports/touches?from=2024-01-01&to=2025-06-01", Ct)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "to");

        // The florist has no playbooks: its report holds only its own rules, by trigger.
        var bloom = await (await data.ClientAsync(SalesData.BloomManager)).GetJsonAsync($"/api/reports/touches?from={t.Today:yyyy-MM-dd}&to={t.Today:yyyy-MM-dd}");
        bloom.GetProperty("rules").EnumerateArray().ShouldAllBe(r => r.GetProperty("touchId").GetGuid() != t.EmailRule && r.GetProperty("touchId").GetGuid() != t.TaskRule);
        bloom.GetProperty("rules").EnumerateArray().ShouldAllBe(r => !r.Has("playbook") && r.Has("trigger"));
    }

    [Fact]
    public async Task The_report_is_in_the_openapi_document_by_name()
    {
        var doc = JsonDocument.Parse(await app.CreateApiClient().GetStringAsync("/openapi/v1.json", Ct)).RootElement;
        var operation = doc.GetProperty("paths").GetProperty("/api/reports/touches").GetProperty("get");
        operation.Str("operationId").ShouldBe("TouchesReport");
        operation.Str("summary").ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task The_page_shows_each_rules_share_in_a_chart_and_a_table_to_owners_and_managers()
    {
        var data = await SalesData.ForAsync(app);
        var t = await TwoTouchedDealsAsync(data);
        var owner = await StaffPages.SignInAsync(app, SalesData.Owner);
        var html = await owner.HtmlAsync($"/app/reports/touches?from={t.Today:yyyy-MM-dd}&to={t.Today:yyyy-MM-dd}");
        html.ShouldContain($"<td>{t.EmailTitle}</td>");
        html.ShouldContain("<td class=\"text-end\">2</td>\n                                    <td class=\"text-end\">1</td>\n                                    <td class=\"text-end text-danger\">50%</td>");
        StaffPages.CountOf(html, "<canvas data-chart=").ShouldBe(1);
        html.ShouldContain(t.TaskTitle);

        (await owner.HtmlAsync("/app/reports/touches?from=2025-02-01&to=2025-01-01", HttpStatusCode.UnprocessableEntity)).ShouldContain("data-testid=\"report-error\"");
        (await owner.HtmlAsync("/app/reports/touches?from=soon", HttpStatusCode.UnprocessableEntity)).ShouldContain("A day like 2026-02-14.");
        (await owner.HtmlAsync("/app")).ShouldContain("href=\"/app/reports/touches\"");

        // The florist has rules of its own (every order: care card), none of Harbor's.
        var bloom = await StaffPages.SignInAsync(app, SalesData.BloomManager);
        var florist = await bloom.HtmlAsync("/app/reports/touches");
        florist.ShouldContain("<td>Every order</td>");
        florist.ShouldNotContain(t.TaskTitle);
        var sales = await StaffPages.SignInAsync(app, SalesData.Sales);
        (await sales.GetAsync("/app/reports/touches")).Headers.Location!.OriginalString.ShouldContain("/denied");
    }
}
