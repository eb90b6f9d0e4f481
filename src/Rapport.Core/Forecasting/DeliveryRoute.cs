using Microsoft.EntityFrameworkCore;
using Rapport.Core.Data;
using Rapport.Core.Delivery;

namespace Rapport.Core.Forecasting;

/// <summary>
/// Which location an order not placed yet will go out from: the one delivering to its postcode for the least,
/// as the phone desk and the shop offer it first; the main location when none does or the postcode is unknown.
/// </summary>
public sealed class DeliveryRoute(IReadOnlyDictionary<string, Guid> byPostcode, Guid? main)
{
    public Guid? Main => main;

    public Guid? For(string? postcode) =>
        postcode is not null && byPostcode.TryGetValue(postcode, out var location) ? location : main;

    public static async Task<DeliveryRoute> LoadAsync(RapportDb db, IReadOnlyList<Location> locations, Guid? main, CancellationToken ct)
    {
        var ids = locations.Select(l => l.Id).ToList();
        var zones = await db.DeliveryZones.AsNoTracking().Where(z => ids.Contains(z.LocationId))
            .Select(z => new { z.PostalCode, z.LocationId, z.Fee }).ToListAsync(ct);
        var cheapest = zones.GroupBy(z => z.PostalCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(z => z.Fee).ThenBy(z => ids.IndexOf(z.LocationId)).First().LocationId, StringComparer.Ordinal);
        return new DeliveryRoute(cheapest, main);
    }
}
