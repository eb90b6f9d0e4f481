using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Core.Businesses;
using Rapport.Core.Customers;
using Rapport.Core.Data;
using Rapport.Core.Delivery;
using Rapport.Core.Occasions;
using Rapport.Core.Orders;
using static Rapport.Bench.CachedDatabase;

namespace Rapport.Bench;

/// <summary>
/// Occasion inference at scale: a florist with many customers and a long order history (yearly occasions kept in
/// most years, tagged in some, among one-off orders), inferred from scratch and timed beside one plain-SQL full
/// scan that aggregates the same orders table, in the same run.
/// </summary>
public sealed class OccasionsRun(BenchOptions options, DatabaseProvider provider)
{
    private const string Slug = "occasions";
    private const string TimeZone = "America/Chicago";
    private static readonly string?[] OneOffTags = [null, null, "Thank you", "Get well", "Sympathy", "Congratulations", "Just because"];
    private static readonly OccasionType[] Kinds = [OccasionType.Birthday, OccasionType.Anniversary, OccasionType.Valentines, OccasionType.MothersDay, OccasionType.Custom];

    public sealed record Result(DatabaseProvider Provider, int Customers, int Orders, int OrdersRead, int Proposed, TimeSpan Inference, TimeSpan Scan, long ScanRows)
    {
        public double Ratio => Inference.TotalMilliseconds / Math.Max(1, Scan.TotalMilliseconds);
    }

    private string DataSet => $"c{options.OccasionCustomers}_o{options.OccasionOrders}_s{options.Seed}";
    private CachedDatabase Store => new(options, provider, Path.Combine(options.DataFolder, $"rapport-occasions-{DataSet}.db"), options.PostgresOccasionsDatabase);

    public async Task<Result> RunAsync()
    {
        var ct = CancellationToken.None;
        Console.WriteLine($"== {Report.ProviderName(provider)}, occasion inference");
        var store = Store;
        var ready = await IsReadyAsync(store);
        if (!ready)
        {
            Console.WriteLine($"  no cached florist {DataSet}: generating {options.OccasionCustomers:N0} customers and {options.OccasionOrders:N0} orders");
            await store.ResetAsync();
        }
        else Console.WriteLine($"  reusing the cached florist {DataSet}");

        await using var host = new BenchHost(provider, store.ConnectionString);
        host.Start();
        if (!ready) await GenerateAsync(host.Services, store, ct);
        var business = await BusinessAsync(host.Services, ct);

        await using (var c = await store.OpenAsync(ct)) await ExecAsync(c, "DELETE FROM \"Occasions\"");

        // The baseline: one pass over every order, aggregated per customer, every row read by the client.
        var scanClock = Stopwatch.StartNew();
        long scanRows = 0;
        await using (var c = await store.OpenAsync(ct))
        {
            await using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT \"CustomerId\", COUNT(*), SUM(\"Total\"), MAX(\"FulfilmentDate\") FROM \"Orders\" WHERE \"Status\" <> 'Cancelled' GROUP BY \"CustomerId\"";
            cmd.CommandTimeout = 0;
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) scanRows++;
        }
        scanClock.Stop();
        Console.WriteLine($"  plain SQL full scan: {scanRows:N0} customers aggregated in {scanClock.Elapsed.TotalSeconds:0.00} s");

        var clock = Stopwatch.StartNew();
        InferOccasions.Run run;
        using (var scope = host.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<Tenant>().Set(business);
            run = await InferOccasions.RunAsync(scope.ServiceProvider.GetRequiredService<RapportDb>(), TimeProvider.System, ct);
        }
        clock.Stop();
        Console.WriteLine($"  inference: {run.OrdersRead:N0} orders read, {run.Proposed:N0} occasions proposed in {clock.Elapsed.TotalSeconds:0.00} s");
        return new Result(provider, options.OccasionCustomers, options.OccasionOrders, run.OrdersRead, run.Proposed, clock.Elapsed, scanClock.Elapsed, scanRows);
    }

    public static void Print(Result r)
    {
        Console.WriteLine($"Occasion inference, {Report.ProviderName(r.Provider)}: {r.Customers:N0} customers, {r.Orders:N0} orders");
        Console.WriteLine($"  {"what",-34} {"seconds",10}");
        Console.WriteLine($"  {"plain SQL full-scan aggregate",-34} {r.Scan.TotalSeconds,10:0.00}");
        Console.WriteLine($"  {"inference (read, infer, store)",-34} {r.Inference.TotalSeconds,10:0.00}");
        Console.WriteLine($"  ratio inference / scan: {r.Ratio:0.0}x (expected: under 30 s and within 10x)  proposals: {r.Proposed:N0}");
    }

    private Task<bool> IsReadyAsync(CachedDatabase store) => store.HoldsAsync(async c =>
        await ScalarAsync<long>(c, "SELECT COUNT(*) FROM \"Orders\"") == options.OccasionOrders
        && await ScalarAsync<long>(c, "SELECT COUNT(*) FROM \"Customers\"") == options.OccasionCustomers);

    private static async Task<Guid> BusinessAsync(IServiceProvider services, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<RapportDb>().Businesses.IgnoreQueryFilters()
            .Where(b => b.Slug == Slug).Select(b => b.Id).SingleAsync(ct);
    }

    private async Task GenerateAsync(IServiceProvider services, CachedDatabase store, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var created = await CreateBusiness.HandleAsync(services,
            new CreateBusiness.Command("Occasions florist", Slug, "owner@occasions.example", "Occasions!2026", "Olivia Bench", TimeZone), ct);
        if (!created.Succeeded) throw new InvalidOperationException($"Could not create the florist: {created.Failure!.Title}");
        var business = created.Value!.Id;
        IModel model;
        using (var scope = services.CreateScope()) model = scope.ServiceProvider.GetRequiredService<RapportDb>().Model;

        var random = new Random(options.Seed);
        var today = BusinessClock.Today(DateTime.UtcNow, BusinessClock.Zone(TimeZone));
        var customers = new List<Customer>(options.OccasionCustomers);
        var recipients = new List<Recipient>();
        var orders = new List<Order>(options.OccasionOrders);
        var perCustomer = options.OccasionOrders / options.OccasionCustomers;
        var extra = options.OccasionOrders % options.OccasionCustomers;
        long number = OrderNumbers.First;
        for (var i = 0; i < options.OccasionCustomers; i++)
        {
            var since = DateTime.UtcNow.AddYears(-9);
            var customer = new Customer { BusinessId = business, Name = $"Customer {i:000000}", CustomerSince = since, CreatedAt = since, UpdatedAt = since };
            customers.Add(customer);
            var theirs = Enumerable.Range(0, random.Next(1, 4))
                .Select(n => new Recipient { BusinessId = business, CustomerId = customer.Id, Name = $"Recipient {i:000000}-{n}", CreatedAt = since }).ToArray();
            recipients.AddRange(theirs);
            var budget = i < extra ? perCustomer + 1 : perCustomer;
            var made = 0;
            // One or two occasions kept most years, then one-off orders up to this customer's share.
            foreach (var recipient in theirs.Take(random.Next(1, 3)))
            {
                var type = Kinds[random.Next(Kinds.Length)];
                var rule = Occasion.HolidayRule(type) ?? DateRule.Fixed(random.Next(1, 13), random.Next(1, 29));
                var tag = type == OccasionType.Custom ? null : Occasion.Name(type, null);
                for (var back = 0; back < 8 && made < budget; back++)
                {
                    var year = (rule.In(today.Year) <= today ? today.Year : today.Year - 1) - back;
                    if (back >= 2 && random.NextDouble() < 0.3) continue;
                    orders.Add(Order(business, customer, recipient, rule.In(year).AddDays(-random.Next(0, 4)), random.NextDouble() < 0.7 ? tag : null, ref number, random));
                    made++;
                }
            }
            for (; made < budget; made++)
                orders.Add(Order(business, customer, theirs[random.Next(theirs.Length)], today.AddDays(-random.Next(1, 8 * 365)), OneOffTags[random.Next(OneOffTags.Length)], ref number, random));
        }
        Console.WriteLine($"  built {customers.Count:N0} customers, {recipients.Count:N0} recipients, {orders.Count:N0} orders in {clock.Elapsed.TotalSeconds:0.0} s");

        await new BulkLoad(store, model).Add(customers).Add(recipients).Add(orders).RunAsync(ct);
        Console.WriteLine($"  generated the florist in {clock.Elapsed.TotalSeconds:0.0} s");
    }

    private static Order Order(Guid business, Customer c, Recipient r, DateOnly day, string? tag, ref long number, Random random)
    {
        var at = day.AddDays(-2).ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);
        var total = random.Next(40, 150);
        return new Order
        {
            BusinessId = business, Number = number++, CustomerId = c.Id, RecipientId = r.Id, RecipientName = r.Name, Occasion = tag,
            Channel = OrderChannel.Phone, Fulfilment = FulfilmentKind.Pickup, FulfilmentDate = day, Promise = "Picked up",
            Subtotal = total, Total = total, Status = OrderStatus.Delivered, PlacedAt = at, UpdatedAt = at,
        };
    }
}
