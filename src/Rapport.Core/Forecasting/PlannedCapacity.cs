using Rapport.Core.Delivery;

namespace Rapport.Core.Forecasting;

/// <summary>
/// The deliveries a location can take on each coming day, without making any windows: the windows made for a
/// date where there are some (with a manager's overrides), else what its weekday's templates would make, as
/// <see cref="DeliveryCalendar"/> would; a blocked date has none, as in <see cref="CapacityCalendar"/>.
/// </summary>
public static class PlannedCapacity
{
    public static IReadOnlyDictionary<DateOnly, int> Of(
        Location location, DateOnly from, DateOnly to, IEnumerable<DeliveryWindow> windows, IEnumerable<BlockedDate> blocked)
    {
        var made = windows.Where(w => w.LocationId == location.Id).ToLookup(w => w.Date);
        var closed = blocked.Where(b => b.LocationId is null || b.LocationId == location.Id).Select(b => b.Date).ToHashSet();
        var templates = location.WeeklyWindows.ToLookup(t => t.Weekday);
        var capacity = new Dictionary<DateOnly, int>();
        for (var date = from; date <= to; date = date.AddDays(1))
            capacity[date] = closed.Contains(date) ? 0
                : made[date].Any() ? made[date].Sum(w => w.Capacity)
                : templates[date.DayOfWeek].Sum(t => t.Capacity);
        return capacity;
    }
}
