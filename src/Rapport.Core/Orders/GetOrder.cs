using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Customers;
using Rapport.Core.Data;

namespace Rapport.Core.Orders;

/// <summary>One order whole, as the actor may see it: delivery staff only their own stops' orders, without payment.</summary>
public static class GetOrder
{
    public static async Task<Result<OrderView>> HandleAsync(RapportDb db, Actor actor, Guid id, CancellationToken ct)
    {
        var order = await db.VisibleOrders(actor).AsNoTracking()
            .Include(o => o.Lines).Include(o => o.History)
            .FirstOrDefaultAsync(o => o.Id == id, ct);
        if (order is null) return Failure.NotFound("Order");

        var customerName = await db.Customers.Where(c => c.Id == order.CustomerId).Select(c => c.Name).FirstOrDefaultAsync(ct);
        var locationName = order.LocationId is { } locationId
            ? await db.Locations.Where(l => l.Id == locationId).Select(l => l.Name).FirstOrDefaultAsync(ct)
            : null;
        var partnerName = order.PartnerId is { } partnerId
            ? await db.Partners.Where(p => p.Id == partnerId).Select(p => p.Name).FirstOrDefaultAsync(ct)
            : null;
        var payment = order.PaymentMethodId is { } paymentId && actor.Role.SeesPaymentMethods()
            ? await db.PaymentMethods.Where(p => p.Id == paymentId).Select(p => new PaymentView(p.Brand, p.Last4)).FirstOrDefaultAsync(ct)
            : null;
        var currency = await db.Businesses.Where(b => b.Id == actor.BusinessId).Select(b => b.Currency).FirstAsync(ct);

        return new OrderView(
            order.Id, order.Number, order.Status, order.Channel, order.PlacedAt,
            new OrderCustomerView(order.CustomerId, customerName),
            new OrderRecipientView(order.RecipientId, order.RecipientName, order.RecipientPhone),
            AddressView.Of(order.DeliveryAddress),
            order.Occasion, order.CardMessage,
            order.Lines.OrderBy(l => l.Id).Select(l => new OrderLineView(l.Id, l.ProductId, l.Description, l.Quantity, l.UnitPrice, l.Total)).ToList(),
            new FulfilmentView(order.Fulfilment, order.FulfilmentDate, order.LocationId, locationName, order.WindowId,
                order.PartnerId, partnerName, order.FromLoyaltyReserve, order.PromisedFrom, order.PromisedBy, order.Promise),
            new TotalsView(order.Budget, order.Subtotal, order.DeliveryFee, order.Total, currency),
            payment,
            order.History.OrderBy(h => h.At).ThenBy(h => h.Id).Select(OrderStepView.Of).ToList(),
            order.DeliveredAt, order.FailureReason, order.OnTime);
    }
}
