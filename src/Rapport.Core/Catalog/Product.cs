using Rapport.Core.Data;

namespace Rapport.Core.Catalog;

/// <summary>
/// Something the business sells: a priced product, or a designer's-choice item sold by budget alone
/// ("a bouquet for $85, the florist chooses").
/// </summary>
public sealed class Product : IBusinessOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid BusinessId { get; set; }
    public required string Name { get; set; }
    public string? Category { get; set; }
    /// <summary>Fixed price; null for a designer's-choice item, which is priced by the customer's budget.</summary>
    public decimal? Price { get; set; }
    public bool IsDesignersChoice { get; set; }
    /// <summary>The least budget a designer's-choice item is made for.</summary>
    public decimal? MinimumBudget { get; set; }
    public string? Description { get; set; }
    public string? PictureUrl { get; set; }
    public bool Active { get; set; } = true;
    public DateTime CreatedAt { get; init; } = DateTime.UtcNow;
    public DateTime UpdatedAt { get; set; } = DateTime.UtcNow;
}

public static class ProductLimits
{
    public const int Name = 120;
    public const int Category = 60;
    public const int Description = 2000;
    public const int PictureUrl = 500;
}
