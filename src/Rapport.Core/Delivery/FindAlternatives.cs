namespace Rapport.Core.Delivery;

public enum OptionKind { Window, OtherLocation, LoyaltyReserve, Partner, Pickup, NextDay }

/// <summary>A delivery window as the ranking sees it; <see cref="Fee"/> is null when its location does not deliver to the address.</summary>
public sealed record WindowSlot(
    Guid WindowId, Guid LocationId, string LocationName, DateOnly Date, TimeOnly Start, TimeOnly End,
    int Capacity, int Booked, int LoyaltyReserve, DateTime Cutoff, decimal? Fee)
{
    public bool OpenAt(DateTime now) => now < Cutoff;
    /// <summary>Free units anyone may book.</summary>
    public bool HasGeneralRoom => Booked < Capacity - LoyaltyReserve;
    /// <summary>Free units for a loyal customer, reserve included.</summary>
    public bool HasRoom => Booked < Capacity;
}

public sealed record PartnerSlot(Guid PartnerId, string Name, DateOnly Date, int Remaining, decimal Fee);

/// <summary>A location where the customer can collect on a date, until a UTC instant.</summary>
public sealed record PickupPoint(Guid LocationId, string LocationName, DateOnly Date, TimeOnly Until, DateTime UntilUtc);

/// <summary>
/// Everything the ranking needs: the moment, the local today, what was asked, who asks, and the
/// windows of the requested date and the days after it.
/// </summary>
public sealed record DeliverySituation(
    DateTime Now,
    DateOnly Today,
    DateOnly Date,
    Guid? RequestedWindowId,
    bool MayUseReserve,
    bool HasAddress,
    IReadOnlyList<WindowSlot> Windows,
    IReadOnlyList<PartnerSlot> Partners,
    IReadOnlyList<PickupPoint> Pickups);

public sealed record DeliveryOption(
    OptionKind Kind, Guid? WindowId, Guid? LocationId, Guid? PartnerId,
    DateOnly Date, TimeOnly? Start, TimeOnly? End, string Promise, decimal Fee);

/// <summary>
/// Never a flat no: what can still be promised when the asked-for window cannot, best first. A pure
/// function of the situation, so every channel (phone, shop, API) offers the same.
/// </summary>
public static class FindAlternatives
{
    public const int MaxPerKind = 4;

    /// <summary>Whether the requested window can be booked without the reserve.</summary>
    public static bool IsAvailable(DeliverySituation s, WindowSlot window) =>
        Deliverable(s, window) && window.HasGeneralRoom;

    public static IReadOnlyList<DeliveryOption> Rank(DeliverySituation s)
    {
        var requested = s.RequestedWindowId is { } id ? s.Windows.FirstOrDefault(w => w.WindowId == id) : null;
        var sameDay = s.Windows.Where(w => w.Date == s.Date && w.WindowId != requested?.WindowId && Deliverable(s, w))
            .OrderBy(w => w.Start).ThenBy(w => w.Fee).ToList();
        // The location asked for, else the one that delivers to the address most cheaply that day.
        var home = requested?.LocationId
            ?? sameDay.OrderBy(w => w.Fee).Select(w => (Guid?)w.LocationId).FirstOrDefault();

        var options = new List<DeliveryOption>();
        // A loyal customer keeps the very window they asked for when only the reserve is left in it.
        if (requested is not null && s.MayUseReserve && Deliverable(s, requested) && !requested.HasGeneralRoom && requested.HasRoom)
            options.Add(Delivery(s, OptionKind.LoyaltyReserve, requested));

        options.AddRange(sameDay.Where(w => w.LocationId == home && w.HasGeneralRoom)
            .Take(MaxPerKind).Select(w => Delivery(s, OptionKind.Window, w)));
        options.AddRange(sameDay.Where(w => w.LocationId != home && w.HasGeneralRoom)
            .Take(MaxPerKind).Select(w => Delivery(s, OptionKind.OtherLocation, w)));
        if (s.MayUseReserve)
            options.AddRange(sameDay.Where(w => !w.HasGeneralRoom && w.HasRoom)
                .Take(MaxPerKind).Select(w => Delivery(s, OptionKind.LoyaltyReserve, w)));

        if (s.HasAddress && s.Date >= s.Today)
            options.AddRange(s.Partners.Where(p => p.Date == s.Date && p.Remaining > 0).OrderBy(p => p.Fee).Take(MaxPerKind)
                .Select(p => new DeliveryOption(OptionKind.Partner, null, null, p.PartnerId, p.Date, null, null,
                    Promises.Partner(s.Today, p.Date, p.Name), p.Fee)));

        options.AddRange(s.Pickups.Where(p => p.Date == s.Date && s.Now < p.UntilUtc).Take(MaxPerKind)
            .Select(p => new DeliveryOption(OptionKind.Pickup, null, p.LocationId, null, p.Date, null, p.Until,
                Promises.Pickup(s.Today, p.Date, p.Until, p.LocationName), 0m)));

        var nextDay = s.Windows.Where(w => w.Date > s.Date && w.WindowId != requested?.WindowId && Deliverable(s, w) && w.HasGeneralRoom)
            .OrderBy(w => w.Date).ThenBy(w => w.Start).ThenBy(w => w.Fee).FirstOrDefault();
        if (nextDay is not null) options.Add(Delivery(s, OptionKind.NextDay, nextDay));

        return options;
    }

    /// <summary>The window's promise as said today, e.g. "Delivered today 15:00–18:00 by Bloom &amp; Stem Downtown".</summary>
    public static string Promise(DateOnly today, WindowSlot w, bool fromReserve = false) =>
        Promises.Delivery(today, w.Date, w.Start, w.End, w.LocationName, fromReserve);

    // Open, not in the past, and to an address its location delivers to.
    private static bool Deliverable(DeliverySituation s, WindowSlot w) =>
        s.HasAddress && w.Fee is not null && w.OpenAt(s.Now) && w.Date >= s.Today;

    private static DeliveryOption Delivery(DeliverySituation s, OptionKind kind, WindowSlot w) =>
        new(kind, w.WindowId, w.LocationId, null, w.Date, w.Start, w.End, Promise(s.Today, w, kind == OptionKind.LoyaltyReserve), w.Fee ?? 0m);
}
