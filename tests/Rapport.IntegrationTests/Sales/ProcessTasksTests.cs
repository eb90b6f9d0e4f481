using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Sales;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Sales;

/// <summary>The process makes the work: overdue promises become the owner's tasks, and touch rules give every deal the same added value.</summary>
public sealed class ProcessTasksTests(RapportApp app) : IClassFixture<RapportApp>
{
    [Fact]
    public async Task An_overdue_milestone_becomes_one_task_for_the_deals_owner()
    {
        var data = await SalesData.ForAsync(app);
        var playbook = await data.PlaybookAsync();
        var account = await data.AccountAsync("Overdue Promise Hotel");
        var manager = await data.ClientAsync(SalesData.Manager);
        var sales = await app.StaffAsync(SalesData.Sales);
        var deal = await (await manager.PostAsJsonAsync("/api/deals", new { customerId = account.Id, name = "Late washers", playbookId = playbook.Id, ownerId = sales.Id }, Ct))
            .ShouldBeJsonAsync(HttpStatusCode.Created);
        await (await SalesData.AdvanceAsync(manager, deal.Id(), new { toStage = "Signed", @override = new { reason = "Signed by phone" } })).ShouldBeJsonAsync(HttpStatusCode.OK);
        var delivered = await data.DbAsync(async db =>
        {
            var m = await db.DealMilestones.SingleAsync(x => x.DealId == deal.Id() && x.Title == "Delivered", Ct);
            m.DueOn = m.DueOn.AddDays(-40);
            await db.SaveChangesAsync(Ct);
            return m.Id;
        });

        (await app.RunJobAsync("overdue-milestones")).ShouldBeTrue();
        await data.DbAsync(db => db.JobLeases.Where(l => l.Name == "overdue-milestones").ExecuteUpdateAsync(s => s.SetProperty(l => l.NextRunAt, DateTime.UtcNow.AddMinutes(-1)), Ct));
        (await app.RunJobAsync("overdue-milestones")).ShouldBeTrue();

        var tasks = await data.DbAsync(db => db.StaffTasks.Where(t => t.SourceKey == OverdueMilestones.KeyOf(delivered)).ToListAsync(Ct));
        var task = tasks.ShouldHaveSingleItem();
        (task.AssigneeId, task.CustomerId, task.Source).ShouldBe((sales.Id, account.Id, "milestone"));
        task.Title.ShouldBe("Promise overdue: Delivered for \u201cLate washers\u201d");
        var todo = await (await data.ClientAsync(SalesData.Sales)).GetJsonAsync("/api/tasks?limit=50");
        todo.EnumerateArray().Select(t => t.Id()).ShouldContain(task.Id);
        // The onboarding package is due in two days: no task yet.
        (await data.DbAsync(db => db.StaffTasks.CountAsync(t => t.CustomerId == account.Id && t.Source == "milestone", Ct))).ShouldBe(1);
    }

    [Fact]
    public async Task Entering_a_stage_gives_its_touches_once_an_email_through_the_outbox_and_a_task_for_the_owner()
    {
        var data = await SalesData.ForAsync(app);
        var manager = await data.ClientAsync(SalesData.Manager);
        var body = new
        {
            name = TestNames.Unique("Touch playbook"), productLine = "Dryers",
            stages = new object[]
            {
                new { name = "Commit" },
                new
                {
                    name = "Signed",
                    touches = new object[]
                    {
                        new { title = "Send the productivity booklet", action = "email", subject = "Your productivity booklet", body = "Here is how to get the most from your dryers." },
                        new { title = "Hand-write a thank-you card", action = "task" },
                    },
                },
                new { name = "Delivery" },
            },
        };
        var playbook = await (await manager.PostAsJsonAsync("/api/playbooks", body, Ct)).ShouldBeJsonAsync(HttpStatusCode.Created);
        var account = await data.AccountAsync("Touched Hotel");
        await data.DbAsync(async db =>
        {
            var gm = await db.Stakeholders.SingleAsync(s => s.Id == account.DecisionMaker, Ct);
            gm.Email = "rita.gomez@touched.example";
            return await db.SaveChangesAsync(Ct);
        });
        var sales = await data.ClientAsync(SalesData.Sales);
        var deal = await (await sales.PostAsJsonAsync("/api/deals", new { customerId = account.Id, name = "Two dryers", playbookId = playbook.Id() }, Ct))
            .ShouldBeJsonAsync(HttpStatusCode.Created);
        (await sales.PostAsJsonAsync($"/api/deals/{deal.Id()}/stakeholders", new { stakeholderId = account.DecisionMaker }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await (await SalesData.AdvanceAsync(sales, deal.Id())).ShouldBeJsonAsync(HttpStatusCode.OK);
        await (await SalesData.AdvanceAsync(sales, deal.Id(), new { toStage = "Commit" })).ShouldBeJsonAsync(HttpStatusCode.OK);
        await (await SalesData.AdvanceAsync(sales, deal.Id())).ShouldBeJsonAsync(HttpStatusCode.OK);

        var mail = await data.DbAsync(db => db.OutboxMessages.Where(m => m.CustomerId == account.Id).ToListAsync(Ct));
        var booklet = mail.ShouldHaveSingleItem();
        (booklet.To, booklet.Subject).ShouldBe(("rita.gomez@touched.example", "Your productivity booklet"));
        var owner = await app.StaffAsync(SalesData.Sales);
        var task = (await data.DbAsync(db => db.StaffTasks.Where(t => t.CustomerId == account.Id && t.Source == "touch").ToListAsync(Ct))).ShouldHaveSingleItem();
        (task.Title, task.AssigneeId).ShouldBe(("Hand-write a thank-you card \u2014 \u201cTwo dryers\u201d", owner.Id));
    }

    [Fact]
    public async Task An_email_touch_needs_its_subject_and_body() =>
        await (await (await app.ClientAsync(SalesData.Manager)).PostAsync("/api/playbooks", Json(
            """{ "name": "x", "productLine": "y", "stages": [ { "name": "Signed", "touches": [ { "title": "Booklet", "action": "email" } ] } ] }"""), Ct))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "stages[0].touches[0].subject", "stages[0].touches[0].body");
}
