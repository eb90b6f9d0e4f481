using Rapport.Core.Customers;
using Rapport.Core.Sales;

namespace Rapport.UnitTests.Sales;

/// <summary>The gate is a pure function of the playbook version and the deal's evidence: one test per step kind and then some.</summary>
public class StageGateTests
{
    private static readonly QuestionDefinition Volume = new() { Id = Guid.NewGuid(), Text = "Laundry volume per day (lbs)", Type = QuestionType.Number, Required = true };
    private static readonly QuestionDefinition Layout = new() { Id = Guid.NewGuid(), Text = "Floor layout", Type = QuestionType.Choice, Choices = ["Basement", "Ground floor"], Required = true };
    private static readonly QuestionDefinition Water = new() { Id = Guid.NewGuid(), Text = "Three-phase power and hot water on site?", Type = QuestionType.YesNo, Required = true };
    private static readonly QuestionDefinition SignsOff = new() { Id = Guid.NewGuid(), Text = "Who signs off", Type = QuestionType.Text, Required = true };
    private static readonly QuestionDefinition Notes = new() { Id = Guid.NewGuid(), Text = "Anything else", Type = QuestionType.Text };

    private static readonly StepDefinition Questionnaire = new()
    {
        Id = Guid.NewGuid(), Kind = StepKind.Questionnaire, Title = "Discovery questions", Questions = [Volume, Layout, Water, SignsOff, Notes],
    };
    private static readonly StepDefinition Committee = new()
    {
        Id = Guid.NewGuid(), Kind = StepKind.StakeholdersMapped, Title = "Buying committee mapped", Roles = [BuyingRole.DecisionMaker, BuyingRole.TechnicalEvaluator],
    };
    private static readonly StepDefinition Meeting = new()
    {
        Id = Guid.NewGuid(), Kind = StepKind.MeetingHeld, Title = "Meeting with the decision makers", Roles = [BuyingRole.DecisionMaker, BuyingRole.EconomicBuyer],
    };
    private static readonly StepDefinition QuoteSent = new() { Id = Guid.NewGuid(), Kind = StepKind.DocumentSent, Title = "Quote with ROI sent" };
    private static readonly StepDefinition SiteLayout = new() { Id = Guid.NewGuid(), Kind = StepKind.Checklist, Title = "Site layout confirmed" };
    private static readonly StepDefinition Approval = new() { Id = Guid.NewGuid(), Kind = StepKind.ManagerApproval, Title = "Price approved" };

    private static readonly PlaybookDefinition Playbook = new(
    [
        new StageDefinition { Name = "Qualify", Steps = [Committee] },
        new StageDefinition { Name = "Discover", Steps = [Questionnaire, Meeting] },
        new StageDefinition { Name = "Propose", Steps = [QuoteSent, Approval] },
        new StageDefinition { Name = "Commit", Steps = [SiteLayout] },
        new StageDefinition { Name = "Signed" },
    ], []);

    private static GateEvidence Evidence(
        Dictionary<Guid, string>? answers = null, BuyingRole[]? committee = null, HeldMeeting[]? meetings = null, StepRecord[]? records = null) =>
        new(answers ?? [], committee ?? [], meetings ?? [], records ?? []);

    private static GateEvidence AllDone() => Evidence(
        new() { [Volume.Id] = "1100", [Layout.Id] = "Basement", [Water.Id] = "yes", [SignsOff.Id] = "Richard Hale" },
        [BuyingRole.DecisionMaker, BuyingRole.TechnicalEvaluator],
        [new HeldMeeting(Guid.NewGuid(), [BuyingRole.DecisionMaker, BuyingRole.EconomicBuyer])],
        [new StepRecord(QuoteSent.Id, StepKind.DocumentSent), new StepRecord(Approval.Id, StepKind.ManagerApproval), new StepRecord(SiteLayout.Id, StepKind.Checklist)]);

    [Fact]
    public void With_every_step_done_nothing_is_missing_all_the_way_to_signed() =>
        StageGate.Missing(Playbook, "Qualify", "Signed", AllDone()).ShouldBeEmpty();

    [Fact]
    public void Questionnaire_lists_the_required_questions_not_answered_and_ignores_optional_ones()
    {
        var missing = StageGate.Missing(Playbook.Stages[1], Evidence(new() { [Volume.Id] = "1100" }))
            .Single(m => m.Kind == StepKind.Questionnaire);

        missing.StepId.ShouldBe(Questionnaire.Id);
        missing.Stage.ShouldBe("Discover");
        missing.Title.ShouldBe("Discovery questions: answer \u201cFloor layout\u201d, \u201cThree-phase power and hot water on site?\u201d and \u201cWho signs off\u201d");
        missing.Title.ShouldNotContain("Anything else");
    }

    [Theory]
    [InlineData(QuestionType.Number, "about a ton", false)]
    [InlineData(QuestionType.Number, "1,100.5", true)]
    [InlineData(QuestionType.Choice, "Roof", false)]
    [InlineData(QuestionType.Choice, "basement", true)]
    [InlineData(QuestionType.YesNo, "maybe", false)]
    [InlineData(QuestionType.YesNo, "no", true)]
    [InlineData(QuestionType.Text, "   ", false)]
    [InlineData(QuestionType.Text, "Richard Hale", true)]
    public void An_answer_counts_only_when_it_fits_the_question(QuestionType type, string value, bool counts)
    {
        var question = new QuestionDefinition { Id = Guid.NewGuid(), Text = "Q", Type = type, Choices = ["Basement", "Ground floor"], Required = true };
        StageGate.IsAnswer(question, value).ShouldBe(counts);
    }

    [Fact]
    public void Stakeholders_mapped_names_the_roles_the_committee_lacks()
    {
        var missing = StageGate.Missing(Playbook, "Qualify", "Discover", Evidence(committee: [BuyingRole.DecisionMaker, BuyingRole.User])).Single();

        (missing.StepId, missing.Kind).ShouldBe((Committee.Id, StepKind.StakeholdersMapped));
        missing.Title.ShouldBe("Buying committee mapped: add a technical evaluator to the buying committee");
        StageGate.Missing(Playbook, "Qualify", "Discover", Evidence(committee: [BuyingRole.TechnicalEvaluator, BuyingRole.DecisionMaker])).ShouldBeEmpty();
    }

    [Fact]
    public void Meeting_held_needs_one_meeting_with_every_required_role_present()
    {
        var answers = AllDone().Answers.ToDictionary();
        StageGate.Missing(Playbook.Stages[1], Evidence(answers)).Single().Title
            .ShouldBe("Meeting with the decision makers: hold a meeting with the decision maker and the economic buyer present");

        // Two meetings that together had everyone do not make one where everyone was there.
        var split = Evidence(answers, meetings:
        [
            new HeldMeeting(Guid.NewGuid(), [BuyingRole.DecisionMaker]),
            new HeldMeeting(Guid.NewGuid(), [BuyingRole.EconomicBuyer, BuyingRole.User]),
        ]);
        var missing = StageGate.Missing(Playbook.Stages[1], split).Single();
        (missing.StepId, missing.Kind).ShouldBe((Meeting.Id, StepKind.MeetingHeld));
        missing.Title.ShouldContain("(the economic buyer missing)");

        StageGate.Missing(Playbook.Stages[1], Evidence(answers, meetings:
            [new HeldMeeting(Guid.NewGuid(), [BuyingRole.EconomicBuyer, BuyingRole.DecisionMaker, BuyingRole.User])])).ShouldBeEmpty();
    }

    [Fact]
    public void Document_sent_checklist_and_approval_each_need_their_own_record()
    {
        var missing = StageGate.Missing(Playbook, "Propose", "Signed", Evidence());
        missing.Select(m => (m.StepId, m.Kind, m.Title)).ShouldBe(
        [
            (QuoteSent.Id, StepKind.DocumentSent, "Quote with ROI sent: not sent yet"),
            (Approval.Id, StepKind.ManagerApproval, "Price approved: needs a manager's approval"),
            (SiteLayout.Id, StepKind.Checklist, "Site layout confirmed: not confirmed yet"),
        ]);

        // A record of another kind against the same step does not count.
        StageGate.Missing(Playbook, "Commit", "Signed", Evidence(records: [new StepRecord(SiteLayout.Id, StepKind.ManagerApproval)]))
            .Single().StepId.ShouldBe(SiteLayout.Id);
        StageGate.Missing(Playbook, "Commit", "Signed", Evidence(records: [new StepRecord(SiteLayout.Id, StepKind.Checklist)])).ShouldBeEmpty();
    }

    [Fact]
    public void Skipping_ahead_checks_every_stage_passed_and_only_those()
    {
        var evidence = Evidence(committee: [BuyingRole.DecisionMaker, BuyingRole.TechnicalEvaluator]);

        StageGate.Missing(Playbook, "Qualify", "Commit", evidence).Select(m => m.Stage).Distinct().ShouldBe(["Discover", "Propose"]);
        StageGate.Missing(Playbook, "Qualify", "Discover", evidence).ShouldBeEmpty();
    }

    [Fact]
    public void Moving_back_or_staying_needs_nothing()
    {
        StageGate.Missing(Playbook, "Commit", "Qualify", Evidence()).ShouldBeEmpty();
        StageGate.Missing(Playbook, "Commit", "Commit", Evidence()).ShouldBeEmpty();
    }

    [Fact]
    public void Stage_names_compare_ignoring_case() =>
        StageGate.Missing(Playbook, "propose", "COMMIT", Evidence()).Count.ShouldBe(2);

    [Fact]
    public void The_gate_depends_on_nothing_but_its_inputs()
    {
        var evidence = Evidence(committee: [BuyingRole.DecisionMaker]);
        var first = StageGate.Missing(Playbook, "Qualify", "Signed", evidence);
        var again = StageGate.Missing(Playbook, "Qualify", "Signed", evidence);
        again.ShouldBe(first);
    }
}
