using Rapport.Core.Customers;
using Rapport.Testing;

namespace Rapport.UnitTests.Customers;

/// <summary>
/// The test data generator cannot trip the card-number guard: many values of every helper, none refused, none
/// repeated; and the guard, given a card number in the same shape, does refuse it (so these tests can fail).
/// </summary>
public class TestNamesTests
{
    private const int Values = 100_000;
    private const string Card = "4111111111111111";

    /// <summary>Each helper as the tests call it, and the same shape with a card number in place of the token.</summary>
    private static readonly Dictionary<string, (Func<string> Make, string WithCard)> Helpers = new()
    {
        ["Token()"] = (() => TestNames.Token(), Card),
        ["Token(5)"] = (() => TestNames.Token(5), "4222222222222"),
        ["Unique(Listed Lena)"] = (() => TestNames.Unique("Listed Lena"), $"Listed Lena {Card}"),
        ["Unique(Listed Lena, 20)"] = (() => TestNames.Unique("Listed Lena", 20), $"Listed Lena {Card}"),
        ["Unique(Dana Wheeler, 18)"] = (() => TestNames.Unique("Dana Wheeler", 18), "Dana Wheeler 4222222222222"),
        ["Email(sales)"] = (() => TestNames.Email("sales"), $"sales-{Card}@test.example"),
        ["Email(shopper, example.com)"] = (() => TestNames.Email("shopper", "example.com"), $"shopper-{Card}@example.com"),
        ["Slug(fc)"] = (() => TestNames.Slug("fc"), $"fc{Card}"),
        ["Key()"] = (() => TestNames.Key(), $"key-{Card}"),
        ["Key(occasion)"] = (() => TestNames.Key("occasion"), $"occasion-{Card}"),
    };

    public static TheoryData<string> HelperNames => new(Helpers.Keys);

    [Theory]
    [MemberData(nameof(HelperNames))]
    public void No_value_of_a_helper_holds_a_card_number_or_a_digit_and_none_repeats(string helper)
    {
        var (make, withCard) = Helpers[helper];
        CardNumber.ContainsCardNumber(withCard).ShouldBeTrue($"the guard must refuse '{withCard}', or this test proves nothing");

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Values; i++)
        {
            var value = make();
            if (CardNumber.ContainsCardNumber(value)) Assert.Fail($"{helper} made '{value}', which the card-number guard refuses.");
            if (value.Any(char.IsAsciiDigit)) Assert.Fail($"{helper} made '{value}', which holds a digit.");
            if (!seen.Add(value)) Assert.Fail($"{helper} made '{value}' twice in {i + 1} values.");
        }
    }

    [Fact]
    public void The_address_that_made_a_test_flaky_is_refused_and_its_replacement_is_not()
    {
        CardNumber.ContainsCardNumber("shopper-27fb0e80f8bb4977987285553f2264b9@example.com").ShouldBeTrue();
        CardNumber.ContainsCardNumber(TestNames.Email("shopper", "example.com")).ShouldBeFalse();
    }

    [Fact]
    public void A_value_fits_the_length_asked_for_and_a_length_without_room_for_five_letters_is_refused()
    {
        TestNames.Unique("Listed Lena", 20).Length.ShouldBe(20);
        TestNames.Unique("Dana Wheeler", 18).Length.ShouldBe(18);
        TestNames.Unique("Listed Lena").ShouldMatch("^Listed Lena [a-z]{8}$");
        TestNames.Email("sales").ShouldMatch("^sales-[a-z]{8}@test\\.example$");
        TestNames.Slug("fc").ShouldMatch("^fc[a-z]{8}$");
        TestNames.Key().ShouldMatch("^key-[a-z]{8}$");
        Should.Throw<ArgumentOutOfRangeException>(() => TestNames.Unique("Dana Wheeler", 17));
        Should.Throw<ArgumentOutOfRangeException>(() => TestNames.Token(4));
    }

    [Fact]
    public void The_seed_is_letters()
    {
        TestNames.Seed.ShouldMatch("^[a-z]{8}$");
    }
}
