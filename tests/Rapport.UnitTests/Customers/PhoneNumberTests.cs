using FsCheck;
using FsCheck.Fluent;
using PhoneNumbers;
using Rapport.Core.Customers;
using PhoneNumber = Rapport.Core.Customers.PhoneNumber;

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
    [InlineData("+44 20 7946 095")]     // a London number one digit short (Berlin's "+49 301 23" is a valid short line)
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
        // NANP: area code and exchange start with 2–9; the rest is any digit. Only numbers libphonenumber counts as
        // valid are phone numbers (an unassigned area code is not).
        var util = PhoneNumberUtil.GetInstance();
        var number =
            from area in Gen.Choose(200, 999)
            from exchange in Gen.Choose(200, 999)
            from line in Gen.Choose(0, 9999)
            select $"+1{area}{exchange}{line:0000}";

        Prop.ForAll(number.Where(e164 => util.IsValidNumber(util.Parse(e164, "US"))).ToArbitrary(),
                e164 => PhoneNumber.Normalize(PhoneNumber.Format(e164)) == e164)
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void The_555_01xx_block_kept_for_fiction_is_a_number_in_every_area_code()
    {
        // libphonenumber does not count 555-01xx as valid; the demo data and the examples use it.
        var number =
            from area in Gen.Choose(200, 999)
            from line in Gen.Choose(100, 199)
            select $"+1{area}5550{line}";

        Prop.ForAll(number.ToArbitrary(), e164 => PhoneNumber.Normalize(PhoneNumber.Format(e164)) == e164)
            .QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData("(913) 555-0100", "+19135550100")]
    [InlineData("816.555.0199", "+18165550199")]
    [InlineData("+1 609 555 0106", "+16095550106")]
    public void Fictional_numbers_of_the_demo_are_numbers(string typed, string e164) =>
        PhoneNumber.Normalize(typed).ShouldBe(e164);

    [Theory]
    // The United Kingdom: a Birmingham line and a mobile, national and international.
    [InlineData("0121 234 5678", "44", "+441212345678")]
    [InlineData("+44 121 234 5678", "1", "+441212345678")]
    [InlineData("07400 123456", "44", "+447400123456")]
    [InlineData("0044 7400 123456", "1", "+447400123456")]
    // Germany: a Berlin line and a mobile.
    [InlineData("030 123456", "49", "+4930123456")]
    [InlineData("+49 30 123456", "1", "+4930123456")]
    [InlineData("0151 23456789", "49", "+4915123456789")]
    [InlineData("+49 (0)151 23456789", "44", "+4915123456789")]
    // France: a Paris line and a mobile.
    [InlineData("01 23 45 67 89", "33", "+33123456789")]
    [InlineData("+33 1 23 45 67 89", "1", "+33123456789")]
    [InlineData("06 12 34 56 78", "33", "+33612345678")]
    [InlineData("0033 6 12 34 56 78", "49", "+33612345678")]
    public void International_numbers_in_national_and_international_form(string typed, string callingCode, string e164) =>
        PhoneNumber.Normalize(typed, callingCode).ShouldBe(e164);

    [Theory]
    [InlineData("01 23 45 67 89", "1")]       // a French national number read as North American
    [InlineData("030 123456", "44")]          // a Berlin number read as British
    [InlineData("+44 121 234", "1")]          // too short for the United Kingdom
    [InlineData("+33 6 12 34 56 78 90", "1")] // too long for France
    [InlineData("+49 151 2", "49")]           // too short for Germany
    [InlineData("(213) 123-4567", "1")]       // a North American exchange cannot start with 1
    [InlineData("(913) 055-0142", "1")]       // nor with 0
    [InlineData("+999 1234 5678", "1")]       // no such calling code
    [InlineData("+44 121 234 5678 ext 9", "1")]
    public void Invalid_numbers_are_refused(string typed, string callingCode) =>
        PhoneNumber.Normalize(typed, callingCode).ShouldBeNull();

    [Theory]
    [InlineData("1", "US")]
    [InlineData("44", "GB")]
    [InlineData("+49", "DE")]
    [InlineData("33", "FR")]
    [InlineData("", "US")]
    [InlineData("999", "US")]
    public void The_businesss_calling_code_names_the_region_national_numbers_are_read_in(string callingCode, string region) =>
        PhoneNumber.Region(callingCode).ShouldBe(region);
}
