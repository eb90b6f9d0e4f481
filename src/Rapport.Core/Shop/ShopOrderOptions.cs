using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Data;
using Rapport.Core.Orders;

namespace Rapport.Core.Shop;

/// <summary>
/// What the shop can promise a signed-in customer for a recipient (or themselves) on a day: the same ranked
/// options staff see, and the plain sentence about today's cutoff.
/// </summary>
public static class ShopOrderOptions
{
    /// <summary>How far ahead the shop takes orders; also bounds the days whose windows a visitor makes.</summary>
    public const int DaysAhead = 90;

    /// <summary>A null recipient means the customer's own address.</summary>
    public sealed record Query(Guid? RecipientId, DateOnly? Date);

    public sealed record Answer(DateOnly Today, DateOnly Date, string? Address, IReadOnlyList<OrderOptions.Option> Options, string? Countdown);

    public static async Task<Result<Answer>> HandleAsync(RapportDb db, ShopCustomer who, Query query, TimeProvider time, CancellationToken ct)
    {
        var found = await who.Orderer.FindCustomerAsync(db, null, ct);
        if (!found.Succeeded) return found.Failure;
        var customer = found.Value;
        var destination = await OrderOptions.DeliveryAddressAsync(db, customer.Id, query.RecipientId, null, ct);
        // Another customer's recipient does not exist, as far as this customer can tell.
        if (!destination.Succeeded) return Failure.NotFound("Recipient");
        var address = destination.Value?.Address;

        var now = time.GetUtcNow().UtcDateTime;
        var today = await db.TodayAsync(now, ct);
        var date = query.Date ?? today;
        if (date < today) return Failure.Invalid("date", "That day has passed.");
        if (date > today.AddDays(DaysAhead)) return Failure.Invalid("date", $"The shop takes orders up to {DaysAhead} days ahead.");

        var loyal = OrderOptions.IsLoyal(customer, now);
        var situation = await OrderOptions.SituationAsync(db, now, today, date, null, loyal, address, ct);
        var forToday = date == today ? situation : await OrderOptions.SituationAsync(db, now, today, today, null, loyal, address, ct);
        return new Answer(today, date, address?.ToString(), OrderOptions.Describe(situation, loyal).Options, PromiseCountdown.Say(forToday));
    }

    /// <summary>Today's sentence for anyone, before a customer or an address is known (the catalogue).</summary>
    public static async Task<string?> CountdownAsync(RapportDb db, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var today = await db.TodayAsync(now, ct);
        return PromiseCountdown.Say(await OrderOptions.SituationAsync(db, now, today, today, null, false, null, ct));
    }
}
