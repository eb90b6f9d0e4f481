using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Customers;
using Rapport.Core.Data;
using Rapport.Core.Sales;
using Rapport.Core.Timeline;
using Rapport.Web.Customers;
using Rapport.Web.Shared;
using Rapport.Web.Timeline;

namespace Rapport.Web.Sales;

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
    public TimelineView Timeline { get; private set; } = null!;

    /// <summary>Messages and typed values of the forms, keyed "section:field" (e.g. "answer:{questionId}", "advance:override.reason").</summary>
    public FormMessages Form { get; } = new();
    public Dictionary<string, string> Errors => Form.Errors;
    /// <summary>What was typed into a form that came back with errors, by the same keys, so nothing is lost.</summary>
    public Dictionary<string, string?> Typed => Form.Typed;
    /// <summary>The quote form's lines as typed (three empty ones to start).</summary>
    public IReadOnlyList<QuoteLineForm> QuoteLines { get; private set; } = [new(), new(), new()];
    /// <summary>The steps missing when a move was refused.</summary>
    public IReadOnlyList<MissingStep>? Refused { get; private set; }
    public string? RefusedTo { get; private set; }

    /// <summary>One required step on the checklist, with what was done for it and the deal's answers (for a questionnaire).</summary>
    public sealed record StepView(DealModel Page, StepStatus Step, EvidenceView? Done, IReadOnlyDictionary<Guid, string> Answers);

    public bool CanWork => actor.Role.WorksDeals();
    public bool CanPlan => actor.Role.PlansMeetings();
    public bool CanOverride => actor.Role.ManagesSales();

    public string? Error(string key) => Form.Error(key);
    public string Invalid(string key) => Form.Invalid(key);

    /// <summary>One line of the quote form, as typed: numbers are read by the handler, so a wrong one is said beside its field.</summary>
    public sealed class QuoteLineForm
    {
        public string? Description { get; set; }
        public string? Quantity { get; set; }
        public string? UnitPrice { get; set; }

        public bool IsEmpty => string.IsNullOrWhiteSpace(Description) && string.IsNullOrWhiteSpace(Quantity) && string.IsNullOrWhiteSpace(UnitPrice);
    }

    /// <summary>The meetings card of this deal; its forms post to this page.</summary>
    public MeetingsCard Meetings => new($"/app/sales/deals/{Deal.Id}", false, Deal.CustomerName,
        Deal.Meetings.OrderByDescending(m => m.ScheduledAt).ToList(), Stakeholders, Deal.Committee.Select(c => c.StakeholderId).ToHashSet(), null,
        CanPlan, Form, "No meeting planned on this deal yet. Every meeting has an objective.");

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    /// <param name="override">Set by the "Override with a reason" form (owners and managers).</param>
    public async Task<IActionResult> OnPostAdvanceAsync(Guid id, string? toStage, string? reason, bool @override, CancellationToken ct)
    {
        var moved = await AdvanceDeal.HandleAsync(db, actor, id, new(toStage, @override ? new AdvanceDeal.Override(reason) : null), time, ct);
        if (!moved.Succeeded && moved.Failure.Extensions?.GetValueOrDefault(AdvanceDeal.MissingStepsMember) is IReadOnlyList<MissingStep> missing)
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
        var step = found.Value.Stages.SelectMany(s => s.Steps).FirstOrDefault(s => s.StepId == stepId && s.Kind == StepKind.Questionnaire);
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
        var result = await UpdateDeal.HandleAsync(db, actor, id, new(null, null, null, null, null, [.. deal.Value.Competitors, competitor]), time, ct);
        return await AfterAsync(id, result.Failure, "competitor", f => f, "competitors", ct);
    }

    public async Task<IActionResult> OnPostRemoveCompetitorAsync(Guid id, string? competitor, CancellationToken ct)
    {
        var deal = await GetDeal.HandleAsync(db, actor, id, time, ct);
        if (!deal.Succeeded) return NotFound();
        var left = deal.Value.Competitors.Where(c => !string.Equals(c, competitor, StringComparison.OrdinalIgnoreCase)).ToList();
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

    /// <summary>Plans a call or meeting on this deal; its time is the business's local time.</summary>
    public async Task<IActionResult> OnPostPlanMeetingAsync(Guid id, CancellationToken ct)
    {
        var deal = await GetDeal.HandleAsync(db, actor, id, time, ct);
        if (!deal.Succeeded) return NotFound();
        var result = await MeetingForms.PlanAsync(db, actor, time, businessTime.Zone, Form, Request.Form, deal.Value.CustomerId, id, ct);
        return await AfterAsync(id, result.Failure, "meeting", f => f, "meetings", ct);
    }

    /// <summary>Logs how a meeting went against its objective, who attended and the next step.</summary>
    public async Task<IActionResult> OnPostOutcomeAsync(Guid id, Guid meetingId, CancellationToken ct)
    {
        if (!await MeetingOfDealAsync(id, meetingId, ct)) return NotFound();
        var result = await MeetingForms.OutcomeAsync(db, actor, time, Form, Request.Form, meetingId, ct);
        return await AfterAsync(id, result.Failure, $"outcome:{meetingId}", f => f, $"meeting-{meetingId}", ct);
    }

    /// <summary>Attaches the meeting's recording: an audio file, recognised by its content.</summary>
    public async Task<IActionResult> OnPostRecordingAsync(Guid id, Guid meetingId, IFormFile? file, [FromServices] RecordingStore store, CancellationToken ct)
    {
        if (!await MeetingOfDealAsync(id, meetingId, ct)) return NotFound();
        var result = await MeetingForms.RecordingAsync(db, actor, time, file, meetingId, store, ct);
        return await AfterAsync(id, result.Failure, $"recording:{meetingId}", f => f, $"meeting-{meetingId}", ct);
    }

    /// <summary>
    /// Writes a quote from the form: empty lines are skipped, numbers are read here so a wrong one is said beside its
    /// field; "Add a line" without JavaScript comes back with one more line and writes nothing.
    /// </summary>
    public async Task<IActionResult> OnPostQuoteAsync(Guid id, string? title, List<QuoteLineForm>? lines, string? expectedAnnualReturn,
        string? returnNote, string? validUntil, bool addLine, CancellationToken ct)
    {
        // Refused before the numbers are read: a role that does not run deals gets no form back.
        if (!CanWork) return await db.VisibleDeals(actor).AnyAsync(d => d.Id == id, ct) ? Forbid() : NotFound();
        var rows = lines ?? [];
        Typed["quote:title"] = title;
        Typed["quote:expectedAnnualReturn"] = expectedAnnualReturn;
        Typed["quote:returnNote"] = returnNote;
        Typed["quote:validUntil"] = validUntil;
        QuoteLines = addLine && rows.Count < CreateQuote.MaxLines ? [.. rows, new QuoteLineForm()] : rows.Count == 0 ? [new()] : rows;
        if (addLine)
        {
            Typed["quote:open"] = "true";
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        // The form's row of each line sent, so the use case's "lines[1]" is said beside the row it came from.
        var sent = new List<(int Row, CreateQuote.Line Line)>();
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].IsEmpty) continue;
            var quantity = Number(rows[i].Quantity, $"quote:lines[{i}].quantity", "A quantity like 2 or 1.5.");
            var price = Number(rows[i].UnitPrice, $"quote:lines[{i}].unitPrice", "A price like 18500 or 18,500.00.");
            sent.Add((i, new CreateQuote.Line(rows[i].Description, quantity, price)));
        }
        var annual = Number(expectedAnnualReturn, "quote:expectedAnnualReturn", "A sum a year like 37000.");
        DateOnly? until = null;
        if (!string.IsNullOrWhiteSpace(validUntil))
        {
            if (DateOnly.TryParse(validUntil, CultureInfo.InvariantCulture, out var day)) until = day;
            else Errors["quote:validUntil"] = "A day like 2026-06-30.";
        }
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
        var result = await CreateQuote.HandleAsync(db, actor, id, new(title, sent.Select(s => s.Line).ToList(), annual, returnNote, until), time, ct);
        if (result.Succeeded) return Redirect($"/app/sales/deals/{id}#quote-{result.Value.Id}");
        return await AfterAsync(id, result.Failure, "quote", field => LineOfRow.Match(field) is { Success: true } m && int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) < sent.Count
            ? $"lines[{sent[int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)].Row}]{m.Groups[2].Value}" : field, "quotes", ct);
    }

    private static readonly Regex LineOfRow = new(@"^lines\[(\d+)\](.*)$", RegexOptions.CultureInvariant);

    /// <summary>A number as typed ("18,500.00", "$37,000"); blank is none; anything else is a message under <paramref name="key"/>.</summary>
    private decimal? Number(string? text, string key, string message)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var digits = text.Trim().TrimStart('$').Trim();
        if (decimal.TryParse(digits, NumberStyles.Number, CultureInfo.InvariantCulture, out var value)) return value;
        Errors[key] = message;
        return null;
    }

    private Task<bool> MeetingOfDealAsync(Guid dealId, Guid meetingId, CancellationToken ct) =>
        db.VisibleDeals(actor).AnyAsync(d => d.Id == dealId && db.Meetings.Any(m => m.Id == meetingId && m.DealId == d.Id), ct);

    /// <summary>Back to the section on success (a fresh GET); otherwise the page again with the messages beside the fields.</summary>
    private async Task<IActionResult> AfterAsync(Guid id, Failure? failure, string section, Func<string, string> field, string anchor, CancellationToken ct)
    {
        if (failure is null) return Redirect($"/app/sales/deals/{id}#{anchor}");
        if (this.Refusal(failure) is { } refused) return refused;
        this.ShowOnForm(Form, failure, section, field);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    /// <summary>Messages of a section not tied to one of its fields (or tied to a field the form does not show).</summary>
    public IEnumerable<string> SectionErrors(string section, params string[] shown) => Form.SectionErrors(section, shown);

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await GetDeal.HandleAsync(db, actor, id, time, ct);
        if (!found.Succeeded) return false;
        Deal = found.Value;
        Currency = await db.Businesses.Where(b => b.Id == actor.BusinessId).Select(b => b.Currency).FirstAsync(ct);
        Stakeholders = await db.Stakeholders.AsNoTracking().Where(s => s.CustomerId == Deal.CustomerId)
            .OrderBy(s => s.Name).Select(s => new StakeholderView(s.Id, s.Name, s.Title, s.Role, s.Email, s.Phone)).ToListAsync(ct);
        Quotes = await CreateQuote.ForDealAsync(db, Deal.Id, ct);
        Sellers = await db.Staff.Where(s => s.BusinessId == actor.BusinessId
                && (s.Role == StaffRole.Owner || s.Role == StaffRole.Manager || s.Role == StaffRole.Sales))
            .OrderBy(s => s.DisplayName).Select(s => new SalesBoardModel.Seller(s.Id, s.DisplayName)).ToListAsync(ct);
        var timeline = await GetTimeline.HandleAsync(db, actor, new(Deal.CustomerId, GetTimeline.DefaultLimit, null), ct);
        Timeline = new TimelineView(Deal.CustomerId, timeline.Value ?? new Page<TimelineEntry>([], null));
        return true;
    }
}
