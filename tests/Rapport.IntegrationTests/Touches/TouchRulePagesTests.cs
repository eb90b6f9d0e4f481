using System.Net;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Tasks;
using Rapport.Core.Touches;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Touches;

/// <summary>The touch rules page as a browser without JavaScript uses it: the list, the form beside it, stopping a rule.</summary>
public sealed class TouchRulePagesTests(RapportApp app) : IClassFixture<RapportApp>
{
    private const string Page = "/app/touch-rules";

    private async Task<List<BusinessTouchRule>> RulesAsync() =>
        await app.WithDbAsync(await app.BusinessIdAsync(DemoData.Bloom), db => db.BusinessTouchRules.AsNoTracking().ToListAsync(Ct));

    [Fact]
    public async Task The_playbooks_stage_touches_show_beside_the_rules_of_the_business_with_a_link_to_the_playbook()
    {
        var harbor = await app.BusinessIdAsync(DemoData.Harbor);
        var playbook = await app.WithDbAsync(harbor, db => db.Playbooks.Select(p => p.Id).FirstAsync(Ct));
        var manager = await StaffPages.SignInAsync(app, "manager@harbor.example");
        var html = await manager.HtmlAsync(Page);
        html.ShouldContain("Every deal entering Signed: Send the productivity booklet");
        html.ShouldContain($"href=\"/app/sales/playbooks/{playbook}\"");
        html.ShouldNotContain("No touch rules yet");

        // A salesperson reads them; editing the playbook is for those who manage sales.
        var sales = await StaffPages.SignInAsync(app, "sales@harbor.example");
        var read = await sales.HtmlAsync(Page);
        read.ShouldContain("Send the productivity booklet");
        read.ShouldNotContain("data-testid=\"edit-playbook\"");

        // Bloom & Stem sells without playbook touches: it says so.
        (await (await StaffPages.SignInAsync(app, "manager@bloom.example")).HtmlAsync(Page)).ShouldContain("data-testid=\"stage-touches-empty\"");
    }

    [Fact]
    public async Task A_manager_sees_the_rules_adds_one_with_errors_beside_the_fields_and_stops_one_after_a_confirm()
    {
        var manager = await StaffPages.SignInAsync(app, "manager@bloom.example");
        var html = await manager.HtmlAsync(Page);
        html.ShouldContain("Every order: Care card");
        html.ShouldContain("Every order delivered: Care tips");
        html.ShouldContain("E-mail \u201cKeeping your flowers fresh\u201d");
        html.ShouldContain("data-testid=\"touch-rule-form\"");
        html.ShouldContain("href=\"/app/reports/touches\"");
        html.ShouldContain("data-testid=\"nav-touch-rules\"");

        var before = (await RulesAsync()).Count;
        var refused = await manager.PostAsync(Page, Page, ("Form.Title", ""), ("Form.Trigger", "OrderDelivered"), ("Form.Action", "Email"),
            ("Form.Audience", "Everyone"), ("Form.Subject", ""), ("Form.Body", ""));
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var errors = await StaffPages.TextAsync(refused);
        foreach (var field in new[] { "Form.Title", "Form.Subject", "Form.Body" })
            errors.ShouldContain($"data-valmsg-for=\"{field}\" data-valmsg-replace=\"true\">This field is required.</span>");
        (await RulesAsync()).Count.ShouldBe(before);

        var title = TestNames.Unique("Gift tag", 17);
        var added = await manager.PostAsync(Page, Page, ("Form.Title", title), ("Form.Trigger", "EveryOrder"), ("Form.Action", "Task"),
            ("Form.Audience", "Gifts"), ("Form.AssigneeId", ""), ("Form.Subject", "typed before choosing a task"), ("Form.Body", ""));
        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var listed = await manager.HtmlAsync(added.Headers.Location!.OriginalString);
        listed.ShouldContain($"Added \u201c{title}\u201d");
        listed.ShouldContain($"Every gift order: {title}");
        var rule = (await RulesAsync()).Single(r => r.Title == title);
        (rule.Trigger, rule.Action, rule.Audience, rule.Active, rule.Subject, rule.CreatedBy).ShouldBe(
            (TouchTrigger.EveryOrder, Core.Sales.TouchAction.Task, TouchAudience.Gifts, true, (string?)null, (await app.StaffAsync("manager@bloom.example")).DisplayName));

        listed.ShouldContain($"data-confirm=\"Stop \u201c{title}\u201d? Orders from now on do not get it; what it gave stays on record.\"");
        var stopped = await manager.PostAsync(Page, $"{Page}?handler=Stop&ruleId={rule.Id}");
        stopped.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await RulesAsync()).Single(r => r.Id == rule.Id).Active.ShouldBeFalse();
        var after = await manager.HtmlAsync(Page);
        after.ShouldContain($"{title} (stopped)");
        after.ShouldContain($"aria-label=\"Start \u201c{title}\u201d again\"");
    }

    [Fact]
    public async Task Salespeople_read_the_rules_without_the_form_and_cannot_post_one()
    {
        var sales = await StaffPages.SignInAsync(app, "sales@bloom.example");
        var html = await sales.HtmlAsync(Page);
        html.ShouldContain("Every order: Care card");
        html.ShouldNotContain("data-testid=\"touch-rule-form\"");
        html.ShouldNotContain("?handler=Stop");

        var careCard = (await RulesAsync()).Single(r => r.Title == "Care card");
        var refused = await sales.PostAsync(Page, $"{Page}?handler=Stop&ruleId={careCard.Id}");
        refused.Headers.Location!.OriginalString.ShouldContain("/denied");
        var posted = await sales.PostAsync(Page, Page, ("Form.Title", "Mine"), ("Form.Trigger", "EveryOrder"), ("Form.Action", "Task"));
        posted.Headers.Location!.OriginalString.ShouldContain("/denied");
        (await RulesAsync()).ShouldNotContain(r => r.Title == "Mine");
        (await RulesAsync()).Single(r => r.Id == careCard.Id).Active.ShouldBeTrue();
    }

    [Fact]
    public async Task A_business_without_rules_sees_the_empty_state_on_the_page_and_in_the_report()
    {
        var slug = TestNames.Slug("tr");
        var email = $"owner@{slug}.example";
        (await CreateBusiness.HandleAsync(app.Services, new CreateBusiness.Command($"Corner florist {slug}", slug, email, "Demo!2026", "Ines Corner", "America/Chicago"), Ct))
            .Succeeded.ShouldBeTrue();
        var owner = await StaffPages.SignInAsync(app, email);

        var html = await owner.HtmlAsync(Page);
        html.ShouldContain("data-testid=\"touch-rules-empty\"");
        html.ShouldContain("Add the first one here.");
        html.ShouldContain("data-testid=\"touch-rule-form\"");
        (await owner.HtmlAsync("/app/reports/touches")).ShouldContain("data-testid=\"touches-empty\"");
    }

    [Fact]
    public async Task The_report_shows_a_business_rule_by_its_trigger_and_links_the_rules()
    {
        var owner = await StaffPages.SignInAsync(app, "owner@bloom.example");
        var html = await owner.HtmlAsync("/app/reports/touches");
        html.ShouldContain("<td>Care card</td>\n                                    <td>Every order</td>");
        html.ShouldContain("<td>Care tips</td>\n                                    <td>Every order delivered</td>");
        html.ShouldContain("href=\"/app/touch-rules\"");
    }

    [Fact]
    public async Task A_task_about_an_order_links_the_order_from_the_home_page()
    {
        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        var (order, number) = await app.WithDbAsync(bloom, async db =>
        {
            var o = await db.Orders.OrderByDescending(x => x.PlacedAt).Select(x => new { x.Id, x.Number }).FirstAsync(Ct);
            return (o.Id, o.Number);
        });
        var service = await app.StaffAsync("service@bloom.example");
        await app.WithDbAsync(bloom, async db =>
        {
            // Due long ago, so it is first among the ten the home page shows.
            db.StaffTasks.Add(new StaffTask
            {
                Title = $"Care card \u2014 order {number} for the test", OrderId = order, AssigneeId = service.Id,
                DueOn = new DateOnly(2020, 1, 1), CreatedAt = DateTime.UtcNow, Source = "test",
            });
            return await db.SaveChangesAsync(Ct);
        });

        var home = await (await StaffPages.SignInAsync(app, "service@bloom.example")).HtmlAsync("/app");
        home.ShouldContain($"Care card \u2014 order {number} for the test");
        home.ShouldContain($"<a href=\"/app/orders/{order}\">The order</a>");
    }
}
