using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Delivery;
using Rapport.Core.Orders;
using Rapport.Testing;

namespace Rapport.BrowserTests.Orders;

/// <summary>Locations and windows made straight in the database, so a test never depends on the demo's.</summary>
internal static class DeliverySetup
{
    /// <summary>Tom's wife Maria lives here (the demo's 4120 W 71st St, Prairie Village).</summary>
    public const string MariaPostcode = "66208";

    public const decimal Fee = 12.50m;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static Task<Guid> BloomAsync(this RapportApp app) =>
        app.WithDbAsync(db => db.Businesses.Where(b => b.Slug == "bloom").Select(b => b.Id).SingleAsync(Ct));

    /// <summary>The business's today, as the order page starts from it.</summary>
    public static Task<DateOnly> TodayAsync(this RapportApp app, Guid business) =>
        app.WithDbAsync(business, db => db.TodayAsync(DateTime.UtcNow, Ct));

    public sealed record Window(Guid Id, DateOnly Date, TimeOnly Start);

    public sealed record Setup(Guid LocationId, string Name, IReadOnlyList<Window> Windows);

    /// <summary>
    /// A location named after <paramref name="name"/> delivering to <paramref name="postcode"/>, with three-hour windows
    /// (date, start hour, capacity, booked, loyalty reserve) set by hand for their dates.
    /// </summary>
    public static Task<Setup> LocationAsync(
        this RapportApp app, Guid business, string name, string postcode, params (DateOnly Date, int Start, int Capacity, int Booked, int Reserve)[] windows) =>
        app.WithDbAsync(business, async db =>
        {
            var zone = await db.Businesses.Where(b => b.Id == business).Select(b => b.TimeZone).SingleAsync(Ct);
            var location = new Location { Name = name, TimeZone = zone, Address = new() { Line1 = "1 Test St", City = "Prairie Village", PostalCode = postcode } };
            location.Zones.Add(new DeliveryZone { PostalCode = postcode, Fee = Fee });
            db.Locations.Add(location);
            var made = windows.Select(w =>
            {
                var window = DeliveryCalendar.Make(location, BusinessClock.Zone(zone), w.Date,
                    new TimeOnly(w.Start, 0), new TimeOnly(w.Start + 3, 0), w.Capacity, w.Reserve);
                window.Booked = w.Booked;
                // Set by hand for the date, so the weekday's templates (none here) never add to them.
                window.IsOverride = true;
                return window;
            }).ToList();
            db.DeliveryWindows.AddRange(made);
            await db.SaveChangesAsync(Ct);
            return new Setup(location.Id, name, made.Select(w => new Window(w.Id, w.Date, w.Start)).ToList());
        });

    public static Task<DeliveryWindow> WindowAsync(this RapportApp app, Guid business, Guid windowId) =>
        app.WithDbAsync(business, db => db.DeliveryWindows.AsNoTracking().SingleAsync(w => w.Id == windowId, Ct));
}
