using System.Globalization;
using Rapport.Core.Customers;

namespace Rapport.Core.Sales;

/// <summary>A required step not done yet, in words a salesperson understands.</summary>
public sealed record MissingStep(Guid StepId, StepKind Kind, string Stage, string Title);

/// <summary>A meeting on the deal that was held (its outcome logged), with the committee roles of those who attended.</summary>
public sealed record HeldMeeting(Guid MeetingId, IReadOnlyCollection<BuyingRole> RolesPresent);

/// <summary>A step done by hand: a checklist item confirmed, a document sent, an approval given.</summary>
public sealed record StepRecord(Guid StepId, StepKind Kind);

/// <summary>Everything the gate looks at for one deal, as plain data.</summary>
public sealed record GateEvidence(
    IReadOnlyDictionary<Guid, string> Answers,
    IReadOnlyCollection<BuyingRole> CommitteeRoles,
    IReadOnlyList<HeldMeeting> Meetings,
    IReadOnlyCollection<StepRecord> Records)
{
    public static GateEvidence None { get; } = new(new Dictionary<Guid, string>(), [], [], []);
}

/// <summary>
/// The stage gate: a pure function of the playbook version and the deal's evidence. Moving forward needs the
/// required steps of the stage being left and of every stage passed over; moving back needs nothing.
/// </summary>
public static class StageGate
{
    /// <summary>What is missing to move from <paramref name="fromStage"/> to <paramref name="toStage"/>; empty when the move may go ahead.</summary>
    public static IReadOnlyList<MissingStep> Missing(PlaybookDefinition playbook, string fromStage, string toStage, GateEvidence evidence)
    {
        var from = playbook.IndexOf(fromStage);
        var to = playbook.IndexOf(toStage);
        if (from < 0 || to < 0 || to <= from) return [];
        return playbook.Stages.Skip(from).Take(to - from).SelectMany(s => Missing(s, evidence)).ToList();
    }

    /// <summary>The stage's required steps that are not done.</summary>
    public static IReadOnlyList<MissingStep> Missing(StageDefinition stage, GateEvidence evidence) =>
        stage.Steps.Select(step => Check(stage, step, evidence)).OfType<MissingStep>().ToList();

    private static MissingStep? Check(StageDefinition stage, StepDefinition step, GateEvidence e)
    {
        string? missing = step.Kind switch
        {
            StepKind.Questionnaire => Unanswered(step, e) is { Count: > 0 } open
                ? $"{step.Title}: answer {Join(open.Select(q => Quote(q.Text)))}" : null,
            StepKind.StakeholdersMapped => step.Roles.Distinct().Where(r => !e.CommitteeRoles.Contains(r)).ToList() is { Count: > 0 } roles
                ? $"{step.Title}: add {Join(roles.Select(r => WithArticle(RoleName(r))))} to the buying committee" : null,
            StepKind.MeetingHeld => MeetingMissing(step, e),
            StepKind.DocumentSent => Done(step, e) ? null : $"{step.Title}: not sent yet",
            StepKind.Checklist => Done(step, e) ? null : $"{step.Title}: not confirmed yet",
            StepKind.ManagerApproval => Done(step, e) ? null : $"{step.Title}: needs a manager's approval",
            _ => $"{step.Title}: not done",
        };
        return missing is null ? null : new MissingStep(step.Id, step.Kind, stage.Name, missing);
    }

    private static bool Done(StepDefinition step, GateEvidence e) => e.Records.Contains(new StepRecord(step.Id, step.Kind));

    private static List<QuestionDefinition> Unanswered(StepDefinition step, GateEvidence e) =>
        step.Questions.Where(q => q.Required && !(e.Answers.TryGetValue(q.Id, out var a) && IsAnswer(q, a))).ToList();

    /// <summary>Whether a stored value answers the question: a number for numbers, one of the options for a choice, yes or no.</summary>
    public static bool IsAnswer(QuestionDefinition question, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return false;
        var v = value.Trim();
        return question.Type switch
        {
            QuestionType.Number => decimal.TryParse(v, NumberStyles.Number, CultureInfo.InvariantCulture, out _),
            QuestionType.Choice => question.Choices.Contains(v, StringComparer.OrdinalIgnoreCase),
            QuestionType.YesNo => v is "yes" or "no",
            _ => true,
        };
    }

    private static string? MeetingMissing(StepDefinition step, GateEvidence e)
    {
        var roles = step.Roles.Distinct().ToList();
        if (e.Meetings.Count == 0)
            return roles.Count == 0 ? $"{step.Title}: no meeting held yet"
                : $"{step.Title}: hold a meeting with {Join(roles.Select(r => "the " + RoleName(r)))} present";
        if (e.Meetings.Any(m => roles.All(m.RolesPresent.Contains))) return null;
        // Name what the closest meeting lacked, so the salesperson knows whom to bring next time.
        var best = e.Meetings.OrderByDescending(m => roles.Count(m.RolesPresent.Contains)).First();
        var absent = roles.Where(r => !best.RolesPresent.Contains(r)).Select(r => "the " + RoleName(r));
        return $"{step.Title}: no meeting yet with {Join(roles.Select(r => "the " + RoleName(r)))} present ({Join(absent)} missing)";
    }

    public static string RoleName(BuyingRole role) => role switch
    {
        BuyingRole.DecisionMaker => "decision maker",
        BuyingRole.EconomicBuyer => "economic buyer",
        BuyingRole.TechnicalEvaluator => "technical evaluator",
        BuyingRole.User => "user",
        BuyingRole.Influencer => "influencer",
        BuyingRole.Blocker => "blocker",
        _ => role.ToString(),
    };

    // Role names only: "a user", "an economic buyer".
    private static string WithArticle(string noun) => ("aeio".Contains(noun[0]) ? "an " : "a ") + noun;

    private static string Quote(string text) => $"\u201c{text}\u201d";

    private static string Join(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count switch
        {
            0 => "",
            1 => list[0],
            _ => string.Join(", ", list.Take(list.Count - 1)) + " and " + list[^1],
        };
    }
}
