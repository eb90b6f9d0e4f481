using Rapport.Core.Data;

namespace Rapport.Core.Occasions;

public enum OccasionType { Birthday, Anniversary, Valentines, MothersDay, Christmas, Custom }

/// <summary>Who put the occasion on file: staff, the customer in the shop, or Rapport from the order history.</summary>
public enum OccasionSource { Staff, Customer, Inferred }

/// <summary>
/// Inferred occasions start as proposals; staff or the customer confirm or dismiss them. Occasions typed in
/// by a person are confirmed from the start. Dismissed ones stay on file so that they are never proposed again.
/// </summary>
public enum OccasionStatus { Proposed, Confirmed, Dismissed }

/// <summary>
/// A day a customer sends flowers for every year: whose (the recipient), what for, when (a fixed day or a rule
/// such as "second Sunday of May"), and what they usually spend.
/// </summary>
public sealed class Occasion : IBusinessOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid BusinessId { get; set; }
    public Guid CustomerId { get; set; }
    /// <summary>Who receives the flowers; null when the customer orders for themselves or nobody in particular.</summary>
    public Guid? RecipientId { get; set; }
    public OccasionType Type { get; set; }
    /// <summary>What a custom occasion is called ("Shop anniversary"); optional for the other types.</summary>
    public string? Label { get; set; }

    public DateRuleKind RuleKind { get; set; }
    public int Month { get; set; }
    public int Day { get; set; }
    public int Week { get; set; }
    public DayOfWeek Weekday { get; set; }

    /// <summary>Every year; a one-off date is an order, not an occasion.</summary>
    public bool Yearly { get; set; } = true;
    public decimal? UsualBudget { get; set; }

    public OccasionSource Source { get; set; }
    public OccasionStatus Status { get; set; }
    /// <summary>How sure the inference is, 0 to 1; null for occasions a person entered.</summary>
    public double? Confidence { get; set; }
    /// <summary>The orders an inferred occasion rests on.</summary>
    public List<Guid> Evidence { get; set; } = [];

    /// <summary>
    /// Customer, recipient, type and date in one string, unique per business: the same occasion is never on file
    /// twice, and a dismissed proposal keeps its key so inference does not propose it again.
    /// </summary>
    public string Key { get; set; } = "";

    public DateTime CreatedAt { get; set; }
    /// <summary>The staff member's name, <see cref="Shop.ShopCustomer.AuditName"/>, or <see cref="InferredBy"/>.</summary>
    public string CreatedBy { get; set; } = "";
    public DateTime? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }
    public DateTime UpdatedAt { get; set; }

    public const string InferredBy = "Rapport (from order history)";

    public DateRule Rule
    {
        get => new(RuleKind, Month, Day, Week, Weekday);
        set
        {
            RuleKind = value.Kind;
            Month = value.Month;
            Day = value.Day;
            Week = value.Week;
            Weekday = value.Weekday;
        }
    }

    public DateOnly NextDate(DateOnly from) => Rule.NextDate(from);

    /// <summary>The key of an occasion: one birthday, anniversary or holiday per recipient; custom ones by date.</summary>
    public static string KeyOf(Guid customerId, Guid? recipientId, OccasionType type, DateRule rule) =>
        $"{customerId:N}:{recipientId?.ToString("N") ?? "-"}:{type}" + (type is OccasionType.Custom ? ":" + rule.Key : "");

    /// <summary>The date rule every occasion of a holiday type has; null for types whose date is the customer's own.</summary>
    public static DateRule? HolidayRule(OccasionType type) => type switch
    {
        OccasionType.Valentines => DateRule.ValentinesDay,
        OccasionType.MothersDay => DateRule.MothersDay,
        OccasionType.Christmas => DateRule.ChristmasDay,
        _ => null,
    };

    /// <summary>"Birthday", "Valentine's Day", or a custom occasion's label.</summary>
    public static string Name(OccasionType type, string? label) =>
        !string.IsNullOrWhiteSpace(label) ? label : type switch
        {
            OccasionType.Birthday => "Birthday",
            OccasionType.Anniversary => "Anniversary",
            OccasionType.Valentines => "Valentine's Day",
            OccasionType.MothersDay => "Mother's Day",
            OccasionType.Christmas => "Christmas",
            _ => "Yearly occasion",
        };

    /// <summary>The occasion an order's free-text tag names, if it is one that comes back every year.</summary>
    public static OccasionType? TypeOfTag(string? tag)
    {
        var t = tag?.Trim().ToLowerInvariant().Replace('’', '\'');
        return t switch
        {
            null or "" => null,
            _ when t.Contains("valentine", StringComparison.Ordinal) => OccasionType.Valentines,
            _ when t.Contains("mother's day", StringComparison.Ordinal) || t.Contains("mothers day", StringComparison.Ordinal) => OccasionType.MothersDay,
            _ when t.Contains("christmas", StringComparison.Ordinal) || t.Contains("xmas", StringComparison.Ordinal) => OccasionType.Christmas,
            _ when t.Contains("birthday", StringComparison.Ordinal) => OccasionType.Birthday,
            _ when t.Contains("anniversary", StringComparison.Ordinal) => OccasionType.Anniversary,
            _ => null,
        };
    }
}

/// <summary>
/// A private iCalendar feed: a staff member's (upcoming occasions and deliveries they may see) or a shop
/// customer's (their own occasions). The URL carries a random token; only its hash is kept, and regenerating
/// it revokes the old URL.
/// </summary>
public sealed class CalendarFeed : IBusinessOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid BusinessId { get; set; }
    /// <summary>Exactly one of the staff member and the shop account owns a feed.</summary>
    public Guid? StaffId { get; set; }
    public Guid? AccountId { get; set; }
    /// <summary>SHA-256 of the token, hex.</summary>
    public required string TokenHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? LastReadAt { get; set; }
}

public static class OccasionLimits
{
    public const int Label = 80;
    public const decimal MaxBudget = 100_000m;
    /// <summary>Keeps one customer from filling the database.</summary>
    public const int MaxPerCustomer = 200;
}
