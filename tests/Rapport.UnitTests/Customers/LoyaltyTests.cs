using System.Globalization;
using Rapport.Core.Customers;

namespace Rapport.UnitTests.Customers;

public class LoyaltyTests
{
    private static readonly DateTime Now = Utc(2026, 6, 15);

    private static DateTime Utc(int year, int month, int day, int hour = 12) => new(year, month, day, hour, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_customer_of_less_than_a_year_is_new()
    {
        var loyalty = Loyalty.Assess(Utc(2026, 3, 2), lastActivityAt: Utc(2026, 6, 1), Now);

        loyalty.Tier.ShouldBe(LoyaltyTier.New);
        loyalty.Years.ShouldBe(0);
        loyalty.Label.ShouldBe("New customer since March 2026");
    }

    [Fact]
    public void A_new_customer_with_no_activity_yet_is_still_new() =>
        Loyalty.Assess(Utc(2025, 9, 1), lastActivityAt: null, Now).Tier.ShouldBe(LoyaltyTier.New);

    [Theory]
    [InlineData(2025, 6, 15, 1, "Customer for 1 year · regular")]   // exactly one year
    [InlineData(2024, 6, 16, 1, "Customer for 1 year · regular")]   // a day short of two
    [InlineData(2024, 6, 15, 2, "Customer for 2 years · regular")]
    [InlineData(2023, 6, 16, 2, "Customer for 2 years · regular")]
    public void An_active_customer_of_one_or_two_years_is_regular(int y, int m, int d, int years, string label)
    {
        var loyalty = Loyalty.Assess(Utc(y, m, d), lastActivityAt: Now.AddDays(-30), Now);

        loyalty.Tier.ShouldBe(LoyaltyTier.Regular);
        loyalty.Years.ShouldBe(years);
        loyalty.Label.ShouldBe(label);
    }

    [Theory]
    [InlineData(2023, 6, 15, 3, "Customer for 3 years · loyal")]
    [InlineData(2018, 1, 20, 8, "Customer for 8 years · loyal")]
    public void An_active_customer_of_three_years_or_more_is_loyal(int y, int m, int d, int years, string label)
    {
        var loyalty = Loyalty.Assess(Utc(y, m, d), lastActivityAt: Now.AddDays(-2), Now);

        loyalty.Tier.ShouldBe(LoyaltyTier.Loyal);
        loyalty.Years.ShouldBe(years);
        loyalty.Label.ShouldBe(label);
    }

    [Fact]
    public void A_customer_with_no_activity_for_more_than_548_days_has_lapsed()
    {
        var loyalty = Loyalty.Assess(Utc(2018, 1, 20), lastActivityAt: Now.AddDays(-549), Now);

        loyalty.Tier.ShouldBe(LoyaltyTier.Lapsed);
        loyalty.Label.ShouldBe("Customer for 8 years · lapsed");
    }

    [Fact]
    public void Lapsing_starts_just_after_548_days()
    {
        var since = Utc(2018, 1, 20);

        Loyalty.Assess(since, Now - TimeSpan.FromDays(548), Now).Tier.ShouldBe(LoyaltyTier.Loyal);
        Loyalty.Assess(since, Now - TimeSpan.FromDays(548) - TimeSpan.FromSeconds(1), Now).Tier.ShouldBe(LoyaltyTier.Lapsed);
    }

    [Fact]
    public void An_old_customer_never_active_since_joining_has_lapsed() =>
        Loyalty.Assess(Utc(2022, 1, 1), lastActivityAt: null, Now).Tier.ShouldBe(LoyaltyTier.Lapsed);

    [Fact]
    public void Tenure_counts_whole_years_only()
    {
        var since = Utc(2023, 6, 15, hour: 12);

        Loyalty.Assess(since, Now, Now.AddHours(-1)).Years.ShouldBe(2);
        Loyalty.Assess(since, Now, Now).Years.ShouldBe(3);
    }

    [Theory]
    [InlineData(2025, 2, 27, 0)]
    [InlineData(2025, 2, 28, 1)]   // the anniversary of 29 February falls on 28 February in other years
    [InlineData(2025, 3, 1, 1)]
    [InlineData(2028, 2, 28, 3)]   // in a leap year, the anniversary is 29 February itself
    [InlineData(2028, 2, 29, 4)]
    public void A_customer_since_a_leap_day_has_an_anniversary_every_year(int y, int m, int d, int years)
    {
        var since = Utc(2024, 2, 29);
        var now = Utc(y, m, d);

        Loyalty.Assess(since, now, now).Years.ShouldBe(years);
    }

    [Fact]
    public void A_customer_since_1_March_is_not_a_year_old_on_29_February() =>
        Loyalty.Assess(Utc(2023, 3, 1), Utc(2024, 2, 29), Utc(2024, 2, 29)).Years.ShouldBe(0);

    [Fact]
    public void A_date_in_the_future_counts_as_no_tenure()
    {
        var loyalty = Loyalty.Assess(Now.AddDays(3), lastActivityAt: null, Now);

        loyalty.Tier.ShouldBe(LoyaltyTier.New);
        loyalty.Years.ShouldBe(0);
    }

    [Fact]
    public void The_label_is_english_whatever_the_servers_culture()
    {
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");

            Loyalty.Assess(Utc(2026, 3, 2), lastActivityAt: null, Now).Label.ShouldBe("New customer since March 2026");
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }
}
