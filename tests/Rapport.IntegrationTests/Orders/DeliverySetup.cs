using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Delivery;
using Rapport.Testing;

namespace Rapport.IntegrationTests.Orders;

/// <summary>Locations and windows made straight in the database, each test with a postcode of its own.</summary>
internal static class DeliverySetup
{
    private static int postcodes = 70000;

    public static string NewPostcode() => Interlocked.Increment(ref postcodes).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A date far enough ahead that no cutoff has passed.</summary>
    public static DateOnly SomeDayAhead(int days = 10) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(days);

    public sealed record Setup(Guid LocationId, string Postcode, decimal Fee, IReadOnlyList<Guid> Windows);

    /// <summary>A location delivering to a new postcode, with the given windows on one date (start hours, capacity, reserve).</summary>
    public static Task<Setup> LocationAsync(this RapportApp app, Guid business, DateOnly date, params (int Start, int Capacity, int Reserve)[] windows) =>
        app.WithDbAsync(business, async db =>
        {
            var postcode = NewPostcode();
            var zone = await db.Businesses.Where(b => b.Id == business).Select(b => b.TimeZone).SingleAsync(Api.Ct);
            var location = new Location { Name = $"Test shop {postcode}", TimeZone = zone, Address = new() { Line1 = "1 Test St", City = "Springfield", PostalCode = postcode } };
            location.Zones.Add(new DeliveryZone { PostalCode = postcode, Fee = 12.50m });
            db.Locations.Add(location);
            var made = windows.Select(w => DeliveryCalendar.Make(location, BusinessClock.Zone(zone), date,
                new TimeOnly(w.Start, 0), new TimeOnly(w.Start + 3, 0), w.Capacity, w.Reserve)).ToList();
            // Set by hand for the date, so the weekday's templates (none here) never add to them.
            foreach (var w in made) w.IsOverride = true;
            db.DeliveryWindows.AddRange(made);
            await db.SaveChangesAsync(Api.Ct);
            return new Setup(location.Id, postcode, 12.50m, made.Select(w => w.Id).ToList());
        });

    public static Task<DeliveryWindow> WindowAsync(this RapportApp app, Guid business, Guid windowId) =>
        app.WithDbAsync(business, db => db.DeliveryWindows.AsNoTracking().SingleAsync(w => w.Id == windowId, Api.Ct));

    public static object Address(string postcode) => new { line1 = "12 Elm Street", city = "Springfield", postalCode = postcode };
}
