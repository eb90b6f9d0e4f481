using System.Globalization;

namespace Rapport.Core.Customers;

public enum LoyaltyTier { New, Regular, Loyal, Lapsed }

/// <summary>How long and how actively a customer has bought here, as the badge at the top of their page.</summary>
public sealed record Loyalty(LoyaltyTier Tier, DateTime CustomerSince, int Years, string Label)
{
    /// <summary>Years of tenure from which an active customer counts as loyal.</summary>
    public const int LoyalAfterYears = 3;
    /// <summary>A customer with no activity for this long has lapsed.</summary>
    public static readonly TimeSpan LapsedAfter = TimeSpan.FromDays(548);

    public static Loyalty Assess(DateTime customerSince, DateTime? lastActivityAt, DateTime now)
    {
        var years = WholeYears(customerSince, now);
        var last = lastActivityAt ?? customerSince;
        var tier = (now - last) > LapsedAfter ? LoyaltyTier.Lapsed
            : years >= LoyalAfterYears ? LoyaltyTier.Loyal
            : years >= 1 ? LoyaltyTier.Regular
            : LoyaltyTier.New;
        var tenure = years switch
        {
            // The label is English, so the month is too, whatever the server's culture.
            0 => $"New customer since {customerSince.ToString("MMMM yyyy", CultureInfo.InvariantCulture)}",
            1 => "Customer for 1 year",
            _ => $"Customer for {years} years",
        };
        var label = tier == LoyaltyTier.New ? tenure : $"{tenure} · {tier.ToString().ToLowerInvariant()}";
        return new Loyalty(tier, customerSince, years, label);
    }

    private static int WholeYears(DateTime from, DateTime to)
    {
        if (to <= from) return 0;
        var years = to.Year - from.Year;
        if (to < from.AddYears(years)) years--;
        return years;
    }
}
