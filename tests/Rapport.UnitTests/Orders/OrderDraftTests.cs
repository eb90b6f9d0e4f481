using Rapport.Core.Customers;
using Rapport.Core.Orders;

namespace Rapport.UnitTests.Orders;

public class OrderDraftTests
{
    private static readonly DateOnly Today = new(2026, 6, 10);
    private static readonly DateTime Since = new(2018, 5, 1, 15, 0, 0, DateTimeKind.Utc);

    private static readonly Recipient Maria = new() { Name = "Maria Lindqvist", Relationship = "wife", CreatedAt = Since };
    private static readonly Recipient Ingrid = new() { Name = "Ingrid Lindqvist", Relationship = "mother", CreatedAt = Since.AddYears(2) };

    private static Customer Tom(decimal? standingBudget = 85m, params PaymentMethod[] cards)
    {
        var tom = new Customer { Name = "Tom Lindqvist", CustomerSince = Since, Preferences = new() { StandingBudget = standingBudget } };
        // Ingrid first: the draft must not just take the first in the list.
        tom.Recipients.AddRange([Ingrid, Maria]);
        tom.PaymentMethods.AddRange(cards);
        return tom;
    }

    private static PaymentMethod Card(int month, int year, DateTime createdAt, string last4 = "4242") =>
        new() { Provider = "demo-pay", Token = $"tok_{last4}", Brand = "Visa", Last4 = last4, ExpMonth = month, ExpYear = year, CreatedAt = createdAt };

    private static OrderDraft.PastOrder Past(DateOnly date, Recipient? to, string? occasion, string? message = null) =>
        new(date.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc).AddDays(-2), date, to?.Id, occasion, message);

    [Fact]
    public void Without_orders_it_is_for_the_first_person_they_send_to_with_the_standing_budget()
    {
        var draft = OrderDraft.For(Tom(), [], null, Today);

        draft.RecipientId.ShouldBe(Maria.Id);
        draft.Budget.ShouldBe(85m);
        draft.Occasion.ShouldBeNull();
        draft.CardMessage.ShouldBeNull();
        draft.PaymentMethodId.ShouldBeNull();
    }

    [Fact]
    public void The_last_order_gives_the_recipient_and_how_the_card_reads()
    {
        var orders = new[]
        {
            Past(new(2025, 11, 2), Maria, "Just because", "Love, Tom"),
            Past(new(2026, 5, 10), Ingrid, "Mother's Day", "Happy Mother's Day, Mom"),
        };

        var draft = OrderDraft.For(Tom(), orders, null, Today);

        draft.RecipientId.ShouldBe(Ingrid.Id);
        draft.CardMessage.ShouldBe("Happy Mother's Day, Mom");
        draft.Occasion.ShouldBeNull("last month's occasion is not this call's");
    }

    [Fact]
    public void An_occasion_said_on_the_call_takes_the_last_order_for_it_whatever_its_case()
    {
        var orders = new[]
        {
            Past(new(2024, 9, 3), Maria, "Anniversary", "Another year, love you"),
            Past(new(2025, 9, 3), Maria, "Anniversary", "Eighteen years, love you"),
            Past(new(2026, 5, 10), Ingrid, "Mother's Day", "Happy Mother's Day, Mom"),
        };

        var draft = OrderDraft.For(Tom(), orders, "  anniversary ", Today);

        draft.Occasion.ShouldBe("anniversary");
        draft.RecipientId.ShouldBe(Maria.Id);
        draft.CardMessage.ShouldBe("Eighteen years, love you");
    }

    [Theory]
    [InlineData(2027, 2, 9, "Valentine's Day")]   // people call ahead
    [InlineData(2027, 2, 14, "Valentine's Day")]
    [InlineData(2027, 2, 21, "Valentine's Day")]
    [InlineData(2027, 2, 22, null)]
    [InlineData(2027, 3, 1, null)]
    public void Seven_Valentines_running_make_a_call_around_the_fourteenth_a_Valentines_order(int y, int m, int d, string? occasion)
    {
        var orders = Enumerable.Range(2019, 7).Select(year => Past(new(year, 2, 14), Maria, "Valentine's Day", "Be mine, Maria"))
            .Append(Past(new(2026, 5, 10), Ingrid, "Mother's Day", "Happy Mother's Day, Mom")).ToList();

        var draft = OrderDraft.For(Tom(), orders, null, new DateOnly(y, m, d));

        draft.Occasion.ShouldBe(occasion);
        draft.RecipientId.ShouldBe(occasion is null ? Ingrid.Id : Maria.Id);
        draft.CardMessage.ShouldBe(occasion is null ? "Happy Mother's Day, Mom" : "Be mine, Maria");
    }

    [Fact]
    public void This_years_order_for_the_same_week_is_not_a_season()
    {
        var draft = OrderDraft.For(Tom(), [Past(Today.AddDays(-2), Maria, "Birthday")], null, Today);

        draft.Occasion.ShouldBeNull();
    }

    [Fact]
    public void A_recipient_no_longer_on_file_falls_back_to_the_first_one_and_an_order_for_themselves_stays_so()
    {
        var gone = new Recipient { Name = "Old flame" };
        OrderDraft.For(Tom(), [Past(new(2026, 1, 5), gone, null)], null, Today).RecipientId.ShouldBe(Maria.Id);
        OrderDraft.For(Tom(), [Past(new(2026, 1, 5), null, null)], null, Today).RecipientId.ShouldBeNull();
    }

    [Fact]
    public void The_card_is_the_newest_one_still_good_through_its_expiry_month()
    {
        var older = Card(9, 2028, Since.AddYears(2), "4242");
        var expired = Card(5, 2026, Since.AddYears(6), "1111");
        var lastMonthOfIt = Card(6, 2026, Since.AddYears(5), "0005");

        OrderDraft.For(Tom(85m, older, expired, lastMonthOfIt), [], null, Today).PaymentMethodId.ShouldBe(lastMonthOfIt.Id);
        OrderDraft.For(Tom(85m, older, expired), [], null, Today).PaymentMethodId.ShouldBe(older.Id);
        OrderDraft.For(Tom(85m, expired), [], null, Today).PaymentMethodId.ShouldBeNull();
    }

    [Fact]
    public void Without_a_standing_budget_the_budget_is_left_to_say() =>
        OrderDraft.For(Tom(standingBudget: null), [], null, Today).Budget.ShouldBeNull();
}
