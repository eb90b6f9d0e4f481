using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Customers;
using Rapport.Core.Data;
using Rapport.Core.Delivery;
using Rapport.Core.Timeline;

namespace Rapport.Core.Sales;

/// <summary>Plans a call or meeting with a customer, on a deal or not, with its objective and the stakeholders invited.</summary>
public static class PlanMeeting
{
    public const int MaxPeople = 50;
    public const int MaxYearsAway = 2;

    /// <param name="Objective">One of advanceStage, discoverNeeds, meetNewStakeholder, askForReferral, askForTestimonial,
    /// presentUpsell, presentCrossSell, resolveIssue, other; any other text is taken as the objective in words.</param>
    /// <param name="ObjectiveText">The objective in words for "other", or a detail for the others.</param>
    /// <param name="Invitees">Ids of the customer's stakeholders invited.</param>
    public sealed record Command(
        Guid? CustomerId, Guid? DealId, MeetingKind? Kind, string? Objective, string? ObjectiveText, DateTime? ScheduledAt, IReadOnlyList<Guid>? Invitees);

    public static async Task<Result<MeetingView>> HandleAsync(RapportDb db, Actor actor, Command c, TimeProvider time, CancellationToken ct)
    {
        if (!actor.Role.PlansMeetings()) return Failure.Forbidden($"The {actor.Role.Label()} role does not plan meetings.");
        var now = time.GetUtcNow().UtcDateTime;
        var v = new Validator();
        if (c.CustomerId is null) v.Add("customerId", "Say which customer the meeting is with.");
        var (objective, text) = ReadObjective(c.Objective, c.ObjectiveText);
        if (string.IsNullOrWhiteSpace(c.Objective)) v.Add("objective", "Every meeting has an objective: e.g. advanceStage, discoverNeeds, or the objective in words.");
        else v.MaxLength("objective", c.Objective, SalesLimits.Title);
        if (objective == MeetingObjective.Other && string.IsNullOrWhiteSpace(text)) v.Add("objectiveText", "Say the objective in words.");
        v.MaxLength("objectiveText", c.ObjectiveText, SalesLimits.Title);
        if (c.ScheduledAt is not { } at) v.Add("scheduledAt", "Say when it is planned (date and time).");
        else if (Math.Abs((at.ToUniversalTime() - now).TotalDays) > 366 * MaxYearsAway) v.Add("scheduledAt", $"Within {MaxYearsAway} years of today.");
        if (c.Invitees is { Count: > MaxPeople }) v.Add("invitees", $"At most {MaxPeople} people.");
        if (!v.IsValid) return v.ToFailure();

        var customer = await db.VisibleTo(actor).FirstOrDefaultAsync(x => x.Id == c.CustomerId, ct);
        if (customer is null) return Failure.Invalid("customerId", "No such customer.");
        if (c.DealId is { } dealId && !await db.VisibleDeals(actor).AnyAsync(d => d.Id == dealId && d.CustomerId == customer.Id, ct))
            return Failure.Invalid("dealId", "Not a deal with this customer.");
        var invitees = (c.Invitees ?? []).Distinct().ToList();
        var people = await db.Stakeholders.AsNoTracking().Where(s => s.CustomerId == customer.Id).ToDictionaryAsync(s => s.Id, ct);
        if (invitees.Any(i => !people.ContainsKey(i))) return Failure.Invalid("invitees", "Invite the customer's stakeholders only.");

        var meeting = new Meeting
        {
            CustomerId = customer.Id, DealId = c.DealId, Kind = c.Kind ?? MeetingKind.Meeting, Objective = objective, ObjectiveText = text,
            ScheduledAt = c.ScheduledAt!.Value.ToUniversalTime(), OrganizerId = actor.StaffId, Invitees = invitees, CreatedAt = now,
        };
        db.Meetings.Add(meeting);
        var zone = await db.TimeZoneAsync(ct);
        var when = BusinessClock.ToLocal(meeting.ScheduledAt, zone).ToString("ddd d MMM yyyy, h:mm tt", CultureInfo.GetCultureInfo("en-US"));
        TimelineEntries.Record(db, customer.Id, now, now, Channel(meeting.Kind), Direction.Outbound, Tone.Neutral,
            $"Planned {Noun(meeting.Kind)} for {when}. Objective: {MeetingWords.Objective(objective, text)}."
                + (invitees.Count == 0 ? "" : $" Invited: {string.Join(", ", invitees.Select(i => people[i].Name))}."),
            EntryAuthor.Of(actor));
        await db.SaveChangesAsync(ct);
        return MeetingView.Of(meeting, people);
    }

    internal static (MeetingObjective Objective, string? Text) ReadObjective(string? objective, string? detail)
    {
        var text = string.IsNullOrWhiteSpace(detail) ? null : detail.Trim();
        if (string.IsNullOrWhiteSpace(objective)) return (MeetingObjective.Other, text);
        var given = objective.Trim();
        foreach (var kind in Enum.GetValues<MeetingObjective>())
            if (string.Equals(kind.ToString(), given, StringComparison.OrdinalIgnoreCase)) return (kind, text);
        // Free text is the objective itself.
        return (MeetingObjective.Other, text is null ? given : $"{given}: {text}");
    }

    internal static Channel Channel(MeetingKind kind) => kind == MeetingKind.Meeting ? Timeline.Channel.Visit : Timeline.Channel.Phone;

    internal static string Noun(MeetingKind kind) => kind switch
    {
        MeetingKind.Call => "call",
        MeetingKind.Video => "video call",
        _ => "meeting",
    };
}
