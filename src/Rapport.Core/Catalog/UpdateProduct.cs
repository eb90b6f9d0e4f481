using Microsoft.EntityFrameworkCore;
using Rapport.Core.Audit;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Data;

namespace Rapport.Core.Catalog;

/// <summary>Changes a product, including taking it off sale (<c>active: false</c>) and back.</summary>
public static class UpdateProduct
{
    public static async Task<Result<ProductView>> HandleAsync(
        RapportDb db, Actor actor, Guid id, ProductInput input, TimeProvider time, CancellationToken ct)
    {
        var product = await db.Products.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (product is null) return Failure.NotFound("Product");
        if (!actor.Role.ManagesCatalog()) return Failure.Forbidden($"The {actor.Role.Label()} role cannot change the catalogue.");
        var v = new Validator();
        input.Validate(v, product);
        if (!v.IsValid) return v.ToFailure();

        var before = CreateProduct.Audited(product);
        var wasActive = product.Active;
        input.ApplyTo(product);
        product.UpdatedAt = time.GetUtcNow().UtcDateTime;
        var action = wasActive == product.Active ? "updated" : product.Active ? "activated" : "deactivated";
        db.Audit(actor, nameof(Product), product.Id, action, before, CreateProduct.Audited(product));
        await db.SaveChangesAsync(ct);
        return ProductView.Of(product);
    }
}
