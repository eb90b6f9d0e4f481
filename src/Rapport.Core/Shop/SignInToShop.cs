using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Data;

namespace Rapport.Core.Shop;

/// <summary>
/// A customer signs in to the shop with e-mail and password. After <see cref="MaxFailures"/> wrong passwords
/// the account is locked for <see cref="LockoutFor"/>; an unknown e-mail and a wrong password get the same answer.
/// </summary>
public static class SignInToShop
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan LockoutFor = TimeSpan.FromMinutes(5);

    public enum Outcome { SignedIn, WrongCredentials, LockedOut }

    public sealed record Command(string? Email, string? Password);

    public sealed record Answer(Outcome Outcome, ShopCustomer? Customer = null, TimeSpan? RetryAfter = null);

    private static string? placeholderHash;

    public static async Task<Answer> HandleAsync(
        RapportDb db, IPasswordHasher<ShopAccount> hasher, Command command, TimeProvider time, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(command.Email) || command.Email.Length > 254
            || string.IsNullOrEmpty(command.Password) || command.Password.Length > OpenShopAccount.MaxPasswordLength)
            return new Answer(Outcome.WrongCredentials);

        var now = time.GetUtcNow().UtcDateTime;
        var normalized = OpenShopAccount.Normalize(command.Email);
        var account = await db.ShopAccounts.FirstOrDefaultAsync(a => a.NormalizedEmail == normalized, ct);
        if (account is null)
        {
            // As slow as checking a real password, so the time taken does not tell which e-mails have accounts.
            var nobody = new ShopAccount { Email = "", NormalizedEmail = "" };
            hasher.VerifyHashedPassword(nobody, placeholderHash ??= hasher.HashPassword(nobody, Guid.NewGuid().ToString()), command.Password);
            return new Answer(Outcome.WrongCredentials);
        }
        if (account.LockedUntil is { } until && until > now) return new Answer(Outcome.LockedOut, RetryAfter: until - now);

        var verified = hasher.VerifyHashedPassword(account, account.PasswordHash, command.Password);
        if (verified == PasswordVerificationResult.Failed)
        {
            // Counted in the database by one statement each, so guesses sent at once or to several nodes all count.
            await db.ShopAccounts.Where(a => a.Id == account.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.FailedSignIns, a => a.FailedSignIns + 1), ct);
            var locked = await db.ShopAccounts.Where(a => a.Id == account.Id && a.FailedSignIns >= MaxFailures)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.LockedUntil, now + LockoutFor).SetProperty(a => a.FailedSignIns, 0), ct);
            return locked == 1 ? new Answer(Outcome.LockedOut, RetryAfter: LockoutFor) : new Answer(Outcome.WrongCredentials);
        }

        var customer = await ShopCustomer.FindAsync(db, account.Id, ct);
        if (customer is null) return new Answer(Outcome.WrongCredentials);
        account.FailedSignIns = 0;
        account.LockedUntil = null;
        account.LastSignInAt = now;
        if (verified == PasswordVerificationResult.SuccessRehashNeeded) account.PasswordHash = hasher.HashPassword(account, command.Password);
        await db.SaveChangesAsync(ct);
        return new Answer(Outcome.SignedIn, customer);
    }
}
