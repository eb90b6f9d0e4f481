using FsCheck;
using FsCheck.Fluent;
using Rapport.Core.Customers;

namespace Rapport.UnitTests.Customers;

public class PhoneNumberTests
{
    [Theory]
    [InlineData("913.555.0142")]
    [InlineData("(913) 555-0142")]
    [InlineData("+1 913 555 0142")]
    [InlineData("1-913-555-0142")]
    [InlineData("913/555 0142")]
    [InlineData("  9135550142  ")]
    [InlineData("+19135550142")]
    public void The_ways_people_write_one_north_american_number_are_one_number(string typed) =>
        PhoneNumber.Normalize(typed).ShouldBe("+19135550142");

    [Theory]
    [InlineData("0049 30 1234567", "+49301234567")]
    [InlineData("+49 30 1234567", "+49301234567")]
    [InlineData("+44 20 7946 0958", "+442079460958")]
    public void An_international_number_keeps_its_calling_code(string typed, string e164) =>
        PhoneNumber.Normalize(typed).ShouldBe(e164);

    [Fact]
    public void A_national_number_takes_the_businesss_calling_code_without_its_trunk_zero() =>
        PhoneNumber.Normalize("030 1234567", defaultCallingCode: "49").ShouldBe("+49301234567");

    [Theory]
    [InlineData("913-555-CALL")]
    [InlineData("call me")]
    [InlineData("913 555 0142 ext 12")]
    [InlineData("913_555_0142")]
    [InlineData("++1 913 555 0142")]
    public void Letters_and_other_symbols_are_not_a_phone_number(string typed) =>
        PhoneNumber.Normalize(typed).ShouldBeNull();

    [Theory]
    [InlineData("555-0142")]            // seven digits: no area code
    [InlineData("913 555 014")]         // nine digits
    [InlineData("2-913-555-0142")]      // eleven digits not starting with the country code 1
    [InlineData("913 555 01422")]       // eleven digits
    [InlineData("+49 301 23")]          // international, seven digits
    [InlineData("+1234 5678 9012 3456")] // international, sixteen digits
    [InlineData("0049 1234 5678 9012 345")]
    public void Too_short_or_too_long_is_not_a_phone_number(string typed) =>
        PhoneNumber.Normalize(typed).ShouldBeNull();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("+")]
    public void Nothing_is_not_a_phone_number(string? typed) =>
        PhoneNumber.Normalize(typed).ShouldBeNull();

    [Theory]
    [InlineData("913 555 0142", true)]
    [InlineData("555-0142", true)]
    [InlineData("+1 (913) 555-0142", true)]
    [InlineData("555 014", false)]     // six digits: more likely part of a postcode or an order number
    [InlineData("Lindqvist", false)]
    [InlineData("Suite 555 0142", false)]
    [InlineData("", false)]
    [InlineData("   ", false)]
    public void A_query_of_digits_and_separators_is_taken_as_a_phone_number(string query, bool expected) =>
        PhoneNumber.LooksLikePhone(query).ShouldBe(expected);

    [Fact]
    public void Digits_keeps_only_the_digits() =>
        PhoneNumber.Digits("+1 (913) 555-0142").ShouldBe("19135550142");

    [Theory]
    [InlineData("+19135550142", "(913) 555-0142")]
    [InlineData("+49301234567", "+49301234567")]
    [InlineData("+442079460958", "+442079460958")]
    public void Format_writes_north_american_numbers_as_people_read_them(string e164, string shown) =>
        PhoneNumber.Format(e164).ShouldBe(shown);

    [Fact]
    public void Formatting_then_normalising_a_north_american_number_gives_it_back()
    {
        // NANP: area code and exchange start with 2–9; the rest is any digit.
        var number =
            from area in Gen.Choose(200, 999)
            from exchange in Gen.Choose(200, 999)
            from line in Gen.Choose(0, 9999)
            select $"+1{area}{exchange}{line:0000}";

        Prop.ForAll(number.ToArbitrary(), e164 => PhoneNumber.Normalize(PhoneNumber.Format(e164)) == e164)
            .QuickCheckThrowOnFailure();
    }
}
