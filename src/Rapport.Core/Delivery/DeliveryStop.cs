using Rapport.Core.Data;

namespace Rapport.Core.Delivery;

/// <summary>
/// A stop on a driver's run: the order, customer and recipient a driver delivers to on a day.
/// Delivery staff see exactly the customers and recipients of their own stops.
/// </summary>
public sealed class DeliveryStop : IBusinessOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid BusinessId { get; set; }
    public Guid CustomerId { get; set; }
    public Guid? RecipientId { get; set; }
    public Guid? DriverId { get; set; }
    public DateOnly Date { get; set; }
    public Guid? OrderId { get; set; }
    public Guid? WindowId { get; set; }
    public Guid? LocationId { get; set; }
    /// <summary>Position in the driver's run within its window; managers may reorder.</summary>
    public int Sequence { get; set; }
}
