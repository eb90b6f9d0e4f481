using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Catalog;
using Rapport.Core.Delivery;
using Rapport.Testing;

namespace Rapport.BrowserTests.Shop;

/// <summary>
/// What a shop test needs made straight in the database, apart from any demo data: a designer's-choice item, and a
/// location of its own delivering to a postcode of its own with one window today whose cutoff is still ahead.
/// </summary>
internal static class ShopData
{
    private static int postcodes = 79000;

    public sealed record Delivery(string Postcode, string LocationName, Guid WindowId);

    public static Task<Guid> BusinessIdAsync(this RapportApp app, string slug) =>
        app.WithDbAsync(db => db.Businesses.Where(b => b.Slug == slug).Select(b => b.Id).SingleAsync());

    public static Task<Product> DesignersChoiceAsync(this RapportApp app, Guid business, decimal from) =>
        app.WithDbAsync(business, async db =>
        {
            var bouquet = new Product
            {
                Name = "Designer's choice bouquet", Category = "Bouquets", IsDesignersChoice = true, MinimumBudget = from,
                Description = "Seasonal flowers, arranged by our florists.",
            };
            db.Products.Add(bouquet);
            await db.SaveChangesAsync();
            return bouquet;
        });

    /// <summary>A window today from 18:00 to 21:00 that can be ordered for until <paramref name="cutoff"/>, whatever the time now.</summary>
    public static Task<Delivery> TodayWindowAsync(this RapportApp app, Guid business, DateTime cutoff) =>
        app.WithDbAsync(business, async db =>
        {
            var postcode = Interlocked.Increment(ref postcodes).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var zoneId = await db.Businesses.Where(b => b.Id == business).Select(b => b.TimeZone).SingleAsync();
            var zone = BusinessClock.Zone(zoneId);
            var location = new Location { Name = $"Browser shop {postcode}", TimeZone = zoneId, Address = new() { Line1 = "1 Test St", City = "Springfield", PostalCode = postcode } };
            location.Zones.Add(new DeliveryZone { PostalCode = postcode, Fee = 9.50m });
            db.Locations.Add(location);
            var window = DeliveryCalendar.Make(location, zone, BusinessClock.Today(DateTime.UtcNow, zone), new TimeOnly(18, 0), new TimeOnly(21, 0), 5, 0);
            window.Cutoff = cutoff;
            window.IsOverride = true;
            db.DeliveryWindows.Add(window);
            await db.SaveChangesAsync();
            return new Delivery(postcode, location.Name, window.Id);
        });
}
