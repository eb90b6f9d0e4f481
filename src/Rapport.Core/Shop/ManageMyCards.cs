using Microsoft.EntityFrameworkCore;
using Rapport.Core.Audit;
using Rapport.Core.Common;
using Rapport.Core.Customers;
using Rapport.Core.Data;

namespace Rapport.Core.Shop;

/// <summary>
/// The shop customer's cards on file, as the payment provider returned them (token, brand, last four,
/// expiry), under the same rules as cards staff add. Another customer's card is not found.
/// </summary>
public static class ManageMyCards
{
    /// <summary>Keeps one account from filling the database.</summary>
    public const int MaxCards = 20;

    public static async Task<IReadOnlyList<PaymentMethodView>> ListAsync(RapportDb db, ShopCustomer who, CancellationToken ct) =>
        (await db.PaymentMethods.AsNoTracking().Where(p => p.CustomerId == who.CustomerId).OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).ToListAsync(ct))
            .Select(PaymentMethodView.Of).ToList();

    public static async Task<Result<PaymentMethodView>> AddAsync(
        RapportDb db, ShopCustomer who, PaymentMethodInput input, TimeProvider time, CancellationToken ct)
    {
        var v = new Validator();
        input.Validate(v, time.GetUtcNow().Year);
        if (!v.IsValid) return v.ToFailure();

        var method = input.ToPaymentMethod(who.CustomerId);
        // The provider's answer comes back in a URL that a reload or the back button may bring again: one token, one card.
        var existing = await db.PaymentMethods.AsNoTracking()
            .FirstOrDefaultAsync(p => p.CustomerId == who.CustomerId && p.Provider == method.Provider && p.Token == method.Token, ct);
        if (existing is not null) return PaymentMethodView.Of(existing);
        if (await db.PaymentMethods.CountAsync(p => p.CustomerId == who.CustomerId, ct) >= MaxCards)
            return Failure.Invalid("card", $"At most {MaxCards} cards on file: remove one first.");

        db.PaymentMethods.Add(method);
        db.Audit(who.AccountId, ShopCustomer.AuditName, nameof(PaymentMethod), method.Id, "added", null, PaymentMethodView.Of(method));
        await db.SaveChangesAsync(ct);
        return PaymentMethodView.Of(method);
    }

    public static async Task<Result<Guid>> RemoveAsync(RapportDb db, ShopCustomer who, Guid id, CancellationToken ct)
    {
        var method = await db.PaymentMethods.FirstOrDefaultAsync(p => p.Id == id && p.CustomerId == who.CustomerId, ct);
        if (method is null) return Failure.NotFound("Card");
        db.PaymentMethods.Remove(method);
        db.Audit(who.AccountId, ShopCustomer.AuditName, nameof(PaymentMethod), method.Id, "removed", PaymentMethodView.Of(method), null);
        await db.SaveChangesAsync(ct);
        return id;
    }
}
