using System.Globalization;

namespace Rapport.Web.Shared;

/// <summary>Money and days as every page shows them, staff and shop alike.</summary>
public static class Formats
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    /// <summary>"$85.00" in dollars, "85.00 EUR" in any other currency.</summary>
    public static string Money(decimal amount, string currency) =>
        currency == "USD" ? amount.ToString("C2", English) : $"{amount.ToString("N2", English)} {currency}";

    public static string Day(DateOnly date) => date.ToString("ddd d MMM yyyy", English);
}
