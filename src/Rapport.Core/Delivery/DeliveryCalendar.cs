using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Data;

namespace Rapport.Core.Delivery;

/// <summary>
/// The delivery windows of a range of dates. A date's windows are made from its weekday's templates the
/// first time anyone looks at it; after that they live on their own (bookings, overrides). Blocked dates
/// have none. Call outside a transaction: a concurrent maker of the same date wins and its rows are read.
/// </summary>
public static class DeliveryCalendar
{
    /// <summary>The longest range made at once, so a request cannot make years of rows.</summary>
    public const int MaxDays = 62;

    public static async Task<IReadOnlyList<DeliveryWindow>> WindowsAsync(
        RapportDb db, DateOnly from, DateOnly to, Guid? locationId, CancellationToken ct)
    {
        if (to < from) return [];
        if (to.DayNumber - from.DayNumber >= MaxDays) to = from.AddDays(MaxDays - 1);

        var locations = await db.Locations.AsNoTracking().Include(l => l.WeeklyWindows)
            .Where(l => l.Active && (locationId == null || l.Id == locationId)).ToListAsync(ct);
        if (locations.Count == 0) return [];
        var ids = locations.Select(l => l.Id).ToList();

        var blocked = await db.BlockedDates.AsNoTracking()
            .Where(b => b.Date >= from && b.Date <= to && (b.LocationId == null || ids.Contains(b.LocationId.Value)))
            .Select(b => new { b.Date, b.LocationId }).ToListAsync(ct);
        bool IsBlocked(Guid location, DateOnly date) =>
            blocked.Any(b => b.Date == date && (b.LocationId == null || b.LocationId == location));

        var existing = await Existing(db, from, to, ids, ct);
        var made = new List<DeliveryWindow>();
        foreach (var location in locations)
        {
            var zone = BusinessClock.Zone(location.TimeZone);
            for (var date = from; date <= to; date = date.AddDays(1))
            {
                if (IsBlocked(location.Id, date) || existing.Any(w => w.LocationId == location.Id && w.Date == date)) continue;
                made.AddRange(location.WeeklyWindows.Where(t => t.Weekday == date.DayOfWeek)
                    .Select(t => Make(location, zone, date, t.Start, t.End, t.Capacity, t.LoyaltyReserve)));
            }
        }

        if (made.Count > 0)
        {
            db.DeliveryWindows.AddRange(made);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Someone made some of these dates at the same moment: theirs stand, read them.
                foreach (var window in made) db.Entry(window).State = EntityState.Detached;
            }
            foreach (var window in made) db.Entry(window).State = EntityState.Detached;
            existing = await Existing(db, from, to, ids, ct);
        }

        return existing.Where(w => !IsBlocked(w.LocationId, w.Date)).ToList();
    }

    /// <summary>A window on a date at a location, with its instants in the location's time zone.</summary>
    public static DeliveryWindow Make(Location location, TimeZoneInfo zone, DateOnly date, TimeOnly start, TimeOnly end, int capacity, int reserve) => new()
    {
        BusinessId = location.BusinessId,
        LocationId = location.Id,
        Date = date,
        Start = start,
        End = end,
        StartsAt = BusinessClock.ToUtc(date, start, zone),
        EndsAt = BusinessClock.ToUtc(date, end, zone),
        // A window closes at the same-day cutoff of its own date, or at its start if that comes first.
        Cutoff = BusinessClock.ToUtc(date, start < location.SameDayCutoff ? start : location.SameDayCutoff, zone),
        Capacity = capacity,
        LoyaltyReserve = Math.Min(reserve, capacity),
    };

    private static async Task<List<DeliveryWindow>> Existing(RapportDb db, DateOnly from, DateOnly to, List<Guid> locations, CancellationToken ct) =>
        await db.DeliveryWindows.AsNoTracking()
            .Where(w => w.Date >= from && w.Date <= to && locations.Contains(w.LocationId))
            .OrderBy(w => w.Date).ThenBy(w => w.Start).ToListAsync(ct);
}
