using Rapport.Core.Customers;
using Rapport.Core.Data;

namespace Rapport.Core.Sales;

/// <summary>
/// The sales process for a product line: its stages in order, the steps each stage requires before a deal may
/// leave it, and the promise's dated milestones. Changing it makes a new <see cref="PlaybookVersion"/>; running
/// deals keep the version they started on, so what they already satisfied is never rewritten.
/// </summary>
public sealed class Playbook : IBusinessOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid BusinessId { get; set; }
    public required string Name { get; set; }
    /// <summary>What it sells, e.g. "Washer-extractors"; new deals for the line start on this playbook.</summary>
    public required string ProductLine { get; set; }
    /// <summary>The version new deals start on: the latest.</summary>
    public Guid CurrentVersionId { get; set; }
    public int CurrentVersionNumber { get; set; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>One version of a playbook; never changed once written.</summary>
public sealed class PlaybookVersion : IBusinessOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid BusinessId { get; set; }
    public Guid PlaybookId { get; init; }
    /// <summary>1, 2, 3… within the playbook.</summary>
    public int Number { get; init; }
    /// <summary>The stages in order (stored as JSON).</summary>
    public List<StageDefinition> Stages { get; init; } = [];
    /// <summary>The promise: milestones measured from a stage's entry (stored as JSON).</summary>
    public List<MilestoneDefinition> Milestones { get; init; } = [];
    public DateTime CreatedAt { get; init; }
    public Guid? CreatedById { get; init; }
    public string? CreatedByName { get; init; }

    public PlaybookDefinition Definition => new(Stages, Milestones);
}

/// <summary>What a playbook version says, as plain data: the input of the stage gate.</summary>
public sealed record PlaybookDefinition(IReadOnlyList<StageDefinition> Stages, IReadOnlyList<MilestoneDefinition> Milestones)
{
    /// <summary>The stage's position in the order, or -1 when the playbook has no such stage (names compare ignoring case).</summary>
    public int IndexOf(string? stage) =>
        stage is null ? -1 : Stages.ToList().FindIndex(s => string.Equals(s.Name, stage, StringComparison.OrdinalIgnoreCase));

    public StepDefinition? Step(Guid stepId) => Stages.SelectMany(s => s.Steps).FirstOrDefault(s => s.Id == stepId);

    public StageDefinition? StageOf(Guid stepId) => Stages.FirstOrDefault(s => s.Steps.Any(x => x.Id == stepId));
}

/// <summary>A stage of the process and the steps required before a deal may leave it.</summary>
public sealed record StageDefinition
{
    public required string Name { get; init; }
    public IReadOnlyList<StepDefinition> Steps { get; init; } = [];
    /// <summary>Added value given by process to every deal entering the stage, e.g. "send the productivity booklet".</summary>
    public IReadOnlyList<TouchDefinition> Touches { get; init; } = [];
}

/// <summary>How a touch is given: a task for the deal's owner, or an e-mail to the customer through the outbox.</summary>
public enum TouchAction { Task, Email }

/// <summary>A touch rule of a stage: on entering it, make a task or queue an e-mail, once per deal.</summary>
public sealed record TouchDefinition
{
    public Guid Id { get; init; }
    /// <summary>What is given, e.g. "Send the productivity booklet".</summary>
    public required string Title { get; init; }
    public TouchAction Action { get; init; }
    /// <summary>For an e-mail: its subject and text.</summary>
    public string? Subject { get; init; }
    public string? Body { get; init; }
}

/// <summary>The kinds of evidence a stage may require.</summary>
public enum StepKind
{
    /// <summary>The required questions of a formula of discovery questions are answered.</summary>
    Questionnaire,
    /// <summary>The deal's buying committee includes the given roles.</summary>
    StakeholdersMapped,
    /// <summary>A meeting on the deal was held (its outcome logged) with the given roles present.</summary>
    MeetingHeld,
    /// <summary>A document (a quote, the onboarding package) was sent to the customer.</summary>
    DocumentSent,
    /// <summary>A checklist item was confirmed, e.g. site layout confirmed.</summary>
    Checklist,
    /// <summary>An owner or manager approved.</summary>
    ManagerApproval,
}

/// <summary>One required step. Its id stays the same across versions, so evidence recorded against it keeps counting.</summary>
public sealed record StepDefinition
{
    public Guid Id { get; init; }
    public StepKind Kind { get; init; }
    /// <summary>In the salesperson's words, e.g. "Site layout confirmed" or "Send the quote".</summary>
    public required string Title { get; init; }
    /// <summary>For a questionnaire: its questions in order.</summary>
    public IReadOnlyList<QuestionDefinition> Questions { get; init; } = [];
    /// <summary>For stakeholders mapped: the roles the committee must include; for a meeting held: the roles that must be present.</summary>
    public IReadOnlyList<BuyingRole> Roles { get; init; } = [];
}

public enum QuestionType { Text, Number, Choice, YesNo }

/// <summary>A discovery question, e.g. "Laundry volume per day (lbs)".</summary>
public sealed record QuestionDefinition
{
    public Guid Id { get; init; }
    public required string Text { get; init; }
    public QuestionType Type { get; init; }
    /// <summary>For a choice: the options.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];
    public bool Required { get; init; }
}

/// <summary>
/// A dated promise, e.g. "Signed + 28 days: delivered". When a deal enters <see cref="FromStage"/> the milestone
/// gets its due date; it is completed when recorded, or when the deal enters <see cref="CompletedOnStage"/>.
/// </summary>
public sealed record MilestoneDefinition
{
    public Guid Id { get; init; }
    /// <summary>The kind of promise, e.g. "Delivered", "Onboarding package sent", "Follow-up visit".</summary>
    public required string Title { get; init; }
    public required string FromStage { get; init; }
    public int Days { get; init; }
    public string? CompletedOnStage { get; init; }
}
