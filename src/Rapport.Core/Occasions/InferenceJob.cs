using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Core.Data;
using Rapport.Core.Scheduling;

namespace Rapport.Core.Occasions;

/// <summary>Proposes occasions from order history (Jobs:InferenceEveryHours, default 24).</summary>
public sealed class InferenceJob(IConfiguration config) : IScheduledJob
{
    public string Name => "occasion-inference";
    public TimeSpan Every => TimeSpan.FromHours(config.GetValue("Jobs:InferenceEveryHours", 24.0));

    public Task RunAsync(IServiceProvider services, CancellationToken ct) =>
        BusinessScopes.ForEachAsync(services, (scope, _) =>
            InferOccasions.RunAsync(scope.GetRequiredService<RapportDb>(), scope.GetRequiredService<TimeProvider>(), ct), ct);
}
