using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Catalog;
using Rapport.Core.Common;
using Rapport.Core.Data;
using Rapport.Web.Hosting;
using Rapport.Web.Shared;

namespace Rapport.Web.Catalog;

/// <summary>The catalogue: find a product by name or category, add one, change one, take it off sale.</summary>
[Authorize(Policy = Policies.ManagesCatalog)]
public sealed class CatalogModel(RapportDb db, Actor actor, TimeProvider time) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    /// <summary>"active", "inactive", or empty for both.</summary>
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? After { get; set; }
    [BindProperty(SupportsGet = true)] public bool Append { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Saved { get; set; }

    public IReadOnlyList<string> Categories { get; private set; } = [];
    public ProductsView Products { get; private set; } = null!;
    public string? SavedName { get; private set; }

    public sealed record ProductsView(string Query, Page<ProductView> Page, bool Filtered, string? Error);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Categories = await SearchProducts.CategoriesAsync(db, ct);
        Products = await SearchAsync(ct);
        if (Saved is { } id) SavedName = await db.Products.Where(p => p.Id == id).Select(p => p.Name).FirstOrDefaultAsync(ct);
        return Page();
    }

    /// <summary>The list alone, for search as you type and "Show more".</summary>
    public async Task<IActionResult> OnGetResultsAsync(CancellationToken ct)
    {
        var products = await SearchAsync(ct);
        return Partial(Append && products.Error is null ? "_CatalogRows" : "_CatalogList", products);
    }

    /// <summary>Puts a product on sale or takes it off; htmx swaps its row, a plain form comes back to the list.</summary>
    public async Task<IActionResult> OnPostActiveAsync(Guid id, bool active, string? back, CancellationToken ct)
    {
        var result = await UpdateProduct.HandleAsync(db, actor, id, new ProductInput(Active: active), time, ct);
        if (!result.Succeeded) return this.Refused(result.Failure);
        if (Request.IsHtmx()) return Partial("_CatalogRow", result.Value);
        return Redirect(back is not null && Url.IsLocalUrl(back) ? back : "/app/catalog");
    }

    private async Task<ProductsView> SearchAsync(CancellationToken ct)
    {
        bool? active = Status switch { "active" => true, "inactive" => false, _ => null };
        var query = string.Join("&", new[] { ("q", Q), ("category", Category), ("status", Status) }
            .Where(p => !string.IsNullOrEmpty(p.Item2)).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));
        var filtered = !string.IsNullOrWhiteSpace(Q) || !string.IsNullOrEmpty(Category) || active is not null;
        var result = await SearchProducts.HandleAsync(db, new(Q, Category, active, PageSize, After), ct);
        return result.Succeeded
            ? new ProductsView(query, result.Value, filtered, null)
            : new ProductsView(query, new Page<ProductView>([], null), filtered,
                string.Join(" ", result.Failure.Errors?.SelectMany(e => e.Value) ?? [result.Failure.Title]));
    }
}
