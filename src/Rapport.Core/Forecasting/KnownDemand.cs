using Microsoft.EntityFrameworkCore;
using Rapport.Core.Data;
using Rapport.Core.Occasions;
using Rapport.Core.Orders;

namespace Rapport.Core.Forecasting;

/// <summary>
/// Orders we know are coming that are not placed yet, per location and date: confirmed occasions without an
/// order, standing orders due. Each source has its own method, called from <see cref="LoadAsync"/>;
/// <see cref="GetForecast"/> reads the sum through <see cref="For"/>.
/// </summary>
public sealed class KnownDemand
{
    /// <summary>An order this close before an occasion's date is taken to be for it.</summary>
    public const int OrderedDaysAhead = 3;

    /// <summary>Every source of demand known ahead, for the days from <paramref name="from"/> to <paramref name="to"/> still to come.</summary>
    public static async Task<KnownDemand> LoadAsync(RapportDb db, DeliveryRoute route, DateOnly today, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var known = new KnownDemand();
        var first = from > today ? from : today;
        if (first > to || route.Main is null) return known;
        await known.AddConfirmedOccasionsAsync(db, route, first, to, ct);
        await known.AddStandingOrdersAsync(db, route, first, to, ct);
        return known;
    }

    /// <summary>
    /// One order per confirmed occasion falling in the range, at the location delivering to its recipient,
    /// unless the customer already has an order for that recipient on the day or the days just before.
    /// </summary>
    public async Task AddConfirmedOccasionsAsync(RapportDb db, DeliveryRoute route, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var months = new HashSet<int>();
        for (var d = new DateOnly(from.Year, from.Month, 1); d <= to; d = d.AddMonths(1)) months.Add(d.Month);
        var monthList = months.ToList();
        var occasions = await db.Occasions.AsNoTracking()
            .Where(o => o.Status == OccasionStatus.Confirmed && monthList.Contains(o.Month))
            .Select(o => new
            {
                o.CustomerId, o.RecipientId, o.RuleKind, o.Month, o.Day, o.Week, o.Weekday,
                Postcode = db.Recipients.Where(r => r.Id == o.RecipientId).Select(r => r.Address!.PostalCode).FirstOrDefault(),
            })
            .ToListAsync(ct);
        if (occasions.Count == 0) return;

        var orderedFrom = from.AddDays(-OrderedDaysAhead);
        var ordered = (await db.Orders.AsNoTracking()
                .Where(o => o.Status != OrderStatus.Cancelled && o.FulfilmentDate >= orderedFrom && o.FulfilmentDate <= to)
                .Select(o => new { o.CustomerId, o.RecipientId, o.FulfilmentDate }).ToListAsync(ct))
            .ToLookup(o => o.CustomerId);
        foreach (var occasion in occasions)
        {
            var rule = new DateRule(occasion.RuleKind, occasion.Month, occasion.Day, occasion.Week, occasion.Weekday);
            if (!rule.IsValid) continue;
            for (var year = from.Year; year <= to.Year; year++)
            {
                var date = rule.In(year);
                if (date < from || date > to) continue;
                var placed = ordered[occasion.CustomerId].Any(o => (occasion.RecipientId is null || o.RecipientId == occasion.RecipientId)
                    && o.FulfilmentDate <= date && o.FulfilmentDate >= date.AddDays(-OrderedDaysAhead));
                if (!placed && route.For(occasion.Postcode) is { } location) Add(location, date);
            }
        }
    }

    /// <summary>
    /// One order per date an active weekly or monthly standing order is due and not placed yet. Those on an
    /// occasion are counted with the confirmed occasions already.
    /// </summary>
    public async Task AddStandingOrdersAsync(RapportDb db, DeliveryRoute route, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var standing = await db.StandingOrders.AsNoTracking()
            .Where(s => s.Active && s.Schedule != StandingSchedule.Occasion)
            .Select(s => new
            {
                Order = s,
                Postcode = db.Recipients.Where(r => r.Id == s.RecipientId).Select(r => r.Address!.PostalCode).FirstOrDefault(),
                Placed = db.StandingOrderRuns.Where(r => r.StandingOrderId == s.Id && r.Date >= from && r.Date <= to).Select(r => r.Date).ToList(),
            })
            .ToListAsync(ct);
        foreach (var s in standing)
        {
            if (route.For(s.Postcode) is not { } location) continue;
            foreach (var date in s.Order.DueDates(from.AddDays(-1), to, null))
                if (!s.Placed.Contains(date)) Add(location, date);
        }
    }

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
