using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Core.Businesses;
using Rapport.Core.Customers;
using Rapport.Core.Data;
using Rapport.Core.Delivery;
using Rapport.Core.Forecasting;
using Rapport.Core.Orders;
using static Rapport.Bench.CachedDatabase;

namespace Rapport.Bench;

/// <summary>
/// The florist whose coming days are forecast, in a database of its own: the business and its owner by the app's
/// use case, two shops with weekly windows, customers (the customer scenario's generator) and years of orders
/// inserted in bulk: a daily flow growing year on year, peaks on Valentine's Day, the Saturday before Mother's Day
/// and Christmas week, and the coming weeks partly booked. Kept between runs.
/// </summary>
public sealed class ForecastDatabase(BenchOptions options, DatabaseProvider provider)
{
    public const string Slug = "forecast";
    public const string OwnerEmail = "owner@forecast.example";
    public const string Password = "Forecast!2026";
    public const string TimeZone = "America/Chicago";
    /// <summary>Orders of the coming weeks already placed.</summary>
    public const int BookedAheadDays = 30;

    private readonly CachedDatabase store = options.ForecastDatabase(provider);

    public CachedDatabase Store => store;
    private string BusinessName => $"Forecast florist {options.ForecastDataSetName}";

    public Task<bool> IsReadyAsync() => store.HoldsAsync(async c =>
        await BusinessNameAsync(c, Slug) == BusinessName && await ScalarAsync<long>(c, "SELECT COUNT(*) FROM \"Orders\"") == options.ForecastOrders);

    public async Task GenerateAsync(IServiceProvider services, DateOnly today, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var created = await CreateBusiness.HandleAsync(services,
            new CreateBusiness.Command(BusinessName, Slug, OwnerEmail, Password, "Flora Lindgren", TimeZone), ct);
        if (!created.Succeeded) throw new InvalidOperationException($"Could not create the florist: {created.Failure!.Title}");
        var business = created.Value!;

        IModel model;
        var locations = new List<Guid>();
        using (var scope = services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<Tenant>().Set(business.Id);
            var db = scope.ServiceProvider.GetRequiredService<RapportDb>();
            model = db.Model;
            foreach (var (name, postcode) in new[] { ("Downtown", "60606"), ("Lakeview", "60657") })
            {
                var location = new Location
                {
                    Name = name, TimeZone = TimeZone,
                    Address = new PostalAddress { Line1 = "1 Main St", City = "Chicago", Region = "IL", PostalCode = postcode },
                };
                location.Zones.Add(new DeliveryZone { PostalCode = postcode, Fee = 9.95m });
                // Monday to Saturday, three windows of 60.
                foreach (var weekday in Enum.GetValues<DayOfWeek>().Where(d => d != DayOfWeek.Sunday))
                    foreach (var start in new[] { 9, 12, 15 })
                        location.WeeklyWindows.Add(new WindowTemplate { Weekday = weekday, Start = new(start, 0), End = new(start + 3, 0), Capacity = 60, LoyaltyReserve = 5 });
                db.Locations.Add(location);
                locations.Add(location.Id);
            }
            await db.SaveChangesAsync(ct);
        }

        var generator = new DataGenerator(options with { Customers = options.ForecastCustomers }, business.Id, [], DateTime.UtcNow);
        generator.BuildCustomers();
        var orders = Orders(business.Id, generator.Customers.Select(c => c.Id).ToArray(), locations, today).ToList();
        Console.WriteLine($"  built {generator.Customers.Count:N0} customers and {orders.Count:N0} orders in {clock.Elapsed.TotalSeconds:0.0} s");

        await new BulkLoad(store, model)
            .Add(generator.Customers).Add(generator.Customers.SelectMany(c => c.ContactPoints)).Add(orders)
            .RunAsync(ct);
        Console.WriteLine($"  generated the florist with {options.ForecastCustomers:N0} customers and {orders.Count:N0} orders in {clock.Elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>
    /// The orders, spread over the days of <see cref="BenchOptions.ForecastYears"/> years before today and the
    /// booked weeks after: each day's weight grows 12 % a year, Sundays are light, peaks heavy.
    /// </summary>
    private IEnumerable<Order> Orders(Guid business, Guid[] customers, List<Guid> locations, DateOnly today)
    {
        var random = new Random(options.Seed);
        var first = today.AddYears(-options.ForecastYears);
        var last = today.AddDays(BookedAheadDays);
        var days = new List<(DateOnly Date, double Weight)>();
        for (var d = first; d <= last; d = d.AddDays(1))
        {
            var weight = Math.Pow(1.12, (d.DayNumber - first.DayNumber) / 365.0) * (d.DayOfWeek == DayOfWeek.Sunday ? 0.3 : 1);
            if (PeakDays.Around(d) is var (peak, before))
                weight *= (peak, before) switch
                {
                    (PeakDay.ValentinesDay, 0) => 15,
                    (PeakDay.MothersDay, 1) => 10,
                    (PeakDay.MothersDay, 0) => 3,
                    (PeakDay.Christmas, >= 1) => 3,
                    (_, _) => 1.5,
                };
            // Days ahead are booked in part: the nearer, the fuller.
            if (d >= today) weight *= 0.8 * (1 - (double)(d.DayNumber - today.DayNumber) / BookedAheadDays);
            days.Add((d, weight));
        }
        var total = days.Sum(d => d.Weight);
        var number = OrderNumbers.First;
        var remainder = 0.0;
        foreach (var (date, weight) in days)
        {
            var exact = options.ForecastOrders * weight / total + remainder;
            var count = (int)Math.Floor(exact);
            remainder = exact - count;
            if (date == last) count = options.ForecastOrders - (int)(number - OrderNumbers.First);
            for (var i = 0; i < count; i++)
            {
                var placed = date.AddDays(-random.Next(0, 6)).ToDateTime(new TimeOnly(random.Next(8, 20), random.Next(0, 60)), DateTimeKind.Utc);
                var past = date < today;
                yield return new Order
                {
                    BusinessId = business, Number = number++, CustomerId = customers[random.Next(customers.Length)],
                    Channel = OrderChannel.Phone, Fulfilment = FulfilmentKind.Delivery, FulfilmentDate = date,
                    LocationId = locations[random.Next(locations.Count)], Promise = "Delivered by the florist",
                    Subtotal = 60m, Total = 69.95m, DeliveryFee = 9.95m,
                    Status = past ? (random.NextDouble() < 0.02 ? OrderStatus.Cancelled : OrderStatus.Delivered) : OrderStatus.Placed,
                    PlacedAt = placed, UpdatedAt = placed,
                };
            }
        }
    }
}
