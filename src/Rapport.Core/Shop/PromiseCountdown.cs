using System.Globalization;
using Rapport.Core.Delivery;

namespace Rapport.Core.Shop;

/// <summary>
/// What the shop says plainly about today: "Order within 1 h 20 min for delivery today" while a window of
/// today can still be promised, and once none can, when the next delivery is ("Today's deliveries are closed —
/// tomorrow from 9:00") and what else is left today. A pure function of today's situation; the time left is
/// counted between UTC instants, so a daylight-saving change on the day counts as the hour it really is.
/// </summary>
public static class PromiseCountdown
{
    /// <summary>
    /// The sentence for a situation built for today (its <see cref="DeliverySituation.Date"/> is its
    /// <see cref="DeliverySituation.Today"/>), or null when the business delivers on none of its days and has no pick-up.
    /// Without an address every window counts; with one, only windows that deliver there.
    /// </summary>
    public static string? Say(DeliverySituation today)
    {
        var s = today;
        if (s.Windows.Count == 0 && s.Pickups.Count == 0) return null;
        bool Reaches(WindowSlot w) => !s.HasAddress || w.Fee is not null;
        bool HasRoom(WindowSlot w) => s.MayUseReserve ? w.HasRoom : w.HasGeneralRoom;

        var todays = s.Windows.Where(w => w.Date == s.Today && Reaches(w)).ToList();
        // The window that closes first among those still open: ordering within this time keeps every promise today's.
        var soonest = todays.Where(w => w.OpenAt(s.Now) && HasRoom(w)).OrderBy(w => w.End).ThenBy(w => w.Cutoff).FirstOrDefault();
        if (soonest is not null) return $"Order within {TimeLeft(soonest.Cutoff - s.Now)} for delivery today";

        var next = s.Windows.Where(w => w.Date > s.Today && Reaches(w) && w.OpenAt(s.Now) && HasRoom(w))
            .OrderBy(w => w.Date).ThenBy(w => w.Start).FirstOrDefault();
        var pickup = s.Pickups.Where(p => p.Date == s.Today && s.Now < p.UntilUtc).OrderByDescending(p => p.UntilUtc).FirstOrDefault();
        // A partner florist with room today is today's delivery after all; said on the catalogue too, before any address is known.
        var partner = s.Partners.Any(p => p.Date == s.Today && p.Remaining > 0);

        var headline = todays.Any(w => w.OpenAt(s.Now)) ? "Today's deliveries are full"
            : todays.Count > 0 ? "Today's deliveries are closed"
            : "No deliveries today";
        var instead = new List<string>();
        if (partner) instead.Add("a partner florist can still deliver today");
        if (next is not null) instead.Add($"{Promises.Day(s.Today, next.Date)} from {next.Start.ToString("H:mm", CultureInfo.InvariantCulture)}");
        if (pickup is not null) instead.Add($"pick-up today until {pickup.Until.ToString("H:mm", CultureInfo.InvariantCulture)} at {pickup.LocationName}");
        return instead.Count == 0 ? headline + "." : $"{headline} — {string.Join(", or ", instead)}.";
    }

    /// <summary>"45 min", "2 h", "1 h 20 min", rounded down to the minute.</summary>
    public static string TimeLeft(TimeSpan left)
    {
        var minutes = (long)Math.Floor(left.TotalMinutes);
        if (minutes < 1) return "a minute";
        var (hours, rest) = (minutes / 60, minutes % 60);
        return hours == 0 ? $"{rest} min" : rest == 0 ? $"{hours} h" : $"{hours} h {rest} min";
    }
}
