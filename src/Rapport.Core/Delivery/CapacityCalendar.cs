using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Data;

namespace Rapport.Core.Delivery;

/// <summary>How full a window or a day is: peak days are the ones at <see cref="Full"/>.</summary>
public enum FillLevel { Closed, Open, Busy, Full }

public sealed record CalendarWindow(
    Guid Id, Guid LocationId, string LocationName, TimeOnly Start, TimeOnly End,
    int Capacity, int Booked, int LoyaltyReserve, bool IsOverride, FillLevel Fill);

/// <summary>A date closed at one location, or at all of them.</summary>
public sealed record CalendarBlock(Guid Id, Guid? LocationId, string Where, string? Reason);

/// <summary>One day of the capacity calendar: its windows and their sum, counting no capacity where the day is blocked.</summary>
public sealed record CalendarDay(
    DateOnly Date, IReadOnlyList<CalendarWindow> Windows, IReadOnlyList<CalendarBlock> Blocks, int Capacity, int Booked, FillLevel Fill)
{
    public bool IsBlocked => Blocks.Count > 0;
}

public sealed record CalendarView(
    DateOnly From, DateOnly To, Guid? LocationId, IReadOnlyList<(Guid Id, string Name)> Locations, IReadOnlyList<CalendarDay> Days);

/// <summary>
/// Booked against capacity, per window and per day, for a range of dates. Dates nobody has looked at yet
/// are made from the weekly windows on the way (see <see cref="DeliveryCalendar"/>).
/// </summary>
public static class CapacityCalendar
{
    public const int DefaultDays = 14;

    /// <summary>Busy from 60 % booked, full (a peak) from 90 %.</summary>
    public static FillLevel FillOf(int booked, int capacity)
    {
        if (capacity <= 0) return booked > 0 ? FillLevel.Full : FillLevel.Closed;
        var ratio = (double)booked / capacity;
        return ratio >= 0.9 ? FillLevel.Full : ratio >= 0.6 ? FillLevel.Busy : FillLevel.Open;
    }

    /// <summary>
    /// Every date from <paramref name="from"/> to <paramref name="to"/>, with the windows of the given locations.
    /// A blocked day keeps its windows on show (their bookings still go out) but offers no capacity.
    /// </summary>
    public static IReadOnlyList<CalendarDay> Build(
        DateOnly from, DateOnly to, IReadOnlyDictionary<Guid, string> locations,
        IEnumerable<DeliveryWindow> windows, IEnumerable<BlockedDate> blocked)
    {
        var byDate = windows.Where(w => locations.ContainsKey(w.LocationId)).ToLookup(w => w.Date);
        var blocksByDate = blocked.Where(b => b.LocationId is null || locations.ContainsKey(b.LocationId.Value)).ToLookup(b => b.Date);
        var days = new List<CalendarDay>();
        for (var date = from; date <= to; date = date.AddDays(1))
        {
            var blocks = blocksByDate[date].OrderBy(b => b.LocationId is not null)
                .Select(b => new CalendarBlock(b.Id, b.LocationId, b.LocationId is { } id ? locations[id] : "All locations", b.Reason)).ToList();
            bool Closed(Guid location) => blocks.Any(b => b.LocationId is null || b.LocationId == location);
            var dayWindows = byDate[date]
                .OrderBy(w => w.Start).ThenBy(w => locations[w.LocationId], StringComparer.Ordinal)
                .Select(w => new CalendarWindow(w.Id, w.LocationId, locations[w.LocationId], w.Start, w.End,
                    w.Capacity, w.Booked, w.LoyaltyReserve, w.IsOverride, Closed(w.LocationId) ? FillLevel.Closed : FillOf(w.Booked, w.Capacity)))
                .ToList();
            var capacity = dayWindows.Where(w => !Closed(w.LocationId)).Sum(w => w.Capacity);
            var booked = dayWindows.Sum(w => w.Booked);
            // A day with nothing left to offer is closed, not a peak, even with bookings from before it closed.
            days.Add(new CalendarDay(date, dayWindows, blocks, capacity, booked, capacity == 0 ? FillLevel.Closed : FillOf(booked, capacity)));
        }
        return days;
    }

    public static async Task<Result<CalendarView>> LoadAsync(
        RapportDb db, Actor actor, DateOnly? from, DateOnly? to, Guid? locationId, TimeProvider time, CancellationToken ct)
    {
        if (actor.CannotManageDelivery() is { } forbidden) return forbidden;
        var start = from ?? await db.TodayAsync(time, ct);
        var end = to ?? start.AddDays(DefaultDays - 1);
        var v = new Validator();
        if (end < start) v.Add("to", "Must not be before the first day.");
        else if (end.DayNumber - start.DayNumber >= DeliveryCalendar.MaxDays) v.Add("to", $"At most {DeliveryCalendar.MaxDays} days at once.");
        if (!v.IsValid) return v.ToFailure();

        var active = await db.Locations.AsNoTracking().Where(l => l.Active).OrderBy(l => l.Name)
            .Select(l => new { l.Id, l.Name }).ToListAsync(ct);
        if (locationId is { } only && active.All(l => l.Id != only)) return Failure.NotFound("Location");
        var shown = active.Where(l => locationId is null || l.Id == locationId).ToDictionary(l => l.Id, l => l.Name);

        // Days gone by show what was made for them; only coming days are made from the weekly windows.
        var today = await db.TodayAsync(time, ct);
        if (end >= today) await DeliveryCalendar.WindowsAsync(db, start < today ? today : start, end, locationId, ct);
        var ids = shown.Keys.ToList();
        // Read again whole: the maker leaves out blocked days, whose bookings the calendar still shows.
        var windows = await db.DeliveryWindows.AsNoTracking()
            .Where(w => w.Date >= start && w.Date <= end && ids.Contains(w.LocationId)).ToListAsync(ct);
        var blocked = await db.BlockedDates.AsNoTracking()
            .Where(b => b.Date >= start && b.Date <= end && (b.LocationId == null || ids.Contains(b.LocationId.Value))).ToListAsync(ct);
        return new CalendarView(start, end, locationId, active.Select(l => (l.Id, l.Name)).ToList(), Build(start, end, shown, windows, blocked));
    }
}
