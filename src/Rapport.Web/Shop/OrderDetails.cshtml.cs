using Microsoft.AspNetCore.Mvc;
using Rapport.Core.Common;
using Rapport.Core.Data;
using Rapport.Core.Shop;
using Rapport.Web.Shop;

namespace Rapport.Web.Shop;

/// <summary>
/// One of the customer's orders: what, for whom, the promise and every step so far; right after ordering, the
/// confirmation. An order for a yearly occasion offers "Remind me next year". Anyone else's is not found.
/// </summary>
public sealed class OrderDetailsModel(ShopContext shop, RapportDb db, TimeProvider time) : ShopPageModel(shop)
{
    public MyOrders.Details Order { get; private set; } = null!;
    public bool JustPlaced { get; private set; }
    public RememberOrderOccasion.Offer? Remember { get; private set; }
    /// <summary>Set right after "Remind me next year" put the occasion on file.</summary>
    public bool Remembered { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, bool placed, bool remembered, CancellationToken ct)
    {
        var found = await MyOrders.GetAsync(db, Customer, id, ct);
        if (!found.Succeeded) return NotFound();
        Order = found.Value;
        JustPlaced = placed;
        Remembered = remembered;
        Remember = await RememberOrderOccasion.OfferAsync(db, Customer, id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRememberAsync(Guid id, CancellationToken ct)
    {
        var added = await RememberOrderOccasion.HandleAsync(db, Customer, id, time, ct);
        // Already on file (a second click) is what was asked for.
        if (!added.Succeeded && added.Failure.Kind != FailureKind.Conflict) return NotFound();
        return Redirect(ShopPath($"/orders/{id}?remembered=true"));
    }
}
