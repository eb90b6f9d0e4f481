using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using Rapport.Core.Data;

namespace Rapport.Bench;

/// <summary>The table per provider, with the issue's targets: p99 under 25 ms, and within 4× of plain SQL.</summary>
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
    private static string Load(Measurement m) => m.LoadAverage.ToString("0.0", CultureInfo.InvariantCulture);

    private static string Ms(double v) => double.IsNaN(v) ? "-" : v.ToString(v < 10 ? "0.00" : v < 100 ? "0.0" : "0", CultureInfo.InvariantCulture);
}
