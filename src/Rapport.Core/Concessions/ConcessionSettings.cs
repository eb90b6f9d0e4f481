using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Core.Data;

namespace Rapport.Core.Concessions;

/// <summary>The business's concession limits per role, as the owner set them; no row means the defaults.</summary>
public sealed class ConcessionSettings : IBusinessOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid BusinessId { get; set; }
    /// <summary>Null: no limit.</summary>
    public decimal? ManagerLimit { get; set; } = ConcessionLimitSet.Default.Manager;
    public decimal? SalesLimit { get; set; } = ConcessionLimitSet.Default.Sales;
    public decimal? ServiceLimit { get; set; } = ConcessionLimitSet.Default.Service;

    public ConcessionLimitSet Limits => new(ManagerLimit, SalesLimit, ServiceLimit);

    /// <summary>The business's limits, or the defaults when the owner has set none.</summary>
    public static async Task<ConcessionLimitSet> LimitsAsync(RapportDb db, CancellationToken ct) =>
        (await db.ConcessionSettings.AsNoTracking().FirstOrDefaultAsync(ct))?.Limits ?? ConcessionLimitSet.Default;
}

internal sealed class ConcessionSettingsConfiguration : IEntityTypeConfiguration<ConcessionSettings>
{
    public void Configure(EntityTypeBuilder<ConcessionSettings> b)
    {
        b.Ignore(x => x.Limits);
        b.HasIndex(x => x.BusinessId).IsUnique();
    }
}
