using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Customers;
using Rapport.Core.Data;

namespace Rapport.Core.Tasks;

public sealed record StaffTaskView(
    Guid Id, string Title, string? Detail, Guid? CustomerId, string? CustomerName, Guid? AssigneeId, DateOnly DueOn,
    DateTime CreatedAt, DateTime? DoneAt, string? DoneByName, string Source, Guid? OrderId = null)
{
    /// <summary>What kind of task it is, e.g. "recovery" (the same as its source).</summary>
    public string Kind => Source;
}

public static class StaffTasks
{
    public const int PageSize = 50;

    /// <summary>Adds the task to the caller's unit of work unless a task with its key exists already.</summary>
    public static async Task<bool> AddOnceAsync(RapportDb db, StaffTask task, CancellationToken ct)
    {
        if (task.SourceKey is { } key && await db.StaffTasks.AnyAsync(t => t.SourceKey == key, ct)) return false;
        db.StaffTasks.Add(task);
        return true;
    }

    /// <summary>Open tasks for this person: their own and the unassigned ones their role answers, soonest first.</summary>
    public static async Task<Result<IReadOnlyList<StaffTaskView>>> OpenAsync(RapportDb db, Actor actor, int limit, CancellationToken ct)
    {
        if (limit is < 1 or > PageSize) return Failure.Invalid("limit", $"Between 1 and {PageSize}.");
        var tasks = await Visible(db, actor).Where(t => t.DoneAt == null)
            .OrderBy(t => t.DueOn).ThenBy(t => t.CreatedAt).Take(limit)
            .Select(t => new StaffTaskView(t.Id, t.Title, t.Detail, t.CustomerId,
                db.Customers.Where(c => c.Id == t.CustomerId).Select(c => c.Name).FirstOrDefault(),
                t.AssigneeId, t.DueOn, t.CreatedAt, t.DoneAt, t.DoneByName, t.Source, t.OrderId))
            .ToListAsync(ct);
        return tasks;
    }

    /// <summary>Recovery tasks are closed with the contact made (Health's CompleteRecoveryTask), not by a tick.</summary>
    public static async Task<Result<StaffTaskView>> CompleteAsync(
        RapportDb db, Actor actor, Guid id, TimeProvider time, CancellationToken ct, bool allowRecovery = false, bool anyAssignee = false)
    {
        var task = await (anyAssignee ? db.StaffTasks : Visible(db, actor)).FirstOrDefaultAsync(t => t.Id == id, ct);
        if (task is null) return Failure.NotFound("Task");
        if (task.DoneAt is null && !allowRecovery && task.Source is "recovery" or "recovery-escalation")
            return Failure.Invalid("contact", $"Say what was done: log the contact with its tone (POST /api/health/tasks/{id}/done).");
        if (task.DoneAt is null)
        {
            task.DoneAt = time.GetUtcNow().UtcDateTime;
            task.DoneById = actor.StaffId;
            task.DoneByName = actor.Name;
            await db.SaveChangesAsync(ct);
        }
        var name = task.CustomerId is null ? null
            : await db.Customers.Where(c => c.Id == task.CustomerId).Select(c => c.Name).FirstOrDefaultAsync(ct);
        return new StaffTaskView(task.Id, task.Title, task.Detail, task.CustomerId, name, task.AssigneeId, task.DueOn,
            task.CreatedAt, task.DoneAt, task.DoneByName, task.Source, task.OrderId);
    }

    public static Task<bool> VisibleAsync(RapportDb db, Actor actor, Guid id, CancellationToken ct) =>
        Visible(db, actor).AnyAsync(t => t.Id == id, ct);

    private static IQueryable<StaffTask> Visible(RapportDb db, Actor actor)
    {
        var answersCustomers = actor.Role.TakesOrders();
        var visibleCustomers = db.VisibleTo(actor);
        return db.StaffTasks.Where(t =>
            (t.AssigneeId == actor.StaffId || (t.AssigneeId == null && answersCustomers))
            && (t.CustomerId == null || visibleCustomers.Any(c => c.Id == t.CustomerId)));
    }
}
