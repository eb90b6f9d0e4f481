using Rapport.Core.Common;

namespace Rapport.Core.Customers;

public sealed record ContactInput(string? Value, string? Label);

public sealed record AddressInput(string? Label, string? Line1, string? Line2, string? City, string? Region, string? PostalCode, string? Country)
{
    public void Validate(Validator v, string field, bool required = true)
    {
        if (required || !string.IsNullOrWhiteSpace(Line1)) v.Required($"{field}.line1", Line1, CustomerLimits.AddressLine);
        v.MaxLength($"{field}.line2", Line2, CustomerLimits.AddressLine);
        if (required || !string.IsNullOrWhiteSpace(City)) v.Required($"{field}.city", City, 80);
        v.MaxLength($"{field}.region", Region, 80);
        if (required || !string.IsNullOrWhiteSpace(PostalCode)) v.Required($"{field}.postalCode", PostalCode, 16);
        v.MaxLength($"{field}.label", Label, 40);
        if (Country is { Length: > 0 } c && (c.Length != 2 || !c.All(char.IsAsciiLetter)))
            v.Add($"{field}.country", "A two-letter country code, e.g. US.");
    }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Line1) && string.IsNullOrWhiteSpace(City) && string.IsNullOrWhiteSpace(PostalCode);

    public PostalAddress ToAddress() => new()
    {
        Line1 = Line1!.Trim(),
        Line2 = Blank(Line2),
        City = City!.Trim(),
        Region = Blank(Region),
        PostalCode = PostalCode!.Trim(),
        Country = string.IsNullOrWhiteSpace(Country) ? "US" : Country.Trim().ToUpperInvariant(),
    };

    internal static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

public sealed record PreferencesInput(decimal? StandingBudget, string? Likes, string? Notes, string? InternalNotes)
{
    public void Validate(Validator v)
    {
        v.Range("preferences.standingBudget", StandingBudget, 0, 1_000_000);
        v.MaxLength("preferences.likes", Likes, CustomerLimits.Text);
        v.MaxLength("preferences.notes", Notes, CustomerLimits.Text);
        v.MaxLength("preferences.internalNotes", InternalNotes, CustomerLimits.Text);
    }
}

/// <summary>
/// A customer as written by the API and the forms. On update, a null field is left as it is,
/// an empty string clears it, and a given list replaces the one on file.
/// </summary>
public sealed record CustomerInput(
    CustomerKind? Kind = null,
    string? Name = null,
    string? Phone = null,
    string? Email = null,
    IReadOnlyList<ContactInput>? Phones = null,
    IReadOnlyList<ContactInput>? Emails = null,
    IReadOnlyList<AddressInput>? Addresses = null,
    PreferencesInput? Preferences = null,
    DateTime? CustomerSince = null)
{
    /// <summary>No relationship or contact on file predates this.</summary>
    public static readonly DateTime Earliest = new(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public void Validate(Validator v, bool creating)
    {
        if (creating || Name is not null) v.Required("name", Name, CustomerLimits.Name);
        if (creating && Kind is null) v.Add("kind", "Say whether the customer is a person or an organization.");
        v.Phone("phone", Phone);
        v.Email("email", Email);
        if (Phones is { Count: > 10 }) v.Add("phones", "At most 10 phone numbers.");
        if (Emails is { Count: > 10 }) v.Add("emails", "At most 10 e-mail addresses.");
        if (Addresses is { Count: > 10 }) v.Add("addresses", "At most 10 addresses.");
        for (var i = 0; i < (Phones?.Count ?? 0); i++)
        {
            if (Phones![i] is null) { v.Add($"phones[{i}]", "This entry is empty."); continue; }
            if (string.IsNullOrWhiteSpace(Phones![i].Value)) v.Add($"phones[{i}].value", "This field is required.");
            else v.Phone($"phones[{i}].value", Phones[i].Value);
            v.MaxLength($"phones[{i}].label", Phones[i].Label, 40);
        }
        for (var i = 0; i < (Emails?.Count ?? 0); i++)
        {
            if (Emails![i] is null) { v.Add($"emails[{i}]", "This entry is empty."); continue; }
            if (string.IsNullOrWhiteSpace(Emails![i].Value)) v.Add($"emails[{i}].value", "This field is required.");
            else v.Email($"emails[{i}].value", Emails[i].Value);
            v.MaxLength($"emails[{i}].label", Emails[i].Label, 40);
        }
        for (var i = 0; i < (Addresses?.Count ?? 0); i++)
        {
            if (Addresses![i] is null) v.Add($"addresses[{i}]", "This entry is empty.");
            else Addresses[i].Validate(v, $"addresses[{i}]");
        }
        Preferences?.Validate(v);
        if (CustomerSince is { } since && (since > DateTime.UtcNow.AddDays(1) || since.Year < Earliest.Year))
            v.Add("customerSince", $"A date between {Earliest.Year} and today.");
    }
}
