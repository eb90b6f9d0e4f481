using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Audit;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Data;

namespace Rapport.Core.Sales;

/// <summary>Writes a quote on a deal: lines, price, and the customer's expected annual return, from which the payback follows.</summary>
public static class CreateQuote
{
    public const int MaxLines = 50;

    public sealed record Line(string? Description, decimal? Quantity, decimal? UnitPrice);

    public sealed record Command(string? Title, IReadOnlyList<Line>? Lines, decimal? ExpectedAnnualReturn, string? ReturnNote, DateOnly? ValidUntil);

    public static async Task<Result<QuoteView>> HandleAsync(RapportDb db, Actor actor, Guid dealId, Command c, TimeProvider time, CancellationToken ct)
    {
        var found = await db.FindWorkableDealAsync(actor, dealId, ct);
        if (!found.Succeeded) return found.Failure;
        var deal = found.Value;
        var v = new Validator();
        v.Required("title", c.Title, SalesLimits.Title);
        var lines = c.Lines ?? [];
        if (lines.Count == 0) v.Add("lines", "A quote lists at least one line.");
        else if (lines.Count > MaxLines) v.Add("lines", $"At most {MaxLines} lines.");
        for (var i = 0; i < Math.Min(lines.Count, MaxLines); i++)
        {
            var at = $"lines[{i}]";
            if (lines[i] is not { } line) { v.Add(at, "A line is required here."); continue; }
            v.Required($"{at}.description", line.Description, SalesLimits.Title);
            if (line.Quantity is not { } q || q <= 0 || q > 100_000) v.Add($"{at}.quantity", "A quantity above 0, at most 100000.");
            if (line.UnitPrice is not { } p || p < 0 || p > 100_000_000) v.Add($"{at}.unitPrice", "A price from 0 to 100000000.");
        }
        v.Range("expectedAnnualReturn", c.ExpectedAnnualReturn, 0m, 1_000_000_000m);
        v.MaxLength("returnNote", c.ReturnNote, SalesLimits.Title);
        if (c.ValidUntil is { Year: < 2000 or > 2100 }) v.Add("validUntil", "A date between 2000 and 2100.");
        if (!v.IsValid) return v.ToFailure();

        var now = time.GetUtcNow().UtcDateTime;
        var quote = new Quote
        {
            BusinessId = deal.BusinessId, DealId = deal.Id, CustomerId = deal.CustomerId, Title = c.Title!.Trim(),
            ExpectedAnnualReturn = c.ExpectedAnnualReturn, ReturnNote = string.IsNullOrWhiteSpace(c.ReturnNote) ? null : c.ReturnNote.Trim(),
            ValidUntil = c.ValidUntil, PublicToken = NewToken(), CreatedAt = now, CreatedById = actor.StaffId,
        };
        for (var i = 0; i < lines.Count; i++)
            quote.Lines.Add(new QuoteLine
            {
                BusinessId = deal.BusinessId, QuoteId = quote.Id, Position = i, Description = lines[i].Description!.Trim(),
                Quantity = lines[i].Quantity!.Value, UnitPrice = lines[i].UnitPrice!.Value,
            });
        quote.Price = quote.Lines.Sum(l => l.Total);
        db.Quotes.Add(quote);
        deal.Touch(now);
        db.Audit(actor, nameof(Quote), quote.Id, "created", null, new { quote.DealId, quote.Title, quote.Price, quote.ExpectedAnnualReturn });
        await db.SaveChangesAsync(ct);
        return QuoteView.Of(quote);
    }

    public static async Task<Result<QuoteView>> GetAsync(RapportDb db, Actor actor, Guid id, CancellationToken ct)
    {
        var quote = await db.Quotes.AsNoTracking().Include(q => q.Lines)
            .FirstOrDefaultAsync(q => q.Id == id && db.VisibleDeals(actor).Any(d => d.Id == q.DealId), ct);
        return quote is null ? Failure.NotFound("Quote") : QuoteView.Of(quote);
    }

    /// <summary>A deal's quotes with their lines, newest first, in one query; the caller has already found the deal.</summary>
    public static async Task<List<QuoteView>> ForDealAsync(RapportDb db, Guid dealId, CancellationToken ct) =>
        (await db.Quotes.AsNoTracking().Include(q => q.Lines).Where(q => q.DealId == dealId)
            .OrderByDescending(q => q.CreatedAt).ToListAsync(ct)).Select(QuoteView.Of).ToList();

    private static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
}
