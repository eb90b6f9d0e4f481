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

[Authorize(Policy = Policies.ManagesCatalog)]
public sealed class EditProductModel(RapportDb db, Actor actor, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public ProductForm Form { get; set; } = new();
    public string Name { get; private set; } = "";
    public IReadOnlyList<string> Categories { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is not { } product) return NotFound();
        Form = ProductForm.From(ProductView.Of(product));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is null) return NotFound();
        // A value that did not bind (e.g. letters for the price) is reported, never silently kept.
        if (Form.MissingAmount is { } missing) ModelState.AddModelError(missing, "This field is required.");
        if (ModelState.IsValid)
        {
            var result = await UpdateProduct.HandleAsync(db, actor, Id, Form.ToInput(), time, ct);
            if (result.Succeeded) return Redirect($"/app/catalog?saved={Id}");
            if (this.Refusal(result.Failure) is { } refused) return refused;
            ModelState.AddFailure(result.Failure, ProductForm.Fields);
        }
        this.SetFormStatus();
        return Page();
    }

    /// <summary>The current picture, shown above its upload form.</summary>
    public string? PictureUrl { get; private set; }
    public string? PictureError { get; private set; }

    /// <summary>A new picture for the product (its own form, so the other fields are not sent with it).</summary>
    public async Task<IActionResult> OnPostPictureAsync(IFormFile? picture, [FromServices] PictureStore store, CancellationToken ct)
    {
        if (await LoadAsync(ct) is not { } product) return NotFound();
        Result<ProductView> result;
        if (picture is null) result = Failure.Invalid("picture", "Choose a picture to upload.");
        else
        {
            await using var content = picture.OpenReadStream();
            result = await ProductPictures.UploadAsync(db, actor, Id, content, picture.Length, store, time, ct);
        }
        if (result.Succeeded) return Redirect($"/app/catalog/{Id}/edit?picture=saved");
        if (this.Refusal(result.Failure) is { } refused) return refused;
        PictureError = result.Failure.Errors?.Values.SelectMany(m => m).FirstOrDefault() ?? result.Failure.Title;
        Form = ProductForm.From(ProductView.Of(product));
        this.SetFormStatus(result.Failure);
        return Page();
    }

    private async Task<Product?> LoadAsync(CancellationToken ct)
    {
        var product = await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == Id, ct);
        if (product is null) return null;
        Name = product.Name;
        PictureUrl = product.PictureUrl;
        Categories = await SearchProducts.CategoriesAsync(db, ct);
        return product;
    }
}
