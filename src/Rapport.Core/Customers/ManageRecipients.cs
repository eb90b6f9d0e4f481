using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Data;

namespace Rapport.Core.Customers;

public sealed record RecipientInput(string? Name, string? Relationship, string? Phone, AddressInput? Address)
{
    public void Validate(Validator v, bool creating)
    {
        if (creating || Name is not null) v.Required("name", Name, CustomerLimits.Name);
        v.MaxLength("relationship", Relationship, 60);
        v.Phone("phone", Phone);
        if (Address is { IsEmpty: false } a) a.Validate(v, "address");
    }
}

/// <summary>The people a customer sends to: add, change, remove.</summary>
public static class ManageRecipients
{
    public static async Task<Result<RecipientView>> AddAsync(RapportDb db, Actor actor, Guid customerId, RecipientInput input, CancellationToken ct)
    {
        var found = await db.FindEditableAsync(actor, customerId, ct);
        if (!found.Succeeded) return found.Failure;
        var v = new Validator();
        input.Validate(v, creating: true);
        if (!v.IsValid) return v.ToFailure();
        var recipient = new Recipient { CustomerId = customerId, Name = input.Name!.Trim() };
        Apply(recipient, input);
        db.Recipients.Add(recipient);
        await db.SaveChangesAsync(ct);
        return RecipientView.Of(recipient);
    }

    public static async Task<Result<RecipientView>> UpdateAsync(RapportDb db, Actor actor, Guid customerId, Guid id, RecipientInput input, CancellationToken ct)
    {
        var found = await db.FindEditableAsync(actor, customerId, ct);
        if (!found.Succeeded) return found.Failure;
        var recipient = found.Value.Recipients.FirstOrDefault(r => r.Id == id);
        if (recipient is null) return Failure.NotFound("Recipient");
        var v = new Validator();
        input.Validate(v, creating: false);
        if (!v.IsValid) return v.ToFailure();
        if (input.Name is not null) recipient.Name = input.Name.Trim();
        Apply(recipient, input);
        await db.SaveChangesAsync(ct);
        return RecipientView.Of(recipient);
    }

    public static async Task<Result<Guid>> RemoveAsync(RapportDb db, Actor actor, Guid customerId, Guid id, CancellationToken ct)
    {
        var found = await db.FindEditableAsync(actor, customerId, ct);
        if (!found.Succeeded) return found.Failure;
        var recipient = found.Value.Recipients.FirstOrDefault(r => r.Id == id);
        if (recipient is null) return Failure.NotFound("Recipient");
        db.Recipients.Remove(recipient);
        await db.SaveChangesAsync(ct);
        return id;
    }

    /// <summary>Writes the optional fields given; shared with the shop's address book.</summary>
    internal static void Apply(Recipient r, RecipientInput input)
    {
        if (input.Relationship is not null) r.Relationship = AddressInput.Blank(input.Relationship);
        if (input.Phone is not null) r.Phone = AddressInput.Blank(input.Phone);
        if (input.Address is not null) r.Address = input.Address.IsEmpty ? null : input.Address.ToAddress();
    }
}
