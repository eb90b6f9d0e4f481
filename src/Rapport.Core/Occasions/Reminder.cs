using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Core.Customers;
using Rapport.Core.Data;

namespace Rapport.Core.Occasions;

public enum ReminderChannel { Email, CallTask }

/// <summary>
/// A reminder that went out for one occasion's date at one lead time. Unique on those three, so that two
/// processes, a re-run or a restart never remind twice.
/// </summary>
public sealed class Reminder : IBusinessOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid BusinessId { get; set; }
    public Guid OccasionId { get; set; }
    public Guid CustomerId { get; set; }
    /// <summary>The day of the occasion this reminder is for (its year's date).</summary>
    public DateOnly OccasionDate { get; set; }
    public int LeadDays { get; set; }
    public ReminderChannel Channel { get; set; }
    public DateTime SentAt { get; set; }
    public Guid? ReorderLinkId { get; set; }
}

/// <summary>
/// A one-click reorder link for one customer and one occasion's date. Only a hash of its token is kept; it is
/// used once (a conditional update), and expires at the end of the occasion's day.
/// </summary>
public sealed class ReorderLink : IBusinessOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid BusinessId { get; set; }
    public Guid CustomerId { get; set; }
    public Guid OccasionId { get; set; }
    public DateOnly OccasionDate { get; set; }
    public required string TokenHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? UsedAt { get; set; }
    public Guid? OrderId { get; set; }

    /// <summary>A new link and the token that goes in the e-mail (256 random bits, URL-safe).</summary>
    public static (ReorderLink Link, string Token) Create(Guid customerId, Guid occasionId, DateOnly date, DateTime now, DateTime expiresAt)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (new ReorderLink
        {
            CustomerId = customerId, OccasionId = occasionId, OccasionDate = date, TokenHash = Hash(token),
            CreatedAt = now, ExpiresAt = expiresAt,
        }, token);
    }

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

internal sealed class ReminderConfiguration : IEntityTypeConfiguration<Reminder>
{
    public void Configure(EntityTypeBuilder<Reminder> b)
    {
        b.Property(x => x.Channel).HasConversion<string>().HasMaxLength(16);
        b.HasOne<Occasion>().WithMany().HasForeignKey(x => x.OccasionId);
        b.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId);
        b.HasIndex(x => new { x.OccasionId, x.OccasionDate, x.LeadDays }).IsUnique();
        b.HasIndex(x => new { x.BusinessId, x.SentAt });
    }
}

internal sealed class ReorderLinkConfiguration : IEntityTypeConfiguration<ReorderLink>
{
    public void Configure(EntityTypeBuilder<ReorderLink> b)
    {
        b.Property(x => x.TokenHash).HasMaxLength(64);
        b.HasOne<Occasion>().WithMany().HasForeignKey(x => x.OccasionId);
        b.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId);
        b.HasIndex(x => x.TokenHash).IsUnique();
    }
}
