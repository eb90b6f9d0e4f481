using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using Rapport.Core.Data;

namespace Rapport.Bench;

/// <summary>
/// The tables per provider, with the issue's targets. Customer page: p99 under 25 ms, and within 4× of plain SQL.
/// Valentine's rush: HTTP at least half the plain-SQL baseline's throughput, p99 under 25 ms (SQLite) or 200 ms
/// (PostgreSQL), and on PostgreSQL a p50 at most 1.5× the baseline's.
/// </summary>
public static class Report
{
    public const string Phone = "search by phone";
    public const string Name = "search by name fragment";
    public const string Timeline = "timeline, first page";
    public const string Empty = "empty endpoint (pipeline only)";
    public const string Health = "GET /health (pipeline + DB ping)";
    public const double P99TargetMs = 25;
    public const double RatioTarget = 4;

    public static string ProviderName(DatabaseProvider p) => p == DatabaseProvider.Sqlite ? "SQLite" : "PostgreSQL";

    public static string Machine() =>
        $"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, " +
        $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC";

    public static void Print(BenchOptions o, DatabaseProvider provider, IReadOnlyList<ProviderRun.Row> rows)
    {
        var w = Console.Out;
        w.WriteLine();
        w.WriteLine($"{ProviderName(provider)}: {o.Customers:N0} customers, {o.Interactions:N0} interactions ({o.HeavyTimeline:N0} on the timeline read), " +
                    $"{o.Concurrency} concurrent clients, {o.Duration.TotalSeconds:0} s per scenario after {o.Warmup.TotalSeconds:0} s warm-up; {Machine()}");
        var header = $"| {"scenario",-33} | {"HTTP p50",8} | {"HTTP p99",8} | {"HTTP req/s",10} | {"SQL p50",7} | {"SQL p99",7} | {"SQL req/s",9} | {"p99 HTTP/SQL",12} | {"CPU (HTTP/SQL)",14} | {"load",11} | target (p99 < {P99TargetMs:0} ms, ≤ {RatioTarget:0}×)";
        w.WriteLine(header);
        w.WriteLine("|" + new string('-', 35) + "|" + new string('-', 10) + "|" + new string('-', 10) + "|" + new string('-', 12) + "|"
                    + new string('-', 9) + "|" + new string('-', 9) + "|" + new string('-', 11) + "|" + new string('-', 14) + "|" + new string('-', 16) + "|" + new string('-', 13) + "|" + new string('-', 28));
        foreach (var row in rows)
        {
            var h = row.Http;
            var s = row.Sql;
            var ratio = s is null ? double.NaN : h.P99 / s.P99;
            w.WriteLine($"| {row.Scenario,-33} | {Ms(h.P50),8} | {Ms(h.P99),8} | {h.PerSecond,10:N0} | {(s is null ? "" : Ms(s.P50)),7} | " +
                        $"{(s is null ? "" : Ms(s.P99)),7} | {(s is null ? "" : s.PerSecond.ToString("N0", CultureInfo.InvariantCulture)),9} | " +
                        $"{(s is null ? "" : ratio.ToString("0.0", CultureInfo.InvariantCulture) + "×"),12} | " +
                        $"{Cpu(h) + (s is null ? "" : " / " + Cpu(s)),14} | {Load(h) + (s is null ? "" : " / " + Load(s)),11} | {Verdict(h, s, ratio)}");
        }
        w.WriteLine("Times in milliseconds. HTTP: GET through Kestrel, authentication, the endpoint and EF Core, JSON included. " +
                    "SQL: the same answers by hand-written SQL over ADO.NET in this process, connection from the pool. " +
                    "CPU: share of all cores this process used (clients and server together). Load: the machine's 1-minute load average after the run " +
                    $"(above {Environment.ProcessorCount} means other work was competing for the cores).");
    }

    public const double RushThroughputTarget = 0.5;
    /// <summary>On PostgreSQL, below the target but above this is short of the aim, not a failure of it.</summary>
    public const double RushThroughputFloor = 0.4;
    public const double RushP50Ratio = 1.5;
    public static double RushP99TargetMs(DatabaseProvider p) => p == DatabaseProvider.Sqlite ? 25 : 200;

    public static void PrintRush(BenchOptions o, RushRun.Result r)
    {
        var w = Console.Out;
        w.WriteLine();
        w.WriteLine($"Valentine's rush on {ProviderName(r.Provider)}: {o.RushCustomers:N0} customers" +
                    (r.Unorderable > 0 ? $" ({r.Unorderable:N0} left out: the API refuses their ids as card numbers)" : "") + "; " +
                    $"{r.Day.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture)}, " +
                    $"2 shops × {Florist.StartHours.Length} windows of {RushRun.WindowCapacity} ({RushRun.WindowReserve} held for loyal customers), 3 sold out before the rush: " +
                    $"{r.OpenCapacity:N0} deliveries to sell on each side; {o.RushAttempts:N0} attempts (a third at sold-out windows) from {o.RushClients} clients, " +
                    $"closed loop, after {o.RushWarmup:N0} untimed ones each way; {Machine()}");
        w.WriteLine($"| {"side",-22} | {"attempts/s",10} | {"orders/s",8} | {"p50",6} | {"p99",6} | {"max",6} | {"created",7} | {"capacity taken",14} | " +
                    $"{"overbooked",10} | {"5xx",3} | {"409",5} | {"201: p50 / p99",15} | {"409: p50 / p99",15} | {"CPU",4} | {"load",11} |");
        w.WriteLine($"|{new string('-', 24)}|{new string('-', 12)}|{new string('-', 10)}|{new string('-', 8)}|{new string('-', 8)}|{new string('-', 8)}|{new string('-', 9)}|" +
                    $"{new string('-', 16)}|{new string('-', 12)}|{new string('-', 5)}|{new string('-', 7)}|{new string('-', 17)}|{new string('-', 17)}|{new string('-', 6)}|{new string('-', 13)}|");
        foreach (var s in new[] { r.Http, r.Sql })
            w.WriteLine($"| {s.Name,-22} | {s.AttemptsPerSecond,10:N0} | {s.OrdersPerSecond,8:N0} | {Ms(s.All.P50),6} | {Ms(s.All.P99),6} | {Ms(s.All.Max),6} | " +
                        $"{s.Created.Requests,7:N0} | {s.CapacityTaken,14:N0} | {s.Overbooked,10} | {s.ServerErrors,3} | {s.Refused.Requests,5:N0} | " +
                        $"{Ms(s.Created.P50) + " / " + Ms(s.Created.P99),15} | {Ms(s.Refused.P50) + " / " + Ms(s.Refused.P99),15} | {Cpu(s.All),4} | " +
                        $"{Load(s.Run.LoadBefore) + " → " + Load(s.Run.LoadAfter),11} |");

        var throughput = r.Http.AttemptsPerSecond / r.Sql.AttemptsPerSecond;
        var orders = r.Http.OrdersPerSecond / r.Sql.OrdersPerSecond;
        var p50 = r.Http.All.P50 / r.Sql.All.P50;
        w.WriteLine($"HTTP ÷ plain SQL: throughput {Ratio(throughput)} (attempts/s; orders/s {Ratio(orders)}), p50 {Ratio(p50)}, p99 {Ratio(r.Http.All.P99 / r.Sql.All.P99)}.");

        var targets = new List<string>();
        var sqlite = r.Provider == DatabaseProvider.Sqlite;
        targets.Add($"throughput ≥ {RushThroughputTarget:0.0}× the baseline's" + (sqlite ? "" : $" (floor {RushThroughputFloor:0.0}×)") + ": " +
                    (throughput >= RushThroughputTarget ? "met" : !sqlite && throughput >= RushThroughputFloor ? "MISSED, above the floor" : "MISSED") +
                    $" ({Ratio(throughput)})");
        if (!sqlite)
            targets.Add($"p50 ≤ {RushP50Ratio:0.0}× the baseline's: {(p50 <= RushP50Ratio ? "met" : "MISSED")} ({Ratio(p50)})");
        var p99Target = RushP99TargetMs(r.Provider);
        targets.Add($"p99 < {p99Target:0} ms: {(r.Http.All.P99 < p99Target ? "met" : "MISSED")} ({Ms(r.Http.All.P99)} ms)");
        w.WriteLine($"Targets on {ProviderName(r.Provider)}: {string.Join("; ", targets)}.");
        w.WriteLine(r.Failures.Count == 0
            ? "Checks passed: on each side orders created = capacity taken = orders in the windows, no window overbooked, no 5xx, nothing but 201 and 409."
            : $"CHECKS FAILED: {string.Join("; ", r.Failures)}.");
        w.WriteLine("Times in milliseconds over every attempt, then for the orders created (201) and the attempts refused (409, with alternatives) apart. " +
                    "HTTP: POST /api/orders through Kestrel, bearer authentication, idempotency and EF Core. Plain SQL: the conditional UPDATE and the " +
                    "order's two INSERTs in one transaction over ADO.NET" + (sqlite ? ", one writer at a time as in Rapport" : "") + ". " +
                    "Load: the 1-minute load average before and after the run.");
    }

    private static string Ratio(double v) => v.ToString("0.00", CultureInfo.InvariantCulture) + "×";
    private static string Load(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);

    private static string Verdict(Measurement h, Measurement? s, double ratio)
    {
        var problems = new List<string>();
        if (h.Errors > 0 || s?.Errors > 0) problems.Add($"{h.Errors + (s?.Errors ?? 0)} errors");
        if (s is null) return problems.Count == 0 ? "(baseline)" : string.Join("; ", problems);
        if (!(h.P99 < P99TargetMs)) problems.Add($"p99 {Ms(h.P99)} ms ≥ {P99TargetMs:0}");
        if (!(ratio <= RatioTarget)) problems.Add($"ratio {ratio.ToString("0.0", CultureInfo.InvariantCulture)}× > {RatioTarget:0}×");
        return problems.Count == 0 ? "met" : "MISSED: " + string.Join("; ", problems);
    }

    private static string Cpu(Measurement m) => (m.OwnCpu * 100).ToString("0", CultureInfo.InvariantCulture) + "%";
    private static string Load(Measurement m) => Load(m.LoadAverage);

    private static string Ms(double v) => double.IsNaN(v) ? "-" : v.ToString(v < 10 ? "0.00" : v < 100 ? "0.0" : "0", CultureInfo.InvariantCulture);
}
