using Microsoft.EntityFrameworkCore;
using Rapport.Core.Audit;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Data;

namespace Rapport.Core.Delivery;

public static class CreateLocation
{
    public static async Task<Result<LocationView>> HandleAsync(RapportDb db, Actor actor, LocationInput input, CancellationToken ct)
    {
        if (actor.CannotManageDelivery() is { } forbidden) return forbidden;
        var v = new Validator();
        input.Validate(v, creating: true);
        if (!v.IsValid) return v.ToFailure();

        // A new location keeps the business's clock unless told otherwise.
        var businessZone = await db.Businesses.Where(b => b.Id == actor.BusinessId).Select(b => b.TimeZone).FirstAsync(ct);
        var location = new Location { Name = input.Name!.Trim(), TimeZone = businessZone };
        input.ApplyTo(location);
        db.Locations.Add(location);
        db.Audit(actor, nameof(Location), location.Id, "created", null, Audited(location));
        await db.SaveChangesAsync(ct);
        return LocationView.Of(location);
    }

    internal static object Audited(Location l) => new
    {
        l.Name, Address = l.Address.ToString(), l.Phone, l.TimeZone, l.SameDayCutoff, l.PickupUntil, l.Active,
    };
}
