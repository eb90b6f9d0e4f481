using System.Text.Json;
using Rapport.Core.Orders;

namespace Rapport.Web.Orders;

/// <summary>Orders as the staff pages show them: status badges and the words on the step buttons (money and days: <c>Formats</c>).</summary>
public static class OrderFormat
{
    public static string Status(OrderStatus status) => OrderLifecycle.Label(status);

    /// <summary>The badge colour of a status: the road in warm colours, the end in green, red or grey.</summary>
    public static string Badge(OrderStatus status) => status switch
    {
        OrderStatus.Placed => "text-bg-secondary",
        OrderStatus.Confirmed => "text-bg-info",
        OrderStatus.InProduction => "text-bg-primary",
        OrderStatus.OutForDelivery => "text-bg-warning",
        OrderStatus.Delivered => "text-bg-success",
        OrderStatus.Failed => "text-bg-danger",
        _ => "text-bg-dark",
    };

    /// <summary>What the button that takes the step says; a pick-up is collected rather than delivered.</summary>
    public static string Step(OrderStatus to, FulfilmentKind fulfilment) => to switch
    {
        OrderStatus.Confirmed => "Confirm",
        OrderStatus.InProduction => "In production",
        OrderStatus.OutForDelivery => "Out for delivery",
        OrderStatus.Delivered => fulfilment == FulfilmentKind.Pickup ? "Collected" : "Delivered",
        OrderStatus.Failed => fulfilment == FulfilmentKind.Pickup ? "Not collected" : "Failed",
        OrderStatus.Cancelled => "Cancel order",
        _ => OrderLifecycle.Label(to),
    };

    public static string Fulfilment(FulfilmentKind kind) => kind switch
    {
        FulfilmentKind.Pickup => "pick-up in store",
        FulfilmentKind.Partner => "partner florist",
        _ => "delivery",
    };

    public static string Channel(OrderChannel channel) => channel switch
    {
        OrderChannel.WalkIn => "walk-in",
        OrderChannel.Web => "web",
        OrderChannel.Standing => "standing order",
        _ => "phone",
    };

    /// <summary>Reasons a driver gives most often, one tap each.</summary>
    public static IReadOnlyList<string> QuickFailureReasons { get; } = ["Nobody home", "Wrong address", "Refused"];

    /// <summary>The status values a filter offers, as the API spells them.</summary>
    public static string Value(OrderStatus status) => JsonNamingPolicy.CamelCase.ConvertName(status.ToString());
}
