using Rapport.Core.Customers;

namespace Rapport.Core.Sales;

public sealed record MeetingPerson(Guid StakeholderId, string Name, string? Title, BuyingRole? Role);

/// <summary>A meeting's recording; the web layer gives the address it is downloaded from.</summary>
public sealed record RecordingView(string FileName, string ContentType, long Length, DateTime UploadedAt, Guid MeetingId);

/// <summary>A call or meeting: its objective in words, invitees, and afterwards its outcome, attendees and next step.</summary>
public sealed record MeetingView(
    Guid Id, Guid CustomerId, Guid? DealId, MeetingKind Kind, MeetingObjective Objective, string ObjectiveLabel, string? ObjectiveText,
    DateTime ScheduledAt, Guid OrganizerId, IReadOnlyList<MeetingPerson> Invitees, MeetingOutcome? Outcome, DateTime? HeldAt,
    IReadOnlyList<MeetingPerson> Attendees, string? NextStep, DateOnly? NextStepOn, string? Notes, RecordingView? Recording, DateTime CreatedAt)
{
    public static MeetingView Of(Meeting m, IReadOnlyDictionary<Guid, Stakeholder> people) =>
        new(m.Id, m.CustomerId, m.DealId, m.Kind, m.Objective, MeetingWords.Objective(m.Objective, m.ObjectiveText), m.ObjectiveText, m.ScheduledAt,
            m.OrganizerId, People(m.Invitees, people), m.Outcome, m.HeldAt, People(m.Attendees, people), m.NextStep, m.NextStepOn, m.Notes,
            m.Recording is { } r ? new RecordingView(r.FileName, r.ContentType, r.Length, r.UploadedAt, m.Id) : null,
            m.CreatedAt);

    private static List<MeetingPerson> People(IEnumerable<Guid> ids, IReadOnlyDictionary<Guid, Stakeholder> people) =>
        ids.Select(id => people.TryGetValue(id, out var s) ? new MeetingPerson(id, s.Name, s.Title, s.Role) : new MeetingPerson(id, "(removed)", null, null)).ToList();
}

public static class MeetingWords
{
    public static string Objective(MeetingObjective objective, string? text) => objective switch
    {
        MeetingObjective.Other => text ?? "Other",
        _ => Label(objective) + (string.IsNullOrWhiteSpace(text) ? "" : $": {text}"),
    };

    public static string Label(MeetingObjective objective) => objective switch
    {
        MeetingObjective.AdvanceStage => "Advance the stage",
        MeetingObjective.DiscoverNeeds => "Discover needs",
        MeetingObjective.MeetNewStakeholder => "Meet a new stakeholder",
        MeetingObjective.AskForReferral => "Ask for a referral",
        MeetingObjective.AskForTestimonial => "Ask for a testimonial",
        MeetingObjective.PresentUpsell => "Present an up-sell",
        MeetingObjective.PresentCrossSell => "Present a cross-sell",
        MeetingObjective.ResolveIssue => "Resolve an issue",
        _ => "Other",
    };

    public static string Outcome(MeetingOutcome outcome) => outcome switch
    {
        MeetingOutcome.Achieved => "achieved",
        MeetingOutcome.Partly => "partly achieved",
        _ => "not achieved",
    };
}
