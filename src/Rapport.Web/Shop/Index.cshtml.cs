using Microsoft.AspNetCore.Authorization;
using Rapport.Core.Data;
using Rapport.Core.Shop;
using Rapport.Web.Shop;

namespace Rapport.Web.Shop;

/// <summary>The public catalogue: what the business sells, by category, and what can still be promised today.</summary>
// Open to everyone: the catalogue, signing in and up, and the reminder's one-click link.
[AllowAnonymous]
public sealed class IndexModel(ShopContext shop, RapportDb db, TimeProvider time) : ShopPageModel(shop)
{
    public IReadOnlyList<ShopCatalogue.Section> Sections { get; private set; } = [];
    public string? Countdown { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Sections = ShopCatalogue.ByCategory(await ShopCatalogue.ItemsAsync(db, ct));
        Countdown = await ShopOrderOptions.CountdownAsync(db, time, ct);
    }
}
