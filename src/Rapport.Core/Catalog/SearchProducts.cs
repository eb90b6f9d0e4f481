using Microsoft.EntityFrameworkCore;
using Rapport.Core.Common;
using Rapport.Core.Customers;
using Rapport.Core.Data;

namespace Rapport.Core.Catalog;

/// <summary>The catalogue by name, a page at a time: any part of the name, one category, on sale or not.</summary>
public static class SearchProducts
{
    public const int DefaultLimit = 25;
    public const int MaxLimit = 100;

    public sealed record Query(string? Q = null, string? Category = null, bool? Active = null, int? Limit = null, string? After = null);

    public static async Task<Result<Page<ProductView>>> HandleAsync(RapportDb db, Query query, CancellationToken ct)
    {
        var v = new Validator();
        var limit = query.Limit ?? DefaultLimit;
        if (limit is < 1 or > MaxLimit) v.Add("limit", $"Must be between 1 and {MaxLimit}.");
        v.MaxLength("q", query.Q, 200);
        v.MaxLength("category", query.Category, ProductLimits.Category);
        if (!Cursor.TryDecode(query.After, out var after)) v.Add("after", "Not a cursor returned by this list.");
        if (!v.IsValid) return v.ToFailure();

        var products = db.Products.AsNoTracking();
        if (query.Q?.Trim() is { Length: > 0 } text)
        {
            // Lower-cased on both sides so that SQLite and PostgreSQL match alike.
            var pattern = "%" + SearchText.EscapeLike(text.ToLowerInvariant()) + "%";
            products = products.Where(p => EF.Functions.Like(p.Name.ToLower(), pattern, "\\"));
        }
        if (query.Category?.Trim() is { Length: > 0 } category) products = products.Where(p => p.Category == category);
        if (query.Active is { } active) products = products.Where(p => p.Active == active);
        if (after is { } a) products = products.Where(p => string.Compare(p.Name, a.Key) > 0 || (p.Name == a.Key && p.Id.CompareTo(a.Id) > 0));

        var rows = await products.OrderBy(p => p.Name).ThenBy(p => p.Id).Take(limit + 1).ToListAsync(ct);
        var next = rows.Count > limit ? new Cursor(rows[limit - 1].Name, rows[limit - 1].Id).Encode() : null;
        return new Page<ProductView>(rows.Take(limit).Select(ProductView.Of).ToList(), next);
    }

    /// <summary>The categories in use, for the filter and the form's suggestions.</summary>
    public static async Task<IReadOnlyList<string>> CategoriesAsync(RapportDb db, CancellationToken ct) =>
        await db.Products.Where(p => p.Category != null).Select(p => p.Category!).Distinct().OrderBy(c => c).ToListAsync(ct);
}
