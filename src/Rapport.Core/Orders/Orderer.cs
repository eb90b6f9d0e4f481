using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Customers;
using Rapport.Core.Data;

namespace Rapport.Core.Orders;

/// <summary>Who places an order: a staff member taking it on a channel, a customer in the shop, or a standing order.</summary>
/// <param name="AccountId">The shop account, or what stands in for it: a reorder link, a standing order.</param>
public sealed record Orderer(Guid BusinessId, Actor? Staff, Guid? AccountId, Guid? AccountCustomerId, bool Standing = false)
{
    public static Orderer ForStaff(Actor actor) => new(actor.BusinessId, actor, null, null);
    public static Orderer ForShop(Guid businessId, Guid accountId, Guid customerId) => new(businessId, null, accountId, customerId);
    public static Orderer ForStandingOrder(Guid businessId, Guid standingOrderId, Guid customerId) => new(businessId, null, standingOrderId, customerId, true);

    /// <summary>Whom idempotency keys belong to.</summary>
    public string Caller => Staff is { } s ? $"staff:{s.StaffId}" : Standing ? $"standing:{AccountId}" : $"account:{AccountId}";

    /// <summary>Managers may book a window's loyalty reserve for anyone.</summary>
    public bool IsManager => Staff?.Role is StaffRole.Owner or StaffRole.Manager;

    /// <summary>The customer, if this orderer may order for them: 404 when unseen, 403 for drivers.</summary>
    public async Task<Result<Customer>> FindCustomerAsync(RapportDb db, Guid? customerId, CancellationToken ct)
    {
        if (Staff is { } actor && !actor.Role.TakesOrders()) return Failure.Forbidden($"The {actor.Role.Label()} role cannot take orders.");
        var id = customerId ?? AccountCustomerId;
        if (id is null) return Failure.Invalid("customerId", "Say which customer the order is for.");
        var customers = Staff is { } staff ? db.VisibleTo(staff) : db.Customers.Where(c => c.Id == AccountCustomerId);
        var customer = await customers.FirstOrDefaultAsync(c => c.Id == id, ct);
        return customer is null ? Failure.NotFound("Customer") : customer;
    }
}
