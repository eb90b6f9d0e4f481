using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Audit;
using Rapport.Core.Common;
using Rapport.Core.Customers;
using Rapport.Core.Data;
using Rapport.Core.Timeline;

namespace Rapport.Core.Shop;

/// <summary>
/// A customer signs up in the shop: a new customer file (a person, met on the web) with their e-mail,
/// and the account they sign in with.
/// </summary>
public static class OpenShopAccount
{
    public const int MinPasswordLength = 8;
    /// <summary>Bounds the work of hashing what a stranger sends.</summary>
    public const int MaxPasswordLength = 128;
    public const string Taken = "There is already an account with this e-mail. Sign in instead.";

    public sealed record Command(string? Email, string? Name, string? Password);

    public static string Normalize(string email) => email.Trim().ToUpperInvariant();

    public static async Task<Result<ShopCustomer>> HandleAsync(
        RapportDb db, IPasswordHasher<ShopAccount> hasher, Command command, TimeProvider time, CancellationToken ct)
    {
        // Pasted addresses often carry a space at either end.
        var email = command.Email?.Trim();
        var v = new Validator();
        if (string.IsNullOrEmpty(email)) v.Add("email", "This field is required.");
        // The same rules as a name and an e-mail on any customer's file.
        new CustomerInput(Kind: CustomerKind.Person, Name: command.Name, Email: email).Validate(v, creating: true);
        if (command.Password is null || command.Password.Length < MinPasswordLength) v.Add("password", $"At least {MinPasswordLength} characters.");
        else if (command.Password.Length > MaxPasswordLength) v.Add("password", $"At most {MaxPasswordLength} characters.");
        if (!v.IsValid) return v.ToFailure();

        var normalized = Normalize(email!);
        if (await db.ShopAccounts.AnyAsync(a => a.NormalizedEmail == normalized, ct)) return Failure.Invalid("email", Taken);

        var now = time.GetUtcNow().UtcDateTime;
        var callingCode = await db.Businesses.Where(b => b.Id == db.CurrentBusinessId).Select(b => b.DefaultCallingCode).FirstAsync(ct);
        // Always a new customer file: the e-mail is not verified, so joining the file of a customer with the same
        // address would hand anyone who types a regular's e-mail their recipients, cards and orders.
        var customer = new Customer { Kind = CustomerKind.Person, Name = command.Name!.Trim(), CustomerSince = now, CreatedAt = now, UpdatedAt = now };
        CustomerEdits.Apply(customer, new CustomerInput(Email: email), callingCode);
        customer.NoteActivity(now);
        var account = new ShopAccount { CustomerId = customer.Id, Email = email!, NormalizedEmail = normalized, CreatedAt = now, LastSignInAt = now };
        account.PasswordHash = hasher.HashPassword(account, command.Password!);

        db.Customers.Add(customer);
        db.ShopAccounts.Add(account);
        TimelineEntries.Record(db, customer.Id, now, now, Channel.Web, Direction.Inbound, Tone.Neutral, "Opened an account in the online shop.");
        db.Audit(account.Id, ShopCustomer.AuditName, nameof(Customer), customer.Id, "created", null, new { customer.Name, customer.Kind, Channel = "shop" });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two sign-ups with one e-mail at once: the unique index let the first through.
            db.ChangeTracker.Clear();
            if (await db.ShopAccounts.AnyAsync(a => a.NormalizedEmail == normalized, ct)) return Failure.Invalid("email", Taken);
            throw;
        }
        return new ShopCustomer(db.CurrentBusinessId, account.Id, customer.Id, customer.Name, account.Email);
    }
}
