using Rapport.Core.Common;
using Rapport.Core.Customers;

namespace Rapport.Core.Delivery;

/// <summary>A location with what it delivers to and when, as the API and the set-up pages show it.</summary>
public sealed record LocationView(
    Guid Id, string Name, PostalAddress Address, string? Phone, string TimeZone, TimeOnly SameDayCutoff, TimeOnly PickupUntil,
    bool Active, IReadOnlyList<DeliveryZoneView> Zones, IReadOnlyList<WeeklyWindowView> WeeklyWindows)
{
    public static LocationView Of(Location l) => new(
        l.Id, l.Name, l.Address, l.Phone, l.TimeZone, l.SameDayCutoff, l.PickupUntil, l.Active,
        l.Zones.OrderBy(z => z.PostalCode, StringComparer.Ordinal).Select(DeliveryZoneView.Of).ToList(),
        l.WeeklyWindows.OrderBy(w => WeekdayOrder(w.Weekday)).ThenBy(w => w.Start).Select(WeeklyWindowView.Of).ToList());

    /// <summary>Monday first, as a shop's week reads.</summary>
    public static int WeekdayOrder(DayOfWeek day) => ((int)day + 6) % 7;
}

public sealed record DeliveryZoneView(Guid Id, string PostalCode, decimal Fee)
{
    public static DeliveryZoneView Of(DeliveryZone z) => new(z.Id, z.PostalCode, Amounts.Cents(z.Fee));
}

public sealed record WeeklyWindowView(Guid Id, DayOfWeek Weekday, TimeOnly Start, TimeOnly End, int Capacity, int LoyaltyReserve)
{
    public static WeeklyWindowView Of(WindowTemplate t) => new(t.Id, t.Weekday, t.Start, t.End, t.Capacity, t.LoyaltyReserve);
}

/// <summary>A blocked date; without a location it closes the whole business.</summary>
public sealed record BlockedDateView(Guid Id, Guid? LocationId, DateOnly Date, string? Reason)
{
    public static BlockedDateView Of(BlockedDate b) => new(b.Id, b.LocationId, b.Date, b.Reason);
}

public sealed record PartnerView(
    Guid Id, string Name, string? ContactName, string? Phone, string? Email, int DailyCapacity, decimal Fee, bool Active)
{
    public static PartnerView Of(Partner p) => new(p.Id, p.Name, p.ContactName, p.Phone, p.Email, p.DailyCapacity, Amounts.Cents(p.Fee), p.Active);
}
