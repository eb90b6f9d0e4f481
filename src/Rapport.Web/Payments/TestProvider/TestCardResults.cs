using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Rapport.Web.Payments.TestProvider;

/// <summary>What the test provider hands back for a saved card: its token and what tells the card apart to a person.</summary>
/// <param name="Reference">What the shop passed in to know the answer is for its own customer.</param>
public sealed record TestCardResult(string Token, string Brand, string Last4, int ExpMonth, int ExpYear, string? Reference);

/// <summary>
/// Seals the test provider's answer so that it crosses the customer's browser unread and unchanged, as a real
/// provider's signed redirect would; an answer older than <see cref="Lifetime"/> is refused.
/// </summary>
public sealed class TestCardResults(IDataProtectionProvider protection)
{
    /// <summary>The provider name cards from here are kept under.</summary>
    public const string Provider = "test";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    private readonly ITimeLimitedDataProtector protector =
        protection.CreateProtector("Rapport.Payments.TestProvider.CardResult.v1").ToTimeLimitedDataProtector();

    public string Protect(TestCardResult result) => protector.Protect(JsonSerializer.Serialize(result), Lifetime);

    /// <summary>The answer, or null when it was changed, is too old or is not one at all.</summary>
    public TestCardResult? Unprotect(string? sealedResult)
    {
        if (string.IsNullOrEmpty(sealedResult)) return null;
        try
        {
            return JsonSerializer.Deserialize<TestCardResult>(protector.Unprotect(sealedResult));
        }
        catch (Exception e) when (e is CryptographicException or FormatException or JsonException)
        {
            return null;
        }
    }
}
