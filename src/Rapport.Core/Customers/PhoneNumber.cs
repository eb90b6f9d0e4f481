using System.Text.RegularExpressions;
using PhoneNumbers;

namespace Rapport.Core.Customers;

/// <summary>
/// Phone numbers as people type them: "913.555.0142", "(913) 555-0142" and "+1 913 555 0142" are one number, and so are
/// "020 7946 0958" typed at a British business and "+44 20 7946 0958" typed anywhere. Parsing and validity are
/// libphonenumber's; numbers are kept in E.164 form (+19135550142) so that search is one indexed comparison.
/// </summary>
public static partial class PhoneNumber
{
    private const string Separators = " .-()/\t";
    public const int MaxLength = 40;

    private static readonly PhoneNumberUtil Numbers = PhoneNumberUtil.GetInstance();

    /// <summary>The E.164 form, or null when the text is not a valid phone number.</summary>
    /// <param name="defaultCallingCode">The business's calling code (Business.DefaultCallingCode), for numbers typed without one:
    /// its main region ("1" → US, "44" → GB, "49" → DE) is the region national numbers are read in.</param>
    public static string? Normalize(string? text, string defaultCallingCode = "1")
    {
        // Longer text is no phone number.
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxLength) return null;
        var s = text.Trim();
        // One leading "+" and digits with separators only: libphonenumber would read letters as keypad digits
        // ("913-555-CALL") and "ext 12" as an extension, neither of which a contact point keeps.
        var body = s.StartsWith('+') ? s[1..] : s;
        if (body.Length == 0 || body.Any(c => !char.IsAsciiDigit(c) && !Separators.Contains(c))) return null;
        // "0049 …" is how most of the world writes "+49 …", whatever the business's own international prefix.
        if (!s.StartsWith('+') && body.StartsWith("00", StringComparison.Ordinal)) s = "+" + body[2..];

        PhoneNumbers.PhoneNumber number;
        try { number = Numbers.Parse(s, Region(defaultCallingCode)); }
        catch (NumberParseException) { return null; }
        if (number.HasExtension) return null;
        return Numbers.IsValidNumber(number) || IsFictional(number) ? Numbers.Format(number, PhoneNumberFormat.E164) : null;
    }

    /// <summary>
    /// The North American 555-0100 to 555-0199 block is reserved for fiction: libphonenumber does not count it as valid,
    /// but the demo data and examples use it, so any well-formed area code with it is accepted.
    /// </summary>
    private static bool IsFictional(PhoneNumbers.PhoneNumber number) =>
        number.CountryCode == 1 && FictionalNanp().IsMatch(number.NationalNumber.ToString(System.Globalization.CultureInfo.InvariantCulture));

    [GeneratedRegex(@"^[2-9][0-9]{2}55501[0-9]{2}$")]
    private static partial Regex FictionalNanp();

    /// <summary>The region national numbers are read in: the calling code's main region ("1" → US); US when it names none.</summary>
    public static string Region(string callingCode) =>
        int.TryParse(callingCode.TrimStart('+'), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code)
        && Numbers.GetRegionCodeForCountryCode(code) is { } region && region != "ZZ" && region != "001"
            ? region
            : "US";

    /// <summary>True when a search query is meant as a phone number (digits and separators, at least 7 digits).</summary>
    public static bool LooksLikePhone(string query)
    {
        var digits = 0;
        foreach (var c in query.Trim())
        {
            if (char.IsAsciiDigit(c)) digits++;
            else if (c != '+' && !Separators.Contains(c)) return false;
        }
        return digits >= 7;
    }

    /// <summary>Just the digits, for matching a partial number against the end of stored numbers.</summary>
    public static string Digits(string text) => new(text.Where(char.IsAsciiDigit).ToArray());

    /// <summary>A readable form of an E.164 number: +19135550142 → (913) 555-0142.</summary>
    public static string Format(string e164) =>
        e164.Length == 12 && e164.StartsWith("+1", StringComparison.Ordinal)
            ? $"({e164[2..5]}) {e164[5..8]}-{e164[8..]}"
            : e164;
}
