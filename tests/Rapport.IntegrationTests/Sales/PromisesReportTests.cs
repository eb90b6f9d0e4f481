using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Sales;

/// <summary>Promises kept: per milestone kind and per salesperson, due, kept on time, late and open.</summary>
public sealed class PromisesReportTests(RapportApp app) : IClassFixture<RapportApp>
{
    private static Task<StaffMember> SalespersonAsync(SalesData data, string name) => data.DbAsync(async db =>
    {
        var mailbox = TestNames.Email("sales");
        var member = new StaffMember { BusinessId = data.Business, UserName = mailbox, Email = mailbox, DisplayName = name, Role = StaffRole.Sales };
        db.Staff.Add(member);
        await db.SaveChangesAsync(Ct);
        return member;
    });

    /// <summary>A deal of the salesperson taken into Signed (by a manager's override), so its two promises start.</summary>
    private static async Task<Guid> SignedDealAsync(SalesData data, TestAccount account, TestPlaybook playbook, StaffMember owner)
    {
        var manager = await data.ClientAsync(SalesData.Manager);
        var deal = await (await manager.PostAsJsonAsync("/api/deals", new { customerId = account.Id, name = "Promise deal", playbookId = playbook.Id, ownerId = owner.Id }, Ct))
            .ShouldBeJsonAsync(HttpStatusCode.Created);
        await (await SalesData.AdvanceAsync(manager, deal.Id(), new { toStage = "Signed", @override = new { reason = "Report test" } })).ShouldBeJsonAsync(HttpStatusCode.OK);
        return deal.Id();
    }

    // Moves a milestone into January 2025, a month no demo promise falls in.
    private static Task SetAsync(SalesData data, Guid dealId, string title, int dueDay, int? doneDay, int month = 1) => data.DbAsync(async db =>
    {
        var m = await db.DealMilestones.SingleAsync(x => x.DealId == dealId && x.Title == title, Ct);
        m.StartedAt = new DateTime(2024, 12, 1, 15, 0, 0, DateTimeKind.Utc);
        m.DueOn = new DateOnly(2025, month, dueDay);
        m.CompletedOn = doneDay is { } d ? new DateOnly(2025, month, d) : null;
        m.CompletedAt = doneDay is { } d2 ? new DateTime(2025, month, d2, 16, 0, 0, DateTimeKind.Utc) : null;
        await db.SaveChangesAsync(Ct);
        return 0;
    });

    [Fact]
    public async Task The_report_counts_due_kept_on_time_late_and_open_per_kind_and_salesperson()
    {
        var data = await SalesData.ForAsync(app);
        var playbook = await data.PlaybookAsync();
        var account = await data.AccountAsync("Promise Keepers Inn");
        var pat = await SalespersonAsync(data, "Pat Promise");
        var lee = await SalespersonAsync(data, "Lee Latecomer");

        var a = await SignedDealAsync(data, account, playbook, pat);
        await SetAsync(data, a, "Delivered", dueDay: 10, doneDay: 8);                  // kept
        await SetAsync(data, a, "Onboarding package sent", dueDay: 5, doneDay: 7);     // late
        var b = await SignedDealAsync(data, account, playbook, lee);
        await SetAsync(data, b, "Delivered", dueDay: 20, doneDay: null);               // still open past its date: late
        await SetAsync(data, b, "Onboarding package sent", dueDay: 15, doneDay: 15);   // kept, on the day
        var c = await SignedDealAsync(data, account, playbook, pat);
        await SetAsync(data, c, "Delivered", dueDay: 10, doneDay: 12, month: 2);       // outside the period
        await SetAsync(data, c, "Onboarding package sent", dueDay: 31, doneDay: null); // last day of the period: late
        var fresh = await SignedDealAsync(data, account, playbook, pat);               // due in 2 and 28 days: open

        var owner = await data.ClientAsync(SalesData.Owner);
        var report = await owner.GetJsonAsync("/api/reports/promises?from=2025-01-01&to=2025-01-31");

        Figures(report.GetProperty("total")).ShouldBe((5, 2, 3, 0));
        report.GetProperty("total").GetProperty("keptShare").GetDouble().ShouldBe(0.4);
        var byKind = report.GetProperty("byKind").EnumerateArray().ToDictionary(k => k.Str("kind"), k => Figures(k.GetProperty("figures")));
        byKind["Delivered"].ShouldBe((2, 1, 1, 0));
        byKind["Onboarding package sent"].ShouldBe((3, 1, 2, 0));
        var byPerson = report.GetProperty("bySalesperson").EnumerateArray().ToDictionary(p => p.Str("name"), p => Figures(p.GetProperty("figures")));
        byPerson["Pat Promise"].ShouldBe((3, 1, 2, 0));
        byPerson["Lee Latecomer"].ShouldBe((2, 1, 1, 0));

        var today = await data.DbAsync(async db => Core.Businesses.BusinessClock.Today(DateTime.UtcNow, await db.TimeZoneAsync(Ct)));
        var coming = await owner.GetJsonAsync($"/api/reports/promises?from={today.AddDays(1):yyyy-MM-dd}&to={today.AddDays(40):yyyy-MM-dd}");
        var pats = coming.GetProperty("bySalesperson").EnumerateArray().Single(p => p.Str("name") == "Pat Promise");
        Figures(pats.GetProperty("figures")).ShouldBe((2, 0, 0, 2));
        (await owner.GetJsonAsync($"/api/deals/{fresh}")).GetProperty("milestones").EnumerateArray().ShouldAllBe(m => m.Str("state") == "open");
    }

    [Fact]
    public async Task Salespeople_do_not_read_the_report_and_a_bad_period_names_the_field()
    {
        var sales = await app.ClientAsync(SalesData.Sales);
        await (await sales.GetAsync("/api/reports/promises", Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var owner = await app.ClientAsync(SalesData.Owner);
        await (await owner.GetAsync("/api/reports/promises?from=2025-02-01&to=2025-01-01", Ct)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "from");
        await (await owner.GetAsync("/api/reports/promises?from=2024-01-01&to=2025-06-01", Ct)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "to");
        var bloom = await app.ClientAsync(SalesData.BloomManager);
        (await bloom.GetJsonAsync("/api/reports/promises?from=2025-01-01&to=2025-01-31")).GetProperty("total").GetProperty("due").GetInt32().ShouldBe(0);
    }

    private static (int Due, int Kept, int Late, int Open) Figures(System.Text.Json.JsonElement f) =>
        (f.GetProperty("due").GetInt32(), f.GetProperty("keptOnTime").GetInt32(), f.GetProperty("late").GetInt32(), f.GetProperty("open").GetInt32());
}
