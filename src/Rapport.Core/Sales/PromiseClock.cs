namespace Rapport.Core.Sales;

/// <summary>
/// Starts and completes a deal's promise milestones as it enters stages: entering a milestone's stage gives it its
/// due date (the business's local date of entry plus its days); entering its completing stage records it kept.
/// A milestone starts once: moving back and forward again does not move its due date.
/// </summary>
public static class PromiseClock
{
    public static void EnterStage(Deal deal, PlaybookDefinition playbook, string stage, Guid? byId, DateTime now, DateOnly today)
    {
        foreach (var m in playbook.Milestones)
        {
            if (Same(m.FromStage, stage) && deal.Milestones.All(x => x.MilestoneId != m.Id))
                deal.Milestones.Add(new DealMilestone
                {
                    BusinessId = deal.BusinessId, DealId = deal.Id, MilestoneId = m.Id, Title = m.Title, OwnerId = deal.OwnerId,
                    StartedAt = now, DueOn = today.AddDays(m.Days),
                });
            if (m.CompletedOnStage is { } completing && Same(completing, stage)
                && deal.Milestones.FirstOrDefault(x => x.MilestoneId == m.Id) is { CompletedAt: null } open)
                Complete(open, byId, now, today);
        }
    }

    public static void Complete(DealMilestone milestone, Guid? byId, DateTime at, DateOnly on)
    {
        milestone.CompletedAt = at;
        milestone.CompletedOn = on;
        milestone.CompletedById = byId;
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
