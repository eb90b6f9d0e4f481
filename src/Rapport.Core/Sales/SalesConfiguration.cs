using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Core.Customers;
using Rapport.Core.Data;

namespace Rapport.Core.Sales;

internal sealed class PlaybookConfiguration : IEntityTypeConfiguration<Playbook>
{
    public void Configure(EntityTypeBuilder<Playbook> b)
    {
        b.Property(x => x.Name).HasMaxLength(SalesLimits.Name);
        b.Property(x => x.ProductLine).HasMaxLength(SalesLimits.Name);
        b.HasIndex(x => new { x.BusinessId, x.Name }).IsUnique();
    }
}

internal sealed class PlaybookVersionConfiguration : IEntityTypeConfiguration<PlaybookVersion>
{
    public void Configure(EntityTypeBuilder<PlaybookVersion> b)
    {
        b.Property(x => x.Stages).HasJsonConversion();
        b.Property(x => x.Milestones).HasJsonConversion();
        b.Property(x => x.CreatedByName).HasMaxLength(SalesLimits.Short);
        b.Ignore(x => x.Definition);
        b.HasOne<Playbook>().WithMany().HasForeignKey(x => x.PlaybookId);
        b.HasIndex(x => new { x.PlaybookId, x.Number }).IsUnique();
    }
}

internal sealed class DealConfiguration : IEntityTypeConfiguration<Deal>
{
    public void Configure(EntityTypeBuilder<Deal> b)
    {
        b.Property(x => x.Name).HasMaxLength(SalesLimits.Name);
        b.Property(x => x.Stage).HasMaxLength(SalesLimits.Stage);
        b.Property(x => x.ProductLines).HasJsonConversion();
        b.Property(x => x.Competitors).HasJsonConversion();
        b.Property(x => x.Stamp).IsConcurrencyToken();
        b.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId);
        b.HasOne<Playbook>().WithMany().HasForeignKey(x => x.PlaybookId);
        b.HasOne<PlaybookVersion>().WithMany().HasForeignKey(x => x.PlaybookVersionId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Answers).WithOne().HasForeignKey(x => x.DealId);
        b.HasMany(x => x.Committee).WithOne().HasForeignKey(x => x.DealId);
        b.HasMany(x => x.Evidence).WithOne().HasForeignKey(x => x.DealId);
        b.HasMany(x => x.StageChanges).WithOne().HasForeignKey(x => x.DealId);
        b.HasMany(x => x.Overrides).WithOne().HasForeignKey(x => x.DealId);
        b.HasMany(x => x.Milestones).WithOne().HasForeignKey(x => x.DealId);
        // The board: a business's deals by stage and by owner.
        b.HasIndex(x => new { x.BusinessId, x.Stage, x.Id });
        b.HasIndex(x => new { x.BusinessId, x.OwnerId, x.Id });
        // The board: each stage's first deals of a playbook, everyone's or one salesperson's, read straight off an index.
        b.HasIndex(x => new { x.BusinessId, x.PlaybookId, x.Stage, x.Id });
        b.HasIndex(x => new { x.BusinessId, x.PlaybookId, x.OwnerId, x.Stage, x.Id });
        b.HasIndex(x => x.CustomerId);
    }
}

internal sealed class DealAnswerConfiguration : IEntityTypeConfiguration<DealAnswer>
{
    public void Configure(EntityTypeBuilder<DealAnswer> b)
    {
        // Ids are made in code: a row added to a loaded deal's list is new, not an update of an unknown row.
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Value).HasMaxLength(SalesLimits.Answer);
        b.HasIndex(x => new { x.DealId, x.QuestionId }).IsUnique();
    }
}

internal sealed class DealStakeholderConfiguration : IEntityTypeConfiguration<DealStakeholder>
{
    public void Configure(EntityTypeBuilder<DealStakeholder> b)
    {
        // Ids are made in code: a row added to a loaded deal's list is new, not an update of an unknown row.
        b.Property(x => x.Id).ValueGeneratedNever();
        b.ToTable("DealCommittee");
        b.Property(x => x.Role).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.Strength).HasConversion<string>().HasMaxLength(16);
        b.HasOne<Stakeholder>().WithMany().HasForeignKey(x => x.StakeholderId);
        b.HasIndex(x => new { x.DealId, x.StakeholderId }).IsUnique();
    }
}

internal sealed class DealEvidenceConfiguration : IEntityTypeConfiguration<DealEvidence>
{
    public void Configure(EntityTypeBuilder<DealEvidence> b)
    {
        // Ids are made in code: a row added to a loaded deal's list is new, not an update of an unknown row.
        b.Property(x => x.Id).ValueGeneratedNever();
        b.ToTable("DealEvidence");
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.ByName).HasMaxLength(SalesLimits.Short);
        b.Property(x => x.Document).HasMaxLength(SalesLimits.Title);
        b.Property(x => x.Note).HasMaxLength(SalesLimits.Text);
        b.HasIndex(x => new { x.DealId, x.StepId });
    }
}

internal sealed class DealStageChangeConfiguration : IEntityTypeConfiguration<DealStageChange>
{
    public void Configure(EntityTypeBuilder<DealStageChange> b)
    {
        // Ids are made in code: a row added to a loaded deal's list is new, not an update of an unknown row.
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.FromStage).HasMaxLength(SalesLimits.Stage);
        b.Property(x => x.ToStage).HasMaxLength(SalesLimits.Stage);
        b.Property(x => x.ByName).HasMaxLength(SalesLimits.Short);
        b.HasIndex(x => new { x.DealId, x.At });
    }
}

internal sealed class DealOverrideConfiguration : IEntityTypeConfiguration<DealOverride>
{
    public void Configure(EntityTypeBuilder<DealOverride> b)
    {
        // Ids are made in code: a row added to a loaded deal's list is new, not an update of an unknown row.
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.FromStage).HasMaxLength(SalesLimits.Stage);
        b.Property(x => x.ToStage).HasMaxLength(SalesLimits.Stage);
        b.Property(x => x.ByName).HasMaxLength(SalesLimits.Short);
        b.Property(x => x.Reason).HasMaxLength(SalesLimits.Text);
        b.Property(x => x.MissingSteps).HasJsonConversion();
    }
}

internal sealed class DealMilestoneConfiguration : IEntityTypeConfiguration<DealMilestone>
{
    public void Configure(EntityTypeBuilder<DealMilestone> b)
    {
        // Ids are made in code: a row added to a loaded deal's list is new, not an update of an unknown row.
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Title).HasMaxLength(SalesLimits.Title);
        b.HasIndex(x => new { x.DealId, x.MilestoneId }).IsUnique();
        // The promises report and the overdue sweep read milestones by due date.
        b.HasIndex(x => new { x.BusinessId, x.DueOn });
    }
}

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> b)
    {
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Objective).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.ObjectiveText).HasMaxLength(SalesLimits.Title);
        b.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Invitees).HasJsonConversion();
        b.Property(x => x.Attendees).HasJsonConversion();
        b.Property(x => x.NextStep).HasMaxLength(SalesLimits.Title);
        b.Property(x => x.Notes).HasMaxLength(SalesLimits.Text);
        b.OwnsOne(x => x.Recording, r =>
        {
            r.Property(x => x.StoredName).HasColumnName("RecordingStoredName").HasMaxLength(80);
            r.Property(x => x.FileName).HasColumnName("RecordingFileName").HasMaxLength(SalesLimits.Title);
            r.Property(x => x.ContentType).HasColumnName("RecordingContentType").HasMaxLength(40);
            r.Property(x => x.Length).HasColumnName("RecordingLength");
            r.Property(x => x.UploadedAt).HasColumnName("RecordingUploadedAt");
            r.Property(x => x.UploadedById).HasColumnName("RecordingUploadedById");
        });
        b.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId);
        b.HasOne<Deal>().WithMany().HasForeignKey(x => x.DealId);
        b.HasIndex(x => new { x.CustomerId, x.ScheduledAt });
        b.HasIndex(x => new { x.DealId, x.ScheduledAt });
    }
}

internal sealed class QuoteConfiguration : IEntityTypeConfiguration<Quote>
{
    public void Configure(EntityTypeBuilder<Quote> b)
    {
        b.Property(x => x.Title).HasMaxLength(SalesLimits.Title);
        b.Property(x => x.ReturnNote).HasMaxLength(SalesLimits.Title);
        b.Property(x => x.PublicToken).HasMaxLength(SalesLimits.Token);
        b.Ignore(x => x.PaybackMonths);
        b.HasOne<Deal>().WithMany().HasForeignKey(x => x.DealId);
        b.HasMany(x => x.Lines).WithOne().HasForeignKey(x => x.QuoteId);
        // The customer's link finds the quote before the business is known.
        b.HasIndex(x => x.PublicToken).IsUnique();
    }
}

internal sealed class QuoteLineConfiguration : IEntityTypeConfiguration<QuoteLine>
{
    public void Configure(EntityTypeBuilder<QuoteLine> b)
    {
        b.Property(x => x.Description).HasMaxLength(SalesLimits.Title);
        b.Ignore(x => x.Total);
    }
}
