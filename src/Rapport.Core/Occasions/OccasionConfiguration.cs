using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Core.Customers;
using Rapport.Core.Shop;

namespace Rapport.Core.Occasions;

internal sealed class OccasionConfiguration : IEntityTypeConfiguration<Occasion>
{
    public void Configure(EntityTypeBuilder<Occasion> b)
    {
        b.Property(x => x.Type).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Label).HasMaxLength(OccasionLimits.Label);
        b.Property(x => x.RuleKind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Weekday).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Source).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Key).HasMaxLength(120);
        b.Property(x => x.CreatedBy).HasMaxLength(120);
        b.Property(x => x.DecidedBy).HasMaxLength(120);
        b.Ignore(x => x.Rule);
        b.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId);
        // Removing a recipient leaves their occasions on file without a recipient rather than failing.
        b.HasOne<Recipient>().WithMany().HasForeignKey(x => x.RecipientId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => new { x.BusinessId, x.Key }).IsUnique();
        b.HasIndex(x => new { x.CustomerId, x.Status });
        b.HasIndex(x => new { x.BusinessId, x.Status, x.Month });
    }
}

internal sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> b)
    {
        b.Property(x => x.TokenHash).HasMaxLength(64);
        b.HasIndex(x => x.TokenHash).IsUnique();
        b.HasOne<Businesses.StaffMember>().WithMany().HasForeignKey(x => x.StaffId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ShopAccount>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.StaffId).IsUnique();
        b.HasIndex(x => x.AccountId).IsUnique();
    }
}
