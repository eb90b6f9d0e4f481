using Rapport.Core.Occasions;
using static Rapport.Core.Occasions.OccasionInference;

namespace Rapport.UnitTests.Occasions;

public class OccasionInferenceTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly Guid Tom = Guid.NewGuid();
    private static readonly Guid Maria = Guid.NewGuid();
    private static readonly Guid Ingrid = Guid.NewGuid();

    private static OrderFact Order(Guid recipient, int year, int month, int day, string? tag = null, decimal amount = 85m) =>
        new(Guid.NewGuid(), Tom, recipient, new DateOnly(year, month, day), tag, amount);

    [Fact]
    public void Seven_valentines_days_for_maria_are_valentines_day_with_high_confidence_resting_on_those_orders()
    {
        var orders = Enumerable.Range(2020, 7).Select(y => Order(Maria, y, 2, 14, "Valentine's Day", y < 2023 ? 75m : 85m)).ToList();

        var proposal = Infer(orders, Today).ShouldHaveSingleItem();

        proposal.Type.ShouldBe(OccasionType.Valentines);
        proposal.RecipientId.ShouldBe(Maria);
        proposal.Rule.ShouldBe(DateRule.ValentinesDay);
        proposal.Confidence.ShouldBeGreaterThanOrEqualTo(0.9);
        proposal.Evidence.ShouldBe(orders.Select(o => o.OrderId), ignoreOrder: true);
        proposal.UsualBudget.ShouldBe(85m);
    }

    [Fact]
    public void Untagged_orders_around_the_same_date_in_two_of_the_last_three_years_make_a_custom_occasion_on_the_latest_usual_day()
    {
        // Oct 3; in 2021 a Sunday, so the flowers came on the Saturday.
        var orders = new[] { Order(Maria, 2021, 10, 2), Order(Maria, 2023, 10, 3), Order(Maria, 2025, 10, 3), Order(Maria, 2026, 10, 1) };

        var proposal = Infer(orders, Today).ShouldHaveSingleItem();

        proposal.Type.ShouldBe(OccasionType.Custom);
        proposal.Rule.ShouldBe(DateRule.Fixed(10, 3));
        proposal.Evidence.Count.ShouldBe(4);
        proposal.Confidence.ShouldBe(Confidence(false, 2, 4));
    }

    [Fact]
    public void One_untagged_order_or_two_long_ago_propose_nothing()
    {
        Infer([Order(Maria, 2026, 3, 3)], Today).ShouldBeEmpty();
        Infer([Order(Maria, 2018, 3, 3), Order(Maria, 2019, 3, 4), Order(Maria, 2020, 3, 3)], Today).ShouldBeEmpty();
        // The same date, but for two different people.
        Infer([Order(Maria, 2025, 3, 3), Order(Ingrid, 2026, 3, 3)], Today).ShouldBeEmpty();
        // Too far apart to be the same day.
        Infer([Order(Maria, 2025, 3, 3), Order(Maria, 2026, 3, 20)], Today).ShouldBeEmpty();
    }

    [Fact]
    public void An_order_tagged_with_a_yearly_occasion_is_proposed_with_less_confidence_and_untagged_years_join_it()
    {
        var once = Infer([Order(Maria, 2025, 6, 18, "Anniversary")], Today).ShouldHaveSingleItem();
        once.Type.ShouldBe(OccasionType.Anniversary);
        once.Rule.ShouldBe(DateRule.Fixed(6, 18));
        once.Confidence.ShouldBeLessThan(0.7);

        var untaggedYear = Order(Maria, 2024, 6, 17);
        var both = Infer([Order(Maria, 2025, 6, 18, "Our anniversary"), untaggedYear], Today).ShouldHaveSingleItem();
        both.Type.ShouldBe(OccasionType.Anniversary);
        both.Evidence.ShouldContain(untaggedYear.OrderId);
        both.Confidence.ShouldBeGreaterThan(once.Confidence);
    }

    [Fact]
    public void One_off_tags_are_not_yearly_occasions()
    {
        Infer([Order(Maria, 2026, 4, 2, "Get well")], Today).ShouldBeEmpty();
        Infer([Order(Maria, 2018, 2, 14, "Valentine's Day")], Today).ShouldBeEmpty();
    }

    [Fact]
    public void Mothers_day_is_found_though_its_date_moves_untagged_and_delivered_on_the_saturday()
    {
        // The Saturdays before the second Sundays of May 2024, 2025 and 2026 (May 12, 11, 10).
        var orders = new[] { Order(Ingrid, 2024, 5, 11), Order(Ingrid, 2025, 5, 10), Order(Ingrid, 2026, 5, 9) };

        var proposal = Infer(orders, Today).ShouldHaveSingleItem();

        proposal.Type.ShouldBe(OccasionType.MothersDay);
        proposal.Rule.ShouldBe(DateRule.MothersDay);
        proposal.RecipientId.ShouldBe(Ingrid);
    }

    [Fact]
    public void Tom_gets_valentines_day_birthday_and_anniversary_for_maria_and_mothers_day_for_ingrid()
    {
        var orders = new List<OrderFact>();
        orders.AddRange(Enumerable.Range(2020, 7).Select(y => Order(Maria, y, 2, 14, "Valentine's Day")));
        orders.AddRange(new[] { 2019, 2020, 2021, 2023, 2025, 2026 }.Select(y => Order(Maria, y, 10, y == 2021 ? 2 : 3, "Birthday")));
        orders.AddRange(new[] { 2019, 2020, 2021, 2023, 2024, 2025 }.Select(y => Order(Maria, y, 6, 18, "Anniversary")));
        orders.AddRange(new[] { 2022, 2023, 2024, 2025 }.Select(y => Order(Ingrid, y, 5, DateRule.MothersDay.In(y).Day - 1, "Mother's Day", 65m)));
        orders.Add(Order(Maria, 2026, 8, 8, "Just because"));

        var proposals = Infer(orders, Today);

        proposals.Select(p => (p.RecipientId, p.Type)).ShouldBe(
            [(Maria, OccasionType.Valentines), (Maria, OccasionType.Birthday), (Maria, OccasionType.Anniversary), (Ingrid, OccasionType.MothersDay)],
            ignoreOrder: true);
        proposals.Single(p => p.Type == OccasionType.Birthday).Rule.ShouldBe(DateRule.Fixed(10, 3));
        proposals.ShouldAllBe(p => p.Confidence >= 0.75);
    }

    [Fact]
    public void Orders_yet_to_come_are_not_history()
    {
        Infer([Order(Maria, 2025, 12, 1), Order(Maria, 2026, 12, 1)], Today).ShouldBeEmpty();
    }

    [Fact]
    public void An_occasion_across_new_year_is_one_occasion()
    {
        var orders = new[] { Order(Maria, 2023, 12, 31), Order(Maria, 2025, 1, 1), Order(Maria, 2025, 12, 30) };

        var proposal = Infer(orders, Today).ShouldHaveSingleItem();

        proposal.Evidence.Count.ShouldBe(3);
        proposal.Rule.Month.ShouldBe(12);
    }

    [Fact]
    public void A_feb_29_occasion_counts_the_feb_28_of_other_years()
    {
        var orders = new[] { Order(Maria, 2024, 2, 29, "Birthday"), Order(Maria, 2025, 2, 28, "Birthday"), Order(Maria, 2026, 2, 28, "Birthday") };

        var proposal = Infer(orders, Today).ShouldHaveSingleItem();

        proposal.Type.ShouldBe(OccasionType.Birthday);
        proposal.Evidence.Count.ShouldBe(3);
    }

    [Fact]
    public void An_occasion_on_file_covers_a_proposal_of_the_same_type_or_near_the_same_day_for_the_same_recipient()
    {
        var proposal = new Proposal(Tom, Maria, OccasionType.Custom, null, DateRule.Fixed(10, 3), 0.6, [], null);

        Covers(Maria, OccasionType.Birthday, DateRule.Fixed(10, 1), proposal).ShouldBeTrue();
        Covers(Maria, OccasionType.Custom, DateRule.Fixed(10, 3), proposal).ShouldBeTrue();
        Covers(Maria, OccasionType.Custom, DateRule.Fixed(11, 3), proposal).ShouldBeFalse();
        Covers(Ingrid, OccasionType.Custom, DateRule.Fixed(10, 3), proposal).ShouldBeFalse();
        Covers(Maria, OccasionType.Valentines, DateRule.ValentinesDay, proposal with { Type = OccasionType.Valentines, Rule = DateRule.ValentinesDay }).ShouldBeTrue();
    }
}
