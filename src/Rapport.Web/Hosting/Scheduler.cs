using Rapport.Core.Common;
using Rapport.Core.Data;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Notifications;
using Rapport.Core.Scheduling;

namespace Rapport.Web.Hosting;

/// <summary>Settings for background jobs (Jobs:Enabled, Jobs:TickSeconds, Jobs:LeaseSeconds).</summary>
public sealed record JobSettings(bool Enabled, TimeSpan Tick, TimeSpan Lease)
{
    public static JobSettings From(IConfiguration config) => new(
        config.GetValue("Jobs:Enabled", true),
        TimeSpan.FromSeconds(config.GetValue("Jobs:TickSeconds", 5.0)),
        TimeSpan.FromSeconds(config.GetValue("Jobs:LeaseSeconds", 300.0)));
}

/// <summary>
/// Runs every registered job on a loop of its own. A run starts only under the job's lease in the database,
/// so with several Rapport processes each run happens on exactly one of them.
/// </summary>
public sealed class Scheduler(
    IServiceScopeFactory scopes, IEnumerable<IScheduledJob> jobs, JobSettings settings, TimeProvider time, ILogger<Scheduler> log)
    : BackgroundService
{
    /// <summary>Who holds a lease: this process, told apart from a restarted one.</summary>
    public string Holder { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    private long heartbeat = Environment.TickCount64;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        settings.Enabled ? Task.WhenAll(jobs.Select(job => LoopAsync(job, stoppingToken))) : Task.CompletedTask;

    /// <summary>
    /// Null when jobs are off on this node; else whether the loops run and one of them went round lately
    /// (a long run holds up only its own job's loop).
    /// </summary>
    public bool? Alive()
    {
        if (!settings.Enabled) return null;
        if (ExecuteTask is null || ExecuteTask.IsCompleted) return false;
        var quiet = TimeSpan.FromMilliseconds(Environment.TickCount64 - Interlocked.Read(ref heartbeat));
        return quiet < 3 * settings.Tick + TimeSpan.FromMinutes(2);
    }

    /// <summary>
    /// On shutdown (SIGTERM): the loops stop, a run in progress is cancelled, and every lease this process holds is
    /// given back so that another node takes the jobs up at once.
    /// </summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        try { await base.StopAsync(cancellationToken); }
        finally
        {
            if (settings.Enabled)
            {
                try
                {
                    using var scope = scopes.CreateScope();
                    var released = await JobLeases.ReleaseAllAsync(scope.ServiceProvider.GetRequiredService<RapportDb>(), scope.ServiceProvider.GetRequiredService<WriteGate>(), Holder, time, CancellationToken.None);
                    log.LogInformation("Released {Count} job lease(s) on shutdown", released);
                }
                catch (Exception e) { log.LogWarning(e, "Job leases could not be released on shutdown; they run out by themselves"); }
            }
        }
    }

    private async Task LoopAsync(IScheduledJob job, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            Interlocked.Exchange(ref heartbeat, Environment.TickCount64);
            try { await RunIfDueAsync(job, ct); }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { return; }
            catch (Exception e) { log.LogWarning(e, "Job {Job} could not be scheduled", job.Name); }
            try { await Task.Delay(settings.Tick, time, ct); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>Runs the job if its run is due and this process gets the lease; true when it ran.</summary>
    public async Task<bool> RunIfDueAsync(IScheduledJob job, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RapportDb>();
        if (!await JobLeases.TryAcquireAsync(db, scope.ServiceProvider.GetRequiredService<WriteGate>(), job.Name, Holder, settings.Lease, time, ct)) return false;
        string? error = null;
        var started = time.GetTimestamp();
        try
        {
            using var work = scopes.CreateScope();
            await job.RunAsync(work.ServiceProvider, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            log.LogError(e, "Job {Job} failed", job.Name);
            error = e.Message;
        }
        RapportMetrics.JobRan(job.Name, error is not null, time.GetElapsedTime(started));
        // A failed run is tried again soon rather than a whole period later.
        var wait = error is null ? job.Every : TimeSpan.FromTicks(Math.Min(job.Every.Ticks, TimeSpan.FromMinutes(1).Ticks));
        await JobLeases.ReleaseAsync(db, scope.ServiceProvider.GetRequiredService<WriteGate>(), job.Name, Holder, time.GetUtcNow().UtcDateTime + wait, error, time, CancellationToken.None);
        return true;
    }
}

public static class MailConfiguration
{
    /// <summary>
    /// Mail:Host (SMTP) or Mail:Folder (.eml files; the default, a "mail" folder beside the app). Mail:Security is
    /// MailKit's SecureSocketOptions (None, Auto, SslOnConnect, StartTls, StartTlsWhenAvailable, the default);
    /// Mail:EnableSsl=true requires TLS: SslOnConnect on port 465, StartTls elsewhere.
    /// </summary>
    public static MailSettings From(IConfiguration config)
    {
        var host = config["Mail:Host"];
        var folder = string.IsNullOrWhiteSpace(host) ? config["Mail:Folder"] ?? "mail" : null;
        var port = config.GetValue("Mail:Port", 25);
        var security = config.GetValue<SecureSocketOptions?>("Mail:Security")
            ?? (config.GetValue("Mail:EnableSsl", false)
                ? port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls
                : SecureSocketOptions.StartTlsWhenAvailable);
        return new MailSettings(
            string.IsNullOrWhiteSpace(host) ? null : host,
            port,
            security,
            config["Mail:UserName"],
            config["Mail:Password"],
            config["Mail:From"] ?? "rapport@localhost",
            folder)
        { SendEvery = TimeSpan.FromSeconds(config.GetValue("Mail:SendEverySeconds", 10.0)) };
    }
}
