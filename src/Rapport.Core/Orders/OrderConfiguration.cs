using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Core.Customers;

namespace Rapport.Core.Orders;

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> b)
    {
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Channel).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Fulfilment).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.RecipientName).HasMaxLength(CustomerLimits.Name);
        b.Property(x => x.RecipientPhone).HasMaxLength(40);
        b.Property(x => x.Occasion).HasMaxLength(OrderLimits.Occasion);
        b.Property(x => x.CardMessage).HasMaxLength(OrderLimits.CardMessage);
        b.Property(x => x.Promise).HasMaxLength(300);
        b.Property(x => x.FailureReason).HasMaxLength(OrderLimits.Reason);
        b.OwnsOne(x => x.DeliveryAddress, AddressMapping.Map);
        b.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId);
        b.HasMany(x => x.Lines).WithOne().HasForeignKey(x => x.OrderId);
        b.HasMany(x => x.History).WithOne().HasForeignKey(x => x.OrderId);
        b.Ignore(x => x.IsOpen);
        b.Ignore(x => x.OnTime);
        b.HasIndex(x => new { x.BusinessId, x.Number }).IsUnique();
        b.HasIndex(x => new { x.CustomerId, x.PlacedAt });
        b.HasIndex(x => new { x.BusinessId, x.FulfilmentDate, x.Status });
    }
}

internal sealed class OrderLineConfiguration : IEntityTypeConfiguration<OrderLine>
{
    public void Configure(EntityTypeBuilder<OrderLine> b) => b.Property(x => x.Description).HasMaxLength(200);
}

internal sealed class OrderStatusChangeConfiguration : IEntityTypeConfiguration<OrderStatusChange>
{
    public void Configure(EntityTypeBuilder<OrderStatusChange> b)
    {
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.StaffName).HasMaxLength(120);
        b.Property(x => x.Reason).HasMaxLength(OrderLimits.Reason);
    }
}

internal sealed class TurnedAwayConfiguration : IEntityTypeConfiguration<TurnedAway>
{
    public void Configure(EntityTypeBuilder<TurnedAway> b)
    {
        b.ToTable("TurnedAway");
        b.Property(x => x.Channel).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Reason).HasMaxLength(OrderLimits.Reason);
        b.Property(x => x.StaffName).HasMaxLength(120);
        b.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId);
        b.HasIndex(x => new { x.BusinessId, x.At });
    }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> b)
    {
        b.Property(x => x.Caller).HasMaxLength(60);
        b.Property(x => x.Key).HasMaxLength(OrderLimits.IdempotencyKey);
        b.Property(x => x.RequestHash).HasMaxLength(64);
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.ResponseLocation).HasMaxLength(300);
        // One answer per caller and key: a concurrent duplicate loses the insert and waits for the answer.
        b.HasIndex(x => new { x.BusinessId, x.Caller, x.Key }).IsUnique();
        b.HasIndex(x => x.CreatedAt);
    }
}

internal sealed class OrderNumberBlockConfiguration : IEntityTypeConfiguration<OrderNumberBlock>
{
    public void Configure(EntityTypeBuilder<OrderNumberBlock> b) => b.HasKey(x => x.BusinessId);
}
