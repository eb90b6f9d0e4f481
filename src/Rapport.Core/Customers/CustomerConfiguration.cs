using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Rapport.Core.Customers;

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> b)
    {
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Name).HasMaxLength(CustomerLimits.Name);
        b.Property(x => x.SearchName).HasMaxLength(CustomerLimits.Name);
        // Search and the alphabetical list walk this index in order.
        b.HasIndex(x => new { x.BusinessId, x.SearchName, x.Id });
        b.OwnsOne(x => x.Preferences, p =>
        {
            p.Property(x => x.StandingBudget).HasColumnName("StandingBudget");
            p.Property(x => x.Likes).HasColumnName("Likes").HasMaxLength(CustomerLimits.Text);
            p.Property(x => x.Notes).HasColumnName("Notes").HasMaxLength(CustomerLimits.Text);
            p.Property(x => x.InternalNotes).HasColumnName("InternalNotes").HasMaxLength(CustomerLimits.Text);
        });
        b.Navigation(x => x.Preferences).IsRequired();
        b.HasMany(x => x.ContactPoints).WithOne().HasForeignKey(x => x.CustomerId);
        b.HasMany(x => x.Addresses).WithOne().HasForeignKey(x => x.CustomerId);
        b.HasMany(x => x.Recipients).WithOne().HasForeignKey(x => x.CustomerId);
        b.HasMany(x => x.PaymentMethods).WithOne().HasForeignKey(x => x.CustomerId);
        b.HasMany(x => x.Stakeholders).WithOne().HasForeignKey(x => x.CustomerId);
        b.Ignore(x => x.PrimaryPhone);
        b.Ignore(x => x.PrimaryEmail);
    }
}

internal sealed class ContactPointConfiguration : IEntityTypeConfiguration<ContactPoint>
{
    public void Configure(EntityTypeBuilder<ContactPoint> b)
    {
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(8);
        b.Property(x => x.Value).HasMaxLength(254);
        b.Property(x => x.Normalized).HasMaxLength(254);
        b.Property(x => x.Label).HasMaxLength(40);
        b.HasIndex(x => new { x.BusinessId, x.Kind, x.Normalized });
    }
}

internal static class AddressMapping
{
    public static void Map<T>(OwnedNavigationBuilder<T, PostalAddress> a) where T : class
    {
        a.Property(x => x.Line1).HasMaxLength(CustomerLimits.AddressLine);
        a.Property(x => x.Line2).HasMaxLength(CustomerLimits.AddressLine);
        a.Property(x => x.City).HasMaxLength(80);
        a.Property(x => x.Region).HasMaxLength(80);
        a.Property(x => x.PostalCode).HasMaxLength(16);
        a.Property(x => x.Country).HasMaxLength(2);
    }
}

internal sealed class CustomerAddressConfiguration : IEntityTypeConfiguration<CustomerAddress>
{
    public void Configure(EntityTypeBuilder<CustomerAddress> b)
    {
        b.Property(x => x.Label).HasMaxLength(40);
        b.OwnsOne(x => x.Address, AddressMapping.Map);
        b.Navigation(x => x.Address).IsRequired();
    }
}

internal sealed class RecipientConfiguration : IEntityTypeConfiguration<Recipient>
{
    public void Configure(EntityTypeBuilder<Recipient> b)
    {
        b.Property(x => x.Name).HasMaxLength(CustomerLimits.Name);
        b.Property(x => x.Relationship).HasMaxLength(60);
        b.Property(x => x.Phone).HasMaxLength(40);
        b.OwnsOne(x => x.Address, AddressMapping.Map);
    }
}

internal sealed class PaymentMethodConfiguration : IEntityTypeConfiguration<PaymentMethod>
{
    public void Configure(EntityTypeBuilder<PaymentMethod> b)
    {
        b.Property(x => x.Provider).HasMaxLength(40);
        b.Property(x => x.Token).HasMaxLength(200);
        b.Property(x => x.Brand).HasMaxLength(20);
        b.Property(x => x.Last4).HasMaxLength(4).IsFixedLength();
    }
}

internal sealed class StakeholderConfiguration : IEntityTypeConfiguration<Stakeholder>
{
    public void Configure(EntityTypeBuilder<Stakeholder> b)
    {
        b.Property(x => x.Name).HasMaxLength(CustomerLimits.Name);
        b.Property(x => x.Title).HasMaxLength(100);
        b.Property(x => x.Role).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.Email).HasMaxLength(254);
        b.Property(x => x.Phone).HasMaxLength(40);
    }
}
