using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Core.Catalog;
using Rapport.Core.Customers;
using Rapport.Core.Data;
using Rapport.Core.Occasions;

namespace Rapport.Core.Orders;

/// <summary>Every given weekday, every month on a day, or every year on one of the customer's occasions.</summary>
public enum StandingSchedule { Weekly, Monthly, Occasion }

/// <summary>
/// An order that places itself: every Monday for an office reception, monthly, every anniversary. It is placed
/// a set number of days ahead, with its capacity reserved then; when the wanted window is full it takes the
/// first alternative if the customer allowed that, otherwise staff get a task with the alternatives.
/// </summary>
public sealed class StandingOrder : IBusinessOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid BusinessId { get; set; }
    public Guid CustomerId { get; set; }
    /// <summary>Who receives it; none means the customer's own address.</summary>
    public Guid? RecipientId { get; set; }
    public StandingSchedule Schedule { get; set; }
    public DayOfWeek? Weekday { get; set; }
    /// <summary>1 to 31; a shorter month takes its last day.</summary>
    public int? DayOfMonth { get; set; }
    public Guid? OccasionId { get; set; }
    /// <summary>A product and quantity, or a designer's-choice item and a budget.</summary>
    public Guid ProductId { get; set; }
    public int Quantity { get; set; } = 1;
    public decimal? Budget { get; set; }
    public Guid PaymentMethodId { get; set; }
    /// <summary>The window wanted: the first of the day starting at or after this time (any, when none).</summary>
    public TimeOnly? PreferredStart { get; set; }
    public int DaysAhead { get; set; } = 7;
    public bool TakeFirstAlternative { get; set; }
    public string? CardMessage { get; set; }
    public bool Active { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime? StoppedAt { get; set; }

    /// <summary>The days it is due after <paramref name="after"/> up to and including <paramref name="until"/>.</summary>
    public IEnumerable<DateOnly> DueDates(DateOnly after, DateOnly until, Occasion? occasion)
    {
        switch (Schedule)
        {
            case StandingSchedule.Weekly when Weekday is { } weekday:
                for (var d = after.AddDays(1); d <= until; d = d.AddDays(1))
                    if (d.DayOfWeek == weekday) yield return d;
                break;
            case StandingSchedule.Monthly when DayOfMonth is { } day:
                for (var month = new DateOnly(after.Year, after.Month, 1); month <= until; month = month.AddMonths(1))
                {
                    var d = new DateOnly(month.Year, month.Month, Math.Min(day, DateTime.DaysInMonth(month.Year, month.Month)));
                    if (d > after && d <= until) yield return d;
                }
                break;
            case StandingSchedule.Occasion when occasion is not null:
                var next = occasion.NextDate(after.AddDays(1));
                if (next <= until) yield return next;
                break;
        }
    }
}

public enum StandingOutcome { Placed, PlacedAlternative, NeedsStaff }

/// <summary>What happened for one standing order on one day; unique on the two so it is placed once.</summary>
public sealed class StandingOrderRun : IBusinessOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid BusinessId { get; set; }
    public Guid StandingOrderId { get; set; }
    public DateOnly Date { get; set; }
    public StandingOutcome Outcome { get; set; }
    public Guid? OrderId { get; set; }
    public Guid? TaskId { get; set; }
    public DateTime At { get; set; }
}

internal sealed class StandingOrderConfiguration : IEntityTypeConfiguration<StandingOrder>
{
    public void Configure(EntityTypeBuilder<StandingOrder> b)
    {
        b.Property(x => x.Schedule).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Weekday).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.CardMessage).HasMaxLength(OrderLimits.CardMessage);
        b.Property(x => x.CreatedBy).HasMaxLength(120);
        b.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId);
        b.HasOne<Recipient>().WithMany().HasForeignKey(x => x.RecipientId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Occasion>().WithMany().HasForeignKey(x => x.OccasionId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Product>().WithMany().HasForeignKey(x => x.ProductId);
        b.HasIndex(x => new { x.BusinessId, x.Active });
    }
}

internal sealed class StandingOrderRunConfiguration : IEntityTypeConfiguration<StandingOrderRun>
{
    public void Configure(EntityTypeBuilder<StandingOrderRun> b)
    {
        b.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(20);
        b.HasOne<StandingOrder>().WithMany().HasForeignKey(x => x.StandingOrderId);
        b.HasIndex(x => new { x.StandingOrderId, x.Date }).IsUnique();
    }
}
