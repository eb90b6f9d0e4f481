using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Core.Data;
using Rapport.Core.Scheduling;

namespace Rapport.Core.Occasions;

/// <summary>Reminds customers of their occasions (Jobs:RemindersEveryMinutes, default 15).</summary>
/// <param name="reorderLink">The address of a reorder link from the business's shop slug and the link's token; the web host knows its routes.</param>
public sealed class ReminderJob(Func<string, string, string> reorderLink, IConfiguration config) : IScheduledJob
{
    public string Name => "reminders";
    public TimeSpan Every => TimeSpan.FromMinutes(config.GetValue("Jobs:RemindersEveryMinutes", 15.0));

    public Task RunAsync(IServiceProvider services, CancellationToken ct) =>
        BusinessScopes.ForEachAsync(services, async (scope, _) =>
        {
            var db = scope.GetRequiredService<RapportDb>();
            var slug = await db.Businesses.Where(b => b.Id == db.CurrentBusinessId).Select(b => b.Slug).FirstAsync(ct);
            await SendReminders.RunAsync(db, token => reorderLink(slug, token), scope.GetRequiredService<TimeProvider>(), ct);
        }, ct);
}
