namespace Rapport.Core.Scheduling;

/// <summary>
/// Background work run by the scheduler on exactly one process at a time. A run must be idempotent:
/// a process may die mid-run and the next holder of the lease runs the job again.
/// </summary>
public interface IScheduledJob
{
    /// <summary>The lease's name, unique among jobs.</summary>
    string Name { get; }
    /// <summary>How long after one run the next is due.</summary>
    TimeSpan Every { get; }
    /// <param name="services">A scope of its own with no business set: see <see cref="BusinessScopes.ForEachAsync"/>.</param>
    Task RunAsync(IServiceProvider services, CancellationToken ct);
}
