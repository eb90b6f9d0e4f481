using Microsoft.EntityFrameworkCore;
using Rapport.Core.Common;
using Rapport.Core.Data;
using Rapport.Core.Occasions;

namespace Rapport.Core.Shop;

/// <summary>
/// "Remind me next year": after an order for a birthday, an anniversary or a holiday, the customer puts the occasion
/// on file in one click (for the same person, on the order's day, with what they spent as the usual budget), so the
/// reminder comes before it next year.
/// </summary>
public static class RememberOrderOccasion
{
    /// <summary>What the button offers; <see cref="OnFile"/> when the occasion is already confirmed.</summary>
    public sealed record Offer(OccasionType Type, string Name, string? RecipientName, string When, bool OnFile);

    /// <summary>The occasion an order of the customer's is for, if it comes back every year; null otherwise.</summary>
    public static async Task<Offer?> OfferAsync(RapportDb db, ShopCustomer who, Guid orderId, CancellationToken ct)
    {
        var found = await InputAsync(db, who, orderId, ct);
        if (found is null) return null;
        var (input, rule, recipientName) = found.Value;
        var key = Occasion.KeyOf(who.CustomerId, input.RecipientId, input.Type!.Value, rule);
        var onFile = await db.Occasions.AnyAsync(o => o.CustomerId == who.CustomerId && o.Key == key && o.Status == OccasionStatus.Confirmed, ct);
        return new Offer(input.Type.Value, Occasion.Name(input.Type.Value, null), recipientName, rule.ToString(), onFile);
    }

    public static async Task<Result<OccasionView>> HandleAsync(RapportDb db, ShopCustomer who, Guid orderId, TimeProvider time, CancellationToken ct)
    {
        var found = await InputAsync(db, who, orderId, ct);
        if (found is null) return Failure.NotFound("Occasion of the order");
        return await AddOccasion.HandleAsync(db, OccasionEditor.ForShop(who, ct), who.CustomerId, found.Value.Input, time, ct);
    }

    private static async Task<(OccasionInput Input, DateRule Rule, string? RecipientName)?> InputAsync(RapportDb db, ShopCustomer who, Guid orderId, CancellationToken ct)
    {
        var order = await db.Orders.AsNoTracking().Where(o => o.Id == orderId && o.CustomerId == who.CustomerId)
            .Select(o => new { o.Occasion, o.RecipientId, o.RecipientName, o.FulfilmentDate, o.Budget, o.Subtotal }).FirstOrDefaultAsync(ct);
        if (order is null || Occasion.TypeOfTag(order.Occasion) is not { } type) return null;
        // A recipient removed since cannot be remembered for.
        if (order.RecipientId is { } r && !await db.Recipients.AnyAsync(x => x.Id == r && x.CustomerId == who.CustomerId, ct)) return null;
        var rule = Occasion.HolidayRule(type) ?? DateRule.Fixed(order.FulfilmentDate.Month, order.FulfilmentDate.Day);
        var holiday = Occasion.HolidayRule(type) is not null;
        var budget = Math.Min(order.Budget ?? order.Subtotal, OccasionLimits.MaxBudget);
        var input = new OccasionInput(type, order.RecipientId, null, holiday ? null : rule.Month, holiday ? null : rule.Day, null, budget > 0 ? budget : null);
        return (input, rule, order.RecipientName);
    }
}
