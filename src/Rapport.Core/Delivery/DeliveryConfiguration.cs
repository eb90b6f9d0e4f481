using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Core.Customers;

namespace Rapport.Core.Delivery;

internal sealed class LocationConfiguration : IEntityTypeConfiguration<Location>
{
    public void Configure(EntityTypeBuilder<Location> b)
    {
        b.Property(x => x.Name).HasMaxLength(DeliveryLimits.Name);
        b.Property(x => x.Phone).HasMaxLength(40);
        b.Property(x => x.TimeZone).HasMaxLength(DeliveryLimits.TimeZone);
        b.OwnsOne(x => x.Address, AddressMapping.Map);
        b.Navigation(x => x.Address).IsRequired();
        b.HasMany(x => x.Zones).WithOne().HasForeignKey(x => x.LocationId);
        b.HasMany(x => x.WeeklyWindows).WithOne().HasForeignKey(x => x.LocationId);
    }
}

internal sealed class DeliveryZoneConfiguration : IEntityTypeConfiguration<DeliveryZone>
{
    public void Configure(EntityTypeBuilder<DeliveryZone> b)
    {
        b.Property(x => x.PostalCode).HasMaxLength(DeliveryLimits.PostalCode);
        b.HasIndex(x => new { x.LocationId, x.PostalCode }).IsUnique();
        b.HasIndex(x => new { x.BusinessId, x.PostalCode });
    }
}

internal sealed class WindowTemplateConfiguration : IEntityTypeConfiguration<WindowTemplate>
{
    public void Configure(EntityTypeBuilder<WindowTemplate> b)
    {
        b.HasIndex(x => new { x.LocationId, x.Weekday, x.Start }).IsUnique();
    }
}

internal sealed class DeliveryWindowConfiguration : IEntityTypeConfiguration<DeliveryWindow>
{
    public void Configure(EntityTypeBuilder<DeliveryWindow> b)
    {
        b.HasOne<Location>().WithMany().HasForeignKey(x => x.LocationId);
        // One window per location, date and start: making a date's windows twice at once cannot duplicate them.
        b.HasIndex(x => new { x.LocationId, x.Date, x.Start }).IsUnique();
        b.HasIndex(x => new { x.BusinessId, x.Date });
        // The database itself refuses an overbooked window, whatever the code above it does.
        b.ToTable(t => t.HasCheckConstraint("CK_DeliveryWindows_Booked",
            "\"Booked\" >= 0 AND \"Booked\" <= \"Capacity\" AND \"LoyaltyReserve\" >= 0 AND \"LoyaltyReserve\" <= \"Capacity\""));
    }
}

internal sealed class BlockedDateConfiguration : IEntityTypeConfiguration<BlockedDate>
{
    public void Configure(EntityTypeBuilder<BlockedDate> b)
    {
        b.Property(x => x.Reason).HasMaxLength(DeliveryLimits.Reason);
        b.HasIndex(x => new { x.BusinessId, x.Date });
    }
}

internal sealed class PartnerConfiguration : IEntityTypeConfiguration<Partner>
{
    public void Configure(EntityTypeBuilder<Partner> b)
    {
        b.Property(x => x.Name).HasMaxLength(DeliveryLimits.Name);
        b.Property(x => x.ContactName).HasMaxLength(DeliveryLimits.Name);
        b.Property(x => x.Phone).HasMaxLength(40);
        b.Property(x => x.Email).HasMaxLength(254);
    }
}

internal sealed class PartnerDayConfiguration : IEntityTypeConfiguration<PartnerDay>
{
    public void Configure(EntityTypeBuilder<PartnerDay> b)
    {
        b.HasOne<Partner>().WithMany().HasForeignKey(x => x.PartnerId);
        b.HasIndex(x => new { x.PartnerId, x.Date }).IsUnique();
        b.ToTable(t => t.HasCheckConstraint("CK_PartnerDays_Booked", "\"Booked\" >= 0 AND \"Booked\" <= \"Capacity\""));
    }
}

internal sealed class DeliveryStopConfiguration : IEntityTypeConfiguration<DeliveryStop>
{
    public void Configure(EntityTypeBuilder<DeliveryStop> b)
    {
        b.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId);
        b.HasIndex(x => new { x.DriverId, x.CustomerId });
        b.HasIndex(x => new { x.DriverId, x.RecipientId });
        // The run sheet reads a day's stops.
        b.HasIndex(x => new { x.BusinessId, x.Date, x.DriverId });
        b.HasIndex(x => x.OrderId).IsUnique();
    }
}
