namespace Rapport.Core.Forecasting;

/// <summary>
/// Orders we know are coming that are not placed yet, per location and date: confirmed occasions without an
/// order, standing orders due. Each source adds its own; <see cref="GetForecast"/> reads them through
/// <see cref="For"/>.
/// </summary>
public sealed class KnownDemand
{
    private readonly Dictionary<Guid, Dictionary<DateOnly, int>> byLocation = [];

    public void Add(Guid locationId, DateOnly date, int count = 1)
    {
        if (count <= 0) return;
        if (!byLocation.TryGetValue(locationId, out var days)) byLocation[locationId] = days = [];
        days[date] = days.GetValueOrDefault(date) + count;
    }

    public IReadOnlyDictionary<DateOnly, int> For(Guid locationId) =>
        byLocation.TryGetValue(locationId, out var days) ? days : Empty;

    public int Total => byLocation.Values.Sum(d => d.Values.Sum());

    private static readonly IReadOnlyDictionary<DateOnly, int> Empty = new Dictionary<DateOnly, int>();
}
