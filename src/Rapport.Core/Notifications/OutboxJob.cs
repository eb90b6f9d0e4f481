using Microsoft.Extensions.DependencyInjection;
using Rapport.Core.Data;
using Rapport.Core.Scheduling;

namespace Rapport.Core.Notifications;

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
