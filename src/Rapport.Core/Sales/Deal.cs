using Rapport.Core.Customers;
using Rapport.Core.Data;

namespace Rapport.Core.Sales;

/// <summary>
/// A sale in progress with an organisation or person customer, run through one version of a playbook: its stage,
/// owner, amount, the buying committee for this deal, the answers and evidence its stages' gates look at, and the
/// promise's milestones.
/// </summary>
public sealed class Deal : IBusinessOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid BusinessId { get; set; }
    public Guid CustomerId { get; set; }
    public required string Name { get; set; }
    public Guid PlaybookId { get; set; }
    /// <summary>The playbook version the deal runs on; a newer version of the playbook does not change it.</summary>
    public Guid PlaybookVersionId { get; set; }
    /// <summary>The current stage's name, as in the playbook version.</summary>
    public required string Stage { get; set; }
    public DateTime StageEnteredAt { get; set; }
    /// <summary>The salesperson who owns the deal.</summary>
    public Guid OwnerId { get; set; }
    public decimal? Amount { get; set; }
    public DateOnly? ExpectedCloseOn { get; set; }
    /// <summary>Stored as JSON.</summary>
    public List<string> ProductLines { get; set; } = [];
    /// <summary>Competitors the customer mentioned; stored as JSON.</summary>
    public List<string> Competitors { get; set; } = [];
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>Changes on every write, so two people moving the same deal at once cannot both win.</summary>
    public Guid Stamp { get; set; } = Guid.NewGuid();

    public List<DealAnswer> Answers { get; init; } = [];
    public List<DealStakeholder> Committee { get; init; } = [];
    public List<DealEvidence> Evidence { get; init; } = [];
    public List<DealStageChange> StageChanges { get; init; } = [];
    public List<DealOverride> Overrides { get; init; } = [];
    public List<DealMilestone> Milestones { get; init; } = [];

    public void Touch(DateTime now)
    {
        UpdatedAt = now;
        Stamp = Guid.NewGuid();
    }
}

/// <summary>An answer to one question of a questionnaire, as text (numbers invariant, yes/no as "yes" or "no").</summary>
public sealed class DealAnswer : IBusinessOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid BusinessId { get; set; }
    public Guid DealId { get; set; }
    public Guid QuestionId { get; set; }
    public required string Value { get; set; }
    public DateTime AnsweredAt { get; set; }
    public Guid? AnsweredById { get; set; }
}

/// <summary>How well we know someone in the buying committee.</summary>
public enum RelationshipStrength { Unknown, Met, Ally, Champion, Sceptic }

/// <summary>A member of the deal's buying committee: one of the customer's stakeholders, with their role in this deal.</summary>
public sealed class DealStakeholder : IBusinessOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid BusinessId { get; set; }
    public Guid DealId { get; set; }
    /// <summary>The customer's <see cref="Stakeholder"/>.</summary>
    public Guid StakeholderId { get; set; }
    public BuyingRole Role { get; set; }
    public RelationshipStrength Strength { get; set; }
    public DateTime AddedAt { get; init; }
}

/// <summary>
/// Evidence of a step done by hand: a checklist item confirmed, a document sent, a manager's approval.
/// Kept against the step's id, which stays the same across playbook versions.
/// </summary>
public sealed class DealEvidence : IBusinessOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid BusinessId { get; set; }
    public Guid DealId { get; set; }
    public Guid StepId { get; set; }
    public StepKind Kind { get; set; }
    public DateTime At { get; set; }
    public Guid? ById { get; set; }
    public string? ByName { get; set; }
    /// <summary>For a document: what was sent, e.g. "Quote Q-3318".</summary>
    public string? Document { get; set; }
    /// <summary>For a document that is a quote: the quote sent.</summary>
    public Guid? QuoteId { get; set; }
    public string? Note { get; set; }
}

/// <summary>A move from one stage to another, who made it and whether a manager overrode the gate.</summary>
public sealed class DealStageChange : IBusinessOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid BusinessId { get; set; }
    public Guid DealId { get; set; }
    public required string FromStage { get; set; }
    public required string ToStage { get; set; }
    public DateTime At { get; set; }
    public Guid? ById { get; set; }
    public string? ByName { get; set; }
    public Guid? OverrideId { get; set; }
}

/// <summary>A manager let a deal past its gate with steps missing: who, when, which steps and why. Visible on the deal.</summary>
public sealed class DealOverride : IBusinessOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid BusinessId { get; set; }
    public Guid DealId { get; set; }
    public required string FromStage { get; set; }
    public required string ToStage { get; set; }
    public DateTime At { get; set; }
    public Guid? ById { get; set; }
    public string? ByName { get; set; }
    public required string Reason { get; set; }
    /// <summary>The steps that were missing (stored as JSON).</summary>
    public List<MissingStep> MissingSteps { get; set; } = [];
}

/// <summary>One dated promise on a deal: due a number of days after the deal entered a stage; completed when kept.</summary>
public sealed class DealMilestone : IBusinessOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid BusinessId { get; set; }
    public Guid DealId { get; set; }
    /// <summary>The <see cref="MilestoneDefinition"/> of the deal's playbook version.</summary>
    public Guid MilestoneId { get; set; }
    /// <summary>The kind of promise, e.g. "Delivered".</summary>
    public required string Title { get; set; }
    /// <summary>The deal's owner when the milestone started, for the promises report.</summary>
    public Guid OwnerId { get; set; }
    public DateTime StartedAt { get; set; }
    /// <summary>The business's local date by which it is kept.</summary>
    public DateOnly DueOn { get; set; }
    public DateTime? CompletedAt { get; set; }
    /// <summary>The business's local date it was kept on; on time when not after <see cref="DueOn"/>.</summary>
    public DateOnly? CompletedOn { get; set; }
    public Guid? CompletedById { get; set; }
}
