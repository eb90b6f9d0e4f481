using Rapport.Core.Audit;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Data;

namespace Rapport.Core.Delivery;

public sealed record DeliveryZoneInput(string? PostalCode = null, decimal? Fee = null)
{
    public void Validate(Validator v, bool creating)
    {
        if (creating || PostalCode is not null)
        {
            v.Required("postalCode", PostalCode, DeliveryLimits.PostalCode);
            if (!string.IsNullOrWhiteSpace(PostalCode) && !PostalCode.Trim().All(c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '-'))
                v.Add("postalCode", "Letters, digits, spaces and hyphens only.");
        }
        if (creating && Fee is null) v.Add("fee", "This field is required.");
        v.Amount("fee", Fee, zeroAllowed: true);
    }

    /// <summary>Postcodes compare as typed on an address: "ks 66208" and "KS 66208" are one zone.</summary>
    public static string Normalize(string postalCode) => postalCode.Trim().ToUpperInvariant();
}

/// <summary>The postcodes a location delivers to and their fees: add, change, remove.</summary>
public static class ManageDeliveryZones
{
    private const string Taken = "This location already delivers to that postcode.";

    public static async Task<Result<DeliveryZoneView>> AddAsync(RapportDb db, Actor actor, Guid locationId, DeliveryZoneInput input, CancellationToken ct)
    {
        var location = await db.FindLocationAsync(locationId, ct);
        if (location is null) return Failure.NotFound("Location");
        if (actor.CannotManageDelivery() is { } forbidden) return forbidden;
        var v = new Validator();
        input.Validate(v, creating: true);
        if (v.IsValid && location.Zones.Any(z => z.PostalCode == DeliveryZoneInput.Normalize(input.PostalCode!))) v.Add("postalCode", Taken);
        if (!v.IsValid) return v.ToFailure();

        var zone = new DeliveryZone { LocationId = locationId, PostalCode = DeliveryZoneInput.Normalize(input.PostalCode!), Fee = input.Fee!.Value };
        db.DeliveryZones.Add(zone);
        db.Audit(actor, nameof(DeliveryZone), zone.Id, "created", null, new { location = location.Name, zone.PostalCode, zone.Fee });
        if (await db.SaveUniqueAsync("postalCode", Taken, ct) is { } taken) return taken;
        return DeliveryZoneView.Of(zone);
    }

    public static async Task<Result<DeliveryZoneView>> UpdateAsync(
        RapportDb db, Actor actor, Guid locationId, Guid id, DeliveryZoneInput input, CancellationToken ct)
    {
        var location = await db.FindLocationAsync(locationId, ct);
        var zone = location?.Zones.FirstOrDefault(z => z.Id == id);
        if (location is null || zone is null) return Failure.NotFound("Delivery zone");
        if (actor.CannotManageDelivery() is { } forbidden) return forbidden;
        var v = new Validator();
        input.Validate(v, creating: false);
        if (v.IsValid && input.PostalCode is not null
            && location.Zones.Any(z => z.Id != id && z.PostalCode == DeliveryZoneInput.Normalize(input.PostalCode))) v.Add("postalCode", Taken);
        if (!v.IsValid) return v.ToFailure();

        var before = new { zone.PostalCode, zone.Fee };
        if (input.PostalCode is not null) zone.PostalCode = DeliveryZoneInput.Normalize(input.PostalCode);
        if (input.Fee is { } fee) zone.Fee = fee;
        db.Audit(actor, nameof(DeliveryZone), zone.Id, "updated", before, new { zone.PostalCode, zone.Fee });
        if (await db.SaveUniqueAsync("postalCode", Taken, ct) is { } taken) return taken;
        return DeliveryZoneView.Of(zone);
    }

    public static async Task<Result<Guid>> RemoveAsync(RapportDb db, Actor actor, Guid locationId, Guid id, CancellationToken ct)
    {
        var location = await db.FindLocationAsync(locationId, ct);
        var zone = location?.Zones.FirstOrDefault(z => z.Id == id);
        if (location is null || zone is null) return Failure.NotFound("Delivery zone");
        if (actor.CannotManageDelivery() is { } forbidden) return forbidden;
        db.DeliveryZones.Remove(zone);
        db.Audit(actor, nameof(DeliveryZone), zone.Id, "removed", new { location = location.Name, zone.PostalCode, zone.Fee }, null);
        await db.SaveChangesAsync(ct);
        return id;
    }
}
