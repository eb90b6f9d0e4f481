using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Core.Customers;
using Rapport.Core.Data;
using Rapport.Core.Orders;
using Rapport.Core.Sales;

namespace Rapport.Core.Concessions;

/// <summary>What was given away: the kinds the ledger knows.</summary>
public enum ConcessionKind
{
    Discount,
    /// <summary>A free service or call-out.</summary>
    FreeService,
    WaivedFee,
    FreeUpgrade,
    FreeDelivery,
    ExtraItems,
    SkippedPriceIncrease,
    ExtendedTerms,
    Other,
}

/// <summary>Granted (given), awaiting a manager's approval (not given yet), or refused (never given).</summary>
public enum ConcessionStatus { Granted, AwaitingApproval, Refused }

/// <summary>
/// One concession on the ledger, at its list value: what the customer would have paid for what they got for free.
/// Above the granter's limit it waits for an owner's or manager's approval and is not given until approved.
/// </summary>
public sealed class Concession : IBusinessOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid BusinessId { get; set; }
    public Guid CustomerId { get; set; }
    public ConcessionKind Kind { get; set; }
    /// <summary>The list value in the business's currency, zero or more.</summary>
    public decimal ListValue { get; set; }
    /// <summary>The order it belongs to, if any (one of the customer's).</summary>
    public Guid? OrderId { get; set; }
    /// <summary>The deal it belongs to, if any (one of the customer's).</summary>
    public Guid? DealId { get; set; }
    public Guid GrantedById { get; set; }
    public required string GrantedByName { get; set; }
    public required string Reason { get; set; }
    /// <summary>When it was granted (or asked for, while it waits).</summary>
    public DateTime GrantedAt { get; set; }
    public ConcessionStatus Status { get; set; }
    public Guid? DecidedById { get; set; }
    public string? DecidedByName { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? RefusalReason { get; set; }
    /// <summary>Changes on every decision, so two managers deciding at once cannot both win.</summary>
    public Guid Stamp { get; set; } = Guid.NewGuid();
}

public static class ConcessionLengths
{
    public const int Reason = 500;
}

internal sealed class ConcessionConfiguration : IEntityTypeConfiguration<Concession>
{
    public void Configure(EntityTypeBuilder<Concession> b)
    {
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.GrantedByName).HasMaxLength(200);
        b.Property(x => x.DecidedByName).HasMaxLength(200);
        b.Property(x => x.Reason).HasMaxLength(ConcessionLengths.Reason);
        b.Property(x => x.RefusalReason).HasMaxLength(ConcessionLengths.Reason);
        b.Property(x => x.Stamp).IsConcurrencyToken();
        b.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId);
        // The ledger outlives nothing it points at: no order or deal is deleted from under its concessions.
        b.HasOne<Order>().WithMany().HasForeignKey(x => x.OrderId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Deal>().WithMany().HasForeignKey(x => x.DealId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.BusinessId, x.GrantedAt });
        b.HasIndex(x => new { x.BusinessId, x.CustomerId, x.GrantedAt });
        b.HasIndex(x => new { x.BusinessId, x.Status, x.GrantedAt });
    }
}
