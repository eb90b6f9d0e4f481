using System.Globalization;
using System.Text.Json;
using Rapport.Core.Orders;

namespace Rapport.Web.Orders;

/// <summary>Orders as the staff pages show them: money, days, status badges and the words on the step buttons.</summary>
public static class OrderFormat
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    /// <summary>"$85.00" in dollars, "85.00 EUR" in any other currency.</summary>
    public static string Money(decimal amount, string currency) =>
        currency == "USD" ? amount.ToString("C2", English) : $"{amount.ToString("N2", English)} {currency}";

    public static string Day(DateOnly date) => date.ToString("ddd d MMM yyyy", English);

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
