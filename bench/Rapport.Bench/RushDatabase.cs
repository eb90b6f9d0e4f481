using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Core.Businesses;
using Rapport.Core.Catalog;
using Rapport.Core.Customers;
using Rapport.Core.Data;
using Rapport.Core.Delivery;
using static Rapport.Bench.CachedDatabase;

namespace Rapport.Bench;

/// <summary>
/// The florist of the Valentine's rush, in a database of its own: the business and its phone desk by the app's use
/// case, a designer's-choice bouquet, two shops delivering to every postcode of the city (and a copy of each for the
/// plain-SQL baseline), and customers with an address in those postcodes, inserted in bulk. Kept between runs.
/// </summary>
public sealed class RushDatabase(BenchOptions options, DatabaseProvider provider)
{
    public const string Slug = "rush";
    public const string DeskEmail = "desk@rush.example";
    public const string Password = "Rush!2026";
    public const string TimeZone = "America/Chicago";

    /// <summary>Chicago postcodes; each shop delivers to all of them, for less near the shop.</summary>
    public static readonly string[] Postcodes =
    [
        "60601", "60602", "60603", "60604", "60605", "60606", "60607", "60608", "60609", "60610", "60611", "60612", "60613", "60614",
        "60615", "60616", "60618", "60622", "60625", "60626", "60640", "60642", "60647", "60654", "60657", "60660", "60661",
    ];

    private static readonly (string Name, string Street, string Postcode, string[] Near)[] Shops =
    [
        ("Downtown", "233 S Wacker Dr", "60606", ["60601", "60602", "60603", "60604", "60605", "60606", "60607", "60610", "60611", "60654", "60661"]),
        ("Lakeview", "3200 N Clark St", "60657", ["60613", "60614", "60618", "60622", "60625", "60626", "60640", "60647", "60657", "60660"]),
    ];

    private static readonly string[] Streets =
        ["N Clark St", "W Belmont Ave", "N Halsted St", "W Fullerton Ave", "S Michigan Ave", "W Division St", "N Broadway", "W Armitage Ave", "S State St", "N Sheffield Ave"];

    private readonly CachedDatabase store = options.RushDatabase(provider);

    public CachedDatabase Store => store;
    private string BusinessName => $"Rush florist {options.RushDataSetName}";

    /// <summary>True when the cached database holds this florist with every customer and its four shops.</summary>
    public Task<bool> IsReadyAsync() => store.HoldsAsync(async c =>
        await BusinessNameAsync(c, Slug) == BusinessName
        && await ScalarAsync<long>(c, "SELECT COUNT(*) FROM \"CustomerAddresses\"") == options.RushCustomers
        && await ScalarAsync<long>(c, "SELECT COUNT(*) FROM \"Locations\"") == 2 * Shops.Length);

    /// <summary>Removes what earlier runs left (their windows, their orders and all an order writes), so every run starts alike.</summary>
    public async Task ClearRunAsync()
    {
        await using var c = store.Open();
        await ExecAsync(c, """
            DELETE FROM "OrderLines"; DELETE FROM "OrderStatusChanges"; DELETE FROM "DeliveryStops"; DELETE FROM "Interactions";
            DELETE FROM "AuditEntries" WHERE "Entity" = 'Order'; DELETE FROM "Orders"; DELETE FROM "IdempotencyRecords";
            DELETE FROM "OrderNumberBlocks"; DELETE FROM "TurnedAway"; DELETE FROM "DeliveryWindows";
            """);
    }

    public async Task GenerateAsync(IServiceProvider services, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var created = await CreateBusiness.HandleAsync(services,
            new CreateBusiness.Command(BusinessName, Slug, "owner@rush.example", Password, "Rosa Marchetti", TimeZone), ct);
        if (!created.Succeeded) throw new InvalidOperationException($"Could not create the florist: {created.Failure!.Title}");
        var business = created.Value!;

        IModel model;
        using (var scope = services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffMember>>();
            var desk = await CreateBusiness.AddStaffAsync(users, business.Id, DeskEmail, Password, "Grace Okafor", StaffRole.Service);
            if (!desk.Succeeded) throw new InvalidOperationException($"Could not add the phone desk: {desk.Failure!.Title}");

            scope.ServiceProvider.GetRequiredService<Tenant>().Set(business.Id);
            var db = scope.ServiceProvider.GetRequiredService<RapportDb>();
            model = db.Model;
            db.Products.Add(new Product
            {
                Name = "Designer's choice bouquet", Category = "Bouquets", IsDesignersChoice = true, MinimumBudget = 40m,
                Description = "The florist's pick of the day's flowers, made for the budget.",
            });
            // The baseline's copies are inactive so the app never offers them as alternatives during the HTTP rush.
            foreach (var active in new[] { true, false })
                foreach (var (name, street, postcode, near) in Shops)
                {
                    var location = new Location
                    {
                        Name = active ? name : $"{name} (plain-SQL baseline)",
                        TimeZone = TimeZone,
                        Active = active,
                        Address = new PostalAddress { Line1 = street, City = "Chicago", Region = "IL", PostalCode = postcode },
                    };
                    location.Zones.AddRange(Postcodes.Select(p => new DeliveryZone { PostalCode = p, Fee = near.Contains(p) ? 9.95m : 14.95m }));
                    db.Locations.Add(location);
                }
            await db.SaveChangesAsync(ct);
        }

        // The customer scenario's generator: names from a dozen locales, phones and e-mails.
        var generator = new DataGenerator(options with { Customers = options.RushCustomers }, business.Id, [], DateTime.UtcNow);
        generator.BuildCustomers();
        var random = new Random(options.Seed);
        var addresses = generator.Customers.Select(c => new CustomerAddress
        {
            BusinessId = business.Id,
            CustomerId = c.Id,
            Label = "home",
            Address = new PostalAddress
            {
                Line1 = $"{random.Next(100, 5000)} {Streets[random.Next(Streets.Length)]}",
                City = "Chicago",
                Region = "IL",
                PostalCode = Postcodes[random.Next(Postcodes.Length)],
            },
        }).ToList();
        Console.WriteLine($"  built {generator.Customers.Count:N0} customers in {clock.Elapsed.TotalSeconds:0.0} s");

        await new BulkLoad(store, model)
            .Add(generator.Customers).Add(generator.Customers.SelectMany(c => c.ContactPoints)).Add(addresses)
            .RunAsync(ct);
        Console.WriteLine($"  generated the florist with {options.RushCustomers:N0} customers in {clock.Elapsed.TotalSeconds:0.0} s");
    }
}
