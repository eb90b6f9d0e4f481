using Rapport.Core.Customers;

namespace Rapport.Web.Pages.App.Customers;

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

    public CustomerInput ToInput() => new(
        Kind, Name ?? "", Phone ?? "", Email ?? "",
        Addresses: string.IsNullOrWhiteSpace(Line1) && string.IsNullOrWhiteSpace(City) && string.IsNullOrWhiteSpace(PostalCode)
            ? []
            : [new AddressInput(null, Line1, null, City, Region, PostalCode, null)],
        Preferences: new PreferencesInput(StandingBudget ?? 0, Likes ?? "", Notes ?? "", InternalNotes ?? ""));

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
