using Rapport.Core.Businesses;
using Rapport.Core.Data;

namespace Rapport.Core.Timeline;

public enum Channel { Phone, Email, Visit, Web, Social, Delivery, Service }
public enum Direction { Inbound, Outbound }
public enum Tone { Positive, Neutral, Negative }

/// <summary>One contact anyone in the business had with a customer, with its tone: an entry on the shared timeline.</summary>
public sealed class Interaction : IBusinessOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid BusinessId { get; set; }
    public Guid CustomerId { get; set; }
    public DateTime OccurredAt { get; set; }
    public Channel Channel { get; set; }
    public Direction Direction { get; set; }
    public required string Summary { get; set; }
    public Tone Tone { get; set; }
    /// <summary>Internal entries are hidden from delivery staff.</summary>
    public bool Internal { get; set; }
    public Guid? StaffId { get; set; }
    /// <summary>The order this entry is about, when it records an order's step.</summary>
    public Guid? OrderId { get; set; }
    // Who and in which role at the time of the contact, kept as they were then.
    public string? StaffName { get; set; }
    public StaffRole? StaffRole { get; set; }
    public DateTime RecordedAt { get; init; } = DateTime.UtcNow;
    /// <summary>A competitor the customer mentioned in this contact, by name.</summary>
    public string? Competitor { get; set; }
    /// <summary>The customer's needs were confirmed in this contact (asked, not assumed).</summary>
    public bool NeedsConfirmed { get; set; }
}
