using Microsoft.EntityFrameworkCore;
using Rapport.Core.Data;

namespace Rapport.Core.Shop;

/// <summary>What the shop offers: the active products, by category, each with a price or a starting budget.</summary>
public static class ShopCatalogue
{
    /// <summary>The heading of products without a category.</summary>
    public const string Other = "More";

    public sealed record Item(
        Guid Id, string Name, string? Category, decimal? Price, bool IsDesignersChoice, decimal? MinimumBudget, string? Description, string? PictureUrl);

    public sealed record Section(string Category, IReadOnlyList<Item> Items);

    /// <summary>Everything that can be ordered: priced products and designer's-choice items.</summary>
    public static async Task<IReadOnlyList<Item>> ItemsAsync(RapportDb db, CancellationToken ct) =>
        await db.Products.AsNoTracking()
            .Where(p => p.Active && (p.Price != null || p.IsDesignersChoice))
            .OrderBy(p => p.Category).ThenBy(p => p.Name)
            .Select(p => new Item(p.Id, p.Name, p.Category, p.Price, p.IsDesignersChoice, p.MinimumBudget, p.Description, p.PictureUrl))
            .ToListAsync(ct);

    /// <summary>
    /// The items under their categories as a shop shows them: bouquets first (what most people come for), then
    /// designer's choice, the other categories by name, uncategorised items, and add-ons (a vase, truffles) last.
    /// </summary>
    public static IReadOnlyList<Section> ByCategory(IReadOnlyList<Item> items) =>
        items.GroupBy(i => string.IsNullOrWhiteSpace(i.Category) ? null : i.Category.Trim())
            .OrderBy(g => Rank(g.Key)).ThenBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
            .Select(g => new Section(g.Key ?? Other, g.ToList()))
            .ToList();

    /// <summary>A category of things sent beside the flowers rather than instead of them.</summary>
    public static bool IsAddOn(string? category) =>
        category is not null && (category.Contains("add-on", StringComparison.OrdinalIgnoreCase)
            || category.Contains("addon", StringComparison.OrdinalIgnoreCase) || category.Contains("extra", StringComparison.OrdinalIgnoreCase));

    private static int Rank(string? category) => category switch
    {
        null => 8,
        _ when IsAddOn(category) => 9,
        _ when category.Contains("bouquet", StringComparison.OrdinalIgnoreCase) => 0,
        _ when category.Contains("designer", StringComparison.OrdinalIgnoreCase) => 1,
        _ => 5,
    };
}
