using Rapport.Core.Customers;

namespace Rapport.Core.Orders;

/// <summary>An order in a list: enough to recognise it and see where it stands.</summary>
public sealed record OrderSummary(
    Guid Id, long Number, Guid CustomerId, string? CustomerName, string? RecipientName,
    OrderStatus Status, FulfilmentKind Fulfilment, DateOnly Date, string Promise, decimal Total,
    DateTime PlacedAt, bool? OnTime);

public sealed record OrderCustomerView(Guid Id, string? Name);

public sealed record OrderRecipientView(Guid? Id, string? Name, string? Phone);

public sealed record OrderLineView(Guid Id, Guid? ProductId, string Description, int Quantity, decimal UnitPrice, decimal Total);

/// <summary>How the order reaches the recipient and what was promised.</summary>
public sealed record FulfilmentView(
    FulfilmentKind Kind, DateOnly Date,
    Guid? LocationId, string? LocationName, Guid? WindowId, Guid? PartnerId, string? PartnerName,
    bool FromLoyaltyReserve, DateTime? PromisedFrom, DateTime? PromisedBy, string Promise);

public sealed record TotalsView(decimal? Budget, decimal Subtotal, decimal DeliveryFee, decimal Total, string Currency);

/// <summary>The card on file as a person recognises it; never the token.</summary>
public sealed record PaymentView(string Brand, string Last4);

public sealed record OrderStepView(OrderStatus Status, DateTime At, Guid? StaffId, string? StaffName, string? Reason)
{
    public static OrderStepView Of(OrderStatusChange c) => new(c.Status, c.At, c.StaffId, c.StaffName, c.Reason);
}

/// <summary>
/// One order whole: lines, recipient, address, occasion, card message, fulfilment and promise, totals, how it
/// is paid, and every step it took. <see cref="Payment"/> is null (and left out) for delivery staff.
/// </summary>
public sealed record OrderView(
    Guid Id,
    long Number,
    OrderStatus Status,
    OrderChannel Channel,
    DateTime PlacedAt,
    OrderCustomerView Customer,
    OrderRecipientView Recipient,
    AddressView? Address,
    string? Occasion,
    string? CardMessage,
    IReadOnlyList<OrderLineView> Lines,
    FulfilmentView Fulfilment,
    TotalsView Totals,
    PaymentView? Payment,
    IReadOnlyList<OrderStepView> History,
    DateTime? DeliveredAt,
    string? FailureReason,
    bool? OnTime);
