using Rapport.Core.Customers;

namespace Rapport.Core.Sales;

/// <summary>A deal on the board or in a list: where it is, whose it is, how long it has been there, and whether its gate is open.</summary>
public sealed record DealSummary(
    Guid Id, string Name, Guid CustomerId, string CustomerName, Guid PlaybookId, string Stage, int StageIndex,
    Guid OwnerId, string? OwnerName, decimal? Amount, DateOnly? ExpectedCloseOn, DateTime StageEnteredAt, int DaysInStage,
    bool GateOpen, int MissingSteps, DateTime UpdatedAt);

public enum StageState { Passed, Current, Ahead }

/// <summary>One required step and whether it is done.</summary>
public sealed record StepStatus(Guid StepId, StepKind Kind, string Title, bool Done, string? Missing, IReadOnlyList<QuestionDefinition>? Questions, IReadOnlyList<BuyingRole>? Roles);

/// <summary>A stage of the deal's playbook version with its steps' status: the deal page's checklist.</summary>
public sealed record DealStageView(string Name, StageState State, bool GateOpen, IReadOnlyList<StepStatus> Steps);

public sealed record AnswerView(Guid QuestionId, Guid StepId, string Question, QuestionType Type, string Value, DateTime AnsweredAt);

public sealed record CommitteeMemberView(Guid Id, Guid StakeholderId, string Name, string? Title, BuyingRole Role, RelationshipStrength Strength, DateTime AddedAt);

public sealed record EvidenceView(Guid Id, Guid StepId, StepKind Kind, string? Step, DateTime At, string? ByName, string? Document, Guid? QuoteId, string? Note);

public sealed record StageChangeView(Guid Id, string FromStage, string ToStage, DateTime At, string? ByName, Guid? OverrideId);

public sealed record OverrideView(Guid Id, string FromStage, string ToStage, DateTime At, Guid? ById, string? ByName, string Reason, IReadOnlyList<MissingStep> MissingSteps);

public enum MilestoneState { Open, Overdue, KeptOnTime, Late }

public sealed record MilestoneView(Guid Id, Guid MilestoneId, string Title, DateTime StartedAt, DateOnly DueOn, DateTime? CompletedAt, DateOnly? CompletedOn, MilestoneState State)
{
    public static MilestoneView Of(DealMilestone m, DateOnly today) => new(m.Id, m.MilestoneId, m.Title, m.StartedAt, m.DueOn, m.CompletedAt, m.CompletedOn,
        m.CompletedOn is { } done ? done <= m.DueOn ? MilestoneState.KeptOnTime : MilestoneState.Late
        : today > m.DueOn ? MilestoneState.Overdue : MilestoneState.Open);
}

public sealed record QuoteSummary(Guid Id, string Title, decimal Price, decimal? ExpectedAnnualReturn, decimal? PaybackMonths, DateTime CreatedAt, DateTime? SentAt, DateTime? FirstViewedAt);

/// <summary>
/// The deal whole, for its page: the playbook version's stages with each step's status, the questionnaire answers,
/// the committee, evidence, stage history, overrides, milestones, meetings and quotes.
/// </summary>
public sealed record DealView(
    Guid Id, string Name, Guid CustomerId, string CustomerName, Guid PlaybookId, string PlaybookName, Guid PlaybookVersionId,
    int PlaybookVersion, int LatestPlaybookVersion, string Stage, string? NextStage, DateTime StageEnteredAt, int DaysInStage,
    Guid OwnerId, string? OwnerName, decimal? Amount, DateOnly? ExpectedCloseOn, IReadOnlyList<string> ProductLines,
    IReadOnlyList<string> Competitors, bool GateOpen, IReadOnlyList<MissingStep> MissingSteps, IReadOnlyList<DealStageView> Stages,
    IReadOnlyList<AnswerView> Answers, IReadOnlyList<CommitteeMemberView> Committee, IReadOnlyList<EvidenceView> Evidence,
    IReadOnlyList<StageChangeView> StageChanges, IReadOnlyList<OverrideView> Overrides, IReadOnlyList<MilestoneView> Milestones,
    IReadOnlyList<MeetingView> Meetings, IReadOnlyList<QuoteSummary> Quotes, DateTime CreatedAt, DateTime UpdatedAt);
