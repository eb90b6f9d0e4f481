using Rapport.Core.Data;

namespace Rapport.Core.Sales;

/// <summary>What a call or meeting is for; <see cref="Other"/> takes free text.</summary>
public enum MeetingObjective
{
    AdvanceStage, DiscoverNeeds, MeetNewStakeholder, AskForReferral, AskForTestimonial, PresentUpsell, PresentCrossSell, ResolveIssue, Other,
}

public enum MeetingKind { Meeting, Call, Video }

/// <summary>How the meeting went against its objective.</summary>
public enum MeetingOutcome { Achieved, Partly, NotAchieved }

/// <summary>
/// A planned call or meeting with a customer, on a deal or not, with its objective and invitees; afterwards the
/// outcome against the objective, who attended, the next step with a date, notes, and optionally a recording.
/// </summary>
public sealed class Meeting : IBusinessOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid BusinessId { get; set; }
    public Guid CustomerId { get; set; }
    public Guid? DealId { get; set; }
    public MeetingKind Kind { get; set; }
    public MeetingObjective Objective { get; set; }
    /// <summary>The objective in words: required for <see cref="MeetingObjective.Other"/>, a detail otherwise.</summary>
    public string? ObjectiveText { get; set; }
    public DateTime ScheduledAt { get; set; }
    /// <summary>The staff member who planned it.</summary>
    public Guid OrganizerId { get; set; }
    /// <summary>Ids of the customer's stakeholders invited (JSON).</summary>
    public List<Guid> Invitees { get; set; } = [];

    public MeetingOutcome? Outcome { get; set; }
    public DateTime? HeldAt { get; set; }
    /// <summary>Ids of the customer's stakeholders who attended (JSON).</summary>
    public List<Guid> Attendees { get; set; } = [];
    public string? NextStep { get; set; }
    public DateOnly? NextStepOn { get; set; }
    public string? Notes { get; set; }
    public Guid? OutcomeById { get; set; }

    public MeetingRecording? Recording { get; set; }
    public DateTime CreatedAt { get; init; }
}

/// <summary>An audio file kept outside the web root; <see cref="StoredName"/> is the file's name in the recordings folder.</summary>
public sealed class MeetingRecording
{
    public required string StoredName { get; set; }
    /// <summary>The name it was uploaded with, cleaned for a download header.</summary>
    public required string FileName { get; set; }
    /// <summary>The type read from the file's content, not from what the uploader said.</summary>
    public required string ContentType { get; set; }
    public long Length { get; set; }
    public DateTime UploadedAt { get; set; }
    public Guid? UploadedById { get; set; }
}
