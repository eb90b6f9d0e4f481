using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Rapport.Core.Data;
using Rapport.Web.Orders;

namespace Rapport.Bench;

/// <summary>
/// The Valentine's rush on one provider: the florist's peak day over real HTTP (<c>POST /api/orders</c>), then the same
/// attempts as plain SQL transactions on an identical set of windows, each checked against what it left in the database.
/// </summary>
public sealed class RushRun(BenchOptions options, DatabaseProvider provider)
{
    public const string Occasion = "Valentine's Day";
    public const int WindowCapacity = 200;
    /// <summary>Units of each window only loyal customers (or a manager) may book: the rush sells the rest.</summary>
    public const int WindowReserve = 10;
    private const int WarmupCapacity = 20;
    private const int WarmupReserve = 2;

    /// <summary>What one side did: its answers and latencies, and what it left in its windows.</summary>
    public sealed record Side(
        string Name, LoadRunner.Attempts Run, Measurement All, Measurement Created, Measurement Refused,
        int ServerErrors, int Unexpected, int CapacityTaken, int OrdersWritten, int Overbooked)
    {
        public int Attempts => Run.Status.Length;
        public double AttemptsPerSecond => Attempts / Run.Elapsed.TotalSeconds;
        public double OrdersPerSecond => Created.Requests / Run.Elapsed.TotalSeconds;
    }

    public sealed record Result(
        DatabaseProvider Provider, DateOnly Day, int OpenCapacity, int Unorderable, Side Http, Side Sql, IReadOnlyList<string> Failures);

    private string? firstUnexpected;

    public async Task<Result> RunAsync()
    {
        var ct = CancellationToken.None;
        Console.WriteLine($"== {Report.ProviderName(provider)}, Valentine's rush");
        var database = new RushDatabase(options, provider);
        var ready = await database.IsReadyAsync();
        if (!ready)
        {
            Console.WriteLine($"  no cached florist {options.RushDataSetName}: generating it ({options.RushCustomers:N0} customers)");
            await database.Store.ResetAsync();
        }
        else Console.WriteLine($"  reusing the cached florist {options.RushDataSetName} ({options.RushCustomers:N0} customers)");

        var clock = Stopwatch.StartNew();
        await using var host = new BenchHost(provider, database.Store.ConnectionString);
        var address = host.Start();
        Console.WriteLine($"  Rapport started (migrations applied) at {address} in {clock.Elapsed.TotalSeconds:0.0} s");
        if (!ready) await database.GenerateAsync(host.Services, ct);
        await database.ClearRunAsync();

        var florist = await Florist.LoadAsync(host.Services, ct);
        var day = Florist.ValentinesDay(DateTime.UtcNow);
        var rush = await florist.MakeWindowsAsync(host.Services, "HTTP", active: true, day, WindowCapacity, WindowReserve, ct);
        var baseline = await florist.MakeWindowsAsync(host.Services, "plain SQL", active: false, day, WindowCapacity, WindowReserve, ct);
        var openCapacity = rush.Open.Sum(w => w.Capacity - w.LoyaltyReserve);
        if (florist.Unorderable > 0)
            Console.WriteLine($"  left out {florist.Unorderable:N0} customers whose id the API refuses as a card number (422 from RequestGuard)");
        Console.WriteLine($"  {day.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture)}: {rush.Open.Count + rush.SoldOut.Count} windows of {WindowCapacity} " +
                          $"({WindowReserve} held for loyal customers), {rush.SoldOut.Count} sold out: {openCapacity:N0} deliveries left to sell, each side");

        using var client = await ProviderRun.SignInAsync(address, options.RushClients, RushDatabase.DeskEmail, RushDatabase.Password);
        var sql = new OrderSql(database.Store, florist);

        if (options.RushWarmup > 0)
        {
            // The day before, on windows of its own: the app's first calls compile queries and JIT its code, the pools fill.
            var eve = day.AddDays(-1);
            var warmHttp = await florist.MakeWindowsAsync(host.Services, "warm-up HTTP", active: true, eve, WarmupCapacity, WarmupReserve, ct);
            var warmSql = await florist.MakeWindowsAsync(host.Services, "warm-up SQL", active: false, eve, WarmupCapacity, WarmupReserve, ct);
            var warmPlan = florist.Plan(options.RushWarmup, options.Seed + 1);
            Console.WriteLine($"  warming up: {options.RushWarmup:N0} attempts each way on {eve.ToString("d MMM", CultureInfo.InvariantCulture)}, untimed");
            Warm("HTTP", await LoadRunner.RunAttemptsAsync(options.RushClients, warmPlan.Length, i => PostAsync(client, florist, warmPlan[i], warmHttp)));
            Warm("SQL", await LoadRunner.RunAttemptsAsync(options.RushClients, warmPlan.Length, i => sql.PlaceAsync(warmPlan[i], warmSql)));
        }

        if (florist.RemadeWindows > 0)
            Console.WriteLine($"  made {florist.RemadeWindows} windows again: the API would refuse their ids as card numbers (422 from RequestGuard)");

        var plan = florist.Plan(options.RushAttempts, options.Seed);
        var http = await MeasureAsync(database.Store, rush, "HTTP POST /api/orders",
            () => LoadRunner.RunAttemptsAsync(options.RushClients, plan.Length, i => PostAsync(client, florist, plan[i], rush)));
        var plain = await MeasureAsync(database.Store, baseline, "plain SQL transactions",
            () => LoadRunner.RunAttemptsAsync(options.RushClients, plan.Length, i => sql.PlaceAsync(plan[i], baseline)));

        if (options.ShowSql) await ShowSqlAsync(database.Store, florist, day.AddDays(1), ct);

        var failures = new List<string>();
        Check(http, failures);
        Check(plain, failures);
        if (sql.LastOrderId is { } written && await ReadBackAsync(client, written) is { } unreadable) failures.Add(unreadable);
        return new Result(provider, day, openCapacity, florist.Unorderable, http, plain, failures);
    }

    /// <summary>A second Rapport with EF Core's command log on: the SQL of one order created and one refused (logging would skew the timed runs).</summary>
    private async Task ShowSqlAsync(CachedDatabase store, Florist florist, DateOnly day, CancellationToken ct)
    {
        var capture = new SqlCapture();
        await using var host = new BenchHost(provider, store.ConnectionString, capture);
        using var client = await ProviderRun.SignInAsync(host.Start(), 1, RushDatabase.DeskEmail, RushDatabase.Password);
        var set = await florist.MakeWindowsAsync(host.Services, "show-sql", active: true, day, WarmupCapacity, WarmupReserve, ct);
        foreach (var (what, ask) in new[] { ("an order created", new Ask(0, false, 0, 60m)), ("an attempt refused", new Ask(0, true, 0, 60m)) })
        {
            await PostAsync(client, florist, ask, set); // warm: first-time queries compile
            capture.Take();
            var status = await PostAsync(client, florist, ask, set);
            var commands = capture.Take();
            Console.WriteLine($"  -- SQL sent by EF Core for {what} ({status}), {commands.Count} commands:");
            foreach (var command in commands) Console.WriteLine(ProviderRun.Indent(command, "     "));
        }
    }

    private void Warm(string side, LoadRunner.Attempts run)
    {
        var created = run.Status.Count(s => s == 201);
        var refused = run.Status.Count(s => s == 409);
        Console.WriteLine($"  warm-up {side,-4} {created:N0} created, {refused:N0} refused in {run.Elapsed.TotalSeconds:0.0} s");
        if (created + refused != run.Status.Length)
            throw new InvalidOperationException($"The {side} warm-up had answers other than 201 or 409; first: {firstUnexpected ?? run.FirstError}");
    }

    private async Task<int> PostAsync(HttpClient client, Florist florist, Ask ask, WindowSet set)
    {
        var customer = florist.Customers[ask.Customer];
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders")
        {
            Content = JsonContent.Create(new
            {
                customerId = customer.Id,
                address = new { line1 = customer.Line1, city = customer.City, postalCode = customer.Postcode },
                occasion = Occasion,
                budget = ask.Budget,
                channel = "web",
                fulfilment = new { kind = "window", windowId = set.WindowOf(ask).Id },
            }),
        };
        request.Headers.Add(OrderEndpoints.IdempotencyHeader, Guid.NewGuid().ToString());
        using var response = await client.SendAsync(request);
        var status = (int)response.StatusCode;
        if (status is not (201 or 409))
            Interlocked.CompareExchange(ref firstUnexpected, $"{status} {await response.Content.ReadAsStringAsync()}", null);
        return status;
    }

    private async Task<Side> MeasureAsync(CachedDatabase store, WindowSet set, string name, Func<Task<LoadRunner.Attempts>> run)
    {
        var before = await WindowsAsync(store, set);
        var attempts = await run();
        var after = await WindowsAsync(store, set);

        List<double> all = [], created = [], refused = [];
        int serverErrors = 0, unexpected = 0;
        for (var i = 0; i < attempts.Status.Length; i++)
        {
            var ms = attempts.Milliseconds[i];
            all.Add(ms);
            switch (attempts.Status[i])
            {
                case 201: created.Add(ms); break;
                case 409: refused.Add(ms); break;
                case >= 500: serverErrors++; break;
                default: unexpected++; break;
            }
        }
        Measurement Of(List<double> latencies) => Measurement.Of(name, latencies, 0, attempts.Elapsed, null)
            with { OwnCpu = attempts.OwnCpu, LoadAverage = attempts.LoadAfter };
        var side = new Side(name, attempts, Of(all), Of(created), Of(refused), serverErrors, unexpected,
            after.Booked - before.Booked, after.Orders - before.Orders, after.Overbooked);
        Console.WriteLine($"  {name,-22} {side.AttemptsPerSecond,6:N0} attempts/s  {side.OrdersPerSecond,5:N0} orders/s  p50 {side.All.P50,7:0.00} ms  " +
                          $"p99 {side.All.P99,7:0.00} ms  {created.Count:N0} created, {refused.Count:N0} refused in {attempts.Elapsed.TotalSeconds:0.0} s " +
                          $"(this process {attempts.OwnCpu,4:P0} of the CPUs, load average {attempts.LoadBefore:0.0} → {attempts.LoadAfter:0.0})");
        return side;
    }

    /// <summary>The set's windows as the database has them: units booked, windows over capacity, and orders written to them.</summary>
    private static async Task<(int Booked, int Overbooked, int Orders)> WindowsAsync(CachedDatabase store, WindowSet set)
    {
        await using var c = await store.OpenAsync(CancellationToken.None);
        int booked = 0, overbooked = 0, orders = 0;
        foreach (var window in set.All)
        {
            await using var cmd = Workload.Command(c, """
                SELECT w."Booked", w."Capacity", (SELECT COUNT(*) FROM "Orders" AS o WHERE o."WindowId" = w."Id")
                FROM "DeliveryWindows" AS w WHERE w."Id" = @window
                """);
            var p = cmd.CreateParameter();
            p.ParameterName = "window";
            p.Value = window.Id;
            cmd.Parameters.Add(p);
            await using DbDataReader r = await cmd.ExecuteReaderAsync();
            if (!await r.ReadAsync()) throw new InvalidOperationException($"Window {window.Id} of the {set.Name} set is missing.");
            var (b, capacity) = (Convert.ToInt32(r.GetValue(0), CultureInfo.InvariantCulture), Convert.ToInt32(r.GetValue(1), CultureInfo.InvariantCulture));
            booked += b;
            if (b > capacity) overbooked++;
            orders += Convert.ToInt32(r.GetValue(2), CultureInfo.InvariantCulture);
        }
        return (booked, overbooked, orders);
    }

    /// <summary>The rules that hold whatever the speed: if one breaks, the bench fails.</summary>
    private void Check(Side side, List<string> failures)
    {
        var created = side.Created.Requests;
        if (created != side.CapacityTaken) failures.Add($"{side.Name}: {created:N0} orders created but {side.CapacityTaken:N0} units of capacity taken");
        if (created != side.OrdersWritten) failures.Add($"{side.Name}: {created:N0} orders created but {side.OrdersWritten:N0} written to the windows");
        if (side.Overbooked > 0) failures.Add($"{side.Name}: {side.Overbooked} windows overbooked");
        if (side.ServerErrors > 0) failures.Add($"{side.Name}: {side.ServerErrors} answers 5xx (first: {firstUnexpected ?? side.Run.FirstError})");
        if (side.Unexpected > 0) failures.Add($"{side.Name}: {side.Unexpected} answers neither 201 nor 409 (first: {firstUnexpected ?? side.Run.FirstError})");
    }

    /// <summary>The app reads an order the baseline wrote, line included: the baseline stored its values as EF Core does.</summary>
    private static async Task<string?> ReadBackAsync(HttpClient client, Guid order)
    {
        using var response = await client.GetAsync($"/api/orders/{order}");
        if (response.StatusCode != HttpStatusCode.OK) return $"plain SQL: the app cannot read the baseline's order {order}: {(int)response.StatusCode}";
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("lines").GetArrayLength() == 1 ? null
            : $"plain SQL: the app reads the baseline's order {order} without its line";
    }
}
