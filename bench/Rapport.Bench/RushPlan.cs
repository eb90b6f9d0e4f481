using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Core.Businesses;
using Rapport.Core.Data;
using Rapport.Core.Delivery;
using Rapport.Web.Hosting;

namespace Rapport.Bench;

/// <summary>A customer of the florist as an order names them: who, and where the flowers go.</summary>
public sealed record RushCustomer(Guid Id, string Name, string Line1, string City, string Postcode);

/// <summary>One order attempt: a customer, a window (by its place among the open or the sold-out ones) and a budget.</summary>
public sealed record Ask(int Customer, bool SoldOut, int Window, decimal Budget);

/// <summary>
/// Ten windows of one day at two shops, three of them sold out before the rush starts. The HTTP rush and the plain-SQL
/// baseline each get a set of their own, so neither eats the other's capacity.
/// </summary>
public sealed record WindowSet(string Name, IReadOnlyList<DeliveryWindow> Open, IReadOnlyList<DeliveryWindow> SoldOut, IReadOnlyDictionary<Guid, string> Shops)
{
    public IEnumerable<DeliveryWindow> All => Open.Concat(SoldOut);
    public int Capacity => All.Sum(w => w.Capacity);
    public DeliveryWindow WindowOf(Ask ask) => ask.SoldOut ? SoldOut[ask.Window] : Open[ask.Window];
}

/// <summary>The florist as the rush needs it, read once from its database, and the windows each run makes afresh.</summary>
public sealed class Florist
{
    /// <summary>Two-hour windows from 8:00 to 18:00.</summary>
    public static readonly int[] StartHours = [8, 10, 12, 14, 16];
    /// <summary>The morning windows went first: Downtown 8–10 and 10–12, Lakeview 8–10 (places in the set, shop by shop).</summary>
    private static readonly int[] SoldOutPlaces = [0, 1, 5];
    /// <summary>About a third of the callers ask for a window that is already full.</summary>
    public const double SoldOutShare = 1.0 / 3;

    public required Guid BusinessId { get; init; }
    public required Guid DeskId { get; init; }
    public required Guid ProductId { get; init; }
    public required string ProductName { get; init; }
    /// <summary>The customers an order can be placed for over the API; see <see cref="LoadAsync"/> for who is left out.</summary>
    public required RushCustomer[] Customers { get; init; }
    /// <summary>Customers whose id the API's card-number guard refuses.</summary>
    public required int Unorderable { get; init; }
    public required IReadOnlyDictionary<(Guid Location, string Postcode), decimal> Fees { get; init; }
    private List<Location> Shops { get; init; } = [];

    public static async Task<Florist> LoadAsync(IServiceProvider services, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RapportDb>();
        var business = await db.Businesses.Where(b => b.Slug == RushDatabase.Slug).Select(b => b.Id).SingleAsync(ct);
        scope.ServiceProvider.GetRequiredService<Tenant>().Set(business);
        var desk = await db.Staff.Where(s => s.Email == RushDatabase.DeskEmail).Select(s => s.Id).SingleAsync(ct);
        var product = await db.Products.Where(p => p.IsDesignersChoice).Select(p => new { p.Id, p.Name }).SingleAsync(ct);
        var customers = await db.CustomerAddresses.AsNoTracking()
            .Join(db.Customers, a => a.CustomerId, c => c.Id, (a, c) => new { c.Id, c.Name, a.Address.Line1, a.Address.City, a.Address.PostalCode })
            .ToListAsync(ct);
        var fees = await db.DeliveryZones.AsNoTracking().ToDictionaryAsync(z => (z.LocationId, z.PostalCode), z => z.Fee, ct);
        var shops = await db.Locations.AsNoTracking().OrderBy(l => l.Name).ToListAsync(ct);
        var orderable = customers.Where(c => !ApiRefuses(c.Id)).ToList();
        return new Florist
        {
            BusinessId = business,
            DeskId = desk,
            ProductId = product.Id,
            ProductName = product.Name,
            Customers = orderable.OrderBy(c => c.Id).Select(c => new RushCustomer(c.Id, c.Name, c.Line1, c.City, c.PostalCode)).ToArray(),
            Unorderable = customers.Count - orderable.Count,
            Fees = fees,
            Shops = shops,
        };
    }

    /// <summary>
    /// The API answers 422 to any body holding what looks like a card number, and some GUIDs hold one (13 to 19 digits in
    /// dash-joined groups, passing Luhn): no order can name such a customer or window, so the rush does without them.
    /// </summary>
    public static bool ApiRefuses(Guid id) => RequestGuard.FindRefusal(JsonSerializer.SerializeToElement(id), "", checkCards: true) is not null;

    /// <summary>Windows made again because the API would refuse their ids (see <see cref="ApiRefuses"/>).</summary>
    public int RemadeWindows { get; private set; }

    /// <summary>The coming Valentine's Day, with at least a whole day before it for the warm-up's windows.</summary>
    public static DateOnly ValentinesDay(DateTime utcNow)
    {
        var today = BusinessClock.Today(utcNow, BusinessClock.Zone(RushDatabase.TimeZone));
        var day = new DateOnly(today.Year, 2, 14);
        return day.AddDays(-1) > today ? day : day.AddYears(1);
    }

    /// <summary>
    /// Makes one set of windows as a manager sets up a peak day (overrides of that date), at the active shops (the app's)
    /// or their inactive copies (the baseline's), and books the sold-out ones to their capacity.
    /// </summary>
    public async Task<WindowSet> MakeWindowsAsync(IServiceProvider services, string name, bool active, DateOnly date, int capacity, int reserve, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        scope.ServiceProvider.GetRequiredService<Tenant>().Set(BusinessId);
        var db = scope.ServiceProvider.GetRequiredService<RapportDb>();
        var shops = Shops.Where(l => l.Active == active).ToList();
        DeliveryWindow Make(Location shop, int hour)
        {
            var window = DeliveryCalendar.Make(shop, BusinessClock.Zone(shop.TimeZone), date, new TimeOnly(hour, 0), new TimeOnly(hour + 2, 0), capacity, reserve);
            if (!ApiRefuses(window.Id)) return window;
            RemadeWindows++;
            return Make(shop, hour);
        }
        var windows = shops.SelectMany(shop => StartHours.Select(h => Make(shop, h))).ToList();
        foreach (var w in windows) w.IsOverride = true;
        foreach (var place in SoldOutPlaces) windows[place].Booked = capacity;
        db.DeliveryWindows.AddRange(windows);
        await db.SaveChangesAsync(ct);
        return new WindowSet(name,
            windows.Where((_, i) => !SoldOutPlaces.Contains(i)).ToList(),
            SoldOutPlaces.Select(i => windows[i]).ToList(),
            shops.ToDictionary(s => s.Id, s => s.Name));
    }

    /// <summary>The attempts of a run, the same for the API and the baseline: a random customer, a third at sold-out windows.</summary>
    public Ask[] Plan(int count, int seed)
    {
        var random = new Random(seed);
        var open = StartHours.Length * 2 - SoldOutPlaces.Length;
        return Enumerable.Range(0, count).Select(_ =>
        {
            var soldOut = random.NextDouble() < SoldOutShare;
            return new Ask(random.Next(Customers.Length), soldOut, random.Next(soldOut ? SoldOutPlaces.Length : open), random.Next(9, 31) * 5m);
        }).ToArray();
    }
}
