using Microsoft.EntityFrameworkCore;
using Rapport.Core.Common;
using Rapport.Core.Customers;
using Rapport.Core.Data;

namespace Rapport.Core.Shop;

/// <summary>
/// The shop customer's address book: the people they send to, under the same rules as the recipients staff
/// keep on the customer's file. Another customer's recipient is not found.
/// </summary>
public static class ManageMyRecipients
{
    /// <summary>Keeps one account from filling the database.</summary>
    public const int MaxRecipients = 100;

    public static async Task<IReadOnlyList<RecipientView>> ListAsync(RapportDb db, ShopCustomer who, CancellationToken ct) =>
        (await db.Recipients.AsNoTracking().Where(r => r.CustomerId == who.CustomerId).OrderBy(r => r.Name).ThenBy(r => r.Id).ToListAsync(ct))
            .Select(RecipientView.Of).ToList();

    public static async Task<Result<RecipientView>> GetAsync(RapportDb db, ShopCustomer who, Guid id, CancellationToken ct)
    {
        var recipient = await db.Recipients.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.CustomerId == who.CustomerId, ct);
        return recipient is null ? Failure.NotFound("Recipient") : RecipientView.Of(recipient);
    }

    public static async Task<Result<RecipientView>> AddAsync(RapportDb db, ShopCustomer who, RecipientInput input, CancellationToken ct)
    {
        var v = new Validator();
        input.Validate(v, creating: true);
        if (!v.IsValid) return v.ToFailure();
        if (await db.Recipients.CountAsync(r => r.CustomerId == who.CustomerId, ct) >= MaxRecipients)
            return Failure.Invalid("name", $"An address book holds at most {MaxRecipients} people: remove someone first.");
        var recipient = new Recipient { CustomerId = who.CustomerId, Name = input.Name!.Trim() };
        ManageRecipients.Apply(recipient, input);
        db.Recipients.Add(recipient);
        await db.SaveChangesAsync(ct);
        return RecipientView.Of(recipient);
    }

    public static async Task<Result<RecipientView>> UpdateAsync(RapportDb db, ShopCustomer who, Guid id, RecipientInput input, CancellationToken ct)
    {
        var recipient = await db.Recipients.FirstOrDefaultAsync(r => r.Id == id && r.CustomerId == who.CustomerId, ct);
        if (recipient is null) return Failure.NotFound("Recipient");
        var v = new Validator();
        input.Validate(v, creating: false);
        if (!v.IsValid) return v.ToFailure();
        if (input.Name is not null) recipient.Name = input.Name.Trim();
        ManageRecipients.Apply(recipient, input);
        await db.SaveChangesAsync(ct);
        return RecipientView.Of(recipient);
    }

    public static async Task<Result<Guid>> RemoveAsync(RapportDb db, ShopCustomer who, Guid id, CancellationToken ct)
    {
        var recipient = await db.Recipients.FirstOrDefaultAsync(r => r.Id == id && r.CustomerId == who.CustomerId, ct);
        if (recipient is null) return Failure.NotFound("Recipient");
        db.Recipients.Remove(recipient);
        await db.SaveChangesAsync(ct);
        return id;
    }
}
