using Rapport.Core.Data;

namespace Rapport.Core.Sales;

/// <summary>
/// A priced offer on a deal with the customer's expected return, e.g. a washer that saves $37,000 a year pays for
/// itself in so many months. The customer opens it by a link with an unguessable token.
/// </summary>
public sealed class Quote : IBusinessOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid BusinessId { get; set; }
    public Guid DealId { get; set; }
    public Guid CustomerId { get; set; }
    public required string Title { get; set; }
    public List<QuoteLine> Lines { get; init; } = [];
    /// <summary>The sum of the lines.</summary>
    public decimal Price { get; set; }
    /// <summary>What the customer saves or earns a year with it.</summary>
    public decimal? ExpectedAnnualReturn { get; set; }
    /// <summary>Where the return comes from, e.g. "water, gas and labour".</summary>
    public string? ReturnNote { get; set; }
    public DateOnly? ValidUntil { get; set; }
    /// <summary>The secret part of the customer's link (256 random bits, base64url).</summary>
    public required string PublicToken { get; init; }
    public DateTime CreatedAt { get; init; }
    public Guid? CreatedById { get; set; }
    public DateTime? SentAt { get; set; }
    /// <summary>First time the customer opened the link.</summary>
    public DateTime? FirstViewedAt { get; set; }

    /// <summary>Months until the return pays the price, one decimal; null without a positive return.</summary>
    public decimal? PaybackMonths => Payback(Price, ExpectedAnnualReturn);

    public static decimal? Payback(decimal price, decimal? annualReturn) =>
        annualReturn is > 0 ? Math.Round(price / (annualReturn.Value / 12m), 1, MidpointRounding.AwayFromZero) : null;
}

public sealed class QuoteLine : IBusinessOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid BusinessId { get; set; }
    public Guid QuoteId { get; set; }
    public int Position { get; set; }
    public required string Description { get; set; }
    public decimal Quantity { get; set; }
    public decimal UnitPrice { get; set; }
    public decimal Total => Quantity * UnitPrice;
}
