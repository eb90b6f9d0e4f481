using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Customers;
using Rapport.Core.Data;
using Rapport.Core.Health;

namespace Rapport.Core.Timeline;

/// <summary>Records a contact with a customer on the shared timeline; every role may, on customers it can see.</summary>
public static class LogInteraction
{
    /// <param name="OrderId">The order the contact was about (e.g. at the door of a delivery); one of the customer's.</param>
    /// <param name="Competitor">A competitor the customer mentioned, by name.</param>
    /// <param name="NeedsConfirmed">The customer's needs were confirmed in this contact.</param>
    public sealed record Command(Channel? Channel, Direction? Direction, string? Summary, Tone? Tone, DateTime? OccurredAt, bool? Internal,
        Guid? OrderId = null, string? Competitor = null, bool? NeedsConfirmed = null);

    public const int CompetitorLength = 120;

    public static async Task<Result<TimelineEntry>> HandleAsync(
        RapportDb db, Actor actor, Guid customerId, Command command, TimeProvider time, CancellationToken ct)
    {
        var customer = await db.VisibleTo(actor).FirstOrDefaultAsync(c => c.Id == customerId, ct);
        if (customer is null) return Failure.NotFound("Customer");

        var now = time.GetUtcNow().UtcDateTime;
        var v = new Validator();
        if (command.Channel is null) v.Add("channel", "Say how the contact happened: phone, email, visit, web, social, delivery or service.");
        if (command.Direction is null) v.Add("direction", "Say whether the customer reached us (inbound) or we reached them (outbound).");
        if (command.Tone is null) v.Add("tone", "Say how it went: positive, neutral or negative.");
        v.Required("summary", command.Summary, InteractionConfiguration.SummaryLength);
        if (command.OccurredAt is { } at && (at.ToUniversalTime() > now.AddMinutes(5) || at.Year < CustomerInput.Earliest.Year))
            v.Add("occurredAt", $"A time between {CustomerInput.Earliest.Year} and now.");
        if (command.Internal == true && !actor.Role.SeesInternalNotes()) v.Add("internal", "Your role cannot write internal notes.");
        long? orderNumber = null;
        if (command.OrderId is { } orderId)
        {
            orderNumber = await db.Orders.AsNoTracking().Where(o => o.Id == orderId && o.CustomerId == customerId)
                .Select(o => (long?)o.Number).FirstOrDefaultAsync(ct);
            if (orderNumber is null) v.Add("orderId", "Not one of this customer's orders.");
        }
        v.MaxLength("competitor", command.Competitor, CompetitorLength);
        if (!v.IsValid) return v.ToFailure();

        var interaction = TimelineEntries.Record(db, customerId, command.OccurredAt?.ToUniversalTime() ?? now, now,
            command.Channel!.Value, command.Direction!.Value, command.Tone!.Value, command.Summary!.Trim(), EntryAuthor.Of(actor),
            orderId: command.OrderId, isInternal: command.Internal ?? false);
        interaction.Competitor = string.IsNullOrWhiteSpace(command.Competitor) ? null : command.Competitor.Trim();
        interaction.NeedsConfirmed = command.NeedsConfirmed ?? false;
        customer.NoteActivity(interaction.OccurredAt);
        await db.SaveChangesAsync(ct);
        await RecomputeHealth.AfterEventAsync(db, customerId, time, ct);
        return TimelineEntry.Of(interaction, orderNumber);
    }
}
