using Rapport.Core.Customers;
using Rapport.Core.Delivery;

namespace Rapport.Web.Delivery;

/// <summary>The fields of the location forms, as posted.</summary>
public sealed class LocationFields
{
    public string? Name { get; set; }
    public string? Line1 { get; set; }
    public string? City { get; set; }
    public string? Region { get; set; }
    public string? PostalCode { get; set; }
    public string? Phone { get; set; }
    public string? TimeZone { get; set; }
    public TimeOnly? SameDayCutoff { get; set; }
    public TimeOnly? PickupUntil { get; set; }
    public bool Active { get; set; } = true;

    /// <summary>The form sends every field: an emptied phone is cleared, the address replaced whole.</summary>
    public LocationInput ToInput(PostalAddress? onFile = null) => new(
        Name ?? "",
        new AddressInput(null, Line1, onFile?.Line2, City, Region, PostalCode, onFile?.Country),
        Phone ?? "",
        string.IsNullOrWhiteSpace(TimeZone) ? null : TimeZone,
        SameDayCutoff, PickupUntil, Active);

    /// <summary>IANA time zones this server knows, for the form's suggestions.</summary>
    public static IReadOnlyList<string> TimeZones { get; } =
        TimeZoneInfo.GetSystemTimeZones().Where(z => z.HasIanaId).Select(z => z.Id).Order(StringComparer.Ordinal).ToList();
}
