using Rapport.Core.Data;
using Rapport.Core.Shop;
using Rapport.Web.Shop;

namespace Rapport.Web.Shop;

/// <summary>The customer's own orders, newest first, with their status and promise.</summary>
public sealed class OrdersModel(ShopContext shop, RapportDb db) : ShopPageModel(shop)
{
    public IReadOnlyList<MyOrders.Summary> Orders { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Orders = await MyOrders.ListAsync(db, Customer, ct);
}
