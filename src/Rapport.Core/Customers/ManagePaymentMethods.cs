using Rapport.Core.Audit;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Data;

namespace Rapport.Core.Customers;

/// <summary>A card on file as the payment provider returns it: token, brand, last four, expiry. Never the number.</summary>
public sealed record PaymentMethodInput(string? Provider, string? Token, string? Brand, string? Last4, int? ExpMonth, int? ExpYear);

public static class ManagePaymentMethods
{
    public static async Task<Result<PaymentMethodView>> AddAsync(
        RapportDb db, Actor actor, Guid customerId, PaymentMethodInput input, TimeProvider time, CancellationToken ct)
    {
        var found = await db.FindEditableAsync(actor, customerId, ct);
        if (!found.Succeeded) return found.Failure!;

        var v = new Validator();
        // Required and MaxLength refuse card numbers in these fields too.
        v.Required("provider", input.Provider, 40).Required("token", input.Token, 200).Required("brand", input.Brand, 20);
        if (input.Last4 is null || input.Last4.Length != 4 || !input.Last4.All(char.IsAsciiDigit))
            v.Add("last4", "The last four digits of the card.");
        if (input.ExpMonth is not (>= 1 and <= 12)) v.Add("expMonth", "A month from 1 to 12.");
        var year = time.GetUtcNow().Year;
        if (input.ExpYear is not { } y || y < year - 1 || y > year + 25) v.Add("expYear", $"A four-digit year from {year - 1} to {year + 25}.");
        if (!v.IsValid) return v.ToFailure();

        var method = new PaymentMethod
        {
            CustomerId = customerId,
            Provider = input.Provider!.Trim(),
            Token = input.Token!.Trim(),
            Brand = input.Brand!.Trim(),
            Last4 = input.Last4!,
            ExpMonth = input.ExpMonth!.Value,
            ExpYear = input.ExpYear!.Value,
        };
        db.PaymentMethods.Add(method);
        db.Audit(actor, nameof(PaymentMethod), method.Id, "added", null, PaymentMethodView.Of(method));
        await db.SaveChangesAsync(ct);
        return PaymentMethodView.Of(method);
    }

    public static async Task<Result<Guid>> RemoveAsync(RapportDb db, Actor actor, Guid customerId, Guid id, CancellationToken ct)
    {
        var found = await db.FindEditableAsync(actor, customerId, ct);
        if (!found.Succeeded) return found.Failure!;
        var method = found.Value!.PaymentMethods.FirstOrDefault(p => p.Id == id);
        if (method is null) return Failure.NotFound("Payment method");
        db.PaymentMethods.Remove(method);
        db.Audit(actor, nameof(PaymentMethod), method.Id, "removed", PaymentMethodView.Of(method), null);
        await db.SaveChangesAsync(ct);
        return id;
    }
}
