using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Catalog;
using Rapport.Core.Common;
using Rapport.Core.Data;
using Rapport.Web.Hosting;

namespace Rapport.Web.Catalog;

public static class CatalogEndpoints
{
    public static IEndpointRouteBuilder MapCatalog(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/products").WithTags("Catalogue").RequireAuthorization(Policies.Staff);

        group.MapGet("/", Search).WithName("SearchProducts")
            .WithSummary("Lists products by name: any part of the name, one category, on sale (active) or not.")
            .WithDescription("Every staff member reads the catalogue. `next` is an opaque cursor for `after`, or null on the last page.");
        group.MapGet("/categories", Categories).WithName("ListProductCategories").WithSummary("The categories in use.");
        group.MapPost("/", Create).WithName("CreateProduct")
            .WithSummary("Adds a product (owner, manager).")
            .WithDescription("A priced product needs `price` > 0; a designer's-choice item (`isDesignersChoice: true`) has no price but a `minimumBudget`.");
        group.MapGet("/{id}", Get).WithName("GetProduct").WithSummary("One product.");
        group.MapPatch("/{id}", Update).WithName("UpdateProduct")
            .WithSummary("Changes a product (owner, manager); `active: false` takes it off sale, `active: true` puts it back.")
            .WithDescription("Absent or null fields stay as they are; an empty string clears a text field.");
        group.MapPost("/{id}/picture", UploadPicture).WithName("UploadProductPicture")
            .WithSummary("Sets the product's picture: multipart form field `picture`, a JPEG, PNG or WebP of at most 5 MB, told by its content.")
            .WithDescription("The picture is decoded and re-encoded as a JPEG of at most 1200 px a side; the product's `pictureUrl` then points at it. "
                + "An SVG, a file that is not a picture (or only looks like one), or a larger file is 422 naming `picture`. Owners and managers.")
            .DisableAntiforgery();
        // Public, as the shop is: the re-encoded pictures only, cached for good (a new picture gets a new name).
        app.MapGet("/pictures/{business}/{name}", Picture).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<Ok<ProductView>, ProblemHttpResult>> UploadPicture(
        Guid id, IFormFile? picture, RapportDb db, Actor actor, PictureStore store, TimeProvider time, CancellationToken ct)
    {
        if (picture is null) return ApiResults.Problem(Failure.Invalid("picture", "Attach the picture as the multipart form field \u201cpicture\u201d."));
        await using var content = picture.OpenReadStream();
        return (await ProductPictures.UploadAsync(db, actor, id, content, picture.Length, store, time, ct)).ToOk();
    }

    private static Results<PhysicalFileHttpResult, NotFound> Picture(string business, string name, HttpContext http, PictureStore store)
    {
        if (!Guid.TryParseExact(business, "N", out var businessId) || store.PathOf(businessId, name) is not { } path || !File.Exists(path))
            return TypedResults.NotFound();
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        return TypedResults.PhysicalFile(path, "image/jpeg", enableRangeProcessing: false);
    }

    private static async Task<Results<Ok<Page<ProductView>>, ProblemHttpResult>> Search(
        string? q, string? category, bool? active, int? limit, string? after, RapportDb db, CancellationToken ct) =>
        (await SearchProducts.HandleAsync(db, new(q, category, active, limit, after), ct)).ToOk();

    private static async Task<Ok<IReadOnlyList<string>>> Categories(RapportDb db, CancellationToken ct) =>
        TypedResults.Ok(await SearchProducts.CategoriesAsync(db, ct));

    private static async Task<Results<Created<ProductView>, ProblemHttpResult>> Create(
        ProductInput input, RapportDb db, Actor actor, TimeProvider time, CancellationToken ct) =>
        (await CreateProduct.HandleAsync(db, actor, input, time, ct)).ToCreated(p => $"/api/products/{p.Id}");

    private static async Task<Results<Ok<ProductView>, ProblemHttpResult>> Get(Guid id, RapportDb db, CancellationToken ct) =>
        await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is { } product
            ? TypedResults.Ok(ProductView.Of(product))
            : ApiResults.NotFound("Product");

    private static async Task<Results<Ok<ProductView>, ProblemHttpResult>> Update(
        Guid id, ProductInput input, RapportDb db, Actor actor, TimeProvider time, CancellationToken ct) =>
        (await UpdateProduct.HandleAsync(db, actor, id, input, time, ct)).ToOk();
}
