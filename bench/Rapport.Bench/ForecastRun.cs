using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Rapport.Core.Businesses;
using Rapport.Core.Data;
using Rapport.Core.Delivery;

namespace Rapport.Bench;

/// <summary>
/// The owner's 60-day forecast for a florist with years of orders, over real HTTP (<c>GET /api/forecast</c>), timed
/// beside a plain-SQL full-scan aggregate of the same orders table (orders per location and day) in the same run.
/// </summary>
public sealed class ForecastRun(BenchOptions options, DatabaseProvider provider)
{
    public const double TargetSeconds = 2;
    public const int Days = 60;

    public sealed record Result(
        DatabaseProvider Provider, int Customers, int Orders, DateOnly From, DateOnly To, int ShortDays,
        IReadOnlyList<double> ForecastMs, IReadOnlyList<double> ScanMs, long ScanGroups, double LoadAverage)
    {
        public double ForecastMedian => Median(ForecastMs);
        public double ScanMedian => Median(ScanMs);
        public double Ratio => ForecastMedian / ScanMedian;
    }

    public async Task<Result> RunAsync()
    {
        var ct = CancellationToken.None;
        Console.WriteLine($"== {Report.ProviderName(provider)}, 60-day forecast");
        var database = new ForecastDatabase(options, provider);
        var ready = await database.IsReadyAsync();
        if (!ready)
        {
            Console.WriteLine($"  no cached florist {options.ForecastDataSetName}: generating it ({options.ForecastCustomers:N0} customers, {options.ForecastOrders:N0} orders)");
            await database.Store.ResetAsync();
        }
        else Console.WriteLine($"  reusing the cached florist {options.ForecastDataSetName}");

        var clock = Stopwatch.StartNew();
        await using var host = new BenchHost(provider, database.Store.ConnectionString);
        var address = host.Start();
        Console.WriteLine($"  Rapport started (migrations applied) at {address} in {clock.Elapsed.TotalSeconds:0.0} s");
        var today = BusinessClock.Today(DateTime.UtcNow, BusinessClock.Zone(ForecastDatabase.TimeZone));
        if (!ready) await database.GenerateAsync(host.Services, today, ct);

        using var client = await ProviderRun.SignInAsync(address, 1, ForecastDatabase.OwnerEmail, ForecastDatabase.Password);
        var to = today.AddDays(Days - 1);
        var url = $"/api/forecast?from={today:yyyy-MM-dd}&to={to:yyyy-MM-dd}";
        await using var connection = await database.Store.OpenAsync(ct);

        // One untimed of each: compiled queries, JIT, pools and the database's cache.
        var (days, shortDays) = await ForecastAsync(client, url, ct);
        if (days != Days) throw new InvalidOperationException($"The forecast answered {days} days, not {Days}.");
        var groups = await ScanAsync(connection, ct);

        var forecastMs = new List<double>();
        var scanMs = new List<double>();
        for (var i = 0; i < options.ForecastRepeats; i++)
        {
            // Alternated, so that whatever else the machine is doing weighs on both alike.
            var watch = Stopwatch.StartNew();
            await ForecastAsync(client, url, ct);
            forecastMs.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            await ScanAsync(connection, ct);
            scanMs.Add(watch.Elapsed.TotalMilliseconds);
        }
        return new Result(provider, options.ForecastCustomers, options.ForecastOrders, today, to, shortDays, forecastMs, scanMs, groups, LoadRunner.LoadAverage());
    }

    private static async Task<(int Days, int ShortDays)> ForecastAsync(HttpClient client, string url, CancellationToken ct)
    {
        using var response = await client.GetAsync(url, ct);
        if (response.StatusCode != HttpStatusCode.OK) throw new HttpRequestException($"{(int)response.StatusCode} from {url}: {await response.Content.ReadAsStringAsync(ct)}");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        var days = body.RootElement.EnumerateArray().ToList();
        return (days.Count, days.Count(d => d.GetProperty("shortfall").GetInt32() > 0));
    }

    /// <summary>The baseline: every order of the table read once, counted per location and day (what a forecast from all history would need).</summary>
    private static async Task<long> ScanAsync(DbConnection connection, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            SELECT "LocationId", "FulfilmentDate", COUNT(*) FROM "Orders" WHERE "Status" <> 'Cancelled' GROUP BY "LocationId", "FulfilmentDate"
            """;
        cmd.CommandTimeout = 0;
        long groups = 0;
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) groups++;
        return groups;
    }

    public static void Print(Result r)
    {
        var en = CultureInfo.InvariantCulture;
        string Ms(double v) => v.ToString("0", en) + " ms";
        Console.WriteLine();
        Console.WriteLine($"{Report.ProviderName(r.Provider)}: 60-day forecast ({r.From:yyyy-MM-dd} to {r.To:yyyy-MM-dd}) for a florist with {r.Customers:N0} customers and {r.Orders:N0} orders; {Report.Machine()}");
        Console.WriteLine($"| {"what",-44} | {"median",9} | {"min",9} | {"max",9} |");
        Console.WriteLine($"|{new string('-', 46)}|{new string('-', 11)}|{new string('-', 11)}|{new string('-', 11)}|");
        Console.WriteLine($"| {"GET /api/forecast (60 days, over HTTP)",-44} | {Ms(r.ForecastMedian),9} | {Ms(r.ForecastMs.Min()),9} | {Ms(r.ForecastMs.Max()),9} |");
        Console.WriteLine($"| {$"plain SQL full-scan aggregate ({r.ScanGroups:N0} groups)",-44} | {Ms(r.ScanMedian),9} | {Ms(r.ScanMs.Min()),9} | {Ms(r.ScanMs.Max()),9} |");
        var verdict = r.ForecastMedian < TargetSeconds * 1000 ? "met" : "MISSED";
        Console.WriteLine($"forecast / scan = {r.Ratio.ToString("0.00", en)}×; target forecast < {TargetSeconds:0} s: {verdict}; " +
                          $"{r.ShortDays} of 60 days short of capacity; {r.ForecastMs.Count} timed runs each; load average {r.LoadAverage.ToString("0.0", en)}");
    }

    private static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
