using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Core.Businesses;
using Rapport.Core.Data;
using Rapport.Core.Delivery;
using Rapport.Core.Scheduling;
using Rapport.Core.Tasks;

namespace Rapport.Core.Sales;

/// <summary>
/// A promise past its date and not kept becomes a task for the deal's owner, once per milestone: it then shows in
/// their To do on the home page until they act on it.
/// </summary>
public static class OverdueMilestones
{
    public const string Source = "milestone";

    public static string KeyOf(Guid milestoneId) => $"milestone:{milestoneId:N}";

    /// <summary>Makes the tasks for the current business; returns how many were new.</summary>
    public static async Task<int> RunAsync(RapportDb db, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var today = BusinessClock.Today(now, await db.TimeZoneAsync(ct));
        var overdue = await db.DealMilestones.AsNoTracking()
            .Where(m => m.CompletedAt == null && m.DueOn < today)
            .Join(db.Deals, m => m.DealId, d => d.Id, (m, d) => new { m.Id, m.Title, m.DueOn, DealName = d.Name, d.CustomerId, d.OwnerId })
            .ToListAsync(ct);
        var made = 0;
        foreach (var m in overdue)
        {
            var added = await StaffTasks.AddOnceAsync(db, new StaffTask
            {
                Title = $"Promise overdue: {m.Title} for \u201c{m.DealName}\u201d",
                Detail = $"Was due {m.DueOn.ToString("ddd d MMM yyyy", CultureInfo.GetCultureInfo("en-US"))}. Keep it, or tell the customer when it will be kept, "
                    + "then record the milestone as done on the deal.",
                CustomerId = m.CustomerId, AssigneeId = m.OwnerId, DueOn = today, CreatedAt = now, Source = Source, SourceKey = KeyOf(m.Id),
            }, ct);
            if (added) made++;
        }
        await db.SaveChangesAsync(ct);
        return made;
    }
}

/// <summary>Turns overdue promises into tasks, for every business, every hour.</summary>
public sealed class OverdueMilestonesJob : IScheduledJob
{
    public string Name => "overdue-milestones";
    public TimeSpan Every => TimeSpan.FromHours(1);

    public Task RunAsync(IServiceProvider services, CancellationToken ct) =>
        BusinessScopes.ForEachAsync(services, (scope, _) =>
            OverdueMilestones.RunAsync(scope.GetRequiredService<RapportDb>(), scope.GetRequiredService<TimeProvider>(), ct), ct);
}
