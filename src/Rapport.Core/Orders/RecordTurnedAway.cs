using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Customers;
using Rapport.Core.Data;
using Rapport.Core.Health;
using Rapport.Core.Delivery;
using Rapport.Core.Timeline;

namespace Rapport.Core.Orders;

public sealed record TurnedAwayView(
    Guid Id, Guid CustomerId, DateOnly Date, DateTime At, OrderChannel Channel, int OptionsOffered, string? Reason, Guid? StaffId, string? StaffName)
{
    public static TurnedAwayView Of(TurnedAway t) =>
        new(t.Id, t.CustomerId, t.RequestedDate, t.At, t.Channel, t.OptionsOffered, t.Reason, t.StaffId, t.StaffName);
}

/// <summary>
/// There is no refuse button: when the customer declines every option offered, the person records that here.
/// It is counted for the owner and lands on the customer's timeline with a negative tone.
/// </summary>
public static class RecordTurnedAway
{
    public const int MaxOptions = 100;
    /// <summary>How far from today the wanted date may be; further is a typing mistake.</summary>
    public const int MaxDaysAway = 366;

    /// <param name="Date">The day the customer wanted.</param>
    public sealed record Command(Guid? CustomerId, DateOnly? Date, int? OptionsOffered, string? Reason, OrderChannel? Channel);

    public static async Task<Result<TurnedAwayView>> HandleAsync(
        RapportDb db, Actor actor, Command command, TimeProvider time, CancellationToken ct)
    {
        if (!actor.Role.TakesOrders()) return Failure.Forbidden($"The {actor.Role.Label()} role does not take orders.");
        var now = time.GetUtcNow().UtcDateTime;
        var zone = await db.TimeZoneAsync(ct);
        var today = BusinessClock.Today(now, zone);

        var v = new Validator();
        if (command.CustomerId is null) v.Add("customerId", "Say which customer was turned away.");
        if (command.Date is not { } date) v.Add("date", "Say which day the customer wanted (YYYY-MM-DD).");
        else if (Math.Abs(date.DayNumber - today.DayNumber) > MaxDaysAway) v.Add("date", $"A day within {MaxDaysAway} days of today.");
        if (command.OptionsOffered is not { } offered) v.Add("optionsOffered", "Say how many options were offered (0 when there were none).");
        else if (offered is < 0 or > MaxOptions) v.Add("optionsOffered", $"Between 0 and {MaxOptions}.");
        if (command.Channel is null) v.Add("channel", "Say how the customer asked: phone, web or walkIn.");
        v.MaxLength("reason", command.Reason, OrderLimits.Reason);
        if (!v.IsValid) return v.ToFailure();

        var customer = await db.VisibleTo(actor).FirstOrDefaultAsync(c => c.Id == command.CustomerId, ct);
        if (customer is null) return Failure.NotFound("Customer");

        var reason = string.IsNullOrWhiteSpace(command.Reason) ? null : command.Reason.Trim();
        var turnedAway = new TurnedAway
        {
            CustomerId = customer.Id,
            RequestedDate = command.Date!.Value,
            At = now,
            Channel = command.Channel!.Value,
            OptionsOffered = command.OptionsOffered!.Value,
            Reason = reason,
            StaffId = actor.StaffId,
            StaffName = actor.Name,
        };
        db.TurnedAway.Add(turnedAway);
        TimelineEntries.Record(db, customer.Id, now, now,
            command.Channel.Value switch
            {
                OrderChannel.Web => Channel.Web,
                OrderChannel.WalkIn => Channel.Visit,
                _ => Channel.Phone,
            },
            Direction.Inbound, Tone.Negative, Summary(turnedAway), EntryAuthor.Of(actor));
        customer.NoteActivity(now);
        await db.SaveChangesAsync(ct);
        await RecomputeHealth.AfterEventAsync(db, customer.Id, time, ct);
        return TurnedAwayView.Of(turnedAway);
    }

    public static async Task<Result<TurnedAwayView>> FindAsync(RapportDb db, Actor actor, Guid id, CancellationToken ct)
    {
        var found = await db.TurnedAway.AsNoTracking()
            .Where(t => t.Id == id && db.VisibleTo(actor).Any(c => c.Id == t.CustomerId)).FirstOrDefaultAsync(ct);
        return found is null ? Failure.NotFound("Turned-away record") : TurnedAwayView.Of(found);
    }

    private static string Summary(TurnedAway t)
    {
        var day = t.RequestedDate.ToString("ddd d MMM yyyy", CultureInfo.GetCultureInfo("en-US"));
        var options = t.OptionsOffered switch
        {
            0 => "nothing could be offered",
            1 => "declined the 1 option offered",
            var n => $"declined all {n} options offered",
        };
        return $"Turned away: wanted {day}; {options}{(t.Reason is null ? "" : $". {t.Reason.TrimEnd('.', ' ')}")}.";
    }
}
