namespace Rapport.Core.Businesses;

/// <summary>A business hosted on Rapport: the tenant every business-owned row belongs to.</summary>
public sealed class Business
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    /// <summary>URL name, e.g. <c>bloom</c> in <c>/shop/bloom</c>.</summary>
    public required string Slug { get; set; }
    /// <summary>IANA time zone id; cutoffs and delivery windows are local to it.</summary>
    public string TimeZone { get; set; } = "America/Chicago";
    public string Currency { get; set; } = "USD";
    /// <summary>Country calling code used for phone numbers typed without one.</summary>
    public string DefaultCallingCode { get; set; } = "1";
    public DateTime CreatedAt { get; init; } = DateTime.UtcNow;
}
