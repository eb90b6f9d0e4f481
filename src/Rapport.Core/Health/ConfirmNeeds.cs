using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Customers;
using Rapport.Core.Data;

namespace Rapport.Core.Health;

/// <summary>Records that the customer's needs were confirmed today (asked, not assumed), with a note of what was learnt.</summary>
public static class ConfirmNeeds
{
    public sealed record Command(string? Note);

    public static async Task<Result<CustomerHealthView>> HandleAsync(
        RapportDb db, Actor actor, Guid customerId, Command? command, TimeProvider time, CancellationToken ct)
    {
        if (!await db.VisibleTo(actor).AnyAsync(c => c.Id == customerId, ct)) return Failure.NotFound("Customer");
        if (!actor.Role.SeesHealth()) return Failure.Forbidden("Drivers do not record account needs.");
        var v = new Validator();
        v.MaxLength("note", command?.Note, HealthLimits.Note);
        if (!v.IsValid) return v.ToFailure();
        var now = time.GetUtcNow().UtcDateTime;
        var row = await StoredAsync(db, customerId, ct);
        row.NeedsConfirmedAt = now;
        row.NeedsConfirmedNote = string.IsNullOrWhiteSpace(command?.Note) ? null : command.Note.Trim();
        await db.SaveChangesAsync(ct);
        await RecomputeHealth.AfterEventAsync(db, customerId, time, ct);
        return await HealthViews.GetAsync(db, actor, customerId, time, ct);
    }

    /// <summary>The customer's stored health row, added (not yet scored) when there is none.</summary>
    internal static async Task<CustomerHealth> StoredAsync(RapportDb db, Guid customerId, CancellationToken ct)
    {
        var row = await db.CustomerHealth.FirstOrDefaultAsync(h => h.CustomerId == customerId, ct);
        if (row is null) db.CustomerHealth.Add(row = new CustomerHealth { CustomerId = customerId, Band = HealthBand.Watch });
        return row;
    }
}

/// <summary>Names the staff member who answers for the relationship (none: the business's default).</summary>
public static class AssignAccountOwner
{
    public sealed record Command(Guid? StaffId);

    public static async Task<Result<CustomerHealthView>> HandleAsync(
        RapportDb db, Actor actor, Guid customerId, Command? command, TimeProvider time, CancellationToken ct)
    {
        if (!await db.VisibleTo(actor).AnyAsync(c => c.Id == customerId, ct)) return Failure.NotFound("Customer");
        if (actor.Role is not (StaffRole.Owner or StaffRole.Manager)) return Failure.Forbidden("Owners and managers name account owners.");
        if (command?.StaffId is { } staff
            && !await db.Staff.AnyAsync(s => s.Id == staff && s.BusinessId == db.CurrentBusinessId && s.Role != StaffRole.Delivery, ct))
            return Failure.Invalid("staffId", "A member of staff of this business (not a driver).");
        var row = await ConfirmNeeds.StoredAsync(db, customerId, ct);
        row.AccountOwnerId = command?.StaffId;
        await db.SaveChangesAsync(ct);
        return await HealthViews.GetAsync(db, actor, customerId, time, ct);
    }
}
