using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Core.Data;

namespace Rapport.Core.Notifications;

public enum OutboxStatus { Pending, Sent, Failed }

/// <summary>
/// An e-mail written in the same transaction as the event that causes it, so that it is sent exactly when
/// the event happened; a worker sends it afterwards and retries with backoff.
/// </summary>
public sealed class OutboxMessage : IBusinessOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid BusinessId { get; set; }
    /// <summary>Unique per business: the same event queued twice is one message.</summary>
    public required string DedupeKey { get; set; }
    public Guid? CustomerId { get; set; }
    public required string To { get; set; }
    public string? ToName { get; set; }
    public required string Subject { get; set; }
    public required string TextBody { get; set; }
    public string? HtmlBody { get; set; }
    public DateTime CreatedAt { get; set; }
    public OutboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? SentAt { get; set; }
    public string? LastError { get; set; }
}

public static class OutboxLimits
{
    public const int Address = 320;
    public const int Subject = 300;
    public const int Key = 200;
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("Outbox");
        b.Property(x => x.DedupeKey).HasMaxLength(OutboxLimits.Key);
        b.Property(x => x.To).HasMaxLength(OutboxLimits.Address);
        b.Property(x => x.ToName).HasMaxLength(200);
        b.Property(x => x.Subject).HasMaxLength(OutboxLimits.Subject);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.LastError).HasMaxLength(1000);
        b.HasIndex(x => new { x.BusinessId, x.DedupeKey }).IsUnique();
        b.HasIndex(x => new { x.Status, x.NextAttemptAt });
    }
}
