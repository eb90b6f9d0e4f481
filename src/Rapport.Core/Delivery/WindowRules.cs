using Rapport.Core.Common;

namespace Rapport.Core.Delivery;

/// <summary>
/// What makes a delivery window sound, weekly or on one date: it ends after it starts (within the day),
/// its capacity is a sane number of deliveries, its loyalty reserve fits inside the capacity, and it does
/// not overlap another window of the same location on the same day.
/// </summary>
public static class WindowRules
{
    public static bool Overlaps(TimeOnly aStart, TimeOnly aEnd, TimeOnly bStart, TimeOnly bEnd) => aStart < bEnd && bStart < aEnd;

    /// <param name="sameDay">The other windows of the location on that weekday or date (not this one).</param>
    public static Validator Window(
        this Validator v, TimeOnly start, TimeOnly end, int capacity, int loyaltyReserve, IEnumerable<(TimeOnly Start, TimeOnly End)> sameDay)
    {
        if (end <= start) v.Add("end", "Must be after the start; a window cannot run past midnight.");
        v.Count("capacity", capacity, DeliveryLimits.MaxCapacity);
        if (loyaltyReserve < 0 || loyaltyReserve > capacity) v.Add("loyaltyReserve", "Between 0 and the capacity.");
        if (end > start)
        {
            foreach (var other in sameDay.OrderBy(o => o.Start))
            {
                if (!Overlaps(start, end, other.Start, other.End)) continue;
                v.Add("start", $"Overlaps the {other.Start:HH:mm}–{other.End:HH:mm} window.");
                break;
            }
        }
        return v;
    }
}
