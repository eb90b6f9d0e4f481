using Rapport.Core.Common;
using Rapport.Core.Customers;

namespace Rapport.Core.Sales;

/// <summary>A playbook as written by an owner or manager: its stages, each stage's required steps, and the promise.</summary>
public sealed record PlaybookInput(string? Name, string? ProductLine, IReadOnlyList<StageInput>? Stages, IReadOnlyList<MilestoneInput>? Milestones);

public sealed record StageInput(string? Name, IReadOnlyList<StepInput>? Steps, IReadOnlyList<TouchInput>? Touches = null);

/// <param name="Action">task (for the deal's owner) or email (to the customer, with subject and body).</param>
public sealed record TouchInput(Guid? Id, string? Title, TouchAction? Action, string? Subject, string? Body);

/// <param name="Id">Leave out for a new step; give an existing step's id to keep what deals already did for it.</param>
public sealed record StepInput(Guid? Id, StepKind? Kind, string? Title, IReadOnlyList<QuestionInput>? Questions, IReadOnlyList<BuyingRole>? Roles);

public sealed record QuestionInput(Guid? Id, string? Text, QuestionType? Type, IReadOnlyList<string>? Choices, bool? Required);

public sealed record MilestoneInput(Guid? Id, string? Title, string? FromStage, int? Days, string? CompletedOnStage);

/// <summary>Checks a playbook as written and turns it into the definition a version stores, ids assigned.</summary>
public static class PlaybookRules
{
    public const int MaxStages = 20;
    public const int MaxSteps = 20;
    public const int MaxQuestions = 40;
    public const int MaxChoices = 30;
    public const int MaxMilestones = 20;
    public const int MaxDays = 3650;
    public const int MaxTouches = 10;

    /// <param name="knownSteps">Step and question ids of the playbook's earlier versions: the only ids a revision may name.</param>
    public static Result<PlaybookDefinition> Build(PlaybookInput input, ISet<Guid> knownSteps, bool creating)
    {
        var v = new Validator();
        if (creating || input.Name is not null) v.Required("name", input.Name, SalesLimits.Name);
        if (creating || input.ProductLine is not null) v.Required("productLine", input.ProductLine, SalesLimits.Name);
        var stages = input.Stages ?? [];
        if (stages.Count == 0) v.Add("stages", "List the stages in order, e.g. Qualify, Discover, Propose, Commit, Signed.");
        else if (stages.Count > MaxStages) v.Add("stages", $"At most {MaxStages} stages.");
        var milestones = input.Milestones ?? [];
        if (milestones.Count > MaxMilestones) v.Add("milestones", $"At most {MaxMilestones} milestones.");
        if (!v.IsValid) return v.ToFailure();

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var used = new HashSet<Guid>();
        var built = new List<StageDefinition>();
        for (var i = 0; i < stages.Count; i++)
        {
            var stage = stages[i];
            var at = $"stages[{i}]";
            if (stage is null) { v.Add(at, "A stage is required here."); continue; }
            v.Required($"{at}.name", stage.Name, SalesLimits.Stage);
            if (!string.IsNullOrWhiteSpace(stage.Name) && !names.Add(stage.Name.Trim())) v.Add($"{at}.name", "Each stage needs its own name.");
            var steps = stage.Steps ?? [];
            if (steps.Count > MaxSteps) v.Add($"{at}.steps", $"At most {MaxSteps} steps in a stage.");
            var builtSteps = new List<StepDefinition>();
            for (var j = 0; j < Math.Min(steps.Count, MaxSteps); j++)
                if (Step(v, $"{at}.steps[{j}]", steps[j], knownSteps, used) is { } step) builtSteps.Add(step);
            var touches = stage.Touches ?? [];
            if (touches.Count > MaxTouches) v.Add($"{at}.touches", $"At most {MaxTouches} touches in a stage.");
            var builtTouches = new List<TouchDefinition>();
            for (var j = 0; j < Math.Min(touches.Count, MaxTouches); j++)
                if (Touch(v, $"{at}.touches[{j}]", touches[j], knownSteps, used) is { } touch) builtTouches.Add(touch);
            built.Add(new StageDefinition { Name = stage.Name?.Trim() ?? "", Steps = builtSteps, Touches = builtTouches });
        }

        var builtMilestones = new List<MilestoneDefinition>();
        for (var i = 0; i < milestones.Count; i++)
        {
            var m = milestones[i];
            var at = $"milestones[{i}]";
            if (m is null) { v.Add(at, "A milestone is required here."); continue; }
            v.Required($"{at}.title", m.Title, SalesLimits.Title);
            if (string.IsNullOrWhiteSpace(m.FromStage)) v.Add($"{at}.fromStage", "Say which stage's entry the promise counts from.");
            else if (!names.Contains(m.FromStage.Trim())) v.Add($"{at}.fromStage", $"\u201c{m.FromStage.Trim()}\u201d is not a stage of this playbook.");
            if (m.Days is not { } days) v.Add($"{at}.days", "Say how many days after the stage's entry it is due.");
            else if (days is < 0 or > MaxDays) v.Add($"{at}.days", $"Between 0 and {MaxDays}.");
            if (!string.IsNullOrWhiteSpace(m.CompletedOnStage) && !names.Contains(m.CompletedOnStage.Trim()))
                v.Add($"{at}.completedOnStage", $"\u201c{m.CompletedOnStage.Trim()}\u201d is not a stage of this playbook.");
            var id = Id(v, $"{at}.id", m.Id, knownSteps, used);
            builtMilestones.Add(new MilestoneDefinition
            {
                Id = id, Title = m.Title?.Trim() ?? "", FromStage = Canonical(built, m.FromStage), Days = m.Days ?? 0,
                CompletedOnStage = string.IsNullOrWhiteSpace(m.CompletedOnStage) ? null : Canonical(built, m.CompletedOnStage),
            });
        }
        if (!v.IsValid) return v.ToFailure();
        return new PlaybookDefinition(built, builtMilestones);
    }

    private static StepDefinition? Step(Validator v, string at, StepInput? step, ISet<Guid> known, HashSet<Guid> used)
    {
        if (step is null) { v.Add(at, "A step is required here."); return null; }
        v.Required($"{at}.title", step.Title, SalesLimits.Title);
        if (step.Kind is null)
            v.Add($"{at}.kind", "One of questionnaire, stakeholdersMapped, meetingHeld, documentSent, checklist, managerApproval.");
        var id = Id(v, $"{at}.id", step.Id, known, used);
        var questions = new List<QuestionDefinition>();
        var roles = (step.Roles ?? []).Distinct().ToList();
        switch (step.Kind)
        {
            case StepKind.Questionnaire:
                var input = step.Questions ?? [];
                if (input.Count == 0) v.Add($"{at}.questions", "A questionnaire needs at least one question.");
                else if (input.Count > MaxQuestions) v.Add($"{at}.questions", $"At most {MaxQuestions} questions.");
                for (var k = 0; k < Math.Min(input.Count, MaxQuestions); k++)
                    if (Question(v, $"{at}.questions[{k}]", input[k], known, used) is { } q) questions.Add(q);
                break;
            case StepKind.StakeholdersMapped or StepKind.MeetingHeld when roles.Count == 0:
                v.Add($"{at}.roles", step.Kind == StepKind.MeetingHeld
                    ? "Say whose presence counts, e.g. decisionMaker and economicBuyer."
                    : "Say which roles the committee must include, e.g. decisionMaker and technicalEvaluator.");
                break;
        }
        return new StepDefinition
        {
            Id = id, Kind = step.Kind ?? StepKind.Checklist, Title = step.Title?.Trim() ?? "", Questions = questions,
            Roles = step.Kind is StepKind.StakeholdersMapped or StepKind.MeetingHeld ? roles : [],
        };
    }

    private static TouchDefinition? Touch(Validator v, string at, TouchInput? touch, ISet<Guid> known, HashSet<Guid> used)
    {
        if (touch is null) { v.Add(at, "A touch is required here."); return null; }
        v.Required($"{at}.title", touch.Title, SalesLimits.Title);
        if (touch.Action is null) v.Add($"{at}.action", "task or email.");
        if (touch.Action == TouchAction.Email)
        {
            v.Required($"{at}.subject", touch.Subject, SalesLimits.Title);
            v.Required($"{at}.body", touch.Body, SalesLimits.Text);
        }
        return new TouchDefinition
        {
            Id = Id(v, $"{at}.id", touch.Id, known, used), Title = touch.Title?.Trim() ?? "", Action = touch.Action ?? TouchAction.Task,
            Subject = touch.Action == TouchAction.Email ? touch.Subject?.Trim() : null, Body = touch.Action == TouchAction.Email ? touch.Body?.Trim() : null,
        };
    }

    private static QuestionDefinition? Question(Validator v, string at, QuestionInput? q, ISet<Guid> known, HashSet<Guid> used)
    {
        if (q is null) { v.Add(at, "A question is required here."); return null; }
        v.Required($"{at}.text", q.Text, SalesLimits.Title);
        if (q.Type is null) v.Add($"{at}.type", "One of text, number, choice, yesNo.");
        var choices = (q.Choices ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (q.Type == QuestionType.Choice)
        {
            if (choices.Count < 2) v.Add($"{at}.choices", "A choice needs at least two options.");
            else if (choices.Count > MaxChoices) v.Add($"{at}.choices", $"At most {MaxChoices} options.");
            foreach (var c in choices) v.MaxLength($"{at}.choices", c, SalesLimits.Short);
        }
        return new QuestionDefinition
        {
            Id = Id(v, $"{at}.id", q.Id, known, used), Text = q.Text?.Trim() ?? "", Type = q.Type ?? QuestionType.Text,
            Choices = q.Type == QuestionType.Choice ? choices : [], Required = q.Required ?? false,
        };
    }

    private static Guid Id(Validator v, string at, Guid? given, ISet<Guid> known, HashSet<Guid> used)
    {
        if (given is not { } id) return Guid.CreateVersion7();
        if (!known.Contains(id)) v.Add(at, "Not an id of this playbook: leave it out for something new.");
        else if (!used.Add(id)) v.Add(at, "Used twice.");
        return id;
    }

    private static string Canonical(List<StageDefinition> stages, string? name) =>
        stages.FirstOrDefault(s => string.Equals(s.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase))?.Name ?? name?.Trim() ?? "";

    /// <summary>Every id a version holds: steps, questions and milestones.</summary>
    public static IEnumerable<Guid> Ids(PlaybookDefinition d) =>
        d.Stages.SelectMany(s => s.Steps).SelectMany(s => s.Questions.Select(q => q.Id).Prepend(s.Id))
            .Concat(d.Stages.SelectMany(s => s.Touches).Select(t => t.Id)).Concat(d.Milestones.Select(m => m.Id));
}
