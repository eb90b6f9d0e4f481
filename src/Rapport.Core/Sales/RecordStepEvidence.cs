using Microsoft.EntityFrameworkCore;
using Rapport.Core.Audit;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Customers;
using Rapport.Core.Data;
using Rapport.Core.Timeline;

namespace Rapport.Core.Sales;

/// <summary>
/// The steps done by hand: a checklist item confirmed, a document sent to the customer (which lands on the timeline),
/// a manager's approval (owners and managers only). Recording a step twice keeps the first record.
/// </summary>
public static class RecordStepEvidence
{
    public sealed record Confirmation(string? Note);

    /// <param name="Document">What was sent, e.g. "Onboarding package"; the step's title when left out.</param>
    /// <param name="QuoteId">When the document is a quote of this deal: it is marked sent.</param>
    public sealed record DocumentSent(string? Document, Guid? QuoteId, string? Note);

    public sealed record Approval(string? Note);

    public static Task<Result<DealView>> ConfirmChecklistAsync(RapportDb db, Actor actor, Guid dealId, Guid stepId, Confirmation c, TimeProvider time, CancellationToken ct) =>
        RecordAsync(db, actor, dealId, stepId, StepKind.Checklist, c.Note, null, null, time, ct);

    public static Task<Result<DealView>> SendDocumentAsync(RapportDb db, Actor actor, Guid dealId, Guid stepId, DocumentSent c, TimeProvider time, CancellationToken ct) =>
        RecordAsync(db, actor, dealId, stepId, StepKind.DocumentSent, c.Note, c.Document ?? "", c.QuoteId, time, ct);

    public static Task<Result<DealView>> ApproveAsync(RapportDb db, Actor actor, Guid dealId, Guid stepId, Approval c, TimeProvider time, CancellationToken ct) =>
        RecordAsync(db, actor, dealId, stepId, StepKind.ManagerApproval, c.Note, null, null, time, ct);

    private static async Task<Result<DealView>> RecordAsync(
        RapportDb db, Actor actor, Guid dealId, Guid stepId, StepKind kind, string? note, string? document, Guid? quoteId, TimeProvider time, CancellationToken ct)
    {
        var found = await db.FindWorkableDealAsync(actor, dealId, ct);
        if (!found.Succeeded) return found.Failure;
        var deal = found.Value;
        var version = await DealVersions.OfAsync(db, deal, ct);
        var step = version.Step(stepId);
        if (step is null) return Failure.NotFound("Step");
        if (step.Kind != kind) return Failure.Invalid("stepId", $"\u201c{step.Title}\u201d is not {Describe(kind)} step: {HowTo(step.Kind)}");
        if (kind == StepKind.ManagerApproval && !actor.Role.ManagesSales())
            return Failure.Forbidden($"Only an owner or manager approves; the {actor.Role.Label()} role cannot.");

        var v = new Validator();
        v.MaxLength("note", note, SalesLimits.Text);
        v.MaxLength("document", document, SalesLimits.Title);
        if (!v.IsValid) return v.ToFailure();
        Quote? quote = null;
        if (quoteId is { } qid)
        {
            quote = await db.Quotes.FirstOrDefaultAsync(q => q.Id == qid && q.DealId == deal.Id, ct);
            if (quote is null) return Failure.Invalid("quoteId", "Not a quote of this deal.");
        }
        if (deal.Evidence.Any(e => e.StepId == stepId && e.Kind == kind)) return await GetDeal.ViewAsync(db, deal, time, ct);

        var now = time.GetUtcNow().UtcDateTime;
        var documentName = kind == StepKind.DocumentSent
            ? string.IsNullOrWhiteSpace(document) ? quote?.Title ?? step.Title : document.Trim()
            : null;
        var evidence = new DealEvidence
        {
            BusinessId = deal.BusinessId, DealId = deal.Id, StepId = stepId, Kind = kind, At = now, ById = actor.StaffId, ByName = actor.Name,
            Document = documentName, QuoteId = quote?.Id, Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
        };
        deal.Evidence.Add(evidence);
        if (quote is not null) quote.SentAt ??= now;
        deal.Touch(now);
        db.Audit(actor, nameof(Deal), deal.Id, kind switch
        {
            StepKind.Checklist => "checklist confirmed",
            StepKind.DocumentSent => "document sent",
            _ => "approved",
        }, null, new { evidence.StepId, step.Title, evidence.Kind, evidence.Document, evidence.QuoteId, evidence.Note });
        if (kind == StepKind.DocumentSent)
        {
            TimelineEntries.Record(db, deal.CustomerId, now, now, Channel.Email, Direction.Outbound, Tone.Neutral,
                $"Sent {documentName} for the deal \u201c{deal.Name}\u201d.", EntryAuthor.Of(actor));
            var customer = await db.Customers.FirstAsync(x => x.Id == deal.CustomerId, ct);
            customer.NoteActivity(now);
        }
        var saved = await DealSaving.SaveAsync(db, ct);
        if (!saved.Succeeded) return saved.Failure;
        return await GetDeal.ViewAsync(db, deal, time, ct);
    }

    private static string Describe(StepKind kind) => kind switch
    {
        StepKind.Checklist => "a checklist",
        StepKind.DocumentSent => "a document",
        _ => "an approval",
    };

    private static string HowTo(StepKind kind) => kind switch
    {
        StepKind.Questionnaire => "answer its questions instead.",
        StepKind.StakeholdersMapped => "add the committee members instead.",
        StepKind.MeetingHeld => "log the meeting's outcome with who attended instead.",
        StepKind.DocumentSent => "record the document as sent instead.",
        StepKind.Checklist => "confirm it on the checklist instead.",
        _ => "ask a manager to approve it instead.",
    };
}
