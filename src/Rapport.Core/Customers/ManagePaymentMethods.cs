using Rapport.Core.Audit;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Data;

namespace Rapport.Core.Customers;

/// <summary>A card on file as the payment provider returns it: token, brand, last four, expiry. Never the number.</summary>
public sealed record PaymentMethodInput(string? Provider, string? Token, string? Brand, string? Last4, int? ExpMonth, int? ExpYear)
{
    /// <summary>The same rules whoever adds the card: staff on the phone or the customer in the shop.</summary>
    public void Validate(Validator v, int currentYear)
    {
        // Required and MaxLength refuse card numbers in these fields too.
        v.Required("provider", Provider, 40).Required("token", Token, 200).Required("brand", Brand, 20);
        if (Last4 is null || Last4.Length != 4 || !Last4.All(char.IsAsciiDigit))
            v.Add("last4", "The last four digits of the card.");
        if (ExpMonth is not (>= 1 and <= 12)) v.Add("expMonth", "A month from 1 to 12.");
        if (ExpYear is not { } y || y < currentYear - 1 || y > currentYear + 25)
            v.Add("expYear", $"A four-digit year from {currentYear - 1} to {currentYear + 25}.");
    }

    /// <summary>The card for a customer; call after <see cref="Validate"/> passed.</summary>
    public PaymentMethod ToPaymentMethod(Guid customerId) => new()
    {
        CustomerId = customerId,
        Provider = Provider!.Trim(),
        Token = Token!.Trim(),
        Brand = Brand!.Trim(),
        Last4 = Last4!,
        ExpMonth = ExpMonth!.Value,
        ExpYear = ExpYear!.Value,
    };
}

public static class ManagePaymentMethods
{
    public static async Task<Result<PaymentMethodView>> AddAsync(
        RapportDb db, Actor actor, Guid customerId, PaymentMethodInput input, TimeProvider time, CancellationToken ct)
    {
        var found = await db.FindEditableAsync(actor, customerId, ct);
        if (!found.Succeeded) return found.Failure;

        var v = new Validator();
        input.Validate(v, time.GetUtcNow().Year);
        if (!v.IsValid) return v.ToFailure();

        var method = input.ToPaymentMethod(customerId);
        db.PaymentMethods.Add(method);
        db.Audit(actor, nameof(PaymentMethod), method.Id, "added", null, PaymentMethodView.Of(method));
        await db.SaveChangesAsync(ct);
        return PaymentMethodView.Of(method);
    }

    public static async Task<Result<Guid>> RemoveAsync(RapportDb db, Actor actor, Guid customerId, Guid id, CancellationToken ct)
    {
        var found = await db.FindEditableAsync(actor, customerId, ct);
        if (!found.Succeeded) return found.Failure;
        var method = found.Value.PaymentMethods.FirstOrDefault(p => p.Id == id);
        if (method is null) return Failure.NotFound("Payment method");
        db.PaymentMethods.Remove(method);
        db.Audit(actor, nameof(PaymentMethod), method.Id, "removed", PaymentMethodView.Of(method), null);
        await db.SaveChangesAsync(ct);
        return id;
    }
}
