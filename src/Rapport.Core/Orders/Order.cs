using Rapport.Core.Customers;
using Rapport.Core.Data;

namespace Rapport.Core.Orders;

public enum OrderStatus { Placed, Confirmed, InProduction, OutForDelivery, Delivered, Failed, Cancelled }

/// <summary>How the order reached us; every channel goes through the same rules.</summary>
public enum OrderChannel { Phone, Web, WalkIn, Standing }

/// <summary>How the order gets to the recipient.</summary>
public enum FulfilmentKind { Delivery, Pickup, Partner }

/// <summary>An order: what, for whom, when it is promised, and every step it has taken since.</summary>
public sealed class Order : IBusinessOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid BusinessId { get; set; }
    /// <summary>The number people read out on the phone.</summary>
    public long Number { get; set; }
    public Guid CustomerId { get; set; }
    public Guid? RecipientId { get; set; }
    /// <summary>Who receives it and where, as they were when ordered.</summary>
    public string? RecipientName { get; set; }
    public string? RecipientPhone { get; set; }
    public PostalAddress? DeliveryAddress { get; set; }
    public string? Occasion { get; set; }
    public string? CardMessage { get; set; }
    public OrderChannel Channel { get; set; }

    public FulfilmentKind Fulfilment { get; set; }
    public DateOnly FulfilmentDate { get; set; }
    public Guid? LocationId { get; set; }
    public Guid? WindowId { get; set; }
    public Guid? PartnerId { get; set; }
    /// <summary>Booked from a window's loyalty reserve.</summary>
    public bool FromLoyaltyReserve { get; set; }
    public DateTime? PromisedFrom { get; set; }
    public DateTime? PromisedBy { get; set; }
    /// <summary>The promise in plain words, e.g. "Delivered Sat 14 Feb 15:00–18:00 by Bloom &amp; Stem Downtown".</summary>
    public string Promise { get; set; } = "";

    /// <summary>The designer's-choice budget, when the order is sold by budget.</summary>
    public decimal? Budget { get; set; }
    public decimal Subtotal { get; set; }
    public decimal DeliveryFee { get; set; }
    public decimal Total { get; set; }
    public Guid? PaymentMethodId { get; set; }

    public OrderStatus Status { get; set; } = OrderStatus.Placed;
    public DateTime PlacedAt { get; set; }
    public Guid? PlacedByStaffId { get; set; }
    public Guid? PlacedByAccountId { get; set; }
    public DateTime? DeliveredAt { get; set; }
    public string? FailureReason { get; set; }
    public DateTime UpdatedAt { get; set; }

    public List<OrderLine> Lines { get; init; } = [];
    public List<OrderStatusChange> History { get; init; } = [];

    public bool IsOpen => Status is not (OrderStatus.Delivered or OrderStatus.Failed or OrderStatus.Cancelled);
    /// <summary>Delivered within the promised window; null until delivered or without a window.</summary>
    public bool? OnTime => DeliveredAt is { } at && PromisedBy is { } by ? at <= by : null;
}

public sealed class OrderLine : IBusinessOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid BusinessId { get; set; }
    public Guid OrderId { get; set; }
    public Guid? ProductId { get; set; }
    public required string Description { get; set; }
    public int Quantity { get; set; }
    public decimal UnitPrice { get; set; }
    public decimal Total { get; set; }
}

/// <summary>One step of an order's life, with when and who.</summary>
public sealed class OrderStatusChange : IBusinessOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid BusinessId { get; set; }
    public Guid OrderId { get; set; }
    public OrderStatus Status { get; set; }
    public DateTime At { get; set; }
    public Guid? StaffId { get; set; }
    public string? StaffName { get; set; }
    public string? Reason { get; set; }
}

/// <summary>
/// A customer we could not serve: every option was offered and declined. Counted per day so the owner
/// sees who was turned away, and shown on the customer's timeline.
/// </summary>
public sealed class TurnedAway : IBusinessOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid BusinessId { get; set; }
    public Guid CustomerId { get; set; }
    public DateOnly RequestedDate { get; set; }
    public DateTime At { get; set; }
    public OrderChannel Channel { get; set; }
    public int OptionsOffered { get; set; }
    public string? Reason { get; set; }
    public Guid? StaffId { get; set; }
    public string? StaffName { get; set; }
}

public enum IdempotencyState { Running, Completed }

/// <summary>
/// The answer to an order submission under its <c>Idempotency-Key</c>, scoped to the caller, so a
/// retried request gets the first answer instead of a second order.
/// </summary>
public sealed class IdempotencyRecord : IBusinessOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid BusinessId { get; set; }
    /// <summary>"staff:{id}" or "account:{id}".</summary>
    public required string Caller { get; set; }
    public required string Key { get; set; }
    /// <summary>SHA-256 of the request body, to tell a retry from a different request under the same key.</summary>
    public required string RequestHash { get; set; }
    public IdempotencyState State { get; set; }
    public int? StatusCode { get; set; }
    public string? ResponseBody { get; set; }
    public string? ResponseLocation { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
}

/// <summary>The next block of order numbers a node may hand out (hi/lo), one row per business.</summary>
public sealed class OrderNumberBlock
{
    public Guid BusinessId { get; set; }
    public long Next { get; set; }
}

public static class OrderLimits
{
    public const int CardMessage = 500;
    public const int Occasion = 60;
    public const int Reason = 500;
    public const int IdempotencyKey = 100;
    public const int MaxLines = 50;
    public const int MaxQuantity = 999;
    public const decimal MaxAmount = 1_000_000m;
}
