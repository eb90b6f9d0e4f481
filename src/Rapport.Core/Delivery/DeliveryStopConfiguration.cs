using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Core.Customers;

namespace Rapport.Core.Delivery;

internal sealed class DeliveryStopConfiguration : IEntityTypeConfiguration<DeliveryStop>
{
    public void Configure(EntityTypeBuilder<DeliveryStop> b)
    {
        b.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId);
        b.HasIndex(x => new { x.DriverId, x.CustomerId });
        b.HasIndex(x => new { x.DriverId, x.RecipientId });
    }
}
