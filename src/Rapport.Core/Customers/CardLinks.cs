using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Core.Audit;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Data;
using Rapport.Core.Notifications;

namespace Rapport.Core.Customers;

/// <summary>
/// A link staff send a caller so they put a card on file themselves, on the payment provider's page. Only a hash of
/// its token is kept; it is used once (a conditional update) and expires <see cref="CardLinks.Lifetime"/> after it is made.
/// </summary>
public sealed class CardLink : IBusinessOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid BusinessId { get; set; }
    public Guid CustomerId { get; set; }
    public required string TokenHash { get; set; }
    public Guid CreatedById { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? UsedAt { get; set; }
    public Guid? PaymentMethodId { get; set; }
}

internal sealed class CardLinkConfiguration : IEntityTypeConfiguration<CardLink>
{
    public void Configure(EntityTypeBuilder<CardLink> b)
    {
        b.Property(x => x.TokenHash).HasMaxLength(64);
        b.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId);
        b.HasIndex(x => x.TokenHash).IsUnique();
        b.HasIndex(x => new { x.CustomerId, x.ExpiresAt });
    }
}

public enum CardLinkSend { None, Email }

/// <summary>A link made: the token goes in the URL only; <paramref name="Emailed"/> says whether it was queued as e-mail.</summary>
public sealed record CardLinkMade(Guid Id, string Token, DateTime ExpiresAt, bool Emailed, string? EmailedTo);

/// <summary>What a card link opens: the link and whom it is for.</summary>
public sealed record OpenCardLink(Guid Id, Guid BusinessId, Guid CustomerId, string BusinessName);

public static class CardLinks
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>
    /// Makes a link for one customer; staff who take orders only. With <see cref="CardLinkSend.Email"/> the link goes
    /// to the customer's e-mail address through the outbox (422 naming "send" when there is none).
    /// </summary>
    public static async Task<Result<CardLinkMade>> CreateAsync(
        RapportDb db, Actor actor, Guid customerId, CardLinkSend send, Func<string, string> url, TimeProvider time, CancellationToken ct)
    {
        var customer = await db.FindFileAsync(actor, customerId, ct);
        if (customer is null) return Failure.NotFound("Customer");
        if (!actor.Role.TakesOrders()) return Failure.Forbidden($"The {actor.Role.Label()} role cannot take card details.");
        var email = customer.PrimaryEmail?.Value;
        if (send == CardLinkSend.Email && !Outbox.IsAddress(email))
            return Failure.Invalid("send", $"{customer.Name} has no e-mail address: show the link to copy into a text message instead.");

        var now = time.GetUtcNow().UtcDateTime;
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var link = new CardLink
        {
            CustomerId = customerId, TokenHash = Hash(token), CreatedById = actor.StaffId, CreatedAt = now, ExpiresAt = now + Lifetime,
        };
        db.CardLinks.Add(link);
        db.Audit(actor, nameof(CardLink), link.Id, "created", null, new { link.CustomerId, link.ExpiresAt, send = send.ToString().ToLowerInvariant() });
        if (send == CardLinkSend.Email)
        {
            var business = await db.Businesses.AsNoTracking().Where(b => b.Id == actor.BusinessId).Select(b => b.Name).FirstAsync(ct);
            var href = url(token);
            var text = $"Hello {customer.Name},\n\nTo put a card on file with {business}, open this secure link and enter the card on our payment provider's page. " +
                $"{business} never sees the card number.\n\n{href}\n\nThe link works once, until {now + Lifetime:yyyy-MM-dd HH:mm} UTC.\n";
            var html = $"<p>Hello {E(customer.Name)},</p><p>To put a card on file with {E(business)}, open this secure link and enter the card on our payment provider's page. " +
                $"{E(business)} never sees the card number.</p><p><a href=\"{E(href)}\">Add your card</a></p><p>The link works once, until {now + Lifetime:yyyy-MM-dd HH:mm} UTC.</p>";
            Outbox.Enqueue(db, new OutgoingMail($"card-link:{link.Id:N}", email!.Trim(), customer.Name, $"Add your card for {business}", text, html, customerId), now);
        }
        await db.SaveChangesAsync(ct);
        return new CardLinkMade(link.Id, token, link.ExpiresAt, send == CardLinkSend.Email, send == CardLinkSend.Email ? email : null);
    }

    /// <summary>The open link a token names, across businesses (the caller then acts for its business); null when unknown, used or expired.</summary>
    public static async Task<OpenCardLink?> FindOpenAsync(RapportDb db, string? token, TimeProvider time, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100) return null;
        var hash = Hash(token);
        var now = time.GetUtcNow().UtcDateTime;
        var link = await db.CardLinks.IgnoreQueryFilters().AsNoTracking()
            .Where(l => l.TokenHash == hash && l.UsedAt == null && l.ExpiresAt > now).FirstOrDefaultAsync(ct);
        if (link is null) return null;
        var name = await db.Businesses.AsNoTracking().Where(b => b.Id == link.BusinessId).Select(b => b.Name).FirstAsync(ct);
        return new OpenCardLink(link.Id, link.BusinessId, link.CustomerId, name);
    }

    /// <summary>
    /// Keeps the card the provider returned for the link's customer, with <see cref="ManagePaymentMethods"/>' rules, and
    /// uses the link up; the database must act for the link's business. Audited as done by the customer through the link.
    /// </summary>
    public static async Task<Result<PaymentMethodView>> CompleteAsync(RapportDb db, OpenCardLink link, PaymentMethodInput input, TimeProvider time, CancellationToken ct)
    {
        if (db.CurrentBusinessId != link.BusinessId) return Failure.NotFound("Card link");
        var v = new Validator();
        input.Validate(v, time.GetUtcNow().Year);
        if (!v.IsValid) return v.ToFailure();
        var customer = await db.Customers.Where(c => c.Id == link.CustomerId).Select(c => c.Name).FirstOrDefaultAsync(ct);
        if (customer is null) return Failure.NotFound("Customer");

        var now = time.GetUtcNow().UtcDateTime;
        var method = input.ToPaymentMethod(link.CustomerId);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // One conditional statement uses the link: of two answers racing, only one keeps a card.
        var used = await db.CardLinks.Where(l => l.Id == link.Id && l.UsedAt == null && l.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.UsedAt, now).SetProperty(l => l.PaymentMethodId, method.Id), ct);
        if (used == 0) return Failure.Conflict("This link was used already or has expired.");
        db.PaymentMethods.Add(method);
        db.Audit(null, $"{customer} (card link)", nameof(PaymentMethod), method.Id, "added", null, PaymentMethodView.Of(method));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return PaymentMethodView.Of(method);
    }

    /// <summary>Whether a link for the customer is still waiting for the customer (the order form then looks again).</summary>
    public static Task<bool> AnyOutstandingAsync(RapportDb db, Guid customerId, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return db.CardLinks.AnyAsync(l => l.CustomerId == customerId && l.UsedAt == null && l.ExpiresAt > now, ct);
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
