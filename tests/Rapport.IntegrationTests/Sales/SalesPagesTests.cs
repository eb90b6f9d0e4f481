using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Rapport.Testing;

namespace Rapport.IntegrationTests.Sales;

/// <summary>
/// The board and the deal page over HTTP, as a browser without JavaScript and as htmx use them: each role sees what it
/// may, a move goes through the same gate as the API, and only owners and managers override it.
/// </summary>
public sealed class SalesPagesTests(RapportApp app) : IClassFixture<RapportApp>
{
    private static string Board(PlaybookData data, string owner = "") => $"/app/sales?playbook={data.Playbook.Id}&owner={owner}";

    [Fact]
    public async Task The_board_and_the_deal_page_render_for_each_role_that_sees_deals_and_salespeople_see_their_own_first()
    {
        var data = await PlaybookData.ForAsync(app, "Roles line");
        var mine = await data.DealAsync("Marcus's washer deal");
        var theirs = await data.DealAsync("Denise's dryer deal", owner: "manager@harbor.example");

        foreach (var role in new[] { "owner", "manager", "service" })
        {
            var pages = await StaffPages.SignInAsync(app, $"{role}@harbor.example");
            var board = await pages.HtmlAsync(Board(data));
            board.ShouldContain(mine.Name, customMessage: role);
            board.ShouldContain(theirs.Name, customMessage: role);
            StaffPages.CountOf(board, "data-testid=\"board-column\"").ShouldBe(4, role);
            var deal = await pages.HtmlAsync($"/app/sales/deals/{mine.Id}");
            deal.ShouldContain(PlaybookData.Discovery);
            deal.ShouldContain("Grand Pier Hotel");
            deal.ShouldContain("data-testid=\"committee\"");
            deal.ShouldContain("data-testid=\"timeline\"");
            // Service reads the deals but does not run them: no move controls, no forms on the checklist.
            StaffPages.CountOf(deal, "data-testid=\"advance-form\"").ShouldBe(role == "service" ? 0 : 1, role);
            StaffPages.CountOf(board, "data-testid=\"move-to\"").ShouldBe(role == "service" ? 0 : 2, role);
        }

        var sales = await StaffPages.SignInAsync(app, "sales@harbor.example");
        var own = await sales.HtmlAsync(Board(data));
        own.ShouldContain(mine.Name);
        own.ShouldNotContain(theirs.Name);
        own.ShouldContain("1 missing");
        own.ShouldContain("$48,500");
        (await sales.HtmlAsync(Board(data, "all"))).ShouldContain(theirs.Name);
        (await sales.HtmlAsync($"/app/sales/deals/{theirs.Id}")).ShouldContain(theirs.Name);

        var driver = await StaffPages.SignInAsync(app, "driver@harbor.example");
        var denied = await driver.GetAsync(Board(data));
        denied.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        denied.Headers.Location!.OriginalString.ShouldContain("/denied");
        await driver.HtmlAsync($"/app/sales/deals/{mine.Id}", HttpStatusCode.NotFound);

        // Another business's deal is not there at all.
        var florist = await StaffPages.SignInAsync(app, "owner@bloom.example");
        await florist.HtmlAsync($"/app/sales/deals/{mine.Id}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_column_shows_its_first_deals_and_show_more_brings_the_rest_each_once()
    {
        var data = await PlaybookData.ForAsync(app, "Long column line");
        var made = new List<Guid>();
        for (var i = 0; i < 23; i++) made.Add((await data.DealAsync($"Column deal {i:00}")).Id);
        var answered = await data.AnswerDiscoveryAsync(made[5]);
        answered.GateOpen.ShouldBeTrue();

        var owner = await StaffPages.SignInAsync(app, "owner@harbor.example");
        var board = await owner.HtmlAsync(Board(data, "all"));
        board.ShouldContain("id=\"stage-0-count\" data-testid=\"column-count\">23<");
        var first = Regex.Matches(board, "data-deal=\"([0-9a-f-]{36})\"").Select(m => Guid.Parse(m.Groups[1].Value)).ToList();
        first.Count.ShouldBe(20);
        // The board reads every column in one go; its gates are still each deal's own.
        StaffPages.CountOf(board, "data-gate=\"open\"").ShouldBe(first.Contains(made[5]) ? 1 : 0);
        StaffPages.CountOf(board, "data-gate=\"closed\"").ShouldBe(first.Contains(made[5]) ? 19 : 20);

        var more = WebUtility.HtmlDecode(Regex.Match(board, "hx-get=\"(/app/sales\\?handler=Column[^\"]*)\"").Groups[1].Value);
        more.ShouldNotBeEmpty();
        var rest = await owner.HtmlAsync(more);
        var next = Regex.Matches(rest, "data-deal=\"([0-9a-f-]{36})\"").Select(m => Guid.Parse(m.Groups[1].Value)).ToList();
        next.Count.ShouldBe(3);
        rest.ShouldNotContain("data-testid=\"show-more\"");
        first.Concat(next).Order().ShouldBe(made.Order());
        // Oldest first, as the API lists them: the board's first cards are the API's first page.
        var api = await app.ClientAsync("owner@harbor.example");
        var page = await api.GetJsonAsync($"/api/deals?playbookId={data.Playbook.Id}&stage=Qualify&limit=20");
        first.ShouldBe(page.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("id").GetGuid()).ToList());
    }

    [Fact]
    public async Task A_board_with_no_deals_says_so()
    {
        var data = await PlaybookData.ForAsync(app, "Empty line");
        var owner = await StaffPages.SignInAsync(app, "owner@harbor.example");
        var html = await owner.HtmlAsync(Board(data));
        html.ShouldContain("data-testid=\"board-empty\"");
        html.ShouldContain("No deals in Qualify.");
    }

    [Fact]
    public async Task A_move_on_the_board_is_refused_with_the_missing_steps_then_goes_through_once_the_questionnaire_is_answered()
    {
        var data = await PlaybookData.ForAsync(app, "Gate line");
        var deal = await data.DealAsync("Gate washer deal");
        var sales = await StaffPages.SignInAsync(app, "sales@harbor.example");
        var board = Board(data);

        var refused = await sales.PostHtmxAsync(board, "/app/sales?handler=Move", ("dealId", deal.Id.ToString()), ("toStage", "Discover"));
        var card = await StaffPages.TextAsync(refused);
        refused.StatusCode.ShouldBe(HttpStatusCode.OK, card);
        card.ShouldStartWith("<article");
        card.ShouldContain("Not moved to Discover: 1 required step is missing.");
        card.ShouldContain($"{PlaybookData.Discovery}: answer “{PlaybookData.Volume}” and “{PlaybookData.Floor}”");
        card.ShouldNotContain("Override with a reason");
        (await data.ReadAsync(deal.Id)).Stage.ShouldBe("Qualify");

        // Without JavaScript the board comes back whole with the refusal on the card.
        var plain = await sales.PostAsync(board, "/app/sales?handler=Move", ("dealId", deal.Id.ToString()), ("toStage", "Discover"));
        plain.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var whole = await StaffPages.TextAsync(plain);
        whole.ShouldContain("data-testid=\"missing-step\"", Case.Sensitive, whole.Contains("<main", StringComparison.Ordinal) ? whole[whole.IndexOf("<main", StringComparison.Ordinal)..][..Math.Min(4000, whole.Length - whole.IndexOf("<main", StringComparison.Ordinal))] : whole);

        // The questionnaire on the deal page: a number that is not one is said beside its field, and nothing is saved.
        var page = $"/app/sales/deals/{deal.Id}";
        var questions = data.Playbook.Stages[0].Steps[0].Questions;
        var step = data.Playbook.Stages[0].Steps[0].Id.ToString();
        var wrong = await sales.PostAsync(page, $"{page}?handler=Answers", ("stepId", step), ($"q.{questions[0].Id}", "about a ton"), ($"q.{questions[1].Id}", "Basement"));
        wrong.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var form = await StaffPages.TextAsync(wrong);
        form.ShouldContain("A number, e.g. 1100 or 12.5.");
        form.ShouldContain("value=\"about a ton\"");
        (await data.ReadAsync(deal.Id)).Answers.ShouldBeEmpty();

        var saved = await sales.PostAsync(page, $"{page}?handler=Answers", ("stepId", step), ($"q.{questions[0].Id}", "1,100"), ($"q.{questions[1].Id}", "basement"));
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        saved.Headers.Location!.OriginalString.ShouldBe($"{page}#step-{step}");
        (await sales.HtmlAsync(page)).ShouldContain("ready to move on");

        var moved = await sales.PostHtmxAsync(board, "/app/sales?handler=Move", ("dealId", deal.Id.ToString()), ("toStage", "Discover"));
        var answer = await StaffPages.TextAsync(moved);
        moved.StatusCode.ShouldBe(HttpStatusCode.OK, answer);
        answer.ShouldContain("id=\"stage-1-cards\" hx-swap-oob=\"afterbegin\"");
        answer.ShouldContain("id=\"stage-1-count\" data-testid=\"column-count\" hx-swap-oob=\"true\">1<");
        answer.ShouldContain("id=\"stage-0-count\" data-testid=\"column-count\" hx-swap-oob=\"true\">0<");
        (await data.ReadAsync(deal.Id)).Stage.ShouldBe("Discover");
    }

    [Fact]
    public async Task A_salesperson_cannot_override_through_the_pages_and_a_manager_can_with_a_reason_that_shows_on_the_deal()
    {
        var data = await PlaybookData.ForAsync(app, "Override line");
        var deal = await data.DealAsync("Override washer deal");
        var board = Board(data);
        var page = $"/app/sales/deals/{deal.Id}";
        var sales = await StaffPages.SignInAsync(app, "sales@harbor.example");

        var forged = await sales.PostAsync(board, "/app/sales?handler=Move",
            ("dealId", deal.Id.ToString()), ("toStage", "Discover"), ("override", "true"), ("reason", "Customer is in a hurry"));
        forged.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        forged.Headers.Location!.OriginalString.ShouldContain("/denied");
        var forgedHtmx = await sales.PostHtmxAsync(board, "/app/sales?handler=Move",
            ("dealId", deal.Id.ToString()), ("toStage", "Discover"), ("override", "true"), ("reason", "Customer is in a hurry"));
        forgedHtmx.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var onDealPage = await sales.PostAsync(page, $"{page}?handler=Advance", ("toStage", "Discover"), ("override", "true"), ("reason", "Customer is in a hurry"));
        onDealPage.Headers.Location!.OriginalString.ShouldContain("/denied");
        var unchanged = await data.ReadAsync(deal.Id);
        unchanged.Stage.ShouldBe("Qualify");
        unchanged.Overrides.ShouldBeEmpty();

        var manager = await StaffPages.SignInAsync(app, "manager@harbor.example");
        var refused = await StaffPages.TextAsync(await manager.PostHtmxAsync(board, "/app/sales?handler=Move", ("dealId", deal.Id.ToString()), ("toStage", "Discover")));
        refused.ShouldContain("Override with a reason");
        var noReason = await StaffPages.TextAsync(await manager.PostHtmxAsync(board, "/app/sales?handler=Move",
            ("dealId", deal.Id.ToString()), ("toStage", "Discover"), ("override", "true"), ("reason", " ")));
        noReason.ShouldContain("Write why the gate is overridden.");
        (await data.ReadAsync(deal.Id)).Stage.ShouldBe("Qualify");

        var overridden = await manager.PostAsync(page, $"{page}?handler=Advance", ("toStage", "Discover"), ("override", "true"), ("reason", "Signed letter of intent; answers follow Monday"));
        overridden.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var html = await manager.HtmlAsync(page);
        html.ShouldContain("data-testid=\"deal-stage\">Discover<");
        html.ShouldContain("“Signed letter of intent; answers follow Monday”");
        html.ShouldContain("Denise Walsh</span> moved it from Qualify to Discover");
        html.ShouldContain($"{PlaybookData.Discovery}: answer “{PlaybookData.Volume}” and “{PlaybookData.Floor}”");
    }

    [Fact]
    public async Task Checklist_approval_committee_competitors_and_milestones_are_done_from_the_deal_page()
    {
        var data = await PlaybookData.ForAsync(app, "Steps line");
        var deal = await data.DealAsync("Steps washer deal");
        await data.AnswerDiscoveryAsync(deal.Id);
        var page = $"/app/sales/deals/{deal.Id}";
        var sales = await StaffPages.SignInAsync(app, "sales@harbor.example");
        (await sales.PostAsync(page, $"{page}?handler=Advance", ("toStage", "Discover"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var discover = data.Playbook.Stages[1].Steps;
        (await sales.PostAsync(page, $"{page}?handler=Checklist", ("stepId", discover[0].Id.ToString()), ("note", "Walked the basement with Sam")))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var html = await sales.HtmlAsync(page);
        html.ShouldContain("Confirmed by Marcus Reed");
        html.ShouldContain("Ask an owner or manager to approve it here.");
        html.ShouldNotContain("data-testid=\"approve-form\"");
        (await sales.PostAsync(page, $"{page}?handler=Approve", ("stepId", discover[1].Id.ToString())))
            .Headers.Location!.OriginalString.ShouldContain("/denied");

        var manager = await StaffPages.SignInAsync(app, "manager@harbor.example");
        (await manager.HtmlAsync(page)).ShouldContain("data-testid=\"approve-form\"");
        (await manager.PostAsync(page, $"{page}?handler=Approve", ("stepId", discover[1].Id.ToString()))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await sales.HtmlAsync(page)).ShouldContain("ready to move on");

        var people = await app.WithDbAsync(data.Business, db => Task.FromResult(db.Stakeholders.Where(s => s.Name == "Richard Hale").Select(s => s.Id).Single()));
        (await sales.PostAsync(page, $"{page}?handler=Committee", ("stakeholderId", people.ToString()), ("role", ""), ("strength", "Champion")))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var newcomer = await sales.PostAsync(page, $"{page}?handler=Committee", ("name", ""), ("role", ""));
        newcomer.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await sales.PostAsync(page, $"{page}?handler=Competitor", ("competitor", "Continental Girbau"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var empty = await sales.PostAsync(page, $"{page}?handler=Competitor", ("competitor", " "));
        empty.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await StaffPages.TextAsync(empty)).ShouldContain("Name the competitor the customer mentioned.");
        html = await sales.HtmlAsync(page);
        html.ShouldContain("Richard Hale");
        html.ShouldContain(">champion<");
        html.ShouldContain("Continental Girbau");

        // Into Signed: the promise starts, and keeping it is one button.
        (await manager.PostAsync(page, $"{page}?handler=Advance", ("toStage", "Signed"), ("override", "true"), ("reason", "Quote sent by hand from the show floor")))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var signed = await data.ReadAsync(deal.Id);
        var milestone = signed.Milestones.Single();
        (await sales.PostAsync(page, $"{page}?handler=Milestone", ("milestoneId", milestone.Id.ToString()), ("completedOn", "2999-01-01")))
            .StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await sales.PostAsync(page, $"{page}?handler=Milestone", ("milestoneId", milestone.Id.ToString()), ("completedOn", "")))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await sales.HtmlAsync(page)).ShouldContain("kept on time");
    }
}

/// <summary>Meetings from the deal page: planned with an objective, the outcome logged against it, the recording attached and played back.</summary>
public sealed class DealMeetingPagesTests(RapportApp app) : IClassFixture<RapportApp>
{
    [Fact]
    public async Task A_meeting_is_planned_its_outcome_logged_and_its_recording_attached_from_the_deal_page()
    {
        var data = await PlaybookData.ForAsync(app, "Meeting line");
        var deal = await data.DealAsync("Meeting washer deal");
        var page = $"/app/sales/deals/{deal.Id}";
        var sales = await StaffPages.SignInAsync(app, "sales@harbor.example");
        var richard = await app.WithDbAsync(data.Business, db => Task.FromResult(db.Stakeholders.Where(s => s.Name == "Richard Hale").Select(s => s.Id).Single()));

        var noTime = await sales.PostAsync(page, $"{page}?handler=PlanMeeting", ("kind", "Meeting"), ("objective", "advanceStage"), ("scheduledAt", ""));
        noTime.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await StaffPages.TextAsync(noTime)).ShouldContain("Say when it is planned (date and time).");
        var other = await sales.PostAsync(page, $"{page}?handler=PlanMeeting", ("kind", "Call"), ("objective", "other"), ("scheduledAt", "2026-01-05T10:00"));
        (await StaffPages.TextAsync(other)).ShouldContain("Say the objective in words.");

        var planned = await sales.PostAsync(page, $"{page}?handler=PlanMeeting", ("kind", "Meeting"), ("objective", "discoverNeeds"),
            ("objectiveText", "Walk the basement"), ("scheduledAt", DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-ddTHH:mm")), ("invitees", richard.ToString()));
        planned.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var meeting = (await data.ReadAsync(deal.Id)).Meetings.Single();
        meeting.ObjectiveLabel.ShouldBe("Discover needs: Walk the basement");
        var html = await sales.HtmlAsync(page);
        html.ShouldContain("Discover needs: Walk the basement");
        html.ShouldContain("Invited: Richard Hale");

        var noOutcome = await sales.PostAsync(page, $"{page}?handler=Outcome", ("meetingId", meeting.Id.ToString()), ("nextStep", "Send layout"));
        noOutcome.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await StaffPages.TextAsync(noOutcome)).ShouldContain("Say how it went against the objective");
        (await sales.PostAsync(page, $"{page}?handler=Outcome", ("meetingId", meeting.Id.ToString()), ("outcome", "Partly"),
            ("attendees", richard.ToString()), ("nextStep", "Send the floor plan"), ("nextStepOn", "2030-01-10"), ("notes", "Power supply is 208 V")))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var html404 = await sales.PostFileAsync(page, $"{page}?handler=Recording", "file", "call.mp3", "<html><script>alert(1)</script></html>"u8.ToArray(), ("meetingId", meeting.Id.ToString()));
        html404.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await StaffPages.TextAsync(html404)).ShouldContain("Not an audio file");
        byte[] mp3 = [.. "ID3"u8.ToArray(), 4, 0, 0, 0, 0, 0, 0, .. new byte[500]];
        (await sales.PostFileAsync(page, $"{page}?handler=Recording", "file", "walkthrough.mp3", mp3, ("meetingId", meeting.Id.ToString())))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        html = await sales.HtmlAsync(page);
        html.ShouldContain("partly achieved");
        html.ShouldContain("Attended: Richard Hale");
        html.ShouldContain("Next: Send the floor plan by Thu 10 Jan 2030");
        html.ShouldContain($"<audio class=\"w-100 mt-1\" controls preload=\"none\" src=\"/app/meetings/{meeting.Id}/recording\"");
        var audio = await sales.GetAsync($"/app/meetings/{meeting.Id}/recording");
        audio.StatusCode.ShouldBe(HttpStatusCode.OK);
        audio.Content.Headers.ContentType!.MediaType.ShouldBe("audio/mpeg");
    }
}

/// <summary>The playbook editor: rows added without JavaScript, saving writes a version and says so; owners and managers only.</summary>
public sealed class PlaybookPagesTests(RapportApp app) : IClassFixture<RapportApp>
{
    [Fact]
    public async Task A_manager_writes_a_playbook_and_each_save_makes_a_new_version()
    {
        var manager = await StaffPages.SignInAsync(app, "manager@harbor.example");
        var blank = await manager.HtmlAsync("/app/sales/playbooks/new");
        blank.ShouldContain("Saving writes version 1.");
        StaffPages.CountOf(blank, "data-testid=\"stage-editor\"").ShouldBe(5);

        var name = TestNames.Unique("Dryers", 15);
        (string, string)[] fields =
        [
            ("Form.Name", name), ("Form.ProductLine", "Tumble dryers"),
            ("Form.Stages[0].Name", "Qualify"), ("Form.Stages[0].Steps[0].Kind", "Questionnaire"), ("Form.Stages[0].Steps[0].Title", "Site questions"),
            ("Form.Stages[0].Steps[0].Questions[0].Text", "Gas or electric"), ("Form.Stages[0].Steps[0].Questions[0].Type", "Choice"),
            ("Form.Stages[0].Steps[0].Questions[0].Choices", "Gas\nElectric"), ("Form.Stages[0].Steps[0].Questions[0].Required", "true"),
            ("Form.Stages[1].Name", "Signed"), ("Form.Stages[1].Steps[0].Kind", "StakeholdersMapped"), ("Form.Stages[1].Steps[0].Title", "Who decides"),
            ("Form.Stages[1].Steps[0].Roles", "DecisionMaker"), ("Form.Stages[1].Steps[0].Roles", "EconomicBuyer"),
            ("Form.Stages[2].Name", "Old stage"), ("Form.Stages[2].Remove", "true"),
            ("Form.Milestones[0].Title", "Delivered"), ("Form.Milestones[0].FromStage", "Signed"), ("Form.Milestones[0].Days", "28"),
        ];
        var added = await manager.PostAsync("/app/sales/playbooks/new", "/app/sales/playbooks/new", [.. fields, ("add", "step:1")]);
        var form = await StaffPages.TextAsync(added);
        added.StatusCode.ShouldBe(HttpStatusCode.OK);
        StaffPages.CountOf(form, "data-testid=\"stage-editor\"").ShouldBe(2, "the removed stage is gone");
        StaffPages.CountOf(form, "data-testid=\"step-editor\"").ShouldBe(3, "a step was added to Signed");

        var invalid = await manager.PostAsync("/app/sales/playbooks/new", "/app/sales/playbooks/new", [.. fields, ("Form.Stages[1].Steps[1].Kind", "Checklist"), ("Form.Stages[1].Steps[1].Title", "")]);
        invalid.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await StaffPages.TextAsync(invalid)).ShouldContain("is-invalid\" id=\"step-1-1-title\"");

        var saved = await manager.PostAsync("/app/sales/playbooks/new", "/app/sales/playbooks/new", fields);
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var url = saved.Headers.Location!.OriginalString;
        url.ShouldEndWith("?saved=1");
        var page = await manager.HtmlAsync(url);
        page.ShouldContain("Saved as version 1.");
        page.ShouldContain("value=\"Gas or electric\"");
        page.ShouldContain("This is version 1. Saving makes version 2");

        var editUrl = url.Split('?')[0];
        var revised = await manager.PostAsync(editUrl, editUrl, [.. fields.Select(f => f.Item1 == "Form.Milestones[0].Days" ? (f.Item1, "21") : f)]);
        revised.Headers.Location!.OriginalString.ShouldEndWith("?saved=2");
        (await manager.HtmlAsync("/app/sales/playbooks")).ShouldContain($"{name}</span><span class=\"small text-muted\">version 2");

        var sales = await StaffPages.SignInAsync(app, "sales@harbor.example");
        (await sales.GetAsync("/app/sales/playbooks")).Headers.Location!.OriginalString.ShouldContain("/denied");
        (await sales.GetAsync(editUrl)).Headers.Location!.OriginalString.ShouldContain("/denied");
    }
}
