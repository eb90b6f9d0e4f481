using Rapport.Core.Data;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Messaging;
using Rapport.Core.Occasions;
using Rapport.Core.Orders;
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

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        settings.Enabled ? Task.WhenAll(jobs.Select(job => LoopAsync(job, stoppingToken))) : Task.CompletedTask;

    private async Task LoopAsync(IScheduledJob job, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
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
        if (!await JobLeases.TryAcquireAsync(db, job.Name, Holder, settings.Lease, time, ct)) return false;
        string? error = null;
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
        // A failed run is tried again soon rather than a whole period later.
        var wait = error is null ? job.Every : TimeSpan.FromTicks(Math.Min(job.Every.Ticks, TimeSpan.FromMinutes(1).Ticks));
        await JobLeases.ReleaseAsync(db, job.Name, Holder, time.GetUtcNow().UtcDateTime + wait, error, time, CancellationToken.None);
        return true;
    }
}

/// <summary>Sends the outbox every few seconds.</summary>
public sealed class OutboxJob(MailSettings mail) : IScheduledJob
{
    public string Name => "outbox";
    public TimeSpan Every => mail.SendEvery;

    public async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<RapportDb>();
        await OutboxDispatch.RunAsync(db, services.GetRequiredService<IMailSender>(), mail.FromAddress,
            services.GetRequiredService<TimeProvider>(), ct);
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

/// <summary>Reminds customers of their occasions (Jobs:RemindersEveryMinutes, default 15).</summary>
public sealed class ReminderJob(RapportOptions options, IConfiguration config) : IScheduledJob
{
    public string Name => "reminders";
    public TimeSpan Every => TimeSpan.FromMinutes(config.GetValue("Jobs:RemindersEveryMinutes", 15.0));

    public Task RunAsync(IServiceProvider services, CancellationToken ct) =>
        Businesses.ForEachAsync(services, async (scope, _) =>
        {
            var db = scope.GetRequiredService<RapportDb>();
            var slug = await db.Businesses.Where(b => b.Id == db.CurrentBusinessId).Select(b => b.Slug).FirstAsync(ct);
            await SendReminders.RunAsync(db, $"{options.PublicUrl}/shop/{slug}", scope.GetRequiredService<TimeProvider>(), ct);
        }, ct);
}

/// <summary>Places standing orders their set number of days ahead (Jobs:StandingOrdersEveryMinutes, default 15).</summary>
public sealed class StandingOrderJob(IConfiguration config) : IScheduledJob
{
    public string Name => "standing-orders";
    public TimeSpan Every => TimeSpan.FromMinutes(config.GetValue("Jobs:StandingOrdersEveryMinutes", 15.0));

    public Task RunAsync(IServiceProvider services, CancellationToken ct) =>
        Businesses.ForEachAsync(services, (scope, _) => PlaceStandingOrders.RunAsync(
            scope.GetRequiredService<RapportDb>(), scope.GetRequiredService<OrderDesk>(), scope.GetRequiredService<TimeProvider>(), ct), ct);
}

/// <summary>Proposes occasions from order history (Jobs:InferenceEveryHours, default 24).</summary>
public sealed class InferenceJob(IConfiguration config) : IScheduledJob
{
    public string Name => "occasion-inference";
    public TimeSpan Every => TimeSpan.FromHours(config.GetValue("Jobs:InferenceEveryHours", 24.0));

    public Task RunAsync(IServiceProvider services, CancellationToken ct) =>
        Businesses.ForEachAsync(services, (scope, _) =>
            InferOccasions.RunAsync(scope.GetRequiredService<RapportDb>(), scope.GetRequiredService<TimeProvider>(), ct), ct);
}
