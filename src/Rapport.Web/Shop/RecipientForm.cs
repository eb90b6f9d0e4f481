using Rapport.Core.Customers;

namespace Rapport.Web.Shop;

/// <summary>The address-book form: a person the customer sends to, and where.</summary>
public sealed class RecipientForm
{
    public string? Name { get; set; }
    public string? Relationship { get; set; }
    public string? Phone { get; set; }
    public string? Line1 { get; set; }
    public string? Line2 { get; set; }
    public string? City { get; set; }
    public string? Region { get; set; }
    public string? PostalCode { get; set; }

    /// <summary>Every field is on the form, so empty ones clear what was there.</summary>
    public RecipientInput ToInput() => new(Name ?? "", Relationship ?? "", Phone ?? "",
        new AddressInput(null, Line1, Line2, City, Region, PostalCode, null));

    public static RecipientForm Of(RecipientView r) => new()
    {
        Name = r.Name, Relationship = r.Relationship, Phone = r.Phone,
        Line1 = r.Address?.Line1, Line2 = r.Address?.Line2, City = r.Address?.City, Region = r.Address?.Region, PostalCode = r.Address?.PostalCode,
    };

    /// <summary>The use case's field names as this form's, under a prefix.</summary>
    public static Dictionary<string, string> Fields(string prefix) => new()
    {
        ["name"] = $"{prefix}.{nameof(Name)}",
        ["relationship"] = $"{prefix}.{nameof(Relationship)}",
        ["phone"] = $"{prefix}.{nameof(Phone)}",
        ["address.line1"] = $"{prefix}.{nameof(Line1)}",
        ["address.line2"] = $"{prefix}.{nameof(Line2)}",
        ["address.city"] = $"{prefix}.{nameof(City)}",
        ["address.region"] = $"{prefix}.{nameof(Region)}",
        ["address.postalCode"] = $"{prefix}.{nameof(PostalCode)}",
    };
}
