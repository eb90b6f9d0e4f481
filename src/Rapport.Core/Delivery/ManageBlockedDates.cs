using Microsoft.EntityFrameworkCore;
using Rapport.Core.Audit;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Data;

namespace Rapport.Core.Delivery;

/// <summary>A date to close: at one location, or (without one) the whole business.</summary>
public sealed record BlockedDateInput(DateOnly? Date = null, Guid? LocationId = null, string? Reason = null);

/// <summary>
/// Dates that take no deliveries: block, unblock, list. Blocking does not cancel what is already booked
/// that day; it stops new bookings.
/// </summary>
public static class ManageBlockedDates
{
    public static async Task<Result<IReadOnlyList<BlockedDateView>>> ListAsync(
        RapportDb db, DateOnly? from, DateOnly? to, Guid? locationId, CancellationToken ct)
    {
        if (from is { } f && to is { } t && t < f) return Failure.Invalid("to", "Must not be before from.");
        var dates = db.BlockedDates.AsNoTracking();
        if (from is { } start) dates = dates.Where(b => b.Date >= start);
        if (to is { } end) dates = dates.Where(b => b.Date <= end);
        // A location's list includes the days the whole business is closed.
        if (locationId is { } location) dates = dates.Where(b => b.LocationId == null || b.LocationId == location);
        var list = await dates.OrderBy(b => b.Date).ThenBy(b => b.LocationId).Take(1000).ToListAsync(ct);
        return list.Select(BlockedDateView.Of).ToList();
    }

    public static async Task<Result<BlockedDateView>> BlockAsync(
        RapportDb db, Actor actor, BlockedDateInput input, TimeProvider time, CancellationToken ct)
    {
        if (actor.CannotManageDelivery() is { } forbidden) return forbidden;
        var v = new Validator();
        if (input.Date is null) v.Add("date", "This field is required.");
        else if (input.Date < await db.TodayAsync(time, ct)) v.Add("date", "This date has passed.");
        v.MaxLength("reason", input.Reason, DeliveryLimits.Reason);
        string? where = null;
        if (input.LocationId is { } locationId)
        {
            where = await db.Locations.Where(l => l.Id == locationId).Select(l => l.Name).FirstOrDefaultAsync(ct);
            if (where is null) v.Add("locationId", "No such location.");
        }
        if (v.IsValid && await db.BlockedDates.AnyAsync(b => b.Date == input.Date && b.LocationId == input.LocationId, ct))
            v.Add("date", input.LocationId is null ? "The whole business is already closed that day." : "That location is already closed that day.");
        if (!v.IsValid) return v.ToFailure();

        var blocked = new BlockedDate
        {
            Date = input.Date!.Value, LocationId = input.LocationId,
            Reason = string.IsNullOrWhiteSpace(input.Reason) ? null : input.Reason.Trim(),
        };
        db.BlockedDates.Add(blocked);
        db.Audit(actor, nameof(BlockedDate), blocked.Id, "blocked", null, new { blocked.Date, location = where ?? "all locations", blocked.Reason });
        await db.SaveChangesAsync(ct);
        return BlockedDateView.Of(blocked);
    }

    public static async Task<Result<Guid>> UnblockAsync(RapportDb db, Actor actor, Guid id, CancellationToken ct)
    {
        var blocked = await db.BlockedDates.FirstOrDefaultAsync(b => b.Id == id, ct);
        if (blocked is null) return Failure.NotFound("Blocked date");
        if (actor.CannotManageDelivery() is { } forbidden) return forbidden;
        db.BlockedDates.Remove(blocked);
        db.Audit(actor, nameof(BlockedDate), blocked.Id, "unblocked", new { blocked.Date, blocked.LocationId, blocked.Reason }, null);
        await db.SaveChangesAsync(ct);
        return id;
    }
}
