namespace Rapport.Core.Sales;

public sealed record QuoteLineView(string Description, decimal Quantity, decimal UnitPrice, decimal Total);

/// <summary>
/// A quote with its lines, price, the customer's expected return and payback, and the token of the page the customer
/// opens (the web layer turns it into that page's link).
/// </summary>
public sealed record QuoteView(
    Guid Id, Guid DealId, Guid CustomerId, string Title, IReadOnlyList<QuoteLineView> Lines, decimal Price, decimal? ExpectedAnnualReturn,
    string? ReturnNote, decimal? PaybackMonths, DateOnly? ValidUntil, string PublicToken, DateTime CreatedAt, DateTime? SentAt, DateTime? FirstViewedAt)
{
    public static QuoteView Of(Quote q) => new(q.Id, q.DealId, q.CustomerId, q.Title,
        q.Lines.OrderBy(l => l.Position).Select(l => new QuoteLineView(l.Description, l.Quantity, l.UnitPrice, l.Total)).ToList(),
        q.Price, q.ExpectedAnnualReturn, q.ReturnNote, q.PaybackMonths, q.ValidUntil, q.PublicToken, q.CreatedAt, q.SentAt, q.FirstViewedAt);
}
