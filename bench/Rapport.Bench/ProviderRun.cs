using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Rapport.Core.Data;

namespace Rapport.Bench;

/// <summary>One provider from start to table: database ready, Rapport up, each scenario over HTTP and in plain SQL.</summary>
public sealed class ProviderRun(BenchOptions options, DatabaseProvider provider)
{
    public sealed record Row(string Scenario, Measurement Http, Measurement? Sql);

    public async Task<IReadOnlyList<Row>> RunAsync()
    {
        Console.WriteLine($"== {Report.ProviderName(provider)}");
        var database = new BenchDatabase(options, provider);
        var ready = await database.IsReadyAsync();
        if (!ready)
        {
            Console.WriteLine($"  no cached data set {options.DataSetName}: generating it ({Describe()})");
            await database.ResetAsync();
        }
        else Console.WriteLine($"  reusing the cached data set {options.DataSetName} ({Describe()})");

        var clock = Stopwatch.StartNew();
        await using var host = new BenchHost(provider, database.ConnectionString);
        var address = host.Start();
        Console.WriteLine($"  Rapport started (migrations applied) at {address} in {clock.Elapsed.TotalSeconds:0.0} s");
        if (!ready) await database.GenerateAsync(host.Services, CancellationToken.None);

        var workload = await Workload.LoadAsync(database, options.Seed);
        Console.WriteLine($"  timeline customer {workload.HeavyCustomerId} has {workload.HeavyCount:N0} interactions");
        var sql = new PlainSql(database, provider, workload);

        using var client = await SignInAsync(address);
        await CheckAsync(client, sql, workload);
        if (options.ShowSql) await ShowSqlAsync(database, workload);
        if (options.Explain) await ExplainAsync(sql, workload);

        var http = new Dictionary<string, Func<Random, CancellationToken, Task>>
        {
            [Report.Phone] = (r, ct) => GetAsync(client, Search(workload.PhoneQuery(r).Query), ct),
            [Report.Name] = (r, ct) => GetAsync(client, Search(workload.NameFragment(r)), ct),
            [Report.Timeline] = (_, ct) => GetAsync(client, $"/api/customers/{workload.HeavyCustomerId}/timeline", ct),
            [Report.Empty] = (_, ct) => GetAsync(client, BenchHost.EmptyPath, ct),
            [Report.Health] = (_, ct) => GetAsync(client, "/health", ct),
        };
        var plain = new Dictionary<string, Func<Random, CancellationToken, Task>>
        {
            [Report.Phone] = (r, ct) => sql.SearchByPhoneAsync(workload.PhoneQuery(r).Query, ct),
            [Report.Name] = (r, ct) => sql.SearchByNameAsync(workload.NameFragment(r), ct),
            [Report.Timeline] = (_, ct) => sql.TimelineAsync(workload.HeavyCustomerId, ct),
        };

        // Tiered JIT needs a few thousand calls of each path before the code is at its final speed; on two busy
        // cores that takes seconds. One untimed pass over every scenario first, so that no scenario warms the next.
        Console.WriteLine($"  warming up: every scenario for {options.Warmup.TotalSeconds:0} s, untimed");
        foreach (var request in http.Values.Concat(plain.Values))
            await LoadRunner.RunAsync("warm-up", options.Concurrency, TimeSpan.Zero, options.Warmup, options.Seed + 1, request);

        var rows = new List<Row>();
        var httpResults = new Dictionary<string, Measurement>();
        foreach (var (scenario, request) in http)
            httpResults[scenario] = await MeasureAsync("HTTP", scenario, request);
        foreach (var (scenario, m) in httpResults)
            rows.Add(new Row(scenario, m, plain.TryGetValue(scenario, out var q) ? await MeasureAsync("SQL", scenario, q) : null));
        return rows;
    }

    private string Describe() =>
        $"{options.Customers:N0} customers, {options.Interactions:N0} interactions, {options.HeavyTimeline:N0} on one timeline";

    private async Task<Measurement> MeasureAsync(string kind, string scenario, Func<Random, CancellationToken, Task> request)
    {
        var m = await LoadRunner.RunAsync(scenario, options.Concurrency, options.Warmup, options.Duration, options.Seed, request);
        Console.WriteLine($"  {kind,-4} {scenario,-34} p50 {m.P50,7:0.00} ms  p99 {m.P99,7:0.00} ms  {m.PerSecond,8:N0} req/s  (this process {m.OwnCpu,4:P0} of the CPUs, load average {m.LoadAverage:0.0})" +
                          (m.Errors > 0 ? $"  {m.Errors} errors, first: {m.FirstError}" : ""));
        return m;
    }

    private static string Search(string q) => $"/api/customers?q={Uri.EscapeDataString(q)}";

    private static async Task GetAsync(HttpClient client, string url, CancellationToken ct)
    {
        using var response = await client.GetAsync(url, HttpCompletionOption.ResponseContentRead, ct);
        if (response.StatusCode != HttpStatusCode.OK) throw new HttpRequestException($"{(int)response.StatusCode} from {url}");
    }

    /// <summary>A client signed in with <c>POST /api/auth/login</c>, its bearer token on every request.</summary>
    public static async Task<HttpClient> SignInAsync(Uri address, int connections, string email, string password)
    {
        var client = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            UseCookies = false,
        })
        { BaseAddress = address };
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Sign-in failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        using var token = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.RootElement.GetProperty("accessToken").GetString());
        return client;
    }

    private Task<HttpClient> SignInAsync(Uri address) => SignInAsync(address, options.Concurrency, BenchDatabase.OwnerEmail, BenchDatabase.Password);

    /// <summary>Before timing anything: the API and the plain SQL give the same answers, and the right ones.</summary>
    private static async Task CheckAsync(HttpClient client, PlainSql sql, Workload workload)
    {
        var random = new Random(1);
        for (var i = 0; i < 20; i++)
        {
            var (typed, customer) = workload.PhoneQuery(random);
            var api = await IdsAsync(client, Search(typed));
            if (!api.Contains(customer)) throw new InvalidOperationException($"Searching '{typed}' did not find customer {customer}.");
            Same($"phone '{typed}'", api, await sql.SearchByPhoneAsync(typed, CancellationToken.None));

            var fragment = workload.NameFragment(random);
            var byName = await IdsAsync(client, Search(fragment));
            if (byName.Count == 0) throw new InvalidOperationException($"Searching '{fragment}' found no one.");
            Same($"name '{fragment}'", byName, await sql.SearchByNameAsync(fragment, CancellationToken.None));
        }
        var timeline = await IdsAsync(client, $"/api/customers/{workload.HeavyCustomerId}/timeline");
        if (timeline.Count != 25) throw new InvalidOperationException($"The timeline's first page has {timeline.Count} entries, not 25.");
        Same("timeline", timeline, (await sql.TimelineAsync(workload.HeavyCustomerId, CancellationToken.None)).Take(25).ToList());
        Console.WriteLine("  checked: the API and plain SQL return the same customers and timeline entries");
    }

    private static void Same(string what, List<Guid> api, List<Guid> sql)
    {
        if (!api.SequenceEqual(sql.Take(api.Count)) || sql.Count < api.Count)
            throw new InvalidOperationException($"The API and plain SQL disagree on {what}: {api.Count} vs {sql.Count} rows.");
    }

    private static async Task<List<Guid>> IdsAsync(HttpClient client, string url)
    {
        using var doc = JsonDocument.Parse(await client.GetStringAsync(url));
        return doc.RootElement.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetGuid()).ToList();
    }

    /// <summary>A second Rapport with EF Core's command log on, one request per scenario (logging would skew the timed runs).</summary>
    private async Task ShowSqlAsync(BenchDatabase database, Workload workload)
    {
        var capture = new SqlCapture();
        await using var host = new BenchHost(provider, database.ConnectionString, capture);
        using var client = await SignInAsync(host.Start());
        var random = new Random(2);
        foreach (var (scenario, url) in new[]
                 {
                     (Report.Phone, Search(workload.PhoneQuery(random).Query)),
                     (Report.Name, Search(workload.NameFragment(random))),
                     (Report.Timeline, $"/api/customers/{workload.HeavyCustomerId}/timeline"),
                 })
        {
            await GetAsync(client, url, CancellationToken.None); // warm: first-time queries compile
            capture.Take();
            await GetAsync(client, url, CancellationToken.None);
            Console.WriteLine($"  -- SQL sent by EF Core for {scenario} ({url}):");
            foreach (var command in capture.Take()) Console.WriteLine(Indent(command, "     "));
        }
    }

    private async Task ExplainAsync(PlainSql sql, Workload workload)
    {
        var random = new Random(3);
        var phone = Rapport.Core.Customers.PhoneNumber.Normalize(workload.PhoneQuery(random).Query)!;
        var fragment = workload.NameFragment(random);
        var pattern = "%" + Rapport.Core.Customers.SearchText.EscapeLike(Rapport.Core.Customers.SearchText.Normalize(fragment)) + "%";
        foreach (var (scenario, text, parameters) in new[]
                 {
                     (Report.Phone, PlainSql.PhoneSearch, new[] { ("phone", (object)phone) }),
                     (Report.Name + $" '{fragment}'", PlainSql.NameSearch, new[] { ("pattern", (object)pattern) }),
                     (Report.Timeline, PlainSql.TimelinePage, new[] { ("customer", (object)workload.HeavyCustomerId) }),
                 })
        {
            Console.WriteLine($"  -- plan of the plain SQL for {scenario}:");
            Console.WriteLine(Indent(await sql.ExplainAsync(text, parameters), "     "));
        }
    }

    public static string Indent(string text, string prefix) => prefix + text.Replace("\n", "\n" + prefix);
}
