using Rapport.Core.Audit;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Data;

namespace Rapport.Core.Catalog;

public static class CreateProduct
{
    public static async Task<Result<ProductView>> HandleAsync(
        RapportDb db, Actor actor, ProductInput input, TimeProvider time, CancellationToken ct)
    {
        if (!actor.Role.ManagesCatalog()) return Failure.Forbidden($"The {actor.Role.Label()} role cannot change the catalogue.");
        var v = new Validator();
        input.Validate(v, onFile: null);
        if (!v.IsValid) return v.ToFailure();

        var now = time.GetUtcNow().UtcDateTime;
        var product = new Product { Name = input.Name!.Trim(), CreatedAt = now, UpdatedAt = now };
        input.ApplyTo(product);
        db.Products.Add(product);
        db.Audit(actor, nameof(Product), product.Id, "created", null, Audited(product));
        await db.SaveChangesAsync(ct);
        return ProductView.Of(product);
    }

    internal static object Audited(Product p) => new { p.Name, p.Category, p.Price, p.IsDesignersChoice, p.MinimumBudget, p.Active };
}
