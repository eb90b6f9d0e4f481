using Rapport.Core.Businesses;
using Rapport.Core.Data;

namespace Rapport.Core.Timeline;

/// <summary>Who made a timeline entry, kept as they were at the time; empty for entries the customer or Rapport made.</summary>
public readonly record struct EntryAuthor(Guid? StaffId, string? Name, StaffRole? Role)
{
    public static EntryAuthor Of(Actor? actor) => actor is null ? default : new(actor.StaffId, actor.Name, actor.Role);
    public static EntryAuthor Of(StaffMember? staff) => staff is null ? default : new(staff.Id, staff.DisplayName, staff.Role);
}

/// <summary>The one writer of timeline entries: a feature that puts a contact on a customer's timeline goes through here.</summary>
public static class TimelineEntries
{
    /// <summary>Adds an entry to the context, saved with the caller's other changes, and returns it.</summary>
    public static Interaction Record(
        RapportDb db, Guid customerId, DateTime occurredAt, DateTime recordedAt, Channel channel, Direction direction, Tone tone,
        string summary, EntryAuthor by = default, Guid? orderId = null, bool isInternal = false)
    {
        var entry = New(customerId, occurredAt, recordedAt, channel, direction, tone, summary, by, orderId, isInternal);
        db.Interactions.Add(entry);
        return entry;
    }

    /// <summary>An entry not yet added to any context, for callers that insert many at once (the demo's history).</summary>
    public static Interaction New(
        Guid customerId, DateTime occurredAt, DateTime recordedAt, Channel channel, Direction direction, Tone tone,
        string summary, EntryAuthor by = default, Guid? orderId = null, bool isInternal = false) => new()
    {
        CustomerId = customerId,
        OccurredAt = occurredAt,
        RecordedAt = recordedAt,
        Channel = channel,
        Direction = direction,
        Tone = tone,
        Summary = summary,
        Internal = isInternal,
        StaffId = by.StaffId,
        StaffName = by.Name,
        StaffRole = by.Role,
        OrderId = orderId,
    };
}
