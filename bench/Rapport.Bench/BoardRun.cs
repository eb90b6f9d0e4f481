using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Rapport.Core.Businesses;
using Rapport.Core.Data;
using Rapport.Core.Delivery;

namespace Rapport.Bench;

/// <summary>
/// The deal board of a B2B dealer with many open deals, over real HTTP: the board page of one salesperson
/// (<c>GET /app/sales?owner=</c>, signed in with the cookie as a browser is) and the promises report for a year
/// (<c>GET /api/reports/promises</c>), each timed beside plain SQL in the same run: the salesperson's deals of the
/// playbook by stage, and an aggregate of the year's milestones per kind and salesperson.
/// </summary>
public sealed partial class BoardRun(BenchOptions options, DatabaseProvider provider)
{
    public const double BoardP99TargetMs = 100;
    public const string Board = "board page, one salesperson";
    public const string Promises = "promises report, a year";

    /// <param name="Queries">Database commands the app sends for one request (counted on a second host that logs them).</param>
    public sealed record Row(string Scenario, Measurement Http, Measurement Sql, int Queries);

    public sealed record Result(DatabaseProvider Provider, int Deals, int Salespeople, int Milestones, DateOnly From, DateOnly To, int Clients, IReadOnlyList<Row> Rows);

    public async Task<Result> RunAsync()
    {
        var ct = CancellationToken.None;
        Console.WriteLine($"== {Report.ProviderName(provider)}, deal board");
        var database = new BoardDatabase(options, provider);
        var ready = await database.IsReadyAsync();
        if (!ready)
        {
            Console.WriteLine($"  no cached dealer {options.BoardDataSetName}: generating it ({options.BoardDeals:N0} deals, {options.BoardSalespeople} salespeople)");
            await database.Store.ResetAsync();
        }
        else Console.WriteLine($"  reusing the cached dealer {options.BoardDataSetName}");

        var clock = Stopwatch.StartNew();
        await using var host = new BenchHost(provider, database.Store.ConnectionString);
        var address = host.Start();
        Console.WriteLine($"  Rapport started (migrations applied) at {address} in {clock.Elapsed.TotalSeconds:0.0} s");
        if (!ready) await database.GenerateAsync(host.Services, ct);
        var facts = await database.ReadFactsAsync(ct);

        using var browser = await CookieSignInAsync(address, options.BoardClients, BoardDatabase.OwnerEmail, BoardDatabase.Password, ct);
        using var api = await ProviderRun.SignInAsync(address, options.BoardClients, BoardDatabase.OwnerEmail, BoardDatabase.Password);
        var today = BusinessClock.Today(DateTime.UtcNow, BusinessClock.Zone(BoardDatabase.TimeZone));
        // A year of due dates: the eleven months behind and the month ahead.
        var (from, to) = (today.AddDays(-334), today.AddDays(30));
        var promisesUrl = $"/api/reports/promises?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}";

        var sql = new BoardSql(database.Store, provider, facts);
        var milestones = await CheckAsync(browser, api, sql, facts, promisesUrl, from, to, ct);

        var http = new Dictionary<string, Func<int, Task<int>>>
        {
            [Board] = async i => await StatusAsync(browser, $"/app/sales?owner={facts.Salespeople[i % facts.Salespeople.Count]}"),
            [Promises] = async _ => await StatusAsync(api, promisesUrl),
        };
        var plain = new Dictionary<string, Func<int, Task<int>>>
        {
            [Board] = async i => { await sql.BoardAsync(facts.Salespeople[i % facts.Salespeople.Count], ct); return 200; },
            [Promises] = async _ => { await sql.PromisesAsync(from, to, ct); return 200; },
        };

        // Untimed first, every path: JIT, compiled queries, pools and the database's cache.
        var warm = Math.Max(10, options.BoardRequests / 10);
        Console.WriteLine($"  warming up: {warm} untimed requests of each kind");
        foreach (var attempt in http.Values.Concat(plain.Values)) await LoadRunner.RunAttemptsAsync(options.BoardClients, warm, attempt);

        var measured = new List<(string Scenario, Measurement Http, Measurement Sql)>();
        foreach (var scenario in http.Keys)
        {
            var h = await MeasureAsync("HTTP", scenario, http[scenario]);
            var s = await MeasureAsync("SQL", scenario, plain[scenario]);
            measured.Add((scenario, h, s));
        }
        var queries = await CountQueriesAsync(database, facts, promisesUrl, ct);
        var rows = measured.Select(m => new Row(m.Scenario, m.Http, m.Sql, queries[m.Scenario])).ToList();
        return new Result(provider, options.BoardDeals, options.BoardSalespeople, milestones, from, to, options.BoardClients, rows);
    }

    /// <summary>
    /// The commands EF Core sends for one board page and one report, on a host of its own that logs them (logging every
    /// command would weigh on the timed host); with <c>--show-sql</c>, their text too.
    /// </summary>
    private async Task<Dictionary<string, int>> CountQueriesAsync(BoardDatabase database, BoardDatabase.Facts facts, string promisesUrl, CancellationToken ct)
    {
        var capture = new SqlCapture();
        await using var host = new BenchHost(provider, database.Store.ConnectionString, capture);
        var address = host.Start();
        using var browser = await CookieSignInAsync(address, 1, BoardDatabase.OwnerEmail, BoardDatabase.Password, ct);
        using var api = await ProviderRun.SignInAsync(address, 1, BoardDatabase.OwnerEmail, BoardDatabase.Password);
        var counts = new Dictionary<string, int>();
        foreach (var (scenario, client, url) in new[] { (Board, browser, $"/app/sales?owner={facts.Salespeople[0]}"), (Promises, api, promisesUrl) })
        {
            await StatusAsync(client, url);
            capture.Take();
            await StatusAsync(client, url);
            var commands = capture.Take();
            counts[scenario] = commands.Count;
            Console.WriteLine($"  {scenario}: {commands.Count} database commands per request");
            if (options.ShowSql)
                foreach (var command in commands) Console.WriteLine("    " + command.Replace("\n", "\n    ", StringComparison.Ordinal));
        }
        return counts;
    }

    private async Task<Measurement> MeasureAsync(string how, string scenario, Func<int, Task<int>> attempt)
    {
        var run = await LoadRunner.RunAttemptsAsync(options.BoardClients, options.BoardRequests, attempt);
        var ok = Enumerable.Range(0, run.Status.Length).Where(i => run.Status[i] == 200).Select(i => run.Milliseconds[i]).ToList();
        var m = Measurement.Of(scenario, ok, run.Status.Length - ok.Count, run.Elapsed, run.FirstError ?? FirstBadStatus(run.Status))
            with { OwnCpu = run.OwnCpu, LoadAverage = run.LoadAfter };
        Console.WriteLine($"  {how,-4} {scenario,-30} p50 {m.P50,7:0.0} ms  p99 {m.P99,7:0.0} ms  {m.Requests} ok, {m.Errors} failed");
        return m;
    }

    private static string? FirstBadStatus(int[] status) => status.FirstOrDefault(s => s != 200) is var s and not 0 ? $"HTTP {s}" : null;

    private static async Task<int> StatusAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        await response.Content.LoadIntoBufferAsync();
        return (int)response.StatusCode;
    }

    /// <summary>Before timing: the page is the board with the salesperson's deals, and both ways count the same promises.</summary>
    private static async Task<int> CheckAsync(HttpClient browser, HttpClient api, BoardSql sql, BoardDatabase.Facts facts, string promisesUrl,
        DateOnly from, DateOnly to, CancellationToken ct)
    {
        var seller = facts.Salespeople[0];
        using (var page = await browser.GetAsync($"/app/sales?owner={seller}", ct))
        {
            var html = await page.Content.ReadAsStringAsync(ct);
            if (page.StatusCode != HttpStatusCode.OK || !html.Contains("Qualify", StringComparison.Ordinal))
                throw new InvalidOperationException($"The board answered {(int)page.StatusCode}, not the board: {html[..Math.Min(300, html.Length)]}");
        }
        var byStage = await sql.BoardAsync(seller, ct);
        Console.WriteLine($"  the salesperson's open deals by stage (plain SQL): {string.Join(", ", byStage.Select(s => $"{s.Key} {s.Value}"))}");

        using var response = await api.GetAsync(promisesUrl, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (response.StatusCode != HttpStatusCode.OK) throw new HttpRequestException($"{(int)response.StatusCode} from {promisesUrl}: {body}");
        using var json = JsonDocument.Parse(body);
        var due = json.RootElement.GetProperty("total").GetProperty("due").GetInt32();
        var plainDue = await sql.PromisesAsync(from, to, ct);
        if (due != plainDue) throw new InvalidOperationException($"The promises report counts {due} milestones due; plain SQL {plainDue}.");
        Console.WriteLine($"  {due:N0} milestones due {from:yyyy-MM-dd} to {to:yyyy-MM-dd}, the same both ways");
        return due;
    }

    /// <summary>A client signed in through the sign-in form, holding the cookie as a browser does; pages need it.</summary>
    public static async Task<HttpClient> CookieSignInAsync(Uri address, int connections, string email, string password, CancellationToken ct)
    {
        var client = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            UseCookies = true,
            CookieContainer = new CookieContainer(),
            AllowAutoRedirect = false,
        })
        { BaseAddress = address };
        var form = await client.GetStringAsync("/login", ct);
        var token = TokenInput().Match(form);
        if (!token.Success) throw new InvalidOperationException("The sign-in page carries no antiforgery token.");
        using var signIn = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email, ["password"] = password, ["__RequestVerificationToken"] = token.Groups[1].Value,
        }), ct);
        if (signIn.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Cookie sign-in failed: {(int)signIn.StatusCode}");
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();

    public static void Print(Result r)
    {
        var en = CultureInfo.InvariantCulture;
        string Ms(double v) => double.IsNaN(v) ? "-" : v.ToString(v < 10 ? "0.00" : v < 100 ? "0.0" : "0", en);
        Console.WriteLine();
        Console.WriteLine($"{Report.ProviderName(r.Provider)}: deal board of a dealer with {r.Deals:N0} open deals across {r.Salespeople} salespeople on one playbook; " +
                          $"promises report {r.From:yyyy-MM-dd} to {r.To:yyyy-MM-dd} ({r.Milestones:N0} milestones due); {r.Clients} concurrent clients, " +
                          $"{r.Rows[0].Http.Requests + r.Rows[0].Http.Errors} timed requests each; {Report.Machine()}");
        Console.WriteLine($"| {"scenario",-30} | {"HTTP p50",8} | {"HTTP p99",8} | {"SQL p50",7} | {"SQL p99",7} | {"p50 HTTP/SQL",12} | {"p99 HTTP/SQL",12} | {"queries",7} | {"errors",6} | {"load",5} | target (board p99 < {BoardP99TargetMs:0} ms)");
        Console.WriteLine("|" + new string('-', 32) + "|" + new string('-', 10) + "|" + new string('-', 10) + "|" + new string('-', 9) + "|" + new string('-', 9)
                          + "|" + new string('-', 14) + "|" + new string('-', 14) + "|" + new string('-', 9) + "|" + new string('-', 8) + "|" + new string('-', 7) + "|" + new string('-', 30));
        foreach (var row in r.Rows)
        {
            var (h, s) = (row.Http, row.Sql);
            var verdict = row.Scenario == Board ? (h.P99 < BoardP99TargetMs && h.Errors == 0 ? "met" : "MISSED") : h.Errors == 0 ? "" : "ERRORS";
            Console.WriteLine($"| {row.Scenario,-30} | {Ms(h.P50),8} | {Ms(h.P99),8} | {Ms(s.P50),7} | {Ms(s.P99),7} | " +
                              $"{(h.P50 / s.P50).ToString("0.0", en) + "×",12} | {(h.P99 / s.P99).ToString("0.0", en) + "×",12} | {row.Queries,7} | {h.Errors + s.Errors,6} | " +
                              $"{h.LoadAverage.ToString("0.0", en),5} | {verdict}");
            if (h.FirstError is not null) Console.WriteLine($"  first error: {h.FirstError}");
        }
        Console.WriteLine("Times in milliseconds. HTTP: the board page as a signed-in browser gets it (cookie, Razor Pages, EF Core, the HTML), " +
                          "the report as JSON with a bearer token. SQL: hand-written SQL over ADO.NET in this process, connection from the pool: " +
                          "the salesperson's deals of the playbook with their customer's name, by stage; the year's milestones counted per kind and salesperson. " +
                          "Queries: database commands the app sends for one request (the plain SQL sends one). " +
                          $"Load: the machine's 1-minute load average after the HTTP run (above {Environment.ProcessorCount} means other work was competing for the cores).");
    }
}

/// <summary>The plain-SQL baselines of the board scenario.</summary>
public sealed class BoardSql(CachedDatabase store, DatabaseProvider provider, BoardDatabase.Facts facts)
{
    /// <summary>One salesperson's deals of the playbook, with the customer's name, grouped by stage (stage to count).</summary>
    public async Task<Dictionary<string, int>> BoardAsync(Guid owner, CancellationToken ct)
    {
        await using var c = await store.OpenAsync(ct);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = """
            SELECT d."Stage", d."Id", d."Name", d."Amount", d."StageEnteredAt", c."Name"
            FROM "Deals" d JOIN "Customers" c ON c."Id" = d."CustomerId"
            WHERE d."BusinessId" = @business AND d."PlaybookId" = @playbook AND d."OwnerId" = @owner
            ORDER BY d."Stage", d."Id"
            """;
        Add(cmd, "business", facts.BusinessId);
        Add(cmd, "playbook", facts.PlaybookId);
        Add(cmd, "owner", owner);
        var byStage = new Dictionary<string, int>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            var stage = r.GetString(0);
            byStage[stage] = byStage.GetValueOrDefault(stage) + 1;
        }
        return byStage;
    }

    /// <summary>The milestones due in the period per kind and salesperson: due, kept on time, late. Returns how many are due.</summary>
    public async Task<int> PromisesAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        await using var c = await store.OpenAsync(ct);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = """
            SELECT "Title", "OwnerId", COUNT(*),
                   SUM(CASE WHEN "CompletedOn" IS NOT NULL AND "CompletedOn" <= "DueOn" THEN 1 ELSE 0 END),
                   SUM(CASE WHEN ("CompletedOn" IS NOT NULL AND "CompletedOn" > "DueOn") OR ("CompletedOn" IS NULL AND "DueOn" < @today) THEN 1 ELSE 0 END)
            FROM "DealMilestones"
            WHERE "BusinessId" = @business AND "DueOn" >= @from AND "DueOn" <= @to
            GROUP BY "Title", "OwnerId"
            """;
        Add(cmd, "business", facts.BusinessId);
        Add(cmd, "from", from);
        Add(cmd, "to", to);
        Add(cmd, "today", BusinessClock.Today(DateTime.UtcNow, BusinessClock.Zone(BoardDatabase.TimeZone)));
        var due = 0;
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) due += Convert.ToInt32(r.GetValue(2), CultureInfo.InvariantCulture);
        return due;
    }

    // SQLite holds what EF Core writes: ids as upper-case text, dates as yyyy-MM-dd.
    private void Add(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = provider != DatabaseProvider.Sqlite ? value : value switch
        {
            Guid g => g.ToString().ToUpperInvariant(),
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => value,
        };
        cmd.Parameters.Add(p);
    }
}
