using Microsoft.EntityFrameworkCore;
using Rapport.Core.Data;
using Rapport.Core.Orders;

namespace Rapport.Core.Shop;

/// <summary>The customer signed in to the shop: their account and the customer file it belongs to.</summary>
public sealed record ShopCustomer(Guid BusinessId, Guid AccountId, Guid CustomerId, string Name, string Email)
{
    /// <summary>Who the audit trail names for changes a customer makes in the shop.</summary>
    public const string AuditName = "Customer (shop)";

    public Orderer Orderer => Orderer.ForShop(BusinessId, AccountId, CustomerId);

    /// <summary>The account, if it exists in the current business and its customer has not been deleted.</summary>
    public static Task<ShopCustomer?> FindAsync(RapportDb db, Guid accountId, CancellationToken ct) =>
        db.ShopAccounts.AsNoTracking().Where(a => a.Id == accountId)
            .Join(db.Customers, a => a.CustomerId, c => c.Id, (a, c) => new ShopCustomer(a.BusinessId, a.Id, c.Id, c.Name, a.Email))
            .FirstOrDefaultAsync(ct);
}
