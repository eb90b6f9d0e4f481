using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Catalog;
using Rapport.Core.Delivery;
using Rapport.IntegrationTests.Orders;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Shop;

/// <summary>Products and delivery windows made straight in the database for the shop's tests.</summary>
internal static class ShopSetup
{
    public sealed record Window(DateOnly Date, int Start, int Capacity, DateTime? Cutoff = null);

    /// <summary>Today in the business's own time zone.</summary>
    public static Task<DateOnly> TodayAsync(this RapportApp app, Guid business) =>
        app.WithDbAsync(business, async db =>
        {
            var zone = await db.Businesses.Where(b => b.Id == business).Select(b => b.TimeZone).SingleAsync(Ct);
            return BusinessClock.Today(DateTime.UtcNow, BusinessClock.Zone(zone));
        });

    /// <summary>
    /// A location delivering to a new postcode with the given windows (3 hours from their start). A cutoff given
    /// replaces the calendar's, so that a window of today can be open or closed whatever the time of the test.
    /// </summary>
    public static Task<DeliverySetup.Setup> DeliveringAsync(this RapportApp app, Guid business, params Window[] windows) =>
        app.WithDbAsync(business, async db =>
        {
            var postcode = DeliverySetup.NewPostcode();
            var zone = await db.Businesses.Where(b => b.Id == business).Select(b => b.TimeZone).SingleAsync(Ct);
            var location = new Location { Name = $"Shop test {postcode}", TimeZone = zone, Address = new() { Line1 = "1 Test St", City = "Springfield", PostalCode = postcode } };
            location.Zones.Add(new DeliveryZone { PostalCode = postcode, Fee = 12.50m });
            db.Locations.Add(location);
            var made = windows.Select(w =>
            {
                var window = DeliveryCalendar.Make(location, BusinessClock.Zone(zone), w.Date, new TimeOnly(w.Start, 0), new TimeOnly(w.Start + 3, 0), w.Capacity, 0);
                window.Cutoff = w.Cutoff ?? window.Cutoff;
                window.IsOverride = true;
                return window;
            }).ToList();
            db.DeliveryWindows.AddRange(made);
            await db.SaveChangesAsync(Ct);
            return new DeliverySetup.Setup(location.Id, postcode, 12.50m, made.Select(w => w.Id).ToList());
        });

    /// <summary>A designer's-choice bouquet from $45 and red roses at $60, with a name of their own.</summary>
    public static Task<(Product Bouquet, Product Roses)> ProductsAsync(this RapportApp app, Guid business) =>
        app.WithDbAsync(business, async db =>
        {
            var tag = TestNames.Token(6);
            var bouquet = new Product
            {
                Name = $"Designer's choice bouquet {tag}", Category = "Bouquets", IsDesignersChoice = true, MinimumBudget = 45m,
                Description = "Seasonal flowers, arranged by our florists.",
            };
            var roses = new Product { Name = $"Dozen red roses {tag}", Category = "Roses", Price = 60m, PictureUrl = "/img/roses.jpg" };
            db.Products.AddRange(bouquet, roses);
            await db.SaveChangesAsync(Ct);
            return (bouquet, roses);
        });
}
