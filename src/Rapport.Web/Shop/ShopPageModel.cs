using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Core.Shop;
using Rapport.Web.Hosting;
using Rapport.Web.Payments.TestProvider;

namespace Rapport.Web.Shop;

/// <summary>A page of the shop at <c>/shop/{business}</c>: knows the shop, and the customer signed in to it.</summary>
public abstract class ShopPageModel(ShopContext shop) : PageModel
{
    public ShopFront Front => shop.Front ?? throw new InvalidOperationException("Not a shop request.");

    /// <summary>The signed-in customer; pages behind the shop policy always have one.</summary>
    public ShopCustomer Customer => shop.Customer ?? throw new InvalidOperationException("No shop customer is signed in.");

    public bool SignedIn => shop.Customer is not null;

    /// <summary>A path in this shop, e.g. <c>/shop/bloom/orders</c>.</summary>
    public string ShopPath(string rest = "") => $"/shop/{Front.Slug}{rest}";

    /// <summary>
    /// The payment provider's page for adding a card, coming back to the cards page or, when ordering, to the order page;
    /// null where no provider is set up (the test provider serves only the demo, Development and the tests).
    /// </summary>
    public string? AddCardUrl(bool backToOrder = false) =>
        HttpContext.RequestServices.GetRequiredService<RapportOptions>().TestPaymentProvider
            ? TestProviderEndpoints.CardFormUrl(ShopPath("/cards/added") + (backToOrder ? "?next=order" : ""), Customer.AccountId.ToString("N"))
            : null;

    public const string NoCardPayments = "Paying by card online isn't set up for this shop yet.";

    /// <summary>A return address inside this shop, or the catalogue.</summary>
    protected string SafeReturn(string? returnUrl) =>
        returnUrl is not null && Url.IsLocalUrl(returnUrl) && returnUrl.StartsWith(ShopPath("/"), StringComparison.Ordinal)
        && !returnUrl.Contains("..", StringComparison.Ordinal) ? returnUrl : ShopPath();
}
