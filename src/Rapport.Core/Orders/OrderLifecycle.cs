using System.Globalization;
using Rapport.Core.Businesses;
using Rapport.Core.Delivery;
using Rapport.Core.Timeline;

namespace Rapport.Core.Orders;

/// <summary>
/// The steps an order may take, and how a step reads on the customer's timeline. An order moves forward along
/// placed → confirmed → in production → out for delivery → delivered (skipping ahead is fine), may fail at any
/// open step, and may be cancelled until it leaves the shop. Delivered, failed and cancelled are final.
/// </summary>
public static class OrderLifecycle
{
    /// <summary>Why an order cannot move from <paramref name="from"/> to <paramref name="to"/>; null when it can.</summary>
    public static string? Refusal(OrderStatus from, FulfilmentKind fulfilment, OrderStatus to)
    {
        if (from == to) return $"The order is already {Label(from)}.";
        if (IsFinal(from)) return $"The order is {Label(from)}, which is final.";
        if (to == OrderStatus.Placed) return "The order cannot go back to placed.";
        if (to == OrderStatus.Cancelled && from == OrderStatus.OutForDelivery)
            return "The order is out for delivery and can no longer be cancelled: mark it delivered or failed.";
        if (to == OrderStatus.OutForDelivery && fulfilment == FulfilmentKind.Pickup)
            return "A pick-up order is collected in store, not sent out: mark it delivered when it is collected.";
        if (to < OrderStatus.Delivered && to < from) return $"The order is {Label(from)}; it cannot go back to {Label(to)}.";
        return null;
    }

    /// <summary>
    /// The steps the order may take from <paramref name="from"/>, in the order of the chain; for drivers
    /// (<paramref name="driver"/>) only the road steps they may record.
    /// </summary>
    public static IReadOnlyList<OrderStatus> NextSteps(OrderStatus from, FulfilmentKind fulfilment, bool driver) =>
        Enum.GetValues<OrderStatus>().Where(to => Refusal(from, fulfilment, to) is null && (!driver || DriverMaySet(to))).ToList();

    public static bool IsFinal(OrderStatus status) =>
        status is OrderStatus.Delivered or OrderStatus.Failed or OrderStatus.Cancelled;

    /// <summary>The steps a driver may record, on the orders of his own stops.</summary>
    public static bool DriverMaySet(OrderStatus status) =>
        status is OrderStatus.OutForDelivery or OrderStatus.Delivered or OrderStatus.Failed;

    /// <summary>
    /// The steps the customer hears about, so they land on the timeline. Confirming and making the order are
    /// the shop's own business: on the timeline they would bury the contacts that matter.
    /// </summary>
    public static bool IsVisibleToCustomer(OrderStatus status) =>
        status is OrderStatus.OutForDelivery or OrderStatus.Delivered or OrderStatus.Failed or OrderStatus.Cancelled;

    /// <summary>The status as people say it, e.g. "out for delivery".</summary>
    public static string Label(OrderStatus status) => status switch
    {
        OrderStatus.Placed => "placed",
        OrderStatus.Confirmed => "confirmed",
        OrderStatus.InProduction => "in production",
        OrderStatus.OutForDelivery => "out for delivery",
        OrderStatus.Delivered => "delivered",
        OrderStatus.Failed => "failed",
        OrderStatus.Cancelled => "cancelled",
        _ => status.ToString(),
    };

    /// <summary>
    /// Reads a status as the API writes it ("outForDelivery") or as people say it ("out for delivery",
    /// "out-for-delivery"), in any case; never a number.
    /// </summary>
    public static bool TryParse(string? text, out OrderStatus status)
    {
        status = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var compact = new string(text.Where(c => c is not (' ' or '-' or '_')).ToArray());
        if (compact.Length == 0 || !compact.All(char.IsAsciiLetter)) return false;
        return Enum.TryParse(compact, ignoreCase: true, out status);
    }

    /// <summary>How the step reads on the customer's timeline: the channel, the tone and a sentence.</summary>
    public static (Channel Channel, Tone Tone, string Summary) ForTimeline(OrderStep step, TimeZoneInfo zone)
    {
        var who = string.IsNullOrWhiteSpace(step.RecipientName) ? "the recipient" : step.RecipientName;
        var order = $"Order {step.Number}";
        var pickup = step.Fulfilment == FulfilmentKind.Pickup;
        var channel = step.To == OrderStatus.Cancelled ? Channel.Service : pickup ? Channel.Visit : Channel.Delivery;
        var because = string.IsNullOrWhiteSpace(step.Reason) ? "" : $": {step.Reason.Trim()}";
        var at = Clock(step.At, zone);
        return step.To switch
        {
            OrderStatus.OutForDelivery => (channel, Tone.Neutral,
                $"{order} out for delivery to {who}{(step.PromisedFrom is { } from && step.PromisedBy is { } by ? $", promised {Clock(from, zone)}–{Clock(by, zone)}" : "")}."),
            OrderStatus.Delivered when step.PromisedBy is { } by && step.At > by => (channel, Tone.Negative,
                $"{order} {(pickup ? "collected" : $"delivered to {who}")} at {at}, {Late(step.At - by)} late (promised by {Clock(by, zone)})."),
            OrderStatus.Delivered => (channel, Tone.Positive,
                $"{order} {(pickup ? "collected" : $"delivered to {who}")} at {at}{(step.PromisedBy is null ? "" : ", on time")}."),
            OrderStatus.Failed => (channel, Tone.Negative,
                pickup ? $"{order} was not collected{because}." : $"{order} could not be delivered to {who}{because}."),
            _ => (channel, Tone.Neutral, $"{order} {Label(step.To)}{because}."),
        };
    }

    private static string Clock(DateTime utc, TimeZoneInfo zone) =>
        BusinessClock.ToLocal(utc, zone).ToString("HH:mm", CultureInfo.InvariantCulture);

    private static string Late(TimeSpan late)
    {
        var minutes = (int)Math.Ceiling(late.TotalMinutes);
        return minutes < 60 ? $"{minutes} min" : minutes % 60 == 0 ? $"{minutes / 60} h" : $"{minutes / 60} h {minutes % 60} min";
    }
}

/// <summary>One step an order takes, with what the timeline needs to tell it.</summary>
public sealed record OrderStep(
    long Number, FulfilmentKind Fulfilment, string? RecipientName, DateTime? PromisedFrom, DateTime? PromisedBy,
    OrderStatus To, DateTime At, string? Reason);
