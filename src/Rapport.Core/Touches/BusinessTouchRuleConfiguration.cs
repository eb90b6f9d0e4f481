using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Rapport.Core.Touches;

internal sealed class BusinessTouchRuleConfiguration : IEntityTypeConfiguration<BusinessTouchRule>
{
    public void Configure(EntityTypeBuilder<BusinessTouchRule> b)
    {
        b.Property(x => x.Title).HasMaxLength(TouchRuleLimits.Title);
        b.Property(x => x.Trigger).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Action).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Audience).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Subject).HasMaxLength(TouchRuleLimits.Subject);
        b.Property(x => x.Body).HasMaxLength(TouchRuleLimits.Body);
        b.Property(x => x.CreatedBy).HasMaxLength(120);
        // Placing an order reads the active rules of its trigger.
        b.HasIndex(x => new { x.BusinessId, x.Active, x.Trigger });
    }
}
