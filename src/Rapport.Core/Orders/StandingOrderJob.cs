using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Core.Data;
using Rapport.Core.Scheduling;

namespace Rapport.Core.Orders;

/// <summary>Places standing orders their set number of days ahead (Jobs:StandingOrdersEveryMinutes, default 15).</summary>
public sealed class StandingOrderJob(IConfiguration config) : IScheduledJob
{
    public string Name => "standing-orders";
    public TimeSpan Every => TimeSpan.FromMinutes(config.GetValue("Jobs:StandingOrdersEveryMinutes", 15.0));

    public Task RunAsync(IServiceProvider services, CancellationToken ct) =>
        BusinessScopes.ForEachAsync(services, (scope, _) => PlaceStandingOrders.RunAsync(
            scope.GetRequiredService<RapportDb>(), scope.GetRequiredService<OrderDesk>(), scope.GetRequiredService<TimeProvider>(), ct), ct);
}
