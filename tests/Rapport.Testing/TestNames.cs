using System.Globalization;

namespace Rapport.Testing;

/// <summary>
/// Unique names, e-mail addresses, slugs and keys for test data, made of letters only, so that no value can hold a
/// run of digits that the card-number guard (<c>CardNumber.ContainsCardNumber</c>) refuses. A GUID's text can:
/// one in a few hundred holds a Luhn-valid run of 13 or more digits, and a test using it fails by chance.
/// <para>
/// A value is a process-wide counter added to the run's seed, written as eight letters ("kqmbzaab", then
/// "kqmbzaac"): unique within the process (parallel test classes included), and, because the seed is drawn per
/// run, all but surely unique across processes and runs too (two app processes on one database, a kept
/// PostgreSQL server). Set RAPPORT_TEST_SEED (letters) to repeat a run's values.
/// </para>
/// </summary>
public static class TestNames
{
    /// <summary>Letters in a full token: 26^8 ≈ 2·10^11 values before one repeats.</summary>
    public const int TokenLength = 8;

    /// <summary>The fewest letters a shortened token keeps: 26^5 ≈ 11.8 million values before one repeats.</summary>
    public const int MinTokenLength = 5;

    private static readonly long Space = Power(26, TokenLength);
    private static readonly long Start = SeedOf(Environment.GetEnvironmentVariable("RAPPORT_TEST_SEED"));
    private static long counter;

    /// <summary>The run's seed in letters (give it as RAPPORT_TEST_SEED to make the same values again).</summary>
    public static string Seed { get; } = Letters(Start, TokenLength);

    /// <summary>
    /// A new token of <paramref name="length"/> lowercase letters (5–8). Tokens of one length never repeat in a
    /// process (up to 26^length of them); a shortened token is the end of the full one.
    /// </summary>
    public static string Token(int length = TokenLength)
    {
        if (length is < MinTokenLength or > TokenLength)
            throw new ArgumentOutOfRangeException(nameof(length), length, $"A token has {MinTokenLength} to {TokenLength} letters.");
        var n = Interlocked.Increment(ref counter);
        return Letters((Start + n) % Space, length);
    }

    /// <summary>
    /// <paramref name="prefix"/>, a space and a token ("Listed Lena kqmbzaab"); with <paramref name="maxLength"/>
    /// the token is shortened (down to five letters) so the whole fits.
    /// </summary>
    public static string Unique(string prefix, int? maxLength = null) =>
        $"{prefix} {Token(Room(prefix.Length + 1, maxLength))}";

    /// <summary>An e-mail address of its own: "sales" → "sales-kqmbzaab@test.example".</summary>
    public static string Email(string local, string domain = "test.example") => $"{local}-{Token()}@{domain}";

    /// <summary>A business slug of its own, lowercase letters only: "fc" → "fckqmbzaab" (at most 40 characters).</summary>
    public static string Slug(string prefix, int maxLength = 40) =>
        prefix.ToLowerInvariant() + Token(Room(prefix.Length, maxLength));

    /// <summary>A key of its own in letters and dashes (Idempotency-Key, a job's or a mail's key): "key-kqmbzaab".</summary>
    public static string Key(string prefix = "key") => $"{prefix}-{Token()}";

    private static int Room(int used, int? maxLength)
    {
        if (maxLength is null) return TokenLength;
        var room = Math.Min(TokenLength, maxLength.Value - used);
        if (room < MinTokenLength)
            throw new ArgumentOutOfRangeException(nameof(maxLength), maxLength, $"Leaves {room} letters for the unique part; at least {MinTokenLength} are needed.");
        return room;
    }

    private static string Letters(long value, int length)
    {
        Span<char> letters = stackalloc char[length];
        for (var i = length - 1; i >= 0; i--)
        {
            letters[i] = (char)('a' + (int)(value % 26));
            value /= 26;
        }
        return new string(letters);
    }

    private static long SeedOf(string? given)
    {
        if (string.IsNullOrWhiteSpace(given)) return Random.Shared.NextInt64(Space);
        var value = 0L;
        foreach (var c in given.Trim().ToLowerInvariant())
        {
            if (c is < 'a' or > 'z') throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"RAPPORT_TEST_SEED is letters a–z, not '{given}'."));
            value = (value * 26 + (c - 'a')) % Space;
        }
        return value;
    }

    private static long Power(int b, int e)
    {
        var p = 1L;
        for (var i = 0; i < e; i++) p *= b;
        return p;
    }
}
