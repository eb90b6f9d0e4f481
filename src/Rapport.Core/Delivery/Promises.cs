using System.Globalization;

namespace Rapport.Core.Delivery;

/// <summary>
/// A promise in plain words, the same whoever writes it (the ranking, an order, the demo). Given today, the
/// day reads "today" or "tomorrow" for a conversation; without it, a date, for a promise kept with an order.
/// </summary>
public static class Promises
{
    /// <summary>"Delivered today 15:00–18:00 by Bloom &amp; Stem Downtown".</summary>
    public static string Delivery(DateOnly? today, DateOnly date, TimeOnly start, TimeOnly end, string location, bool fromReserve = false) =>
        $"Delivered {Day(today, date)} {Clock(start)}–{Clock(end)} by {location}" + (fromReserve ? " (from the loyalty reserve)" : "");

    public static string Partner(DateOnly? today, DateOnly date, string partner) =>
        $"Delivered {Day(today, date)} by {partner} (partner florist)";

    public static string Pickup(DateOnly? today, DateOnly date, TimeOnly until, string location) =>
        $"Ready for pick-up {Day(today, date)} until {Clock(until)} at {location}";

    public static string Day(DateOnly? today, DateOnly date) =>
        date == today ? "today"
        : date == today?.AddDays(1) ? "tomorrow"
        : date.ToString("ddd d MMM", CultureInfo.InvariantCulture);

    public static string Clock(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}
