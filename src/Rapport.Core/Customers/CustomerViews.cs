using System.Text.Json.Serialization;
using Rapport.Core.Businesses;

namespace Rapport.Core.Customers;

public sealed record CustomerSummary(
    Guid Id, CustomerKind Kind, string Name,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Phone,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Email,
    Loyalty Loyalty);

public sealed record ContactView(Guid Id, string Value, string? Label, bool Primary);

public sealed record AddressView(string Line1, string? Line2, string City, string? Region, string PostalCode, string Country, string Text)
{
    public static AddressView? Of(PostalAddress? a) =>
        a is null ? null : new(a.Line1, a.Line2, a.City, a.Region, a.PostalCode, a.Country, a.ToString());
}

public sealed record CustomerAddressView(Guid Id, string? Label, AddressView Address);

public sealed record RecipientView(Guid Id, string Name, string? Relationship, string? Phone, AddressView? Address)
{
    public static RecipientView Of(Recipient r) => new(r.Id, r.Name, r.Relationship, r.Phone, AddressView.Of(r.Address));
}

public sealed record PaymentMethodView(Guid Id, string Provider, string Brand, string Last4, int ExpMonth, int ExpYear)
{
    public static PaymentMethodView Of(PaymentMethod p) => new(p.Id, p.Provider, p.Brand, p.Last4, p.ExpMonth, p.ExpYear);
}

public sealed record PreferencesView(decimal? StandingBudget, string? Likes, string? Notes, string? InternalNotes);

public sealed record StakeholderView(Guid Id, string Name, string? Title, BuyingRole Role, string? Email, string? Phone)
{
    public static StakeholderView Of(Stakeholder s) => new(s.Id, s.Name, s.Title, s.Role, s.Email, s.Phone);
}

/// <summary>
/// Everything a person at the phone needs about a customer. Parts a role may not see are null
/// (payment methods and internal notes for delivery staff) and left out of the JSON.
/// </summary>
public sealed record CustomerFile(
    Guid Id,
    CustomerKind Kind,
    string Name,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Phone,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Email,
    IReadOnlyList<ContactView> Phones,
    IReadOnlyList<ContactView>? Emails,
    IReadOnlyList<CustomerAddressView> Addresses,
    IReadOnlyList<RecipientView> Recipients,
    IReadOnlyList<PaymentMethodView>? PaymentMethods,
    PreferencesView? Preferences,
    IReadOnlyList<StakeholderView> Stakeholders,
    Loyalty Loyalty,
    DateTime CreatedAt,
    DateTime UpdatedAt);

public static class CustomerFiles
{
    public static CustomerFile ToFile(this Customer c, Actor actor, DateTime now, IReadOnlyCollection<Guid>? visibleRecipients = null)
    {
        var full = !actor.Role.SeesOnlyOwnDeliveries();
        ContactView View(ContactPoint p) => new(p.Id, p.Value, p.Label, p.IsPrimary);
        var phones = c.ContactPoints.Where(p => p.Kind == ContactKind.Phone).OrderByDescending(p => p.IsPrimary).ThenBy(p => p.Id).Select(View).ToList();
        var emails = c.ContactPoints.Where(p => p.Kind == ContactKind.Email).OrderByDescending(p => p.IsPrimary).ThenBy(p => p.Id).Select(View).ToList();
        var recipients = c.Recipients
            .Where(r => visibleRecipients is null || visibleRecipients.Contains(r.Id))
            .OrderBy(r => r.Name).Select(RecipientView.Of).ToList();
        return new CustomerFile(
            c.Id, c.Kind, c.Name,
            phones.FirstOrDefault()?.Value,
            full ? emails.FirstOrDefault()?.Value : null,
            phones,
            full ? emails : null,
            c.Addresses.OrderBy(a => a.Id).Select(a => new CustomerAddressView(a.Id, a.Label, AddressView.Of(a.Address)!)).ToList(),
            recipients,
            actor.Role.SeesPaymentMethods() ? c.PaymentMethods.OrderBy(p => p.Id).Select(PaymentMethodView.Of).ToList() : null,
            full
                ? new PreferencesView(c.Preferences.StandingBudget, c.Preferences.Likes, c.Preferences.Notes,
                    actor.Role.SeesInternalNotes() ? c.Preferences.InternalNotes : null)
                : null,
            full ? c.Stakeholders.OrderBy(s => s.Role).ThenBy(s => s.Name).Select(StakeholderView.Of).ToList() : [],
            Loyalty.Assess(c.CustomerSince, c.LastActivityAt, now),
            c.CreatedAt, c.UpdatedAt);
    }
}
