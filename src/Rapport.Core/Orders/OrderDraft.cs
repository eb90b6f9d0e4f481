using Rapport.Core.Customers;

namespace Rapport.Core.Orders;

/// <summary>
/// The phone order as it starts, read off the customer's file and past orders: for a regular like Tom the only
/// thing left to say is the budget, or nothing when the standing budget stands.
/// </summary>
public sealed record OrderDraft(Guid? RecipientId, string? Occasion, decimal? Budget, Guid? PaymentMethodId, string? CardMessage)
{
    /// <summary>What the draft needs of an earlier order.</summary>
    public sealed record PastOrder(DateTime PlacedAt, DateOnly Date, Guid? RecipientId, string? Occasion, string? CardMessage);

    /// <summary>How many of the latest orders the draft reads.</summary>
    public const int History = 100;

    /// <summary>How many days either side of the same date in an earlier year count as that occasion's season (people call ahead).</summary>
    public const int SeasonDays = 7;

    /// <param name="occasion">What the caller said it is for; when blank, the occasion of this time of year in past orders.</param>
    /// <param name="today">The business's today, for the season and the cards' expiry.</param>
    public static OrderDraft For(Customer customer, IReadOnlyList<PastOrder> orders, string? occasion, DateOnly today)
    {
        var known = string.IsNullOrWhiteSpace(occasion) ? Seasonal(orders, today) : occasion.Trim();
        var newestFirst = orders.OrderByDescending(o => o.PlacedAt).ToList();
        // The last order for this occasion says whom it is for and how the card reads; else the last order at all.
        var basis = newestFirst.FirstOrDefault(o => known is not null && Same(o.Occasion, known)) ?? newestFirst.FirstOrDefault();

        var onFile = customer.Recipients.Select(r => r.Id).ToHashSet();
        var recipient = basis is null || (basis.RecipientId is { } id && !onFile.Contains(id))
            // Nothing to go by: the first person they told us they send to.
            ? customer.Recipients.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).Select(r => (Guid?)r.Id).FirstOrDefault()
            : basis.RecipientId;

        var card = customer.PaymentMethods.Where(p => IsValid(p, today))
            .OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id).FirstOrDefault();

        return new OrderDraft(recipient, known, customer.Preferences.StandingBudget, card?.Id, basis?.CardMessage);
    }

    /// <summary>A card is good through the last day of its expiry month.</summary>
    public static bool IsValid(PaymentMethod card, DateOnly today) => IsValid(card.ExpMonth, card.ExpYear, today);

    /// <inheritdoc cref="IsValid(PaymentMethod, DateOnly)"/>
    public static bool IsValid(int expMonth, int expYear, DateOnly today) =>
        expMonth is >= 1 and <= 12 && expYear is >= 1 and <= 9998 && new DateOnly(expYear, expMonth, 1).AddMonths(1) > today;

    // The occasion of an order delivered around this date in an earlier year, the most recent such year first:
    // seven Valentine's Days running make the eighth call a Valentine's order.
    private static string? Seasonal(IReadOnlyList<PastOrder> orders, DateOnly today) =>
        orders.Where(o => !string.IsNullOrWhiteSpace(o.Occasion) && o.Date.Year < today.Year
                          && Math.Abs(today.AddYears(o.Date.Year - today.Year).DayNumber - o.Date.DayNumber) <= SeasonDays)
            .OrderByDescending(o => o.Date).Select(o => o.Occasion!.Trim()).FirstOrDefault();

    private static bool Same(string? a, string b) => string.Equals(a?.Trim(), b, StringComparison.OrdinalIgnoreCase);
}
