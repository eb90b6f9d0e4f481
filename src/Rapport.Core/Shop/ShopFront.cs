using Microsoft.EntityFrameworkCore;
using Rapport.Core.Data;

namespace Rapport.Core.Shop;

/// <summary>The business behind <c>/shop/{slug}</c>, as its shop shows it.</summary>
public sealed record ShopFront(Guid BusinessId, string Name, string Slug, string Currency)
{
    /// <summary>The business with this slug, or null; businesses are not under the tenancy filter.</summary>
    public static async Task<ShopFront?> FindAsync(RapportDb db, string? slug, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(slug) || slug.Length > 40) return null;
        var wanted = slug.ToLowerInvariant();
        return await db.Businesses.AsNoTracking().Where(b => b.Slug == wanted)
            .Select(b => new ShopFront(b.Id, b.Name, b.Slug, b.Currency)).FirstOrDefaultAsync(ct);
    }
}
