using Rapport.Core.Orders;

namespace Rapport.Web.Shop;

/// <summary>Statuses and pictures as the shop's customers see them (money and days: <c>Formats</c>, as on the staff pages).</summary>
public static class ShopFormat
{
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
