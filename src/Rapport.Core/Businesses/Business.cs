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
    /// <summary>Days before an occasion its reminders go out, e.g. "10,3".</summary>
    public string ReminderLeadDays { get; set; } = "10,3";
    /// <summary>Days before a peak day (Valentine's, Mother's Day, Christmas) the first reminder goes, so capacity is booked early.</summary>
    public int PeakReminderLeadDays { get; set; } = 21;
}
