namespace Rapport.Core.Customers;

/// <summary>
/// Finds anything that looks like a full payment card number (13–19 digits, in any script, spaces, dashes, dots or slashes between groups,
/// passing the Luhn check), so that such a number is refused before it is stored or logged.
/// </summary>
public static class CardNumber
{
    public static bool ContainsCardNumber(string? text)
    {
        if (string.IsNullOrEmpty(text)) return false;
        // An identifier is not a card, though one in a few hundred holds a Luhn-valid run ("…4315-8874-7036-8483…").
        if (Guid.TryParse(text, out _)) return false;
        text = Normalised(text);
        // Digits are read in groups joined by single spaces, dashes, dots or slashes ("4111 1111 1111 1111 12/28");
        // every run of consecutive groups holding 13–19 digits is a candidate.
        var digits = new List<int>();
        var groupStarts = new List<int>();
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : '\0';
            if (char.IsAsciiDigit(c))
            {
                if (i == 0 || !char.IsAsciiDigit(text[i - 1])) groupStarts.Add(digits.Count);
                digits.Add(c - '0');
                continue;
            }
            var joins = (c is ' ' or '-' or '.' or '/') && i > 0 && char.IsAsciiDigit(text[i - 1])
                        && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]);
            if (joins) continue;
            if (AnyCandidatePasses(digits, groupStarts)) return true;
            digits.Clear();
            groupStarts.Clear();
        }
        return false;
    }

    /// <summary>
    /// The text as a person reads it: invisible characters (zero-width spaces, joiners, soft hyphens) gone, every kind
    /// of space a space, every dash a dash, full-width dots and slashes plain, and every decimal digit of any script
    /// (full-width "４２４２", Arabic-Indic, …) its ASCII digit, so that no spelling hides a number.
    /// </summary>
    public static string Normalised(string text)
    {
        if (System.Text.Ascii.IsValid(text)) return text;
        var sb = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (char.GetUnicodeCategory(c))
            {
                case System.Globalization.UnicodeCategory.Format:
                    continue;
                case System.Globalization.UnicodeCategory.SpaceSeparator:
                    sb.Append(' ');
                    continue;
                case System.Globalization.UnicodeCategory.DashPunctuation:
                    sb.Append('-');
                    continue;
                case System.Globalization.UnicodeCategory.DecimalDigitNumber:
                    sb.Append((char)('0' + System.Globalization.CharUnicodeInfo.GetDecimalDigitValue(c)));
                    continue;
            }
            sb.Append(c switch
            {
                '\uFF0E' or '\u2024' or '\u00B7' => '.',
                '\uFF0F' or '\u2044' or '\u2215' => '/',
                '\u2212' or '\u2796' => '-', // minus signs are maths, not dashes, to Unicode
                _ => c,
            });
        }
        return sb.ToString();
    }

    private static bool AnyCandidatePasses(List<int> digits, List<int> groupStarts)
    {
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(digits);
        for (var g = 0; g < groupStarts.Count; g++)
        {
            var start = groupStarts[g];
            for (var h = g; h < groupStarts.Count; h++)
            {
                var end = h + 1 < groupStarts.Count ? groupStarts[h + 1] : digits.Count;
                var length = end - start;
                if (length > 19) break;
                if (length >= 13 && PassesLuhn(span.Slice(start, length))) return true;
            }
        }
        return false;
    }

    public static bool PassesLuhn(ReadOnlySpan<int> digits)
    {
        var sum = 0;
        var doubleIt = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i];
            if (doubleIt) { d *= 2; if (d > 9) d -= 9; }
            sum += d;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }
}
