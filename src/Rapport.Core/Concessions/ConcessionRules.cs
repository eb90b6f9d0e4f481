using Rapport.Core.Businesses;

namespace Rapport.Core.Concessions;

/// <summary>
/// The most one concession may be worth before it waits for approval, per role; null means no limit. The owner has none
/// and sets the others (defaults: service $25, sales $500, managers without limit).
/// </summary>
public sealed record ConcessionLimitSet(decimal? Manager, decimal? Sales, decimal? Service)
{
    public static readonly ConcessionLimitSet Default = new(null, 500m, 25m);

    /// <summary>The role's limit; null for none. Drivers grant nothing, so theirs is zero.</summary>
    public decimal? For(StaffRole role) => role switch
    {
        StaffRole.Owner => null,
        StaffRole.Manager => Manager,
        StaffRole.Sales => Sales,
        StaffRole.Service => Service,
        _ => 0m,
    };
}

/// <summary>The pure rules of the ledger: when a concession waits, and who may decide one that waits.</summary>
public static class ConcessionRules
{
    /// <summary>Whether a concession of this value from this role waits for approval: only when above the role's limit.</summary>
    public static bool NeedsApproval(StaffRole granter, decimal listValue, ConcessionLimitSet limits) =>
        limits.For(granter) is { } limit && listValue > limit;

    /// <summary>
    /// Whether this staff member may approve or refuse a waiting concession: owners always; managers when its value is
    /// within their own limit (a manager over hers waits for the owner); nobody else.
    /// </summary>
    public static bool MayDecide(StaffRole decider, decimal listValue, ConcessionLimitSet limits) =>
        decider.DecidesConcessions() && !NeedsApproval(decider, listValue, limits);
}
