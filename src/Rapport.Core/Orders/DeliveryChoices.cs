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
    /// <param name="Choices">Every choice: the date's windows in time order, then the other options in their rank.</param>
    /// <param name="Loyal">Whether the customer is loyal (the script and the reserve depend on it).</param>
    /// <param name="Promisable">The choices that can be promised as they stand, ranked as the alternatives are.</param>
    /// <param name="Unpromisable">The date's windows that cannot (full, full but for the reserve, past the cutoff), in time order.</param>
    public sealed record Menu(
        DateOnly Date, OrderOptions.Destination? Destination, IReadOnlyList<DeliveryChoice> Choices, bool Loyal,
        IReadOnlyList<DeliveryChoice> Promisable, IReadOnlyList<DeliveryChoice> Unpromisable);

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
        var choices = For(situation, answer.Value.Options);
        var (promisable, unpromisable) = Sort(choices, answer.Value.Options);
        return new Menu(date, destination, choices, answer.Value.Loyal, promisable, unpromisable);
    }

    /// <summary>
    /// What can be promised first, in the rank the alternatives have (the home location's windows, another location's,
    /// the loyalty reserve, a partner, pick-up, the next day), a window past the four per kind the ranking names just
    /// after the ranked windows; then, apart, the windows that cannot be promised as they stand.
    /// </summary>
    public static (IReadOnlyList<DeliveryChoice> Promisable, IReadOnlyList<DeliveryChoice> Unpromisable) Sort(
        IReadOnlyList<DeliveryChoice> choices, IReadOnlyList<OrderOptions.Option> options)
    {
        var rank = options.Select((o, i) => (DeliveryChoice.Of(o).Value, i)).GroupBy(x => x.Value).ToDictionary(g => g.Key, g => (double)g.First().i);
        var lastWindow = options.Select((o, i) => (o, i)).LastOrDefault(x => x.o.Kind is "window" or "other-location");
        var unranked = lastWindow.o is null ? -0.5 : lastWindow.i + 0.5;
        var promisable = choices.Where(c => c.CanBePromised)
            .Select((c, order) => (c, order, rank: rank.TryGetValue(c.Value, out var r) ? r : unranked))
            .OrderBy(x => x.rank).ThenBy(x => x.order).Select(x => x.c).ToList();
        return (promisable, choices.Where(c => !c.CanBePromised).ToList());
    }

    /// <summary>The one line the unpromisable windows fold under: "10 windows full", "4 windows full, 6 past their cutoff".</summary>
    public static string FoldedLine(IReadOnlyList<DeliveryChoice> unpromisable)
    {
        var closed = unpromisable.Count(c => c.Note == PastCutoff);
        var full = unpromisable.Count - closed;
        static string Windows(int n) => n == 1 ? "1 window" : $"{n} windows";
        return (full, closed) switch
        {
            (_, 0) => $"{Windows(full)} full",
            (0, _) => $"{Windows(closed)} past {(closed == 1 ? "its" : "their")} cutoff",
            _ => $"{Windows(full)} full, {closed} past {(closed == 1 ? "its" : "their")} cutoff",
        };
    }

    /// <summary>The note of a window whose cutoff has passed.</summary>
    public const string PastCutoff = "past its cutoff";

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
                : !w.OpenAt(situation.Now) ? PastCutoff
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
