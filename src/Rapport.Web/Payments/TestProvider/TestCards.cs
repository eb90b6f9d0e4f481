using System.Security.Cryptography;
using Rapport.Core.Customers;

namespace Rapport.Web.Payments.TestProvider;

/// <summary>Reading a typed card number the way a provider's card form does.</summary>
public static class TestCards
{
    /// <summary>
    /// A new provider token. Letters only: random hex digits hold a Luhn-valid run of 13 or more digits about once in
    /// a thousand tokens, and the card guard rightly refuses a token that looks like a card number.
    /// </summary>
    public static string NewToken() => "tok_test_" + RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz", 24);

    /// <summary>The digits of a number typed with or without spaces and dashes; null when anything else is in it.</summary>
    public static string? Digits(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed) || typed.Length > 40) return null;
        var digits = new string(typed.Where(c => c is not (' ' or '-')).ToArray());
        return digits.Length > 0 && digits.All(char.IsAsciiDigit) ? digits : null;
    }

    /// <summary>13 to 19 digits passing the Luhn check.</summary>
    public static bool IsCardNumber(string digits) =>
        digits.Length is >= 13 and <= 19 && CardNumber.PassesLuhn(digits.Select(c => c - '0').ToArray());

    public static string Brand(string digits) => digits switch
    {
        ['4', ..] => "Visa",
        ['3', '4' or '7', ..] => "American Express",
        ['5', >= '1' and <= '5', ..] => "Mastercard",
        _ when digits.Length >= 4 && int.Parse(digits[..4], System.Globalization.CultureInfo.InvariantCulture) is >= 2221 and <= 2720 => "Mastercard",
        ['6', '0', '1', '1', ..] or ['6', '5', ..] => "Discover",
        _ => "Card",
    };
}
