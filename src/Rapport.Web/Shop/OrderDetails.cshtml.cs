using Microsoft.AspNetCore.Mvc;
using Rapport.Core.Data;
using Rapport.Core.Shop;
using Rapport.Web.Shop;

namespace Rapport.Web.Shop;

/// <summary>One of the customer's orders: what, for whom, the promise and every step so far. Anyone else's is not found.</summary>
public sealed class OrderDetailsModel(ShopContext shop, RapportDb db) : ShopPageModel(shop)
{
    public MyOrders.Details Order { get; private set; } = null!;
    public bool JustPlaced { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, bool placed, CancellationToken ct)
    {
        var found = await MyOrders.GetAsync(db, Customer, id, ct);
        if (!found.Succeeded) return NotFound();
        Order = found.Value;
        JustPlaced = placed;
        return Page();
    }
}
