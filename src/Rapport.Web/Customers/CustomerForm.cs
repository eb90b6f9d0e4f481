using Rapport.Core.Customers;

namespace Rapport.Web.Customers;

/// <summary>The fields of the new- and edit-customer forms, mapped to the use cases' input.</summary>
public sealed class CustomerForm
{
    public CustomerKind Kind { get; set; } = CustomerKind.Person;
    public string? Name { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Line1 { get; set; }
    public string? City { get; set; }
    public string? Region { get; set; }
    public string? PostalCode { get; set; }
    public decimal? StandingBudget { get; set; }
    public string? Likes { get; set; }
    public string? Notes { get; set; }
    public string? InternalNotes { get; set; }

    /// <summary>
    /// The form edits the first address on file; the others, and the first one's fields the form
    /// does not show (second line, label, country), are kept as they are.
    /// </summary>
    public CustomerInput ToInput(IReadOnlyList<CustomerAddress>? onFile = null)
    {
        var first = onFile?.FirstOrDefault();
        var addresses = new List<AddressInput>();
        if (!string.IsNullOrWhiteSpace(Line1) || !string.IsNullOrWhiteSpace(City) || !string.IsNullOrWhiteSpace(PostalCode))
            addresses.Add(new AddressInput(first?.Label, Line1, first?.Address.Line2, City, Region, PostalCode, first?.Address.Country));
        foreach (var a in onFile?.Skip(1) ?? [])
            addresses.Add(new AddressInput(a.Label, a.Address.Line1, a.Address.Line2, a.Address.City, a.Address.Region, a.Address.PostalCode, a.Address.Country));
        return new(
            Kind, Name ?? "", Phone ?? "", Email ?? "",
            Addresses: addresses,
            Preferences: new PreferencesInput(StandingBudget ?? 0, Likes ?? "", Notes ?? "", InternalNotes ?? ""));
    }

    public static CustomerForm From(CustomerFile c)
    {
        var a = c.Addresses.FirstOrDefault()?.Address;
        return new CustomerForm
        {
            Kind = c.Kind, Name = c.Name, Phone = c.Phone, Email = c.Email,
            Line1 = a?.Line1, City = a?.City, Region = a?.Region, PostalCode = a?.PostalCode,
            StandingBudget = c.Preferences?.StandingBudget, Likes = c.Preferences?.Likes,
            Notes = c.Preferences?.Notes, InternalNotes = c.Preferences?.InternalNotes,
        };
    }

    /// <summary>Use-case field names → form field names, so errors show beside their inputs.</summary>
    public static readonly Dictionary<string, string> Fields = new()
    {
        ["kind"] = "Form.Kind", ["name"] = "Form.Name", ["phone"] = "Form.Phone", ["email"] = "Form.Email",
        ["addresses[0].line1"] = "Form.Line1", ["addresses[0].city"] = "Form.City", ["addresses[0].region"] = "Form.Region",
        ["addresses[0].postalCode"] = "Form.PostalCode", ["preferences.standingBudget"] = "Form.StandingBudget",
        ["preferences.likes"] = "Form.Likes", ["preferences.notes"] = "Form.Notes", ["preferences.internalNotes"] = "Form.InternalNotes",
    };
}
