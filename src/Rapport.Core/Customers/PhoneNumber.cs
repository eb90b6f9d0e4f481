namespace Rapport.Core.Customers;

/// <summary>
/// Phone numbers as people type them: "913.555.0142", "(913) 555-0142" and "+1 913 555 0142" are one number.
/// Numbers are kept in E.164 form (+19135550142) so that search is one indexed comparison.
/// </summary>
public static class PhoneNumber
{
    private const string Separators = " .-()/\t";
    public const int MaxLength = 40;

    /// <summary>The E.164 form, or null when the text is not a phone number.</summary>
    public static string? Normalize(string? text, string defaultCallingCode = "1")
    {
        // Longer text is no phone number (and must not reach the stack buffer below).
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxLength) return null;
        var s = text.Trim();
        var international = false;
        if (s.StartsWith('+')) { international = true; s = s[1..]; }
        else if (s.StartsWith("00", StringComparison.Ordinal)) { international = true; s = s[2..]; }

        Span<char> digits = stackalloc char[s.Length];
        var n = 0;
        foreach (var c in s)
        {
            if (char.IsAsciiDigit(c)) digits[n++] = c;
            else if (!Separators.Contains(c)) return null;
        }
        var d = new string(digits[..n]);
        if (international) return d.Length is >= 8 and <= 15 ? "+" + d : null;

        // North American numbers: ten digits, or eleven with the leading 1.
        if (defaultCallingCode == "1")
        {
            if (d.Length == 10) return "+1" + d;
            if (d.Length == 11 && d[0] == '1') return "+" + d;
            return null;
        }
        d = d.TrimStart('0');
        return d.Length is >= 6 and <= 13 ? "+" + defaultCallingCode + d : null;
    }

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
