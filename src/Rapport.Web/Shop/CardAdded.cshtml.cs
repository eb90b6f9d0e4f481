using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Core.Customers;
using Rapport.Core.Data;
using Rapport.Core.Shop;
using Rapport.Web.Payments.TestProvider;
using Rapport.Web.Shop;

namespace Rapport.Web.Shop;

/// <summary>
/// Where the payment provider sends the customer back with the card it saved, sealed: the card is kept
/// only if the seal is intact, fresh and for this customer's sign-in.
/// </summary>
public sealed class CardAddedModel(ShopContext shop, RapportDb db, TestCardResults results, TimeProvider time) : ShopPageModel(shop)
{
    public string? Problem { get; private set; }
    public bool BackToOrder { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? result, string? next, CancellationToken ct)
    {
        BackToOrder = next == "order";
        var back = ShopPath(BackToOrder ? "/order" : "/cards");
        // No result: the customer cancelled on the provider's page.
        if (result is null) return Redirect(back);
        var card = results.Unprotect(result);
        if (card is null)
            return Refused("The card details from the payment provider could not be read: they were changed on the way or are too old. Nothing was saved.");
        if (card.Reference != Customer.AccountId.ToString("N"))
            return Refused("These card details were issued for another sign-in. Nothing was saved.");
        var added = await ManageMyCards.AddAsync(db, Customer,
            new PaymentMethodInput(TestCardResults.Provider, card.Token, card.Brand, card.Last4, card.ExpMonth, card.ExpYear), time, ct);
        if (!added.Succeeded) return Refused(string.Join(" ", added.Failure.Errors?.SelectMany(e => e.Value) ?? [added.Failure.Title]));
        return Redirect(back);
    }

    private PageResult Refused(string why)
    {
        Problem = why;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
