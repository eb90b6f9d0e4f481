using Rapport.Core.Audit;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Data;
using Rapport.Core.Delivery;

namespace Rapport.Core.Sales;

/// <summary>Records a promise kept: the milestone's completion, on time when not after its due date.</summary>
public static class CompleteMilestone
{
    /// <param name="CompletedOn">The business's local date it was kept; today when left out.</param>
    public sealed record Command(DateOnly? CompletedOn);

    public static async Task<Result<DealView>> HandleAsync(RapportDb db, Actor actor, Guid dealId, Guid milestoneId, Command c, TimeProvider time, CancellationToken ct)
    {
        var found = await db.FindWorkableDealAsync(actor, dealId, ct);
        if (!found.Succeeded) return found.Failure;
        var deal = found.Value;
        var milestone = deal.Milestones.FirstOrDefault(m => m.Id == milestoneId);
        if (milestone is null) return Failure.NotFound("Milestone");
        var now = time.GetUtcNow().UtcDateTime;
        var today = BusinessClock.Today(now, await db.TimeZoneAsync(ct));
        var on = c.CompletedOn ?? today;
        if (on > today) return Failure.Invalid("completedOn", "Not in the future.");
        if (on < DateOnly.FromDateTime(milestone.StartedAt).AddDays(-1)) return Failure.Invalid("completedOn", "Not before the milestone started.");
        if (milestone.CompletedAt is not null) return Failure.Conflict($"\u201c{milestone.Title}\u201d is already recorded as done.");

        PromiseClock.Complete(milestone, actor.StaffId, now, on);
        deal.Touch(now);
        db.Audit(actor, nameof(Deal), deal.Id, "milestone completed", new { milestone.Title, milestone.DueOn }, new { milestone.Title, milestone.DueOn, milestone.CompletedOn });
        var saved = await DealSaving.SaveAsync(db, ct);
        if (!saved.Succeeded) return saved.Failure;
        return await GetDeal.ViewAsync(db, deal, time, ct);
    }
}
