using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Data;
using Rapport.Core.Delivery;
using Rapport.Core.Orders;

namespace Rapport.Core.Forecasting;

/// <summary>
/// The peak day seen coming: orders expected per day (earlier years scaled by the trend, what is already booked,
/// demand known ahead) against the capacity set for those days, for one location or all of them together.
/// Owners and managers. Reads only; makes no windows.
/// </summary>
public static class GetForecast
{
    /// <summary>The longest range asked at once.</summary>
    public const int MaxDays = 366;
    /// <summary>The days the owner's home shows, and the days within which a shortfall is warned of.</summary>
    public const int HomeDays = 60, WarningDays = 30;

    public sealed record Query(DateOnly? From, DateOnly? To, Guid? LocationId);

    public static async Task<Result<ForecastDay[]>> HandleAsync(
        RapportDb db, Actor actor, Query query, TimeProvider time, CancellationToken ct)
    {
        if (!actor.Role.SeesReports()) return Failure.Forbidden($"The {actor.Role.Label()} role does not see the forecast.");
        var v = new Validator();
        if (query.From is null) v.Add("from", "Say the first day (YYYY-MM-DD).");
        if (query.To is null) v.Add("to", "Say the last day (YYYY-MM-DD).");
        if (query.From is { } f && query.To is { } t)
        {
            if (t < f) v.Add("to", "Must not be before 'from'.");
            else if (t.DayNumber - f.DayNumber >= MaxDays) v.Add("to", $"At most {MaxDays} days from 'from'.");
        }
        if (!v.IsValid) return v.ToFailure();

        var locations = await ActiveLocationsAsync(db, ct);
        if (query.LocationId is { } only && locations.All(l => l.Id != only))
            return new Failure(FailureKind.NotFound, "Location not found.", new Dictionary<string, string[]>
            {
                ["locationId"] = ["No active location of this business has this id."],
            });
        var today = await db.TodayAsync(time, ct);
        return await ForecastAsync(db, locations, query.LocationId, query.From!.Value, query.To!.Value, today, ct);
    }

    /// <summary>The coming <see cref="HomeDays"/> days for the whole business, for the owner's home page.</summary>
    public static async Task<Result<ForecastDay[]>> ComingDaysAsync(RapportDb db, Actor actor, TimeProvider time, CancellationToken ct)
    {
        var today = await db.TodayAsync(time, ct);
        return await HandleAsync(db, actor, new Query(today, today.AddDays(HomeDays - 1), null), time, ct);
    }

    /// <summary>
    /// Every peak day of the next <see cref="PeakDays.SeenAheadDays"/> days with its forecast against capacity for the
    /// whole business, nearest first: the ones beyond the <see cref="HomeDays"/> days of the chart are seen in time
    /// to add capacity (Valentine's Day from mid-October).
    /// </summary>
    public static async Task<Result<List<PeakForecast>>> ComingPeaksAsync(RapportDb db, Actor actor, TimeProvider time, CancellationToken ct)
    {
        if (!actor.Role.SeesReports()) return Failure.Forbidden($"The {actor.Role.Label()} role does not see the forecast.");
        var today = await db.TodayAsync(time, ct);
        var locations = await ActiveLocationsAsync(db, ct);
        var peaks = new List<PeakForecast>();
        foreach (var (peak, date) in PeakDays.Coming(today))
        {
            var day = (await ForecastAsync(db, locations, null, date, date, today, ct))[0];
            peaks.Add(new PeakForecast(peak, PeakDays.Name(peak), date.DayNumber - today.DayNumber, day));
        }
        return peaks;
    }

    private static Task<List<Location>> ActiveLocationsAsync(RapportDb db, CancellationToken ct) =>
        db.Locations.AsNoTracking().Include(l => l.WeeklyWindows).Where(l => l.Active).OrderBy(l => l.Name).ToListAsync(ct);

    private static async Task<ForecastDay[]> ForecastAsync(
        RapportDb db, List<Location> locations, Guid? locationId, DateOnly from, DateOnly to, DateOnly today, CancellationToken ct)
    {
        var orders = db.Orders.AsNoTracking().Where(o => o.Status != OrderStatus.Cancelled);

        // The trend and the first order are the business's, read from the index on fulfilment date.
        var yearAgo = today.AddDays(-365);
        var twoYearsAgo = today.AddDays(-730);
        var lastYear = await orders.CountAsync(o => o.FulfilmentDate >= yearAgo && o.FulfilmentDate < today, ct);
        var yearBefore = await orders.CountAsync(o => o.FulfilmentDate >= twoYearsAgo && o.FulfilmentDate < yearAgo, ct);
        var firstOrder = await orders.Where(o => o.FulfilmentDate < today).MinAsync(o => (DateOnly?)o.FulfilmentDate, ct);
        var trend = DemandForecast.Trend(lastYear, yearBefore, firstOrder, today);

        // Only the stretches of earlier years the forecast compares with.
        var history = new List<(Guid? LocationId, DateOnly Date, int Count)>();
        foreach (var (start, end) in DemandForecast.DatesRead(from, to))
        {
            var last = end < today ? end : today.AddDays(-1);
            if (last < start) continue;
            history.AddRange((await orders.Where(o => o.FulfilmentDate >= start && o.FulfilmentDate <= last)
                    .GroupBy(o => new { o.LocationId, o.FulfilmentDate })
                    .Select(g => new { g.Key.LocationId, g.Key.FulfilmentDate, Count = g.Count() })
                    .ToListAsync(ct))
                .Select(r => (r.LocationId, r.FulfilmentDate, r.Count)));
        }
        var bookedFrom = from > today ? from : today;
        var booked = bookedFrom > to ? [] : await orders.Where(o => o.FulfilmentDate >= bookedFrom && o.FulfilmentDate <= to)
            .GroupBy(o => new { o.LocationId, o.FulfilmentDate })
            .Select(g => new { g.Key.LocationId, g.Key.FulfilmentDate, Count = g.Count() })
            .ToListAsync(ct);

        var ids = locations.Select(l => l.Id).ToList();
        var windows = await db.DeliveryWindows.AsNoTracking()
            .Where(w => w.Date >= from && w.Date <= to && ids.Contains(w.LocationId)).ToListAsync(ct);
        var blocked = await db.BlockedDates.AsNoTracking()
            .Where(b => b.Date >= from && b.Date <= to && (b.LocationId == null || ids.Contains(b.LocationId.Value))).ToListAsync(ct);

        // Orders of no active location (sent to a partner, or from a shop since closed) are demand all the same:
        // they count at the main location, the one with the most orders.
        var main = locations.Count == 0 ? (Guid?)null : locations
            .OrderByDescending(l => history.Where(h => h.LocationId == l.Id).Sum(h => h.Count)).First().Id;
        Guid? Where(Guid? location) => location is { } id && ids.Contains(id) ? id : main;
        var route = await DeliveryRoute.LoadAsync(db, locations, main, ct);
        var known = await KnownDemand.LoadAsync(db, route, today, from, to, ct);

        var shown = locations.Where(l => locationId is null || l.Id == locationId).Select(l => new LocationDemand(
            l.Id,
            Counts(history.Where(h => Where(h.LocationId) == l.Id).Select(h => (h.Date, h.Count))),
            Counts(booked.Where(b => Where(b.LocationId) == l.Id).Select(b => (b.FulfilmentDate, b.Count))),
            known.For(l.Id),
            PlannedCapacity.Of(l, from, to, windows, blocked))).ToList();
        return DemandForecast.Build(from, to, today, firstOrder, trend, shown).ToArray();
    }

    private static Dictionary<DateOnly, int> Counts(IEnumerable<(DateOnly Date, int Count)> rows)
    {
        var counts = new Dictionary<DateOnly, int>();
        foreach (var (date, count) in rows) counts[date] = counts.GetValueOrDefault(date) + count;
        return counts;
    }
}

/// <summary>A peak day coming, with its forecast against capacity.</summary>
public sealed record PeakForecast(PeakDay Peak, string Name, int DaysAway, ForecastDay Day)
{
    /// <summary>More orders expected than there is capacity for.</summary>
    public bool Short => Day.Shortfall > 0;
}
