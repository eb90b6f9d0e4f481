using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Core.Customers;

namespace Rapport.Core.Timeline;

internal sealed class InteractionConfiguration : IEntityTypeConfiguration<Interaction>
{
    public const int SummaryLength = 2000;

    public void Configure(EntityTypeBuilder<Interaction> b)
    {
        b.Property(x => x.Channel).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Direction).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Tone).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.StaffRole).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Summary).HasMaxLength(SummaryLength);
        b.Property(x => x.StaffName).HasMaxLength(120);
        b.Property(x => x.Competitor).HasMaxLength(LogInteraction.CompetitorLength);
        b.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId);
        // The timeline reads newest first, a page at a time.
        b.HasIndex(x => new { x.CustomerId, x.OccurredAt, x.Id }).IsDescending(false, true, true);
        // The home page reads the business's latest contacts and counts the last week's.
        b.HasIndex(x => new { x.BusinessId, x.OccurredAt });
    }
}
