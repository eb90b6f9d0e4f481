using Microsoft.EntityFrameworkCore;
using Rapport.Core.Audit;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Data;

namespace Rapport.Core.Delivery;

public static class UpdateLocation
{
    public static async Task<Result<LocationView>> HandleAsync(
        RapportDb db, Actor actor, Guid id, LocationInput input, TimeProvider time, CancellationToken ct)
    {
        var location = await db.FindLocationAsync(id, ct);
        if (location is null) return Failure.NotFound("Location");
        if (actor.CannotManageDelivery() is { } forbidden) return forbidden;
        var v = new Validator();
        input.Validate(v, creating: false);
        if (!v.IsValid) return v.ToFailure();

        var before = CreateLocation.Audited(location);
        var clock = (location.TimeZone, location.SameDayCutoff);
        input.ApplyTo(location);
        if (clock != (location.TimeZone, location.SameDayCutoff)) await MoveComingWindowsAsync(db, location, time, ct);
        db.Audit(actor, nameof(Location), location.Id, "updated", before, CreateLocation.Audited(location));
        await db.SaveChangesAsync(ct);
        return LocationView.Of(location);
    }

    /// <summary>
    /// Windows already made for coming dates keep their local times; their instants and cutoff follow the
    /// location's new time zone or cutoff. Only those columns change, so bookings made meanwhile are kept.
    /// </summary>
    private static async Task MoveComingWindowsAsync(RapportDb db, Location location, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var zone = BusinessClock.Zone(location.TimeZone);
        var coming = await db.DeliveryWindows.Where(w => w.LocationId == location.Id && w.EndsAt > now).ToListAsync(ct);
        foreach (var window in coming)
        {
            var moved = DeliveryCalendar.Make(location, zone, window.Date, window.Start, window.End, window.Capacity, window.LoyaltyReserve);
            window.StartsAt = moved.StartsAt;
            window.EndsAt = moved.EndsAt;
            window.Cutoff = moved.Cutoff;
        }
    }
}
