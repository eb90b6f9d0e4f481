namespace Rapport.Core.Common;

/// <summary>Money typed by staff: prices, budgets and fees, in the business's currency.</summary>
public static class Amounts
{
    public const decimal Max = 1_000_000m;

    /// <summary>An amount in cents (the database keeps two decimals), above zero or, for fees, zero or more.</summary>
    public static Validator Amount(this Validator v, string field, decimal? value, bool zeroAllowed)
    {
        if (value is not { } amount) return v;
        if (zeroAllowed ? amount < 0 : amount <= 0) return v.Add(field, zeroAllowed ? "Zero or more." : "More than zero.");
        if (amount > Max) return v.Add(field, $"At most {Max:0}.");
        if (decimal.Round(amount, 2) != amount) v.Add(field, "At most two decimals.");
        return v;
    }

    /// <summary>An amount with exactly two decimals, so that it reads the same ("99.00") whichever database it came from.</summary>
    public static decimal Cents(decimal amount) => decimal.Round(amount, 2) + 0.00m;

    public static decimal? Cents(decimal? amount) => amount is { } a ? Cents(a) : null;

    /// <summary>A whole number of deliveries or orders, from zero up to <paramref name="max"/>.</summary>
    public static Validator Count(this Validator v, string field, int? value, int max)
    {
        if (value is { } n && (n < 0 || n > max)) v.Add(field, $"Between 0 and {max}.");
        return v;
    }
}
