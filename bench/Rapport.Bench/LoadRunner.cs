using System.Diagnostics;

namespace Rapport.Bench;

/// <summary>Latencies of one scenario: what the clients saw during the measured window.</summary>
public sealed record Measurement(string Scenario, int Requests, int Errors, double P50, double P99, double Max, double PerSecond, string? FirstError)
{
    /// <summary>Share of the machine's cores this process used during the window (client, server and database driver).</summary>
    public double OwnCpu { get; init; }
    /// <summary>The machine's one-minute load average at the end: other work competing for the same cores.</summary>
    public double LoadAverage { get; init; }

    public static Measurement Of(string scenario, List<double> latencies, int errors, TimeSpan window, string? firstError)
    {
        latencies.Sort();
        double At(double q) => latencies.Count == 0 ? double.NaN : latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(q * latencies.Count) - 1)];
        return new(scenario, latencies.Count, errors, At(0.50), At(0.99), latencies.Count == 0 ? double.NaN : latencies[^1],
            latencies.Count / window.TotalSeconds, firstError);
    }
}

/// <summary>
/// Closed-loop load: N clients, each sending its next request as soon as the previous one answers, for a fixed time.
/// Requests that end during the warm-up are not counted; one that is slower than the warm-up still is.
/// </summary>
public static class LoadRunner
{
    public static async Task<Measurement> RunAsync(
        string scenario, int concurrency, TimeSpan warmup, TimeSpan duration, int seed, Func<Random, CancellationToken, Task> request)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var end = measureFrom + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        using var stop = new CancellationTokenSource(warmup + duration + TimeSpan.FromSeconds(30));

        var clients = Enumerable.Range(0, concurrency).Select(n => Task.Run(async () =>
        {
            var random = new Random(HashCode.Combine(seed, scenario.Length, n));
            var latencies = new List<double>(16_384);
            var errors = 0;
            string? firstError = null;
            while (true)
            {
                var t0 = Stopwatch.GetTimestamp();
                if (t0 >= end) break;
                try
                {
                    await request(random, stop.Token);
                }
                catch (Exception e) when (e is not OperationCanceledException || !stop.IsCancellationRequested)
                {
                    if (Stopwatch.GetTimestamp() >= measureFrom) errors++;
                    firstError ??= $"{e.GetType().Name}: {e.Message}";
                    continue;
                }
                var t1 = Stopwatch.GetTimestamp();
                if (t1 >= measureFrom) latencies.Add(Stopwatch.GetElapsedTime(t0, t1).TotalMilliseconds);
            }
            return (latencies, errors, firstError);
        })).ToArray();
        var results = await Task.WhenAll(clients);
        var all = results.SelectMany(r => r.latencies).ToList();
        var window = Stopwatch.GetElapsedTime(measureFrom);
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore) / (Stopwatch.GetElapsedTime(start) * Environment.ProcessorCount);
        return Measurement.Of(scenario, all, results.Sum(r => r.errors), window, results.Select(r => r.firstError).FirstOrDefault(e => e is not null))
            with { OwnCpu = cpu, LoadAverage = LoadAverage() };
    }

    /// <summary>What each attempt of a fixed-count run answered (an HTTP status, 0 when it threw) and how long it took.</summary>
    public sealed record Attempts(int[] Status, double[] Milliseconds, TimeSpan Elapsed, double OwnCpu, double LoadBefore, double LoadAfter, string? FirstError);

    /// <summary>
    /// Closed-loop load of a fixed number of attempts: N clients, each taking the next attempt as soon as its previous one
    /// answers, until all are done. Attempt i is always the same request, so two runs of one plan ask for the same things.
    /// </summary>
    public static async Task<Attempts> RunAttemptsAsync(int concurrency, int count, Func<int, Task<int>> attempt)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var loadBefore = LoadAverage();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var status = new int[count];
        var milliseconds = new double[count];
        var next = -1;
        string? firstError = null;
        var start = Stopwatch.GetTimestamp();
        var clients = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                var t0 = Stopwatch.GetTimestamp();
                try
                {
                    status[i] = await attempt(i);
                }
                catch (Exception e)
                {
                    Interlocked.CompareExchange(ref firstError, $"{e.GetType().Name}: {e.Message}", null);
                }
                milliseconds[i] = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
            }
        })).ToArray();
        await Task.WhenAll(clients);
        var elapsed = Stopwatch.GetElapsedTime(start);
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore) / (elapsed * Environment.ProcessorCount);
        return new Attempts(status, milliseconds, elapsed, cpu, loadBefore, LoadAverage(), firstError);
    }

    /// <summary>The one-minute load average (Linux), or NaN elsewhere.</summary>
    public static double LoadAverage()
    {
        try
        {
            var text = File.ReadAllText("/proc/loadavg");
            return double.Parse(text.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException) { return double.NaN; }
        catch (UnauthorizedAccessException) { return double.NaN; }
    }
}
