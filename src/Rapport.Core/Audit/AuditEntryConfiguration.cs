using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Rapport.Core.Audit;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(x => x.Entity).HasMaxLength(40);
        b.Property(x => x.Action).HasMaxLength(40);
        b.Property(x => x.ActorName).HasMaxLength(120);
        b.HasIndex(x => new { x.BusinessId, x.Entity, x.EntityId });
    }
}
