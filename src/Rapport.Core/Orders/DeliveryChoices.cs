using System.Globalization;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Data;
using Rapport.Core.Delivery;

namespace Rapport.Core.Orders;

/// <summary>
/// One way to fulfil an order as the phone screen lists it. <see cref="Note"/> says why it cannot be promised as
/// it stands ("full"); choosing it anyway is answered with the alternatives, never with a no.
/// </summary>
public sealed record DeliveryChoice(string Kind, Guid? WindowId, Guid? LocationId, Guid? PartnerId, DateOnly Date, string Promise, decimal Fee, string? Note)
{
    public bool CanBePromised => Note is null;

    public static DeliveryChoice Of(OrderOptions.Option o) => new(o.Kind, o.WindowId, o.LocationId, o.PartnerId, o.Date, o.Promise, o.Fee, null);

    /// <summary>The choice as one form value: kind, window, location, partner and date.</summary>
    public string Value => string.Join('|', Kind, WindowId, LocationId, PartnerId, Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>Reads a <see cref="Value"/> back as the fulfilment of an order; null when it is not one.</summary>
    public static PlaceOrder.FulfilmentInput? Parse(string? value)
    {
        var parts = value?.Split('|');
        if (parts is not { Length: 5 } || OptionKindNames.Parse(parts[0]) is null
            || !DateOnly.TryParseExact(parts[4], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return null;
        Guid? Id(string part) => Guid.TryParse(part, out var id) ? id : null;
        return new PlaceOrder.FulfilmentInput(parts[0], Id(parts[1]), Id(parts[3]), Id(parts[2]), date);
    }
}

/// <summary>What the phone screen offers for a date: the date's windows to the address, then the other options.</summary>
public static class DeliveryChoices
{
    /// <param name="Destination">Where it goes; its address is null when none is known yet.</param>
    /// <param name="Loyal">Whether the customer is loyal (the script and the reserve depend on it).</param>
    public sealed record Menu(DateOnly Date, OrderOptions.Destination? Destination, IReadOnlyList<DeliveryChoice> Choices, bool Loyal);

    /// <summary>The options for the customer, recipient or address, and date, as <see cref="For"/> lists them.</summary>
    public static async Task<Result<Menu>> HandleAsync(RapportDb db, Orderer orderer, OrderOptions.Query query, TimeProvider time, CancellationToken ct)
    {
        var answer = await OrderOptions.HandleAsync(db, orderer, query with { WindowId = null }, time, ct);
        if (!answer.Succeeded) return answer.Failure;
        var now = time.GetUtcNow().UtcDateTime;
        var today = await db.TodayAsync(now, ct);
        var date = answer.Value.Requested.Date;
        var customerId = query.CustomerId ?? orderer.AccountCustomerId!.Value;
        var destination = (await OrderOptions.DeliveryAddressAsync(db, customerId, query.RecipientId, query.Address, ct)).Value;
        // Only the date's windows are read from it: the ranking came with the answer.
        var situation = await OrderOptions.SituationAsync(db, now, today, date, null, false, destination?.Address, ct);
        return new Menu(date, destination, For(situation, answer.Value.Options), answer.Value.Loyal);
    }

    /// <summary>
    /// The date's windows that deliver to the address, in time order, full and closed ones included (so the
    /// caller's own wish can be tried), then the options that are not one of them in their rank.
    /// </summary>
    public static IReadOnlyList<DeliveryChoice> For(DeliverySituation situation, IReadOnlyList<OrderOptions.Option> options)
    {
        var windows = situation.Windows.Where(w => w.Date == situation.Date && w.Fee is not null && situation.HasAddress)
            .OrderBy(w => w.Start).ThenBy(w => w.Fee).ToList();
        var listed = windows.Select(w => w.WindowId).ToHashSet();
        static bool General(OrderOptions.Option o) => o.Kind is "window" or "other-location";

        var choices = windows.Select(w =>
        {
            var offered = options.FirstOrDefault(o => General(o) && o.WindowId == w.WindowId);
            var note = offered is not null ? null
                : !w.OpenAt(situation.Now) ? "past its cutoff"
                : !w.HasRoom ? "full"
                : !w.HasGeneralRoom ? "full but for the loyalty reserve"
                : null;
            return new DeliveryChoice(offered?.Kind ?? "window", w.WindowId, w.LocationId, null, w.Date,
                FindAlternatives.Promise(situation.Today, w), w.Fee!.Value, note);
        }).ToList();
        choices.AddRange(options.Where(o => !(General(o) && o.WindowId is { } id && listed.Contains(id)))
            .Select(DeliveryChoice.Of));
        return choices;
    }

    /// <summary>
    /// What the screen starts with: the earliest window of the date that can be promised; else the loyalty reserve for a
    /// loyal customer; else the next day's window; and only then a partner or pick-up, which change the plan.
    /// </summary>
    public static DeliveryChoice? Earliest(IReadOnlyList<DeliveryChoice> choices, DateOnly date, bool loyal) =>
        choices.FirstOrDefault(c => c.CanBePromised && c.Date == date && c.Kind is ("window" or "other-location"))
        ?? choices.FirstOrDefault(c => c.CanBePromised && loyal && c.Kind == "loyalty-reserve")
        ?? choices.FirstOrDefault(c => c.CanBePromised && c.Kind == "next-day")
        ?? choices.FirstOrDefault(c => c.CanBePromised && c.Kind is ("partner" or "pickup"));
}
