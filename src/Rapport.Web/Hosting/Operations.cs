using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry.Metrics;
using Rapport.Core.Common;
using Rapport.Core.Data;

namespace Rapport.Web.Hosting;

/// <summary>
/// What an operator needs: /metrics (Prometheus, on the management port only), /health/live and /health/ready,
/// JSON console logs with the trace id, and a shutdown that lets requests finish and gives back job leases.
/// </summary>
public static class Operations
{
    /// <summary>Settings: Management:Port (serves /metrics; off when unset), Shutdown:TimeoutSeconds (default 30).</summary>
    public static WebApplicationBuilder AddRapportOperations(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        if (ManagementPort(config) is { } port)
        {
            // The management port is listened on beside the public addresses; /metrics answers only there.
            var urls = builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey);
            if (!string.IsNullOrWhiteSpace(urls))
                builder.WebHost.UseSetting(WebHostDefaults.ServerUrlsKey, $"{urls};http://{ManagementHost(config)}:{port}");
        }
        // Collected always (cheap); exported only where MapRapportOperations maps /metrics.
        builder.Services.AddOpenTelemetry().WithMetrics(m => m
            .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", RapportMetrics.MeterName)
            .AddPrometheusExporter());

        // On SIGTERM the host stops taking requests and gives those in flight this long to finish.
        builder.Services.AddOptions<HostOptions>().Configure<IConfiguration>((o, c) =>
            o.ShutdownTimeout = TimeSpan.FromSeconds(c.GetValue("Shutdown:TimeoutSeconds", 30.0)));

        // Logging:Console:FormatterName=json writes one JSON object a line; the scopes carry the request's TraceId.
        builder.Services.Configure<JsonConsoleFormatterOptions>(o =>
        {
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });

        builder.Services.AddSingleton<MigrationsCheck>();
        builder.Services.AddHealthChecks()
            .AddDbContextCheck<RapportDb>("database", tags: [Ready])
            .AddCheck<MigrationsCheck>("migrations", tags: [Ready])
            .AddCheck<SchedulerCheck>("scheduler", tags: [Ready]);
        return builder;
    }

    private const string Ready = "ready";

    public static WebApplication MapRapportOperations(this WebApplication app)
    {
        // As before: the database answers.
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = c => c.Name == "database" });
        // The process answers: no check at all.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        // Ready for traffic: database reachable, no pending migrations, the job scheduler running.
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready) });
        if (ManagementPort(app.Configuration) is { } port)
            app.MapPrometheusScrapingEndpoint("/metrics").RequireHost($"*:{port}");
        return app;
    }

    private static int? ManagementPort(IConfiguration config) => config.GetValue<int?>("Management:Port");

    /// <summary>Management:Host, the interface the management port listens on (default localhost).</summary>
    private static string ManagementHost(IConfiguration config) => config["Management:Host"] ?? "localhost";
}

/// <summary>Unhealthy while the database has migrations this build knows and the database has not applied.</summary>
public sealed class MigrationsCheck(IServiceScopeFactory scopes) : IHealthCheck
{
    // One per app (a singleton): a build's migrations are fixed and are never unapplied, so once all are in, the load balancer's probes
    // every few seconds need not read the history table again.
    private volatile bool allApplied;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        if (allApplied) return HealthCheckResult.Healthy();
        using var scope = scopes.CreateScope();
        var pending = (await scope.ServiceProvider.GetRequiredService<RapportDb>().Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0)
            return HealthCheckResult.Unhealthy($"{pending.Count} migration(s) not applied: run `rapport migrate` or set Database:MigrateOnStart.");
        allApplied = true;
        return HealthCheckResult.Healthy();
    }
}

/// <summary>Unhealthy when the job scheduler should run on this node and has stopped or stalled.</summary>
public sealed class SchedulerCheck(Scheduler scheduler) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        Task.FromResult(scheduler.Alive() switch
        {
            null => HealthCheckResult.Healthy("Jobs are off on this node (Jobs:Enabled=false)."),
            true => HealthCheckResult.Healthy(),
            false => HealthCheckResult.Unhealthy("The job scheduler has stopped or stalled."),
        });
}
