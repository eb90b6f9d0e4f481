using System.Globalization;
using Rapport.Core.Orders;

namespace Rapport.Web.Shop;

/// <summary>Money, dates and statuses as the shop's customers read them.</summary>
public static class ShopFormat
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    /// <summary>"$85.00" in dollars, "85.00 EUR" in any other currency.</summary>
    public static string Money(decimal amount, string currency) =>
        currency == "USD" ? amount.ToString("C2", English) : $"{amount.ToString("N2", English)} {currency}";

    public static string Day(DateOnly date) => date.ToString("ddd d MMM yyyy", English);

    public static string Status(OrderStatus status) => status switch
    {
        OrderStatus.Placed => "Placed",
        OrderStatus.Confirmed => "Confirmed",
        OrderStatus.InProduction => "Being made",
        OrderStatus.OutForDelivery => "Out for delivery",
        OrderStatus.Delivered => "Delivered",
        OrderStatus.Failed => "Could not be delivered",
        OrderStatus.Cancelled => "Cancelled",
        _ => status.ToString(),
    };

    /// <summary>Only pictures from the web or this site are shown.</summary>
    public static bool IsShowablePicture(string? url) =>
        url is not null && (url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal)));
}
