using Microsoft.EntityFrameworkCore;
using Rapport.Core.Data;

namespace Rapport.Core.Sales;

/// <summary>What the customer sees when opening a quote's link.</summary>
public sealed record PublicQuote(string BusinessName, string CustomerName, QuoteView Quote);

/// <summary>The customer's side of a quote: found by its token alone, before anyone is signed in.</summary>
public static class OpenQuote
{
    /// <summary>The business a token belongs to, so the request can act for it; null for no such quote.</summary>
    public static async Task<Guid?> BusinessOfAsync(RapportDb db, string token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length != SalesLimits.Token) return null;
        // The one query made before the business is known; it matches on the secret token only.
        return await db.Quotes.IgnoreQueryFilters().Where(q => q.PublicToken == token).Select(q => (Guid?)q.BusinessId).FirstOrDefaultAsync(ct);
    }

    /// <summary>The quote, in a scope already acting for its business; the first opening is recorded.</summary>
    public static async Task<PublicQuote?> HandleAsync(RapportDb db, string token, TimeProvider time, CancellationToken ct)
    {
        var quote = await db.Quotes.Include(q => q.Lines).FirstOrDefaultAsync(q => q.PublicToken == token, ct);
        if (quote is null) return null;
        if (quote.FirstViewedAt is null)
        {
            quote.FirstViewedAt = time.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
        }
        var business = await db.Businesses.Where(b => b.Id == quote.BusinessId).Select(b => b.Name).FirstAsync(ct);
        var customer = await db.Customers.IgnoreQueryFilters().Where(c => c.Id == quote.CustomerId && c.BusinessId == quote.BusinessId)
            .Select(c => c.Name).FirstAsync(ct);
        return new PublicQuote(business, customer, QuoteView.Of(quote));
    }
}
