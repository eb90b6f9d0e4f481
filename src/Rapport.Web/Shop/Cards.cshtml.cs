using Microsoft.AspNetCore.Mvc;
using Rapport.Core.Customers;
using Rapport.Core.Data;
using Rapport.Core.Shop;
using Rapport.Web.Shop;

namespace Rapport.Web.Shop;

/// <summary>The customer's cards on file: added through the payment provider's page, removed here.</summary>
public sealed class CardsModel(ShopContext shop, RapportDb db) : ShopPageModel(shop)
{
    public IReadOnlyList<PaymentMethodView> Cards { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Cards = await ManageMyCards.ListAsync(db, Customer, ct);

    public async Task<IActionResult> OnPostRemoveAsync(Guid cardId, CancellationToken ct) =>
        (await ManageMyCards.RemoveAsync(db, Customer, cardId, ct)).Succeeded ? Redirect(ShopPath("/cards")) : NotFound();
}
