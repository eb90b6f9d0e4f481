using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Core.Businesses;
using Rapport.Core.Catalog;
using Rapport.Core.Common;
using Rapport.Core.Data;
using Rapport.Web.Hosting;
using Rapport.Web.Shared;

namespace Rapport.Web.Catalog;

[Authorize(Policy = Policies.ManagesCatalog)]
public sealed class NewProductModel(RapportDb db, Actor actor, TimeProvider time) : PageModel
{
    [BindProperty] public ProductForm Form { get; set; } = new();
    public IReadOnlyList<string> Categories { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Categories = await SearchProducts.CategoriesAsync(db, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Form.MissingAmount is { } missing) ModelState.AddModelError(missing, "This field is required.");
        if (ModelState.IsValid)
        {
            var result = await CreateProduct.HandleAsync(db, actor, Form.ToInput(), time, ct);
            if (result.Succeeded) return Redirect($"/app/catalog?saved={result.Value.Id}");
            if (result.Failure.Kind == FailureKind.Forbidden) return Forbid();
            ModelState.AddFailure(result.Failure, ProductForm.Fields);
        }
        Categories = await SearchProducts.CategoriesAsync(db, ct);
        this.SetFormStatus();
        return Page();
    }
}
