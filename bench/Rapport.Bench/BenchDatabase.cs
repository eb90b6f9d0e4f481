using System.Data.Common;
using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Core.Businesses;
using Rapport.Core.Data;
using static Rapport.Bench.CachedDatabase;

namespace Rapport.Bench;

/// <summary>
/// The generated database of one provider: reused when it holds the expected data set, else rebuilt
/// (schema by the app's migrations, business and staff by the app's use case, rows by bulk insert).
/// </summary>
public sealed class BenchDatabase(BenchOptions options, DatabaseProvider provider)
{
    public const string Slug = "bench";
    public const string OwnerEmail = "owner@bench.example";
    public const string Password = "Bench!2026";

    private readonly CachedDatabase store = options.CustomersDatabase(provider);

    public string ConnectionString => store.ConnectionString;
    private string BusinessName => $"Bench {options.DataSetName}";

    public DbConnection Open() => store.Open();

    /// <summary>True when the cached database holds this data set: the business, and every customer and interaction.</summary>
    public Task<bool> IsReadyAsync() => store.HoldsAsync(async c =>
        await BusinessNameAsync(c, Slug) == BusinessName
        && await ScalarAsync<long>(c, "SELECT COUNT(*) FROM \"Customers\"") == options.Customers
        && await ScalarAsync<long>(c, "SELECT COUNT(*) FROM \"Interactions\"") == options.Interactions);

    public Task ResetAsync() => store.ResetAsync();

    /// <summary>Fills the migrated, empty database: the business and its staff, then customers, contacts and interactions.</summary>
    public async Task GenerateAsync(IServiceProvider services, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var created = await CreateBusiness.HandleAsync(services,
            new CreateBusiness.Command(BusinessName, Slug, OwnerEmail, Password, "Olivia Benchley"), ct);
        if (!created.Succeeded) throw new InvalidOperationException($"Could not create the bench business: {created.Failure!.Title}");
        var business = created.Value!;

        var staff = new List<StaffRef>();
        using (var scope = services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffMember>>();
            var team = new (string Mailbox, string Name, StaffRole Role)[]
            {
                ("manager", "Mateo Núñez", StaffRole.Manager), ("sales", "Zoë Ångström", StaffRole.Sales),
                ("service", "Grace Okafor", StaffRole.Service), ("service2", "Jürgen Weiß", StaffRole.Service),
                ("driver", "Luis Ortega", StaffRole.Delivery),
            };
            foreach (var (mailbox, name, role) in team)
            {
                var added = await CreateBusiness.AddStaffAsync(users, business.Id, $"{mailbox}@bench.example", Password, name, role);
                if (!added.Succeeded) throw new InvalidOperationException($"Could not add {mailbox}: {added.Failure!.Title}");
            }
            var db = scope.ServiceProvider.GetRequiredService<RapportDb>();
            staff.AddRange(await db.Staff.Where(s => s.BusinessId == business.Id)
                .Select(s => new StaffRef(s.Id, s.DisplayName, s.Role)).ToListAsync(ct));
        }

        var generator = new DataGenerator(options, business.Id, staff, DateTime.UtcNow);
        generator.BuildCustomers();
        Console.WriteLine($"  built {generator.Customers.Count:N0} customers in {clock.Elapsed.TotalSeconds:0.0} s");

        IModel model;
        using (var scope = services.CreateScope()) model = scope.ServiceProvider.GetRequiredService<RapportDb>().Model;
        var points = generator.Customers.SelectMany(c => c.ContactPoints);
        // The customer page's data leaves the statistics to the app's start-up (PRAGMA optimize).
        await new BulkLoad(store, model)
            .Add(generator.Customers)
            .Add(points, () => Console.WriteLine($"  loaded customers and contacts at {clock.Elapsed.TotalSeconds:0.0} s"))
            .Add(Progress(generator.Interactions(), clock))
            .RunAsync(ct, analyze: false);
        Console.WriteLine($"  generated {options.Customers:N0} customers and {options.Interactions:N0} interactions in {clock.Elapsed.TotalSeconds:0.0} s");
    }

    private static IEnumerable<T> Progress<T>(IEnumerable<T> rows, Stopwatch clock)
    {
        var n = 0;
        foreach (var row in rows)
        {
            yield return row;
            if (++n % 250_000 == 0) Console.WriteLine($"  {n:N0} interactions at {clock.Elapsed.TotalSeconds:0.0} s");
        }
    }
}
