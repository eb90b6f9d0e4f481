using Rapport.Core.Customers;
using Rapport.Core.Data;

namespace Rapport.Core.Delivery;

/// <summary>A shop the business delivers from, with its own time zone, same-day cutoff and pick-up hours.</summary>
public sealed class Location : IBusinessOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid BusinessId { get; set; }
    public required string Name { get; set; }
    public PostalAddress Address { get; set; } = new();
    public string? Phone { get; set; }
    /// <summary>IANA time zone id; windows and cutoffs of this location are local to it.</summary>
    public string TimeZone { get; set; } = "America/Chicago";
    /// <summary>Orders after this local time cannot get today's windows.</summary>
    public TimeOnly SameDayCutoff { get; set; } = new(12, 0);
    /// <summary>Customers may collect in store until this local time.</summary>
    public TimeOnly PickupUntil { get; set; } = new(18, 0);
    public bool Active { get; set; } = true;
    public List<DeliveryZone> Zones { get; init; } = [];
    public List<WindowTemplate> WeeklyWindows { get; init; } = [];
    public DateTime CreatedAt { get; init; } = DateTime.UtcNow;
}

/// <summary>A postcode a location delivers to, and what delivery there costs.</summary>
public sealed class DeliveryZone : IBusinessOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid BusinessId { get; set; }
    public Guid LocationId { get; set; }
    public required string PostalCode { get; set; }
    public decimal Fee { get; set; }
}

/// <summary>A delivery window a location offers every given weekday, e.g. Mondays 9–12 for 8 deliveries.</summary>
public sealed class WindowTemplate : IBusinessOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid BusinessId { get; set; }
    public Guid LocationId { get; set; }
    public DayOfWeek Weekday { get; set; }
    public TimeOnly Start { get; set; }
    public TimeOnly End { get; set; }
    public int Capacity { get; set; }
    /// <summary>Units of <see cref="Capacity"/> only loyal customers (or a manager) may book.</summary>
    public int LoyaltyReserve { get; set; }
}

/// <summary>
/// One delivery window on one date, made from the weekday's template the first time the date is
/// looked at, or set by hand for that date (an override). <see cref="Booked"/> is only ever changed
/// by one conditional statement in the database, so capacity cannot be overbooked.
/// </summary>
public sealed class DeliveryWindow : IBusinessOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid BusinessId { get; set; }
    public Guid LocationId { get; set; }
    public DateOnly Date { get; set; }
    public TimeOnly Start { get; set; }
    public TimeOnly End { get; set; }
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
    /// <summary>The moment (UTC) after which this window can no longer be promised.</summary>
    public DateTime Cutoff { get; set; }
    public int Capacity { get; set; }
    public int LoyaltyReserve { get; set; }
    public int Booked { get; set; }
    /// <summary>Set by a manager for this date rather than made from the weekday's template.</summary>
    public bool IsOverride { get; set; }
}

/// <summary>A date a location (or, without one, the whole business) takes no deliveries.</summary>
public sealed class BlockedDate : IBusinessOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid BusinessId { get; set; }
    public Guid? LocationId { get; set; }
    public DateOnly Date { get; set; }
    public string? Reason { get; set; }
}

/// <summary>Another florist who takes overflow orders, up to a number a day.</summary>
public sealed class Partner : IBusinessOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid BusinessId { get; set; }
    public required string Name { get; set; }
    public string? ContactName { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public int DailyCapacity { get; set; }
    public decimal Fee { get; set; }
    public bool Active { get; set; } = true;
}

/// <summary>How many orders a partner has taken from us on a date; reserved like a window.</summary>
public sealed class PartnerDay : IBusinessOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid BusinessId { get; set; }
    public Guid PartnerId { get; set; }
    public DateOnly Date { get; set; }
    public int Capacity { get; set; }
    public int Booked { get; set; }
}

public static class DeliveryLimits
{
    public const int Name = 120;
    public const int PostalCode = 16;
    public const int TimeZone = 64;
    public const int Reason = 500;
    public const int MaxCapacity = 10_000;
}
