using Rapport.Core.Customers;
using Rapport.Core.Data;

namespace Rapport.Core.Shop;

/// <summary>
/// A customer's own sign-in to the business's online shop. Accounts belong to one business and one
/// customer, and reach nothing but that customer's recipients, cards and orders.
/// </summary>
public sealed class ShopAccount : IBusinessOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid BusinessId { get; set; }
    public Guid CustomerId { get; set; }
    public required string Email { get; set; }
    public required string NormalizedEmail { get; set; }
    public string PasswordHash { get; set; } = "";
    public int FailedSignIns { get; set; }
    public DateTime? LockedUntil { get; set; }
    public DateTime CreatedAt { get; init; } = DateTime.UtcNow;
    public DateTime? LastSignInAt { get; set; }
}

internal sealed class ShopAccountConfiguration : Microsoft.EntityFrameworkCore.IEntityTypeConfiguration<ShopAccount>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<ShopAccount> b)
    {
        b.Property(x => x.Email).HasMaxLength(254);
        b.Property(x => x.NormalizedEmail).HasMaxLength(254);
        b.Property(x => x.PasswordHash).HasMaxLength(200);
        b.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId);
        b.HasIndex(x => new { x.BusinessId, x.NormalizedEmail }).IsUnique();
    }
}
