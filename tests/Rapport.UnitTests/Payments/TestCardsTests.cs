using Rapport.Web.Payments.TestProvider;

namespace Rapport.UnitTests.Payments;

public sealed class TestCardsTests
{
    [Fact]
    public void Tokens_never_look_like_a_card_number_to_the_card_guard()
    {
        var tokens = Enumerable.Range(0, 20_000).Select(_ => TestCards.NewToken()).ToList();

        tokens.ShouldAllBe(t => t.StartsWith("tok_test_") && !Rapport.Core.Customers.CardNumber.ContainsCardNumber(t));
        tokens.Distinct().Count().ShouldBe(tokens.Count);
    }

    [Theory]
    [InlineData("4242 4242 4242 4242", "4242424242424242")]
    [InlineData("4242-4242-4242-4242", "4242424242424242")]
    [InlineData("  4242424242424242 ", "4242424242424242")]
    [InlineData("4242 4242 4242 424x", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Digits_are_read_through_spaces_and_dashes_only(string? typed, string? digits) =>
        TestCards.Digits(typed).ShouldBe(digits);

    [Theory]
    [InlineData("4242424242424242", true)]
    [InlineData("4242424242424241", false)]
    [InlineData("424242424242", false)]
    [InlineData("42424242424242424242", false)]
    public void A_card_number_has_13_to_19_digits_and_passes_luhn(string digits, bool valid) =>
        TestCards.IsCardNumber(digits).ShouldBe(valid);

    [Theory]
    [InlineData("4242424242424242", "Visa")]
    [InlineData("5555555555554444", "Mastercard")]
    [InlineData("2223003122003222", "Mastercard")]
    [InlineData("378282246310005", "American Express")]
    [InlineData("6011111111111117", "Discover")]
    [InlineData("3566002020360505", "Card")]
    public void The_brand_comes_from_the_first_digits(string digits, string brand) =>
        TestCards.Brand(digits).ShouldBe(brand);
}
