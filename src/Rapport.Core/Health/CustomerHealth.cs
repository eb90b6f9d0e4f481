using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Core.Customers;
using Rapport.Core.Data;

namespace Rapport.Core.Health;

/// <summary>
/// The stored health of one customer: the score, its band and the explanation as last computed, the account owner
/// who answers for the relationship, and when its needs were last confirmed or something last asked of it.
/// </summary>
public sealed class CustomerHealth : IBusinessOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid BusinessId { get; set; }
    public Guid CustomerId { get; set; }
    public int Score { get; set; }
    public HealthBand Band { get; set; }
    /// <summary>The factors with their points and evidence, as JSON.</summary>
    public List<HealthFactor> Factors { get; set; } = [];
    public DateTime ComputedAt { get; set; }
    /// <summary>The last 12 months' revenue or the open deals' value, whichever is larger: what leaving would cost.</summary>
    public decimal ValueAtRisk { get; set; }
    /// <summary>The value at risk in cents, for sorting (SQLite cannot order by a decimal).</summary>
    public long RiskRank { get; set; }
    /// <summary>The staff member who answers for the relationship; none means the business's default.</summary>
    public Guid? AccountOwnerId { get; set; }
    /// <summary>Needs confirmed by a click or a meeting (contacts marked so count too, read from the timeline).</summary>
    public DateTime? NeedsConfirmedAt { get; set; }
    public string? NeedsConfirmedNote { get; set; }
    /// <summary>When we last asked for something: a referral, a testimonial, an up-sell or cross-sell.</summary>
    public DateTime? LastAskedAt { get; set; }
}

/// <summary>One customer's score on one day, for the 12-month trend.</summary>
public sealed class CustomerHealthDay : IBusinessOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid BusinessId { get; set; }
    public Guid CustomerId { get; set; }
    public DateOnly Date { get; set; }
    public int Score { get; set; }
}

/// <summary>The business's health settings: weights and thresholds, the default account owner, what triggers recovery.</summary>
public sealed class HealthSettings : IBusinessOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid BusinessId { get; set; }
    public HealthWeights Weights { get; set; } = HealthWeights.Default;
    public Guid? DefaultAccountOwnerId { get; set; }
    /// <summary>The events that make a recovery task (see <see cref="RecoveryTriggers"/>).</summary>
    public List<string> Triggers { get; set; } = [.. RecoveryTriggers.All];
    /// <summary>Recovery tasks only for loyal customers.</summary>
    public bool LoyalOnly { get; set; }
    /// <summary>Recovery tasks only for customers with at least this much revenue in the last 12 months.</summary>
    public decimal MinRevenue { get; set; }
    /// <summary>Days a recovery task may stay open before a manager is told; due today for loyal customers.</summary>
    public int DueWithinDays { get; set; } = 1;
}

public static class RecoveryTriggers
{
    public const string AtRisk = "atRisk";
    public const string NegativeContact = "negativeContact";
    public const string FailedDelivery = "failedDelivery";
    public const string LateDelivery = "lateDelivery";
    public const string TurnedAway = "turnedAway";
    public const string Competitor = "competitor";

    public static readonly IReadOnlyList<string> All = [AtRisk, NegativeContact, FailedDelivery, LateDelivery, TurnedAway, Competitor];
}

internal sealed class CustomerHealthConfiguration : IEntityTypeConfiguration<CustomerHealth>
{
    public void Configure(EntityTypeBuilder<CustomerHealth> b)
    {
        b.ToTable("CustomerHealth");
        b.Property(x => x.Band).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Factors).HasJsonConversion();
        b.Property(x => x.NeedsConfirmedNote).HasMaxLength(HealthLimits.Note);
        b.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId);
        b.HasIndex(x => new { x.BusinessId, x.CustomerId }).IsUnique();
        b.HasIndex(x => new { x.BusinessId, x.Band, x.RiskRank });
    }
}

internal sealed class CustomerHealthDayConfiguration : IEntityTypeConfiguration<CustomerHealthDay>
{
    public void Configure(EntityTypeBuilder<CustomerHealthDay> b)
    {
        b.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId);
        b.HasIndex(x => new { x.BusinessId, x.CustomerId, x.Date }).IsUnique();
        b.HasIndex(x => new { x.BusinessId, x.Date });
    }
}

internal sealed class HealthSettingsConfiguration : IEntityTypeConfiguration<HealthSettings>
{
    public void Configure(EntityTypeBuilder<HealthSettings> b)
    {
        b.Property(x => x.Weights).HasConversion(
            v => JsonSerializer.Serialize(v, JsonColumn.Options),
            v => JsonSerializer.Deserialize<HealthWeights>(v, JsonColumn.Options) ?? HealthWeights.Default).HasMaxLength(2000);
        b.Property(x => x.Triggers).HasJsonConversion();
        b.HasIndex(x => x.BusinessId).IsUnique();
    }
}

public static class HealthLimits
{
    public const int Note = 500;
}
