using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Customers;
using Rapport.Core.Data;
using Rapport.Core.Sales;
using Rapport.Core.Timeline;
using Rapport.Web.Pages.App.Customers;

namespace Rapport.Web.Pages.App.Sales;

/// <summary>
/// The deal page: the stage's checklist with a way to do each step, the buying committee, competitors, milestones,
/// overrides on record, meetings, quotes and the customer's timeline. Every form posts to a handler that calls the
/// deal's use case and comes back to its section, or shows the use case's messages beside the fields.
/// </summary>
public sealed class DealModel(RapportDb db, Actor actor, TimeProvider time, Hosting.BusinessTime businessTime) : PageModel
{
    public Actor Actor => actor;
    public DealView Deal { get; private set; } = null!;
    public string Currency { get; private set; } = "USD";
    /// <summary>The customer's stakeholders: the people who can join the committee or be invited.</summary>
    public IReadOnlyList<StakeholderView> Stakeholders { get; private set; } = [];
    public IReadOnlyList<QuoteView> Quotes { get; private set; } = [];
    public IReadOnlyList<SalesBoardModel.Seller> Sellers { get; private set; } = [];
    public DetailsModel.TimelineView Timeline { get; private set; } = null!;

    /// <summary>Form field to message, keyed "section:field" (e.g. "answer:{questionId}", "advance:override.reason").</summary>
    public Dictionary<string, string> Errors { get; } = new();
    /// <summary>What was typed into a form that came back with errors, by the same keys, so nothing is lost.</summary>
    public Dictionary<string, string?> Typed { get; } = new();
    /// <summary>The steps missing when a move was refused.</summary>
    public IReadOnlyList<MissingStep>? Refused { get; private set; }
    public string? RefusedTo { get; private set; }

    /// <summary>One required step on the checklist, with what was done for it and the deal's answers (for a questionnaire).</summary>
    public sealed record StepView(DealModel Page, StepStatus Step, EvidenceView? Done, IReadOnlyDictionary<Guid, string> Answers);

    public bool CanWork => actor.Role.WorksDeals();
    public bool CanPlan => actor.Role.PlansMeetings();
    public bool CanOverride => actor.Role.ManagesSales();

    public string? Error(string key) => Errors.GetValueOrDefault(key);
    public string Invalid(string key) => Errors.ContainsKey(key) ? "is-invalid" : "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    /// <param name="override">Set by the "Override with a reason" form (owners and managers).</param>
    public async Task<IActionResult> OnPostAdvanceAsync(Guid id, string? toStage, string? reason, bool @override, CancellationToken ct)
    {
        var moved = await AdvanceDeal.HandleAsync(db, actor, id, new(toStage, @override ? new AdvanceDeal.Override(reason) : null), time, ct);
        if (!moved.Succeeded && moved.Failure!.Extensions?.GetValueOrDefault(AdvanceDeal.MissingStepsMember) is IReadOnlyList<MissingStep> missing)
        {
            Refused = missing;
            RefusedTo = toStage;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
        Typed["advance:reason"] = reason;
        RefusedTo = toStage;
        return await AfterAsync(id, moved.Failure, "advance", f => f, "stage", ct);
    }

    /// <summary>Saves the answers of one questionnaire step: every question of the step is sent, an empty one clears its answer.</summary>
    public async Task<IActionResult> OnPostAnswersAsync(Guid id, Guid stepId, CancellationToken ct)
    {
        var found = await GetDeal.HandleAsync(db, actor, id, time, ct);
        if (!found.Succeeded) return NotFound();
        var step = found.Value!.Stages.SelectMany(s => s.Steps).FirstOrDefault(s => s.StepId == stepId && s.Kind == StepKind.Questionnaire);
        if (step?.Questions is not { } questions) return NotFound();
        var answers = questions.Select(q => new AnswerQuestions.Answer(q.Id, Request.Form[$"q.{q.Id}"].ToString())).ToList();
        foreach (var a in answers) Typed[$"answer:{a.QuestionId}"] = a.Value;
        var result = await AnswerQuestions.HandleAsync(db, actor, id, new(answers), time, ct);
        // The use case names answers by position: "answers[2].value" is the third question of the form.
        return await AfterAsync(id, result.Failure, "answer", field =>
            field.StartsWith("answers[", StringComparison.Ordinal) && int.TryParse(field[8..field.IndexOf(']')], out var i) && i < questions.Count
                ? questions[i].Id.ToString() : field, $"step-{stepId}", ct);
    }

    public async Task<IActionResult> OnPostChecklistAsync(Guid id, Guid stepId, string? note, CancellationToken ct) =>
        await AfterAsync(id, (await RecordStepEvidence.ConfirmChecklistAsync(db, actor, id, stepId, new(note), time, ct)).Failure,
            $"step:{stepId}", f => f, $"step-{stepId}", ct);

    public async Task<IActionResult> OnPostDocumentAsync(Guid id, Guid stepId, string? document, Guid? quoteId, string? note, CancellationToken ct)
    {
        Typed[$"step:{stepId}:document"] = document;
        return await AfterAsync(id, (await RecordStepEvidence.SendDocumentAsync(db, actor, id, stepId, new(document, quoteId, note), time, ct)).Failure,
            $"step:{stepId}", f => f, $"step-{stepId}", ct);
    }

    public async Task<IActionResult> OnPostApproveAsync(Guid id, Guid stepId, string? note, CancellationToken ct) =>
        await AfterAsync(id, (await RecordStepEvidence.ApproveAsync(db, actor, id, stepId, new(note), time, ct)).Failure,
            $"step:{stepId}", f => f, $"step-{stepId}", ct);

    /// <summary>Adds someone to the committee (from the customer's file, or a new person), or changes a member's role and strength.</summary>
    public async Task<IActionResult> OnPostCommitteeAsync(
        Guid id, Guid? stakeholderId, string? name, string? title, BuyingRole? role, RelationshipStrength? strength, CancellationToken ct)
    {
        Typed["committee:name"] = name;
        Typed["committee:title"] = title;
        var result = await ManageCommittee.AddAsync(db, actor, id, new(stakeholderId, name, title, null, null, role, strength), time, ct);
        return await AfterAsync(id, result.Failure, stakeholderId is null ? "committee" : $"member:{stakeholderId}", f => f, "committee", ct);
    }

    public async Task<IActionResult> OnPostRemoveMemberAsync(Guid id, Guid memberId, CancellationToken ct) =>
        await AfterAsync(id, (await ManageCommittee.RemoveAsync(db, actor, id, memberId, time, ct)).Failure, "committee", f => f, "committee", ct);

    public async Task<IActionResult> OnPostCompetitorAsync(Guid id, string? competitor, CancellationToken ct)
    {
        var deal = await GetDeal.HandleAsync(db, actor, id, time, ct);
        if (!deal.Succeeded) return NotFound();
        Typed["competitor:competitors"] = competitor;
        if (string.IsNullOrWhiteSpace(competitor))
        {
            Errors["competitor:competitors"] = "Name the competitor the customer mentioned.";
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
        var result = await UpdateDeal.HandleAsync(db, actor, id, new(null, null, null, null, null, [.. deal.Value!.Competitors, competitor]), time, ct);
        return await AfterAsync(id, result.Failure, "competitor", f => f, "competitors", ct);
    }

    public async Task<IActionResult> OnPostRemoveCompetitorAsync(Guid id, string? competitor, CancellationToken ct)
    {
        var deal = await GetDeal.HandleAsync(db, actor, id, time, ct);
        if (!deal.Succeeded) return NotFound();
        var left = deal.Value!.Competitors.Where(c => !string.Equals(c, competitor, StringComparison.OrdinalIgnoreCase)).ToList();
        var result = await UpdateDeal.HandleAsync(db, actor, id, new(null, null, null, null, null, left), time, ct);
        return await AfterAsync(id, result.Failure, "competitor", f => f, "competitors", ct);
    }

    /// <summary>Changes the amount, expected close or owner; a field left empty stays as it is.</summary>
    public async Task<IActionResult> OnPostDetailsAsync(Guid id, string? name, decimal? amount, DateOnly? expectedCloseOn, Guid? ownerId, CancellationToken ct)
    {
        foreach (var field in new[] { "amount", "expectedCloseOn" })
            if (ModelState[field]?.Errors.Count > 0) Errors[$"details:{field}"] = field == "amount" ? "A sum like 48500 or 48500.50." : "A day like 2026-06-30.";
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
        var result = await UpdateDeal.HandleAsync(db, actor, id, new(string.IsNullOrWhiteSpace(name) ? null : name, ownerId, amount, expectedCloseOn, null, null), time, ct);
        return await AfterAsync(id, result.Failure, "details", f => f, "top", ct);
    }

    public async Task<IActionResult> OnPostMilestoneAsync(Guid id, Guid milestoneId, DateOnly? completedOn, CancellationToken ct) =>
        await AfterAsync(id, (await CompleteMilestone.HandleAsync(db, actor, id, milestoneId, new(completedOn), time, ct)).Failure,
            $"milestone:{milestoneId}", f => f, "milestones", ct);

    /// <summary>Plans a call or meeting on this deal; <paramref name="scheduledAt"/> is the business's local time.</summary>
    public async Task<IActionResult> OnPostPlanMeetingAsync(
        Guid id, MeetingKind? kind, string? objective, string? objectiveText, DateTime? scheduledAt, List<Guid>? invitees, CancellationToken ct)
    {
        var deal = await GetDeal.HandleAsync(db, actor, id, time, ct);
        if (!deal.Succeeded) return NotFound();
        Typed["meeting:objectiveText"] = objectiveText;
        if (ModelState["scheduledAt"]?.Errors.Count > 0) scheduledAt = null;
        var at = scheduledAt is { } local ? TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), businessTime.Zone) : (DateTime?)null;
        var result = await PlanMeeting.HandleAsync(db, actor, new(deal.Value!.CustomerId, id, kind, objective, objectiveText, at, invitees ?? []), time, ct);
        return await AfterAsync(id, result.Failure, "meeting", f => f, "meetings", ct);
    }

    /// <summary>Logs how a meeting went against its objective, who attended and the next step.</summary>
    public async Task<IActionResult> OnPostOutcomeAsync(
        Guid id, Guid meetingId, MeetingOutcome? outcome, List<Guid>? attendees, string? nextStep, DateOnly? nextStepOn, string? notes, CancellationToken ct)
    {
        if (!await MeetingOfDealAsync(id, meetingId, ct)) return NotFound();
        Typed[$"outcome:{meetingId}:nextStep"] = nextStep;
        Typed[$"outcome:{meetingId}:notes"] = notes;
        var result = await RecordMeetingOutcome.HandleAsync(db, actor, meetingId, new(outcome, attendees ?? [], null, nextStep, nextStepOn, notes), time, ct);
        return await AfterAsync(id, result.Failure, $"outcome:{meetingId}", f => f, $"meeting-{meetingId}", ct);
    }

    /// <summary>Attaches the meeting's recording: an audio file, recognised by its content.</summary>
    public async Task<IActionResult> OnPostRecordingAsync(Guid id, Guid meetingId, IFormFile? file, [FromServices] RecordingStore store, CancellationToken ct)
    {
        if (!await MeetingOfDealAsync(id, meetingId, ct)) return NotFound();
        Result<MeetingView> result;
        if (file is null) result = Failure.Invalid("file", "Choose an audio file (mp3, ogg, wav, webm or m4a).");
        else
        {
            await using var content = file.OpenReadStream();
            result = await AttachRecording.HandleAsync(db, actor, meetingId, new(file.FileName, file.Length, content), store, time, ct);
        }
        return await AfterAsync(id, result.Failure, $"recording:{meetingId}", f => f, $"meeting-{meetingId}", ct);
    }

    private Task<bool> MeetingOfDealAsync(Guid dealId, Guid meetingId, CancellationToken ct) =>
        db.VisibleDeals(actor).AnyAsync(d => d.Id == dealId && db.Meetings.Any(m => m.Id == meetingId && m.DealId == d.Id), ct);

    /// <summary>Back to the section on success (a fresh GET); otherwise the page again with the messages beside the fields.</summary>
    private async Task<IActionResult> AfterAsync(Guid id, Failure? failure, string section, Func<string, string> field, string anchor, CancellationToken ct)
    {
        if (failure is null) return Redirect($"/app/sales/deals/{id}#{anchor}");
        switch (failure.Kind)
        {
            case FailureKind.NotFound: return NotFound();
            case FailureKind.Forbidden: return Forbid();
        }
        if (failure.Errors is { Count: > 0 } errors)
            foreach (var (key, messages) in errors) Errors[$"{section}:{field(key)}"] = string.Join(" ", messages);
        else Errors[$"{section}:"] = failure.Title;
        Response.StatusCode = failure.Kind == FailureKind.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    /// <summary>Messages of a section not tied to one of its fields (or tied to a field the form does not show).</summary>
    public IEnumerable<string> SectionErrors(string section, params string[] shown) =>
        Errors.Where(e => e.Key.StartsWith(section + ":", StringComparison.Ordinal) && !shown.Contains(e.Key[(section.Length + 1)..])).Select(e => e.Value);

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await GetDeal.HandleAsync(db, actor, id, time, ct);
        if (!found.Succeeded) return false;
        Deal = found.Value!;
        Currency = await db.Businesses.Where(b => b.Id == actor.BusinessId).Select(b => b.Currency).FirstAsync(ct);
        Stakeholders = await db.Stakeholders.AsNoTracking().Where(s => s.CustomerId == Deal.CustomerId)
            .OrderBy(s => s.Name).Select(s => new StakeholderView(s.Id, s.Name, s.Title, s.Role, s.Email, s.Phone)).ToListAsync(ct);
        var quotes = new List<QuoteView>();
        foreach (var q in Deal.Quotes)
            if ((await CreateQuote.GetAsync(db, actor, q.Id, ct)).Value is { } quote) quotes.Add(quote);
        Quotes = quotes;
        Sellers = await db.Staff.Where(s => s.BusinessId == actor.BusinessId
                && (s.Role == StaffRole.Owner || s.Role == StaffRole.Manager || s.Role == StaffRole.Sales))
            .OrderBy(s => s.DisplayName).Select(s => new SalesBoardModel.Seller(s.Id, s.DisplayName)).ToListAsync(ct);
        var timeline = await GetTimeline.HandleAsync(db, actor, new(Deal.CustomerId, GetTimeline.DefaultLimit, null), ct);
        Timeline = new DetailsModel.TimelineView(Deal.CustomerId, timeline.Value ?? new Page<TimelineEntry>([], null));
        return true;
    }
}
