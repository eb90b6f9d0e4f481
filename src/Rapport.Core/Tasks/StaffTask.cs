using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Core.Customers;
using Rapport.Core.Data;

namespace Rapport.Core.Tasks;

/// <summary>
/// Something a person must do for a customer: call about an occasion when there is no e-mail, choose an
/// alternative for a standing order, deliver on a promise. Made by the process, so it carries a key.
/// </summary>
public sealed class StaffTask : IBusinessOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid BusinessId { get; set; }
    public required string Title { get; set; }
    public string? Detail { get; set; }
    public Guid? CustomerId { get; set; }
    /// <summary>The order it is about, e.g. the care card that goes with it.</summary>
    public Guid? OrderId { get; set; }
    /// <summary>The staff member it is for; none means whoever answers the customers.</summary>
    public Guid? AssigneeId { get; set; }
    public DateOnly DueOn { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? DoneAt { get; set; }
    public Guid? DoneById { get; set; }
    public string? DoneByName { get; set; }
    /// <summary>What made it: reminder, standing-order, milestone, touch.</summary>
    public required string Source { get; set; }
    /// <summary>Unique per business: making the same task twice (two processes, a re-run) makes it once.</summary>
    public string? SourceKey { get; set; }
}

public static class TaskLimits
{
    public const int Title = 200;
    public const int Detail = 4000;
    public const int SourceKey = 200;
}

internal sealed class StaffTaskConfiguration : IEntityTypeConfiguration<StaffTask>
{
    public void Configure(EntityTypeBuilder<StaffTask> b)
    {
        b.Property(x => x.Title).HasMaxLength(TaskLimits.Title);
        b.Property(x => x.Detail).HasMaxLength(TaskLimits.Detail);
        b.Property(x => x.DoneByName).HasMaxLength(120);
        b.Property(x => x.Source).HasMaxLength(40);
        b.Property(x => x.SourceKey).HasMaxLength(TaskLimits.SourceKey);
        b.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId);
        // An index, not a foreign key: adding one to an existing table makes SQLite rebuild it outside a transaction.
        b.HasIndex(x => x.OrderId);
        b.HasIndex(x => new { x.BusinessId, x.SourceKey }).IsUnique();
        b.HasIndex(x => new { x.BusinessId, x.DoneAt, x.DueOn });
    }
}
