using Rapport.Core.Data;

namespace Rapport.Core.Customers;

/// <summary>A person or organisation that buys from the business: the record everyone works from.</summary>
public sealed class Customer : IBusinessOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid BusinessId { get; set; }
    public CustomerKind Kind { get; set; }

    public string Name
    {
        get;
        set
        {
            field = value;
            // Folding can lengthen a name ("ß" → "ss"); the search column holds as much as a name may.
            var folded = SearchText.Normalize(value);
            SearchName = folded.Length <= CustomerLimits.Name ? folded
                // Never cut between the halves of a surrogate pair.
                : folded[..(char.IsHighSurrogate(folded[CustomerLimits.Name - 1]) ? CustomerLimits.Name - 1 : CustomerLimits.Name)];
        }
    } = "";

    /// <summary>Lower-case, accent-free name for search; derived from <see cref="Name"/>.</summary>
    public string SearchName { get; private set; } = "";

    /// <summary>When the relationship began (first order or contact), for the loyalty badge.</summary>
    public DateTime CustomerSince { get; set; } = DateTime.UtcNow;
    /// <summary>Most recent contact or order; keeps the loyalty badge cheap to compute.</summary>
    public DateTime? LastActivityAt { get; set; }

    public Preferences Preferences { get; set; } = new();

    public List<ContactPoint> ContactPoints { get; init; } = [];
    public List<CustomerAddress> Addresses { get; init; } = [];
    public List<Recipient> Recipients { get; init; } = [];
    public List<PaymentMethod> PaymentMethods { get; init; } = [];
    public List<Stakeholder> Stakeholders { get; init; } = [];

    public DateTime CreatedAt { get; init; } = DateTime.UtcNow;
    public DateTime UpdatedAt { get; set; } = DateTime.UtcNow;
    /// <summary>Set when deleted; the customer can be restored (undo) until purged.</summary>
    public DateTime? DeletedAt { get; set; }

    public ContactPoint? PrimaryPhone => Primary(ContactKind.Phone);
    public ContactPoint? PrimaryEmail => Primary(ContactKind.Email);

    private ContactPoint? Primary(ContactKind kind) =>
        ContactPoints.Where(c => c.Kind == kind).OrderByDescending(c => c.IsPrimary).ThenBy(c => c.Id).FirstOrDefault();

    public void NoteActivity(DateTime at)
    {
        if (LastActivityAt is null || at > LastActivityAt) LastActivityAt = at;
        if (at < CustomerSince) CustomerSince = at;
    }
}

/// <summary>What the customer likes and how they buy; internal notes are hidden from delivery staff.</summary>
public sealed class Preferences
{
    /// <summary>The budget the customer usually states and stands by, e.g. $85 a bouquet.</summary>
    public decimal? StandingBudget { get; set; }
    public string? Likes { get; set; }
    public string? Notes { get; set; }
    public string? InternalNotes { get; set; }
}

/// <summary>A phone number or e-mail address of a customer; <see cref="Normalized"/> is what search matches.</summary>
public sealed class ContactPoint : IBusinessOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid BusinessId { get; set; }
    public Guid CustomerId { get; set; }
    public ContactKind Kind { get; set; }
    public required string Value { get; set; }
    public required string Normalized { get; set; }
    public string? Label { get; set; }
    public bool IsPrimary { get; set; }

    public static ContactPoint? Phone(string? value, string callingCode, string? label = null, bool primary = false) =>
        PhoneNumber.Normalize(value, callingCode) is { } e164
            ? new ContactPoint { Kind = ContactKind.Phone, Value = value!.Trim(), Normalized = e164, Label = label, IsPrimary = primary }
            : null;

    public static ContactPoint? Email(string? value, string? label = null, bool primary = false) =>
        string.IsNullOrWhiteSpace(value)
            ? null
            : new ContactPoint { Kind = ContactKind.Email, Value = value.Trim(), Normalized = value.Trim().ToLowerInvariant(), Label = label, IsPrimary = primary };
}

public sealed class PostalAddress
{
    public string Line1 { get; set; } = "";
    public string? Line2 { get; set; }
    public string City { get; set; } = "";
    public string? Region { get; set; }
    public string PostalCode { get; set; } = "";
    public string Country { get; set; } = "US";

    public override string ToString() =>
        string.Join(", ", new[] { Line1, Line2, City, string.Join(' ', new[] { Region, PostalCode }.Where(s => !string.IsNullOrWhiteSpace(s))) }
            .Where(s => !string.IsNullOrWhiteSpace(s)));
}

public sealed class CustomerAddress : IBusinessOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid BusinessId { get; set; }
    public Guid CustomerId { get; set; }
    public string? Label { get; set; }
    public PostalAddress Address { get; set; } = new();
}

/// <summary>Someone the customer sends to, e.g. Tom's wife Maria, with where deliveries go.</summary>
public sealed class Recipient : IBusinessOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid BusinessId { get; set; }
    public Guid CustomerId { get; set; }
    public required string Name { get; set; }
    public string? Relationship { get; set; }
    public string? Phone { get; set; }
    public PostalAddress? Address { get; set; }
    public DateTime CreatedAt { get; init; } = DateTime.UtcNow;
}

/// <summary>A card on file: the payment provider's token and what identifies it to a person. Never the number.</summary>
public sealed class PaymentMethod : IBusinessOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid BusinessId { get; set; }
    public Guid CustomerId { get; set; }
    public required string Provider { get; set; }
    public required string Token { get; set; }
    public required string Brand { get; set; }
    public required string Last4 { get; set; }
    public int ExpMonth { get; set; }
    public int ExpYear { get; set; }
    public DateTime CreatedAt { get; init; } = DateTime.UtcNow;
}

/// <summary>A person in an organisation customer's buying committee.</summary>
public sealed class Stakeholder : IBusinessOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid BusinessId { get; set; }
    public Guid CustomerId { get; set; }
    public required string Name { get; set; }
    public string? Title { get; set; }
    public BuyingRole Role { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public DateTime CreatedAt { get; init; } = DateTime.UtcNow;
}
