using Rapport.Core.Common;
using Rapport.Core.Customers;

namespace Rapport.Core.Delivery;

/// <summary>A location as written by the API and the forms. On update, a null field is left as it is; a given address replaces the one on file.</summary>
public sealed record LocationInput(
    string? Name = null,
    AddressInput? Address = null,
    string? Phone = null,
    string? TimeZone = null,
    TimeOnly? SameDayCutoff = null,
    TimeOnly? PickupUntil = null,
    bool? Active = null)
{
    public void Validate(Validator v, bool creating)
    {
        if (creating || Name is not null) v.Required("name", Name, DeliveryLimits.Name);
        if (Address is not null) Address.Validate(v, "address");
        else if (creating) v.Add("address", "This field is required.");
        v.Phone("phone", Phone);
        if (TimeZone is not null && !IsIanaTimeZone(TimeZone.Trim()))
            v.Add("timeZone", "An IANA time zone such as America/Chicago.");
    }

    public void ApplyTo(Location location)
    {
        if (Name is not null) location.Name = Name.Trim();
        if (Address is not null) location.Address = Address.ToAddress();
        if (Phone is not null) location.Phone = string.IsNullOrWhiteSpace(Phone) ? null : Phone.Trim();
        if (TimeZone is not null) location.TimeZone = TimeZoneInfo.FindSystemTimeZoneById(TimeZone.Trim()).Id;
        if (SameDayCutoff is { } cutoff) location.SameDayCutoff = cutoff;
        if (PickupUntil is { } pickup) location.PickupUntil = pickup;
        if (Active is { } active) location.Active = active;
    }

    /// <summary>Known to this server by its IANA name ("America/Chicago"), not a Windows name ("Central Standard Time").</summary>
    public static bool IsIanaTimeZone(string id) =>
        id.Length is > 0 and <= DeliveryLimits.TimeZone
        && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)
        && zone.HasIanaId;
}
