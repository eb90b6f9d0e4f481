using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Customers;
using Rapport.Core.Data;
using Rapport.Core.Tasks;
using Rapport.Core.Timeline;

namespace Rapport.Core.Health;

/// <summary>
/// Closes a recovery task with what was done: the contact is logged on the timeline with its tone (which feeds back
/// into health), then the task is marked done.
/// </summary>
public static class CompleteRecoveryTask
{
    public sealed record Command(Channel? Channel, Tone? Tone, string? Summary);

    public static async Task<Result<StaffTaskView>> HandleAsync(
        RapportDb db, Actor actor, Guid taskId, Command? command, TimeProvider time, CancellationToken ct)
    {
        var task = await db.StaffTasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == taskId
            && (t.Source == RecoveryTasks.Source || t.Source == RecoveryTasks.EscalationSource), ct);
        // Owners and managers may step in on anyone's recovery; others close their own (or unassigned) ones.
        var mayClose = actor.Role is StaffRole.Owner or StaffRole.Manager
            ? task?.CustomerId is { } cid && await db.VisibleTo(actor).AnyAsync(c => c.Id == cid, ct)
            : await StaffTasks.VisibleAsync(db, actor, taskId, ct);
        if (task?.CustomerId is not { } customerId || !mayClose) return Failure.NotFound("Recovery task");
        if (task.DoneAt is null)
        {
            var logged = await LogInteraction.HandleAsync(db, actor, customerId,
                new(command?.Channel, Direction.Outbound, command?.Summary, command?.Tone, null, false), time, ct);
            if (!logged.Succeeded) return logged.Failure;
        }
        return await StaffTasks.CompleteAsync(db, actor, taskId, time, ct, allowRecovery: true, anyAssignee: actor.Role is StaffRole.Owner or StaffRole.Manager);
    }
}
