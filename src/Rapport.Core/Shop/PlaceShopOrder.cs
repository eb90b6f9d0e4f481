using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Common;
using Rapport.Core.Data;
using Rapport.Core.Orders;

namespace Rapport.Core.Shop;

/// <summary>
/// A customer orders in the shop: a basket of one main item (a product and a quantity, or a designer's-choice item
/// and a budget) and any extras beside it (a vase, truffles), for a recipient or themselves, fulfilled by one of the options offered, paid with a card on file. It goes
/// through <see cref="PlaceOrder"/> like every other channel, as a web order, and is confirmed by e-mail.
/// </summary>
public static class PlaceShopOrder
{
    public sealed record Command(
        Guid? ItemId, int? Quantity, decimal? Budget, Guid? RecipientId, string? Occasion,
        PlaceOrder.FulfilmentInput? Fulfilment, Guid? PaymentMethodId, string? CardMessage,
        IReadOnlyList<PlaceOrder.LineInput>? Extras = null)
    {
        /// <summary>The order's lines as <see cref="PlaceOrder"/> numbers them: the main item first unless sold by budget, then the extras.</summary>
        public static int FirstExtraLine(bool mainByBudget) => mainByBudget ? 0 : 1;
    }

    public static async Task<Result<PlaceOrder.Placed>> HandleAsync(
        RapportDb db, ShopCustomer who, string? idempotencyKey, Command command, OrderDesk desk, TimeProvider time, CancellationToken ct,
        Func<Guid, string>? orderLink = null)
    {
        // Another customer's recipient or card does not exist, as far as this customer can tell.
        if (command.RecipientId is { } recipientId && !await db.Recipients.AnyAsync(r => r.Id == recipientId && r.CustomerId == who.CustomerId, ct))
            return Failure.NotFound("Recipient");
        if (command.PaymentMethodId is { } cardId && !await db.PaymentMethods.AnyAsync(p => p.Id == cardId && p.CustomerId == who.CustomerId, ct))
            return Failure.NotFound("Card");

        var v = new Validator();
        // The form carries its key; without one a double click could order twice.
        if (string.IsNullOrWhiteSpace(idempotencyKey)) v.Add("Idempotency-Key", "This form has expired. Check your orders, then order again.");
        var item = command.ItemId is { } itemId ? await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == itemId && p.Active, ct) : null;
        if (item is null) v.Add("itemId", "Choose what to send.");
        else if (item.IsDesignersChoice)
        {
            if (command.Budget is null) v.Add("budget", "Give your budget.");
            else if (item.MinimumBudget is { } minimum && command.Budget < minimum)
                v.Add("budget", $"{item.Name} starts at {minimum.ToString("0.00", CultureInfo.InvariantCulture)}.");
        }
        if (command.PaymentMethodId is null) v.Add("paymentMethodId", "Choose a card to pay with, or add one.");
        if (!v.IsValid) return v.ToFailure();

        // Extras the customer left at 0 are not in the basket.
        var extras = (command.Extras ?? []).Where(e => e.Quantity is not 0).ToList();
        List<PlaceOrder.LineInput?> lines = item!.IsDesignersChoice ? [] : [new PlaceOrder.LineInput(item.Id, command.Quantity ?? 1)];
        lines.AddRange(extras);
        var order = new PlaceOrder.Command(
            null, command.RecipientId, null, command.Occasion,
            item.IsDesignersChoice ? command.Budget : null,
            lines.Count == 0 ? null : lines,
            command.Fulfilment, command.PaymentMethodId, command.CardMessage, OrderChannel.Web);
        var placed = await PlaceOrder.HandleAsync(db, who.Orderer, idempotencyKey, order, desk, time, ct);
        // The confirmation goes out once per order, a replayed submission included.
        if (placed.Succeeded) await OrderConfirmation.QueueAsync(db, who, placed.Value.Id, orderLink, time, ct);
        return placed;
    }
}
