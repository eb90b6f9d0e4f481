using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Rapport.Core.Businesses;

internal sealed class BusinessConfiguration : IEntityTypeConfiguration<Business>
{
    public void Configure(EntityTypeBuilder<Business> b)
    {
        b.Property(x => x.Name).HasMaxLength(120);
        b.Property(x => x.Slug).HasMaxLength(40);
        b.HasIndex(x => x.Slug).IsUnique();
        b.Property(x => x.TimeZone).HasMaxLength(64);
        b.Property(x => x.Currency).HasMaxLength(3);
        b.Property(x => x.DefaultCallingCode).HasMaxLength(4);
        b.Property(x => x.ReminderLeadDays).HasMaxLength(40);
    }
}

internal sealed class StaffMemberConfiguration : IEntityTypeConfiguration<StaffMember>
{
    public void Configure(EntityTypeBuilder<StaffMember> b)
    {
        b.ToTable("Staff");
        b.Property(x => x.DisplayName).HasMaxLength(120);
        b.Property(x => x.Role).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(x => x.BusinessId);
        b.HasOne<Business>().WithMany().HasForeignKey(x => x.BusinessId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StaffSessionConfiguration : IEntityTypeConfiguration<StaffSession>
{
    public void Configure(EntityTypeBuilder<StaffSession> b)
    {
        b.HasIndex(x => new { x.StaffId, x.EndedAt });
        b.HasOne<StaffMember>().WithMany().HasForeignKey(x => x.StaffId).OnDelete(DeleteBehavior.Cascade);
    }
}
