using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Sales;

/// <summary>No path moves a deal around its gate: refusals list what is missing and change nothing; managers override on the record.</summary>
public sealed class DealGateTests(RapportApp app) : IClassFixture<RapportApp>
{
    private async Task<(int StageChanges, int Audits, int Timeline, int Overrides)> TraceAsync(SalesData data, Guid dealId, Guid customerId) =>
        await data.DbAsync(async db => (
            await db.DealStageChanges.CountAsync(c => c.DealId == dealId, Ct),
            await db.AuditEntries.CountAsync(a => a.EntityId == dealId, Ct),
            await db.Interactions.CountAsync(i => i.CustomerId == customerId, Ct),
            await db.DealOverrides.CountAsync(o => o.DealId == dealId, Ct)));

    [Fact]
    public async Task A_move_with_steps_missing_is_422_listing_them_in_words_and_changes_nothing()
    {
        var data = await SalesData.ForAsync(app);
        var playbook = await data.PlaybookAsync();
        var account = await data.AccountAsync("Gate Refusal Hotel");
        var sales = await data.ClientAsync(SalesData.Sales);
        var deal = await data.DealAsync(sales, account, playbook);
        deal.Str("stage").ShouldBe("Qualify");
        deal.GetProperty("gateOpen").GetBoolean().ShouldBeFalse();
        var before = await TraceAsync(data, deal.Id(), account.Id);

        var problem = await (await SalesData.AdvanceAsync(sales, deal.Id())).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "toStage");

        var missing = problem.GetProperty("missingSteps").EnumerateArray().Single();
        missing.GetProperty("stepId").GetGuid().ShouldBe(playbook.Step("Committee mapped"));
        missing.Str("kind").ShouldBe("stakeholdersMapped");
        missing.Str("title").ShouldBe("Committee mapped: add a decision maker and a technical evaluator to the buying committee");
        problem.Str("title").ShouldContain("cannot leave Qualify");
        // Skipping ahead checks every stage passed: Qualify's, Discover's and Propose's steps.
        var skipping = await (await SalesData.AdvanceAsync(sales, deal.Id(), new { toStage = "Commit" })).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        skipping.GetProperty("missingSteps").EnumerateArray().Select(m => m.Str("kind"))
            .ShouldBe(["stakeholdersMapped", "questionnaire", "meetingHeld", "documentSent", "managerApproval"]);

        (await sales.GetJsonAsync($"/api/deals/{deal.Id()}")).Str("stage").ShouldBe("Qualify");
        (await TraceAsync(data, deal.Id(), account.Id)).ShouldBe(before);
    }

    [Fact]
    public async Task Steps_done_through_the_api_open_the_gate_and_each_move_is_audited_and_on_the_timeline()
    {
        var data = await SalesData.ForAsync(app);
        var playbook = await data.PlaybookAsync();
        var account = await data.AccountAsync("Open Gate Suites");
        var sales = await data.ClientAsync(SalesData.Sales);
        var manager = await data.ClientAsync(SalesData.Manager);
        var deal = await data.DealAsync(sales, account, playbook);
        var id = deal.Id();

        await data.SatisfyQualifyAndDiscoverAsync(sales, id, account, playbook);
        var view = await sales.GetJsonAsync($"/api/deals/{id}");
        view.GetProperty("committee").GetArrayLength().ShouldBe(2);
        view.GetProperty("answers").EnumerateArray().Single(a => a.Str("question") == "Floor layout").Str("value").ShouldBe("Basement");
        view.GetProperty("stages").EnumerateArray().Take(2).ShouldAllBe(s => s.GetProperty("gateOpen").GetBoolean());

        (await (await SalesData.AdvanceAsync(sales, id)).ShouldBeJsonAsync(HttpStatusCode.OK)).Str("stage").ShouldBe("Discover");
        var moved = await (await SalesData.AdvanceAsync(sales, id)).ShouldBeJsonAsync(HttpStatusCode.OK);
        moved.Str("stage").ShouldBe("Propose");
        moved.GetProperty("daysInStage").GetInt32().ShouldBe(0);

        // Propose: the quote sent, and a manager's approval (a salesperson may not approve).
        var quote = await (await sales.PostAsJsonAsync($"/api/deals/{id}/quotes", new
        {
            title = "Two WX-100 washer-extractors", lines = new[] { new { description = "WX-100 washer-extractor", quantity = 2, unitPrice = 37000m } },
            expectedAnnualReturn = 37000m, returnNote = "water, gas and labour",
        }, Ct)).ShouldBeJsonAsync(HttpStatusCode.Created);
        quote.GetProperty("paybackMonths").GetDecimal().ShouldBe(24.0m);
        await (await sales.PostAsJsonAsync($"/api/deals/{id}/documents/{playbook.Step("Quote sent")}", new { quoteId = quote.Id() }, Ct)).ShouldBeJsonAsync(HttpStatusCode.OK);
        await (await sales.PostAsJsonAsync($"/api/deals/{id}/approvals/{playbook.Step("Price approved")}", new { note = "ok" }, Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await manager.PostAsJsonAsync($"/api/deals/{id}/approvals/{playbook.Step("Price approved")}", new { note = "Margin fine" }, Ct)).ShouldBeJsonAsync(HttpStatusCode.OK);
        (await (await SalesData.AdvanceAsync(sales, id)).ShouldBeJsonAsync(HttpStatusCode.OK)).Str("stage").ShouldBe("Commit");
        await (await sales.PostAsJsonAsync($"/api/deals/{id}/checklist/{playbook.Step("Site layout confirmed")}", new { note = "Basement, 3-phase at the wall" }, Ct))
            .ShouldBeJsonAsync(HttpStatusCode.OK);
        var signed = await (await SalesData.AdvanceAsync(sales, id)).ShouldBeJsonAsync(HttpStatusCode.OK);
        signed.Str("stage").ShouldBe("Signed");
        signed.GetProperty("stageChanges").GetArrayLength().ShouldBe(4);
        signed.GetProperty("evidence").EnumerateArray().Select(e => e.Str("kind")).ShouldBe(["documentSent", "managerApproval", "checklist"], ignoreOrder: true);

        var audits = await data.DbAsync(db => db.AuditEntries.Where(a => a.EntityId == id && a.Action == "stage changed").OrderBy(a => a.At).ToListAsync(Ct));
        audits.Count.ShouldBe(4);
        JsonDocument.Parse(audits[^1].Before!).RootElement.Str("stage").ShouldBe("Commit");
        JsonDocument.Parse(audits[^1].After!).RootElement.Str("stage").ShouldBe("Signed");
        audits[^1].ActorName.ShouldBe("Marcus Reed");
        var timeline = (await manager.GetJsonAsync($"/api/customers/{account.Id}/timeline?limit=50")).Items().Select(e => e.Str("summary")).ToList();
        timeline.ShouldContain(s => s.Contains("moved from Commit to Signed"));
        timeline.ShouldContain(s => s.StartsWith("Sent Two WX-100 washer-extractors"));
        timeline.ShouldContain(s => s.StartsWith("Meeting: Advance the stage, achieved. Attended: Rita Gomez (General Manager), Ben Adler (CFO)."));
        timeline.ShouldContain(s => s.StartsWith("Planned meeting for"));

        // The customer opens the quote by its link, without signing in.
        var page = await app.CreateApiClient().GetAsync(quote.Str("link"), Ct);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync(Ct);
        html.ShouldContain("Open Gate Suites");
        html.ShouldContain("24 months");
        (await app.CreateApiClient().GetAsync("/quote/" + new string('x', 43), Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_override_by_a_salesperson_is_403_and_changes_nothing_by_a_manager_200_on_the_record()
    {
        var data = await SalesData.ForAsync(app);
        var playbook = await data.PlaybookAsync();
        var account = await data.AccountAsync("Override Inn");
        var sales = await data.ClientAsync(SalesData.Sales);
        var manager = await data.ClientAsync(SalesData.Manager);
        var deal = await data.DealAsync(sales, account, playbook);
        var before = await TraceAsync(data, deal.Id(), account.Id);

        await (await SalesData.AdvanceAsync(sales, deal.Id(), new { @override = new { reason = "Customer is in a hurry" } })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await SalesData.AdvanceAsync(manager, deal.Id(), new { @override = new { reason = "  " } })).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "override.reason");
        (await TraceAsync(data, deal.Id(), account.Id)).ShouldBe(before);

        var moved = await (await SalesData.AdvanceAsync(manager, deal.Id(), new { @override = new { reason = "GM mapped the committee on the phone; entering it tomorrow" } }))
            .ShouldBeJsonAsync(HttpStatusCode.OK);

        moved.Str("stage").ShouldBe("Discover");
        var o = moved.GetProperty("overrides").EnumerateArray().Single();
        o.Str("byName").ShouldBe("Denise Walsh");
        o.Str("reason").ShouldBe("GM mapped the committee on the phone; entering it tomorrow");
        (o.Str("fromStage"), o.Str("toStage")).ShouldBe(("Qualify", "Discover"));
        o.GetProperty("missingSteps").EnumerateArray().Single().GetProperty("stepId").GetGuid().ShouldBe(playbook.Step("Committee mapped"));
        moved.GetProperty("stageChanges").EnumerateArray().Single().GetProperty("overrideId").GetGuid().ShouldBe(o.Id());
        var audit = await data.DbAsync(db => db.AuditEntries.SingleAsync(a => a.EntityId == deal.Id() && a.Action == "gate overridden", Ct));
        audit.ActorName.ShouldBe("Denise Walsh");
        audit.Before!.ShouldContain("Committee mapped");
        audit.After!.ShouldContain("entering it tomorrow");
        (await manager.GetJsonAsync($"/api/customers/{account.Id}/timeline?limit=5")).Items()
            .ShouldContain(e => e.Str("summary").Contains("gate overridden by Denise Walsh"));
    }

    [Fact]
    public async Task The_bulk_move_goes_through_the_same_gate()
    {
        var data = await SalesData.ForAsync(app);
        var playbook = await data.PlaybookAsync();
        var account = await data.AccountAsync("Bulk Move Resort");
        var sales = await data.ClientAsync(SalesData.Sales);
        var ready = await data.DealAsync(sales, account, playbook, "Ready deal");
        var blocked = await data.DealAsync(sales, account, playbook, "Blocked deal");
        foreach (var who in new[] { account.DecisionMaker, account.TechnicalEvaluator })
            (await sales.PostAsJsonAsync($"/api/deals/{ready.Id()}/stakeholders", new { stakeholderId = who }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var results = (await (await sales.PostAsJsonAsync("/api/deals/advance", new { dealIds = new[] { ready.Id(), blocked.Id(), Guid.NewGuid() } }, Ct))
            .ShouldBeJsonAsync(HttpStatusCode.OK)).EnumerateArray().ToList();

        results.Select(r => r.Str("outcome")).ShouldBe(["moved", "refused", "notFound"]);
        results[1].GetProperty("missingSteps").EnumerateArray().Single().Str("kind").ShouldBe("stakeholdersMapped");
        (await sales.GetJsonAsync($"/api/deals/{ready.Id()}")).Str("stage").ShouldBe("Discover");
        (await sales.GetJsonAsync($"/api/deals/{blocked.Id()}")).Str("stage").ShouldBe("Qualify");
        (await data.DbAsync(db => db.DealStageChanges.CountAsync(c => c.DealId == blocked.Id(), Ct))).ShouldBe(0);
        await (await sales.PostAsJsonAsync("/api/deals/advance", new { dealIds = new[] { ready.Id() }, @override = new { reason = "x" } }, Ct))
            .ShouldBeJsonAsync(HttpStatusCode.OK);
        (await sales.GetJsonAsync($"/api/deals/{ready.Id()}")).Str("stage").ShouldBe("Discover");
    }

    [Fact]
    public async Task A_new_playbook_version_leaves_a_running_deal_on_its_version_with_its_steps_satisfied()
    {
        var data = await SalesData.ForAsync(app);
        var playbook = await data.PlaybookAsync();
        var account = await data.AccountAsync("Versioned Lodge");
        var sales = await data.ClientAsync(SalesData.Sales);
        var manager = await data.ClientAsync(SalesData.Manager);
        var running = await data.DealAsync(sales, account, playbook, "Running deal");
        foreach (var who in new[] { account.DecisionMaker, account.TechnicalEvaluator })
            (await sales.PostAsJsonAsync($"/api/deals/{running.Id()}/stakeholders", new { stakeholderId = who }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Version 2 adds a checklist step to Qualify and keeps "Committee mapped" by its id.
        var v1 = playbook.Json;
        var stages = v1.GetProperty("stages").EnumerateArray().Select((s, i) => new
        {
            name = s.Str("name"),
            steps = s.GetProperty("steps").EnumerateArray().Select(step => (object)JsonSerializer.Deserialize<Dictionary<string, object>>(step.GetRawText())!)
                .Concat(i == 0 ? [new { kind = "checklist", title = "Credit check done" }] : []).ToArray(),
        }).ToArray();
        var v2 = await (await manager.PutAsJsonAsync($"/api/playbooks/{playbook.Id}", new { stages, milestones = v1.GetProperty("milestones") }, Ct))
            .ShouldBeJsonAsync(HttpStatusCode.OK);
        v2.GetProperty("version").GetInt32().ShouldBe(2);
        v2.GetProperty("stages")[0].GetProperty("steps")[0].Id().ShouldBe(playbook.Step("Committee mapped"));
        (await sales.GetJsonAsync($"/api/playbooks/{playbook.Id}?version=1")).GetProperty("stages")[0].GetProperty("steps").GetArrayLength().ShouldBe(1);

        var view = await sales.GetJsonAsync($"/api/deals/{running.Id()}");
        (view.GetProperty("playbookVersion").GetInt32(), view.GetProperty("latestPlaybookVersion").GetInt32()).ShouldBe((1, 2));
        view.GetProperty("gateOpen").GetBoolean().ShouldBeTrue();
        (await (await SalesData.AdvanceAsync(sales, running.Id())).ShouldBeJsonAsync(HttpStatusCode.OK)).Str("stage").ShouldBe("Discover");

        // A deal opened now runs on version 2: the committee it shares counts, the new step is missing.
        var fresh = await data.DealAsync(sales, account, playbook, "Fresh deal");
        fresh.GetProperty("playbookVersion").GetInt32().ShouldBe(2);
        foreach (var who in new[] { account.DecisionMaker, account.TechnicalEvaluator })
            (await sales.PostAsJsonAsync($"/api/deals/{fresh.Id()}/stakeholders", new { stakeholderId = who }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var refused = await (await SalesData.AdvanceAsync(sales, fresh.Id())).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        refused.GetProperty("missingSteps").EnumerateArray().Single().Str("title").ShouldBe("Credit check done: not confirmed yet");
    }

    [Fact]
    public async Task Entering_a_stage_gives_its_milestones_due_dates_and_completing_them_records_when()
    {
        var data = await SalesData.ForAsync(app);
        var playbook = await data.PlaybookAsync();
        var account = await data.AccountAsync("Milestone Marina");
        var manager = await data.ClientAsync(SalesData.Manager);
        var deal = await data.DealAsync(manager, account, playbook);
        deal.GetProperty("milestones").GetArrayLength().ShouldBe(0);
        var today = await data.DbAsync(async db => Core.Businesses.BusinessClock.Today(DateTime.UtcNow, await Core.Businesses.BusinessClock.TimeZoneAsync(db, Ct)));

        var signed = await (await SalesData.AdvanceAsync(manager, deal.Id(), new { toStage = "Signed", @override = new { reason = "Signed at the trade show" } }))
            .ShouldBeJsonAsync(HttpStatusCode.OK);

        var milestones = signed.GetProperty("milestones").EnumerateArray().ToDictionary(m => m.Str("title"));
        milestones["Delivered"].Str("dueOn").ShouldBe(today.AddDays(28).ToString("yyyy-MM-dd"));
        milestones["Onboarding package sent"].Str("dueOn").ShouldBe(today.AddDays(2).ToString("yyyy-MM-dd"));
        milestones["Delivered"].Str("state").ShouldBe("open");

        var done = await (await manager.PostAsJsonAsync($"/api/deals/{deal.Id()}/milestones/{milestones["Onboarding package sent"].Id()}/complete", new { }, Ct))
            .ShouldBeJsonAsync(HttpStatusCode.OK);
        done.GetProperty("milestones").EnumerateArray().Single(m => m.Str("title") == "Onboarding package sent").Str("state").ShouldBe("keptOnTime");
        // Entering Follow-up completes "Delivered".
        var followUp = await (await SalesData.AdvanceAsync(manager, deal.Id(), new { toStage = "Follow-up" })).ShouldBeJsonAsync(HttpStatusCode.OK);
        var delivered = followUp.GetProperty("milestones").EnumerateArray().Single(m => m.Str("title") == "Delivered");
        (delivered.Str("state"), delivered.Str("completedOn")).ShouldBe(("keptOnTime", today.ToString("yyyy-MM-dd")));
        await (await manager.PostAsJsonAsync($"/api/deals/{deal.Id()}/milestones/{delivered.Id()}/complete", new { }, Ct)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Another_business_and_drivers_do_not_reach_deals_and_a_salesperson_cannot_write_playbooks()
    {
        var data = await SalesData.ForAsync(app);
        var playbook = await data.PlaybookAsync();
        var account = await data.AccountAsync("Tenancy Towers");
        var sales = await data.ClientAsync(SalesData.Sales);
        var deal = await data.DealAsync(sales, account, playbook);
        var bloom = await data.ClientAsync(SalesData.BloomManager);
        var driver = await data.ClientAsync(SalesData.Driver);

        await (await bloom.GetAsync($"/api/deals/{deal.Id()}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await SalesData.AdvanceAsync(bloom, deal.Id(), new { @override = new { reason = "mine now" } })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await bloom.GetAsync($"/api/playbooks/{playbook.Id}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await bloom.GetJsonAsync("/api/deals?limit=200")).Items().ShouldNotContain(d => d.Id() == deal.Id());
        await (await bloom.PostAsJsonAsync("/api/deals", new { customerId = account.Id, name = "x", playbookId = playbook.Id }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "customerId");
        await (await driver.GetAsync($"/api/deals/{deal.Id()}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await driver.GetAsync("/api/deals", Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await sales.PostAsJsonAsync("/api/playbooks", SalesData.PlaybookBody("By a salesperson"), Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_list_pages_by_stage_and_owner_with_days_in_stage_and_the_gate()
    {
        var data = await SalesData.ForAsync(app);
        var playbook = await data.PlaybookAsync();
        var account = await data.AccountAsync("Paging Plaza");
        var sales = await data.ClientAsync(SalesData.Sales);
        var owner = await app.StaffAsync(SalesData.Sales);
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++) ids.Add((await data.DealAsync(sales, account, playbook, $"Deal {i}")).Id());

        var all = await sales.WalkAsync($"/api/deals?playbookId={playbook.Id}&ownerId={owner.Id}&stage=Qualify&limit=2", "after");

        all.Select(d => d.Id()).ShouldBe(ids);
        all.ShouldAllBe(d => d.Str("customerName") == "Paging Plaza" && d.Str("ownerName") == "Marcus Reed" && !d.GetProperty("gateOpen").GetBoolean()
            && d.GetProperty("missingSteps").GetInt32() == 1 && d.GetProperty("daysInStage").GetInt32() == 0);
        (await sales.GetJsonAsync($"/api/deals?playbookId={playbook.Id}&stage=Discover")).Items().ShouldBeEmpty();
        await (await sales.GetAsync("/api/deals?limit=0", Ct)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "limit");
        await (await sales.GetAsync("/api/deals?after=nonsense", Ct)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "after");
    }

    [Theory]
    [InlineData("""{ "name": "x", "productLine": "y", "stages": [] }""", "stages")]
    [InlineData("""{ "productLine": "y", "stages": [ { "name": "A" } ] }""", "name")]
    [InlineData("""{ "name": "x", "productLine": "y", "stages": [ { "name": "A" }, { "name": "a" } ] }""", "stages[1].name")]
    [InlineData("""{ "name": "x", "productLine": "y", "stages": [ { "name": "A", "steps": [ { "kind": "questionnaire", "title": "Q" } ] } ] }""", "stages[0].steps[0].questions")]
    [InlineData("""{ "name": "x", "productLine": "y", "stages": [ { "name": "A", "steps": [ { "kind": "meetingHeld", "title": "M" } ] } ] }""", "stages[0].steps[0].roles")]
    [InlineData("""{ "name": "x", "productLine": "y", "stages": [ { "name": "A", "steps": [ { "kind": "questionnaire", "title": "Q", "questions": [ { "text": "Pick", "type": "choice", "choices": ["one"] } ] } ] } ] }""", "stages[0].steps[0].questions[0].choices")]
    [InlineData("""{ "name": "x", "productLine": "y", "stages": [ { "name": "A" } ], "milestones": [ { "title": "D", "fromStage": "Nowhere", "days": 3 } ] }""", "milestones[0].fromStage")]
    [InlineData("""{ "name": "x", "productLine": "y", "stages": [ { "name": "A", "steps": [ { "id": "0190b7a4-0000-7000-8000-000000000000", "kind": "checklist", "title": "C" } ] } ] }""", "stages[0].steps[0].id")]
    public async Task A_bad_playbook_is_422_naming_the_field(string body, string field)
    {
        var manager = await app.ClientAsync(SalesData.Manager);
        await (await manager.PostAsync("/api/playbooks", Json(body), Ct)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, field);
    }

    [Fact]
    public async Task Bad_answers_and_unknown_stages_are_422_naming_the_field_and_change_nothing()
    {
        var data = await SalesData.ForAsync(app);
        var playbook = await data.PlaybookAsync();
        var account = await data.AccountAsync("Bad Input Bay");
        var sales = await data.ClientAsync(SalesData.Sales);
        var deal = await data.DealAsync(sales, account, playbook);

        await (await sales.PutAsJsonAsync($"/api/deals/{deal.Id()}/answers", new
        {
            answers = new object[]
            {
                new { questionId = playbook.Question("Who signs off"), value = "Rita" },
                new { questionId = playbook.Question("Laundry volume per day (lbs)"), value = "a lot" },
                new { questionId = Guid.NewGuid(), value = "x" },
            },
        }, Ct)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "answers[1].value", "answers[2].questionId");
        (await data.DbAsync(db => db.DealAnswers.CountAsync(a => a.DealId == deal.Id(), Ct))).ShouldBe(0);
        await (await SalesData.AdvanceAsync(sales, deal.Id(), new { toStage = "Closed" })).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "toStage");
        await (await sales.PostAsJsonAsync($"/api/deals/{deal.Id()}/checklist/{playbook.Step("Quote sent")}", new { }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "stepId");
        await (await sales.PostAsJsonAsync($"/api/deals/{deal.Id()}/checklist/{Guid.NewGuid()}", new { }, Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await sales.PostAsync("/api/deals", Json("""{ "name": "x" }"""), Ct)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "customerId", "playbookId");
        await (await sales.PatchAsync($"/api/deals/{deal.Id()}", Json("""{ "amount": -5 }"""), Ct)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "amount");
        var patched = await (await sales.PatchAsync($"/api/deals/{deal.Id()}", Json("""{ "amount": 80000, "competitors": ["Tri-State Laundry Supply"] }"""), Ct))
            .ShouldBeJsonAsync(HttpStatusCode.OK);
        (patched.GetProperty("amount").GetDecimal(), patched.GetProperty("competitors")[0].GetString()).ShouldBe((80000m, "Tri-State Laundry Supply"));
    }
}
