using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Rapport.Core.Customers;

namespace Rapport.UnitTests.Customers;

public class CardNumberTests
{
    [Theory]
    [InlineData("4111 1111 1111 1111")]
    [InlineData("4111-1111-1111-1111")]
    [InlineData("4111111111111111")]
    [InlineData("378282246310005")]          // American Express, 15 digits
    [InlineData("3782 822463 10005")]
    [InlineData("4222222222222")]            // 13 digits
    [InlineData("6011 0009 9013 9424")]
    [InlineData("my card is 4242424242424242 thanks")]
    [InlineData("card: 4111 1111 1111 1111 12/28 cvc 123")]
    [InlineData("4111-1111 1111-1111")]
    [InlineData("6011.1111.1111.1117")]                 // dots
    [InlineData("6011/1111/1111/1117")]                 // slashes
    [InlineData("4242\u00A04242\u00A04242\u00A04242")]   // non-breaking spaces
    [InlineData("4242\u202F4242\u20074242\u20094242")]   // narrow, figure and thin spaces
    [InlineData("4242\u200B4242\u200B4242\u200B4242")]   // zero-width spaces
    [InlineData("42\u00AD42 4242\u200D4242 4242")]        // a soft hyphen and a joiner inside groups
    [InlineData("\uFF14\uFF12\uFF14\uFF12\uFF14\uFF12\uFF14\uFF12\uFF14\uFF12\uFF14\uFF12\uFF14\uFF12\uFF14\uFF12")] // full-width digits
    [InlineData("\u0664\u0662\u0664\u0662 \u0664\u0662\u0664\u0662 \u0664\u0662\u0664\u0662 \u0664\u0662\u0664\u0662")] // Arabic-Indic digits
    [InlineData("4242\u20134242\u20144242\u22124242")]   // en dash, em dash, minus sign
    [InlineData("4242\uFF0E4242\uFF0F4242 4242")]         // full-width dot and slash
    public void A_luhn_valid_number_of_13_to_19_digits_is_found(string text) =>
        CardNumber.ContainsCardNumber(text).ShouldBeTrue();

    [Theory]
    [InlineData("4111 1111 1111 1112")]                 // fails the Luhn check
    [InlineData("4242424242424241")]
    [InlineData("378282246310006")]
    [InlineData("(913) 555-0142")]                      // phone numbers
    [InlineData("+1 913 555 0142")]
    [InlineData("call 913-555-0142 or 913-555-0143")]
    [InlineData("+44 20 7946 0958")]
    [InlineData("4111 1111 1117")]                      // Luhn-valid, but 12 digits
    [InlineData("411111111117")]
    [InlineData("token 4242424242424242123456788")]     // 25 digits, Luhn-valid, with a card number as its prefix
    [InlineData("2026-03-15")]                          // dates
    [InlineData("15/03/2026")]
    [InlineData("delivered 2026-03-15 at 10:30, next 2026-04-15")]
    [InlineData("expires 12/28")]
    [InlineData("4111  1111  1111  1111")]              // groups apart by more than one separator are not one number
    [InlineData("order #4111 1111, 1111 1111")]
    [InlineData("913.555.0142")]                        // a phone with dots
    [InlineData("192.168.100.200")]                     // an address
    [InlineData("4111 1111 1111 1112\u200B")]           // invisible, and still not Luhn-valid
    [InlineData("a\ud800b")]                             // a lone surrogate is no digit
    [InlineData("")]
    [InlineData(null)]
    public void Other_numbers_are_not_a_card_number(string? text) =>
        CardNumber.ContainsCardNumber(text).ShouldBeFalse();

    [Fact]
    public void A_luhn_valid_16_digit_number_is_found_whatever_its_separators()
    {
        var separator = Gen.Elements("", " ", "-", ".", "/", "\u00A0", "\u200B", "\u2013");
        var text =
            from number in LuhnValid(16)
            from separators in separator.ArrayOf(15)
            from before in TextWithoutDigits()
            from after in TextWithoutDigits()
            select before + " " + Interleave(number, separators) + " " + after;

        Prop.ForAll(text.ToArbitrary(), CardNumber.ContainsCardNumber).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Text_without_digits_never_holds_a_card_number() =>
        Prop.ForAll(TextWithoutDigits().ToArbitrary(), t => !CardNumber.ContainsCardNumber(t)).QuickCheckThrowOnFailure();

    [Fact]
    public void The_luhn_check_accepts_the_test_numbers_of_the_card_brands()
    {
        CardNumber.PassesLuhn(Digits("4111111111111111")).ShouldBeTrue();
        CardNumber.PassesLuhn(Digits("5555555555554444")).ShouldBeTrue();
        CardNumber.PassesLuhn(Digits("378282246310005")).ShouldBeTrue();
        CardNumber.PassesLuhn(Digits("4111111111111121")).ShouldBeFalse();
    }

    private static int[] Digits(string s) => s.Select(c => c - '0').ToArray();

    private static Gen<string> LuhnValid(int length) =>
        Gen.Choose(0, 9).ArrayOf(length - 1).Select(payload => string.Concat(payload) + CheckDigit(payload));

    private static int CheckDigit(int[] payload)
    {
        // The check digit is not doubled, so the payload's last digit is.
        var sum = 0;
        for (var i = 0; i < payload.Length; i++)
        {
            var d = payload[payload.Length - 1 - i];
            if (i % 2 == 0) { d *= 2; if (d > 9) d -= 9; }
            sum += d;
        }
        return (10 - sum % 10) % 10;
    }

    private static string Interleave(string digits, string[] separators)
    {
        var sb = new StringBuilder(digits[..1]);
        for (var i = 1; i < digits.Length; i++) sb.Append(separators[i - 1]).Append(digits[i]);
        return sb.ToString();
    }

    private static Gen<string> TextWithoutDigits() =>
        ArbMap.Default.ArbFor<string>().Generator
            .Select(s => s is null ? "" : new string(s.Where(c => !char.IsDigit(c)).ToArray()));

    [Theory]
    [InlineData("014a4315-8874-7036-8483-d9dfdc93f879")]
    [InlineData("014A4315-8874-7036-8483-D9DFDC93F879")]
    public void An_identifier_is_not_a_card_number_though_it_holds_a_luhn_valid_run(string id)
    {
        CardNumber.ContainsCardNumber("4315-8874-7036-8483").ShouldBeTrue();
        CardNumber.ContainsCardNumber(id).ShouldBeFalse();
    }
}
