using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Hosting;

/// <summary>Rapport as its own process, as a container runtime runs it: metrics on the management port, JSON logs, SIGTERM.</summary>
public sealed class GracefulShutdownTests : IAsyncLifetime
{
    private string connection = "";

    public async ValueTask InitializeAsync() => connection = await TestDatabase.CreateAsync(demo: false);

    public async ValueTask DisposeAsync() => await TestDatabase.DropAsync(connection);

    [Fact]
    public async Task On_sigterm_the_node_gives_back_its_job_leases_and_exits_0()
    {
        var management = RapportProcess.FreePort();
        var settings = new Dictionary<string, string>
        {
            ["Jobs__Enabled"] = "true",
            ["Jobs__TickSeconds"] = "0.2",
            ["Jobs__LeaseSeconds"] = "300",
            ["Mail__SendEverySeconds"] = "0.3",
            ["Management__Port"] = management.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Management__Host"] = "127.0.0.1",
            ["Shutdown__TimeoutSeconds"] = "10",
            ["Logging__Console__FormatterName"] = "json",
            ["Logging__LogLevel__Default"] = "Information",
            ["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
        };
        await using var node = await RapportProcess.StartAsync(connection, Ct, settings);
        var holder = $"{Environment.MachineName}/{node.Id}/";
        await using var db = RapportProcess.Open(connection, Guid.Empty);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await db.JobLeases.AnyAsync(l => l.Holder != null && l.Holder.StartsWith(holder), Ct))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The node took no job lease:\n{node.Output}");
            await Task.Delay(200, Ct);
        }

        using var http = new HttpClient();
        var metrics = await http.GetAsync($"http://127.0.0.1:{management}/metrics", Ct);
        metrics.StatusCode.ShouldBe(HttpStatusCode.OK, node.Output);
        var text = await metrics.Content.ReadAsStringAsync(Ct);
        text.ShouldContain("kestrel_");
        text.ShouldContain("rapport_jobs_runs_total");
        (await http.GetAsync(new Uri(node.Address, "/metrics"), Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await http.GetAsync(new Uri(node.Address, "/health/ready"), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // A request's log lines are JSON objects whose scopes carry its trace id.
        await Task.Delay(500, Ct);
        var requestLine = node.Output.Split('\n').Where(l => l.StartsWith('{') && l.Contains("/health/ready", StringComparison.Ordinal))
            .Select(l => JsonDocument.Parse(l).RootElement).FirstOrDefault();
        requestLine.ValueKind.ShouldBe(JsonValueKind.Object, node.Output);
        requestLine.GetProperty("Scopes").EnumerateArray().Any(s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("TraceId", out _))
            .ShouldBeTrue(node.Output);

        var exit = await node.TerminateAsync(TimeSpan.FromSeconds(30));

        exit.ShouldBe(0, node.Output);
        db.ChangeTracker.Clear();
        (await db.JobLeases.CountAsync(Ct)).ShouldBeGreaterThan(0);
        (await db.JobLeases.Where(l => l.Holder != null && l.Holder.StartsWith(holder)).Select(l => l.Name).ToListAsync(Ct))
            .ShouldBeEmpty("leases still held after shutdown");
        (await db.JobLeases.AnyAsync(l => l.LeasedUntil > DateTime.UtcNow, Ct)).ShouldBeFalse("a lease still runs after shutdown");
    }
}
