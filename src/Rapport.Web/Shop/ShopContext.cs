using Rapport.Core.Shop;

namespace Rapport.Web.Shop;

/// <summary>The shop a request under <c>/shop/{business}</c> is for, and the customer signed in to it, if any.</summary>
public sealed class ShopContext
{
    /// <summary>Set by the tenancy middleware before anything else of the request runs.</summary>
    public ShopFront? Front { get; set; }

    /// <summary>Set when the request's shop cookie is valid for this shop and its account still exists.</summary>
    public ShopCustomer? Customer { get; set; }
}
