using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Rapport.Core.Catalog;

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> b)
    {
        b.Property(x => x.Name).HasMaxLength(ProductLimits.Name);
        b.Property(x => x.Category).HasMaxLength(ProductLimits.Category);
        b.Property(x => x.Description).HasMaxLength(ProductLimits.Description);
        b.Property(x => x.PictureUrl).HasMaxLength(ProductLimits.PictureUrl);
        // The shop lists active products by category and name.
        b.HasIndex(x => new { x.BusinessId, x.Active, x.Category, x.Name });
    }
}
