using System.Data.Common;
using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Rapport.Core.Businesses;
using Rapport.Core.Customers;
using Rapport.Core.Data;
using Rapport.Core.Timeline;
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
    public async Task<bool> IsReadyAsync()
    {
        if (options.Regenerate) return false;
        try
        {
            if (!await store.ExistsAsync()) return false;
            await using var c = Open();
            var name = await ScalarAsync<string>(c, "SELECT \"Name\" FROM \"Businesses\" WHERE \"Slug\" = 'bench'");
            if (name != BusinessName) return false;
            var customers = await ScalarAsync<long>(c, "SELECT COUNT(*) FROM \"Customers\"");
            var interactions = await ScalarAsync<long>(c, "SELECT COUNT(*) FROM \"Interactions\"");
            return customers == options.Customers && interactions == options.Interactions;
        }
        catch (DbException)
        {
            return false;
        }
    }

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
        var customers = new TableMap<Customer>(model);
        var contacts = new TableMap<ContactPoint>(model);
        var interactions = new TableMap<Interaction>(model);
        var points = generator.Customers.SelectMany(c => c.ContactPoints);

        if (provider == DatabaseProvider.Sqlite)
        {
            await using var c = new SqliteConnection(ConnectionString);
            await c.OpenAsync(ct);
            // One writer, no one reading yet: skip syncing to disk and give the index builds memory.
            await ExecAsync(c, "PRAGMA synchronous = OFF; PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY;");
            await using var tx = c.BeginTransaction();
            await BulkInsert.SqliteAsync(c, tx, customers, generator.Customers);
            await BulkInsert.SqliteAsync(c, tx, contacts, points);
            Console.WriteLine($"  inserted customers and contacts at {clock.Elapsed.TotalSeconds:0.0} s");
            await BulkInsert.SqliteAsync(c, tx, interactions, Progress(generator.Interactions(), clock));
            await tx.CommitAsync(ct);
            await ExecAsync(c, "PRAGMA wal_checkpoint(TRUNCATE);");
        }
        else
        {
            await using var c = new NpgsqlConnection(ConnectionString);
            await c.OpenAsync(ct);
            await BulkInsert.PostgresAsync(c, customers, generator.Customers);
            await BulkInsert.PostgresAsync(c, contacts, points);
            Console.WriteLine($"  copied customers and contacts at {clock.Elapsed.TotalSeconds:0.0} s");
            await BulkInsert.PostgresAsync(c, interactions, Progress(generator.Interactions(), clock));
            // What autovacuum would do soon after such a load: statistics and the visibility map.
            await ExecAsync(c, "VACUUM ANALYZE");
        }
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
