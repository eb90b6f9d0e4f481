using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Customers;
using Rapport.Core.Data;
using Rapport.Core.Timeline;

namespace Rapport.Core.Sales;

/// <summary>
/// After the meeting: how it went against its objective, who attended, the next step with a date, and notes. It lands
/// on the customer's timeline; on a deal, those who attended count for the gate's "meeting held" steps.
/// </summary>
public static class RecordMeetingOutcome
{
    /// <param name="Attendees">Ids of the customer's stakeholders who were there.</param>
    /// <param name="HeldAt">When it took place; the planned time when left out.</param>
    public sealed record Command(MeetingOutcome? Outcome, IReadOnlyList<Guid>? Attendees, DateTime? HeldAt, string? NextStep, DateOnly? NextStepOn, string? Notes);

    public static async Task<Result<MeetingView>> HandleAsync(RapportDb db, Actor actor, Guid meetingId, Command c, TimeProvider time, CancellationToken ct)
    {
        var meeting = await MeetingAccess.FindAsync(db, actor, meetingId, ct);
        if (meeting is null) return Failure.NotFound("Meeting");
        if (!actor.Role.PlansMeetings()) return Failure.Forbidden($"The {actor.Role.Label()} role does not log meetings.");
        if (meeting.Outcome is not null) return Failure.Conflict("The outcome of this meeting is already logged.");

        var now = time.GetUtcNow().UtcDateTime;
        var heldAt = (c.HeldAt?.ToUniversalTime()) ?? (meeting.ScheduledAt <= now ? meeting.ScheduledAt : now);
        var v = new Validator();
        if (c.Outcome is null) v.Add("outcome", "Say how it went against the objective: achieved, partly or notAchieved.");
        if (heldAt > now.AddMinutes(5)) v.Add("heldAt", "Log the outcome once the meeting has taken place.");
        v.MaxLength("nextStep", c.NextStep, SalesLimits.Title);
        if (c.NextStepOn is not null && string.IsNullOrWhiteSpace(c.NextStep)) v.Add("nextStep", "Say what the next step is.");
        v.MaxLength("notes", c.Notes, SalesLimits.Text);
        if (c.Attendees is { Count: > PlanMeeting.MaxPeople }) v.Add("attendees", $"At most {PlanMeeting.MaxPeople} people.");
        if (!v.IsValid) return v.ToFailure();
        var people = await db.Stakeholders.AsNoTracking().Where(s => s.CustomerId == meeting.CustomerId).ToDictionaryAsync(s => s.Id, ct);
        var attendees = (c.Attendees ?? []).Distinct().ToList();
        if (attendees.Any(a => !people.ContainsKey(a))) return Failure.Invalid("attendees", "Only the customer's stakeholders can be listed as attending.");

        meeting.Outcome = c.Outcome!.Value;
        meeting.HeldAt = heldAt;
        meeting.Attendees = attendees;
        meeting.NextStep = Blank(c.NextStep);
        meeting.NextStepOn = c.NextStepOn;
        meeting.Notes = Blank(c.Notes);
        meeting.OutcomeById = actor.StaffId;

        var next = meeting.NextStep is null ? ""
            : $" Next: {meeting.NextStep.TrimEnd('.')}{(meeting.NextStepOn is { } on ? " by " + on.ToString("ddd d MMM", CultureInfo.GetCultureInfo("en-US")) : "")}.";
        var summary = $"{Capital(PlanMeeting.Noun(meeting.Kind))}: {MeetingWords.Objective(meeting.Objective, meeting.ObjectiveText)}, {MeetingWords.Outcome(meeting.Outcome.Value)}."
            + (attendees.Count == 0 ? "" : $" Attended: {string.Join(", ", attendees.Select(a => people[a].Title is { } t ? $"{people[a].Name} ({t})" : people[a].Name))}.")
            + next + (meeting.Notes is null ? "" : $" {meeting.Notes}");
        TimelineEntries.Record(db, meeting.CustomerId, heldAt, now, PlanMeeting.Channel(meeting.Kind), Direction.Outbound,
            meeting.Outcome switch { MeetingOutcome.Achieved => Tone.Positive, MeetingOutcome.Partly => Tone.Neutral, _ => Tone.Negative },
            summary.Length <= 2000 ? summary : summary[..1999] + "\u2026", EntryAuthor.Of(actor));
        var customer = await db.Customers.FirstAsync(x => x.Id == meeting.CustomerId, ct);
        customer.NoteActivity(heldAt);
        if (meeting.DealId is { } dealId && await db.Deals.FirstOrDefaultAsync(d => d.Id == dealId, ct) is { } deal) deal.Touch(now);
        await db.SaveChangesAsync(ct);
        return MeetingView.Of(meeting, people);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static string Capital(string s) => char.ToUpperInvariant(s[0]) + s[1..];
}

public static class MeetingAccess
{
    /// <summary>A meeting with a customer the actor sees; drivers see none.</summary>
    public static Task<Meeting?> FindAsync(RapportDb db, Actor actor, Guid id, CancellationToken ct) =>
        actor.Role.PlansMeetings()
            ? db.Meetings.FirstOrDefaultAsync(m => m.Id == id && db.VisibleTo(actor).Any(c => c.Id == m.CustomerId), ct)
            : Task.FromResult<Meeting?>(null);

    public static async Task<Result<MeetingView>> GetAsync(RapportDb db, Actor actor, Guid id, CancellationToken ct)
    {
        var meeting = await FindAsync(db, actor, id, ct);
        if (meeting is null) return Failure.NotFound("Meeting");
        var people = await db.Stakeholders.AsNoTracking().Where(s => s.CustomerId == meeting.CustomerId).ToDictionaryAsync(s => s.Id, ct);
        return MeetingView.Of(meeting, people);
    }
}
