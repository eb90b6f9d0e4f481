using Microsoft.EntityFrameworkCore;
using Rapport.Core.Audit;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Data;

namespace Rapport.Core.Delivery;

/// <summary>An extra window on one date, e.g. an evening run on Feb 14.</summary>
public sealed record DateWindowInput(TimeOnly? Start = null, TimeOnly? End = null, int? Capacity = null, int? LoyaltyReserve = null);

/// <summary>A location's windows on one date, and whether the date is closed.</summary>
public sealed record DeliveryDateView(
    Guid LocationId, string LocationName, DateOnly Date, bool LocationActive,
    IReadOnlyList<BlockedDateView> Blocks, IReadOnlyList<WindowView> Windows);

/// <summary>
/// A manager sets the windows of one date apart from the weekly pattern (Feb 14 gets more drivers): sees
/// the date's windows, adds an extra one. A window's capacity and reserve change through
/// <see cref="ChangeWindowCapacity"/>, which never lets the capacity fall below what is booked.
/// </summary>
public static class OverrideDeliveryDate
{
    public static async Task<Result<DeliveryDateView>> GetAsync(
        RapportDb db, Actor actor, Guid locationId, DateOnly date, TimeProvider time, CancellationToken ct)
    {
        var location = await db.Locations.AsNoTracking().FirstOrDefaultAsync(l => l.Id == locationId, ct);
        if (location is null) return Failure.NotFound("Location");
        if (actor.CannotManageDelivery() is { } forbidden) return forbidden;
        // A coming date nobody has looked at yet gets its windows from the weekly pattern; a past one shows what it had.
        if (date >= BusinessClock.Today(time.GetUtcNow().UtcDateTime, BusinessClock.Zone(location.TimeZone)))
            await DeliveryCalendar.WindowsAsync(db, date, date, locationId, ct);
        var windows = await db.DeliveryWindows.AsNoTracking()
            .Where(w => w.LocationId == locationId && w.Date == date).OrderBy(w => w.Start).ToListAsync(ct);
        var blocks = await db.BlockedDates.AsNoTracking()
            .Where(b => b.Date == date && (b.LocationId == null || b.LocationId == locationId)).ToListAsync(ct);
        return new DeliveryDateView(location.Id, location.Name, date, location.Active,
            blocks.Select(BlockedDateView.Of).ToList(), windows.Select(WindowView.Of).ToList());
    }

    public static async Task<Result<WindowView>> AddWindowAsync(
        RapportDb db, Actor actor, Guid locationId, DateOnly date, DateWindowInput input, TimeProvider time, CancellationToken ct)
    {
        var location = await db.Locations.AsNoTracking().FirstOrDefaultAsync(l => l.Id == locationId, ct);
        if (location is null) return Failure.NotFound("Location");
        if (actor.CannotManageDelivery() is { } forbidden) return forbidden;
        var v = new Validator();
        if (input.Start is null) v.Add("start", "This field is required.");
        if (input.End is null) v.Add("end", "This field is required.");
        if (input.Capacity is null) v.Add("capacity", "This field is required.");
        if (!location.Active) v.Add("locationId", "This location is not taking deliveries; make it active first.");
        var zone = BusinessClock.Zone(location.TimeZone);
        if (date < BusinessClock.Today(time.GetUtcNow().UtcDateTime, zone)) v.Add("date", "This date has passed.");
        if (!v.IsValid) return v.ToFailure();

        if (await db.BlockedDates.AnyAsync(b => b.Date == date && (b.LocationId == null || b.LocationId == locationId), ct))
            return Failure.Invalid("date", "This date is blocked; unblock it before adding a window.");
        // The weekly windows are made first, or the extra window would stand in for them all.
        await DeliveryCalendar.WindowsAsync(db, date, date, locationId, ct);
        var sameDay = await db.DeliveryWindows.AsNoTracking()
            .Where(w => w.LocationId == locationId && w.Date == date).Select(w => new { w.Start, w.End }).ToListAsync(ct);
        var reserve = input.LoyaltyReserve ?? 0;
        v.Window(input.Start!.Value, input.End!.Value, input.Capacity!.Value, reserve, sameDay.Select(w => (w.Start, w.End)));
        if (!v.IsValid) return v.ToFailure();

        var window = DeliveryCalendar.Make(location, zone, date, input.Start.Value, input.End.Value, input.Capacity.Value, reserve);
        window.IsOverride = true;
        db.DeliveryWindows.Add(window);
        db.Audit(actor, nameof(DeliveryWindow), window.Id, "added", null,
            new { location = location.Name, window.Date, window.Start, window.End, window.Capacity, window.LoyaltyReserve });
        if (await db.SaveUniqueAsync("start", "Another window starts at that time on this date.", ct) is { } taken) return taken;
        return WindowView.Of(window);
    }
}
