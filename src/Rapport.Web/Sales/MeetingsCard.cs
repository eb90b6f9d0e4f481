using System.Globalization;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Customers;
using Rapport.Core.Data;
using Rapport.Core.Sales;
using Rapport.Web.Shared;

namespace Rapport.Web.Sales;

/// <summary>
/// The "Meetings and calls" card, on the deal page and on the customer page: the meetings, the form to plan one and
/// the forms to log how one went. Its forms post to <see cref="Action"/>'s handlers (PlanMeeting, Outcome, Recording).
/// </summary>
/// <param name="Htmx">The forms answer the card in place (the customer page); otherwise they post and come back to the page.</param>
/// <param name="Invited">Who the plan form invites unless changed: the deal's committee.</param>
/// <param name="Deals">The customer's deals a meeting may be on; null on a deal's own page, where it is always that deal.</param>
/// <param name="More">The cursor of older meetings, when there are more than shown.</param>
public sealed record MeetingsCard(
    string Action, bool Htmx, string CustomerName, IReadOnlyList<MeetingView> Meetings, IReadOnlyList<StakeholderView> Stakeholders,
    IReadOnlySet<Guid> Invited, IReadOnlyList<MeetingsCard.DealChoice>? Deals, bool CanPlan, FormMessages Form, string Empty, string? More = null)
{
    public sealed record DealChoice(Guid Id, string Name, string Stage);

    /// <summary>The card's own element, which htmx answers replace.</summary>
    public const string Target = "#meetings";

    public string Url(string handler) => $"{Action}?handler={handler}";

    /// <summary>An htmx attribute's value on the customer page, nothing on the deal page.</summary>
    public string? Hx(string value) => Htmx ? value : null;
}

/// <summary>
/// The meetings card's forms as both pages read them: what was typed is kept in the page's <see cref="FormMessages"/>,
/// times are the business's local time, and the use cases decide.
/// </summary>
public static class MeetingForms
{
    /// <summary>Plans a meeting from the posted plan form; on a deal's page <paramref name="dealId"/> is that deal, otherwise the form's choice.</summary>
    public static async Task<Result<MeetingView>> PlanAsync(RapportDb db, Actor actor, TimeProvider time, TimeZoneInfo zone, FormMessages form,
        IFormCollection posted, Guid customerId, Guid? dealId, CancellationToken ct)
    {
        foreach (var field in new[] { "kind", "objective", "objectiveText", "scheduledAt", "dealId" }) form.Typed[$"meeting:{field}"] = posted[field].ToString();
        form.Typed["meeting:invitees"] = string.Join(",", posted["invitees"].ToArray());
        if (!Ids(posted["invitees"], out var invitees)) return Failure.Invalid("invitees", "Invite the customer's stakeholders only.");
        Guid? chosenDeal = dealId;
        if (dealId is null && !string.IsNullOrEmpty(posted["dealId"]))
        {
            if (!Guid.TryParse(posted["dealId"], out var d)) return Failure.Invalid("dealId", "Not a deal with this customer.");
            chosenDeal = d;
        }
        DateTime? at = DateTime.TryParse(posted["scheduledAt"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone) : null;
        MeetingKind? kind = Enum.TryParse<MeetingKind>(posted["kind"], true, out var k) ? k : null;
        return await PlanMeeting.HandleAsync(db, actor,
            new(customerId, chosenDeal, kind, posted["objective"].ToString(), posted["objectiveText"].ToString(), at, invitees), time, ct);
    }

    /// <summary>Logs a meeting's outcome from the posted form of that meeting.</summary>
    public static async Task<Result<MeetingView>> OutcomeAsync(RapportDb db, Actor actor, TimeProvider time, FormMessages form,
        IFormCollection posted, Guid meetingId, CancellationToken ct)
    {
        var section = $"outcome:{meetingId}";
        foreach (var field in new[] { "outcome", "nextStep", "nextStepOn", "notes" }) form.Typed[$"{section}:{field}"] = posted[field].ToString();
        form.Typed[$"{section}:attendees"] = string.Join(",", posted["attendees"].ToArray());
        if (!Ids(posted["attendees"], out var attendees)) return Failure.Invalid("attendees", "Only the customer's stakeholders can be listed as attending.");
        DateOnly? nextStepOn = null;
        if (!string.IsNullOrWhiteSpace(posted["nextStepOn"]))
        {
            if (!DateOnly.TryParse(posted["nextStepOn"], CultureInfo.InvariantCulture, out var on)) return Failure.Invalid("nextStepOn", "A day like 2026-06-30.");
            nextStepOn = on;
        }
        MeetingOutcome? outcome = Enum.TryParse<MeetingOutcome>(posted["outcome"], true, out var o) ? o : null;
        return await RecordMeetingOutcome.HandleAsync(db, actor, meetingId,
            new(outcome, attendees, null, posted["nextStep"].ToString(), nextStepOn, posted["notes"].ToString()), time, ct);
    }

    /// <summary>Attaches the meeting's recording: an audio file, recognised by its content.</summary>
    public static async Task<Result<MeetingView>> RecordingAsync(RapportDb db, Actor actor, TimeProvider time, IFormFile? file, Guid meetingId,
        RecordingStore store, CancellationToken ct)
    {
        if (file is null) return Failure.Invalid("file", "Choose an audio file (mp3, ogg, wav, webm or m4a).");
        await using var content = file.OpenReadStream();
        return await AttachRecording.HandleAsync(db, actor, meetingId, new(file.FileName, file.Length, content), store, time, ct);
    }

    private static bool Ids(Microsoft.Extensions.Primitives.StringValues values, out List<Guid> ids)
    {
        ids = [];
        foreach (var value in values)
        {
            if (!Guid.TryParse(value, out var id)) return false;
            ids.Add(id);
        }
        return true;
    }
}
