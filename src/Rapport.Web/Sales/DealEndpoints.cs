using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Data;
using Rapport.Core.Sales;
using Rapport.Web.Hosting;

namespace Rapport.Web.Sales;

/// <summary>The sales process: playbooks, deals and their gates, quotes, and the promises and touches reports.</summary>
public static class DealEndpoints
{
    internal static IEndpointRouteBuilder MapDeals(this IEndpointRouteBuilder app)
    {
        var playbooks = app.MapGroup("/api/playbooks").WithTags("Playbooks").RequireAuthorization(Policies.Staff);
        playbooks.MapGet("/", ListPlaybooks).WithName("ListPlaybooks")
            .WithSummary("The business's playbooks with their current version and stage names.");
        playbooks.MapPost("/", CreatePlaybook).WithName("CreatePlaybook")
            .WithSummary("Writes a playbook: stages in order, each stage's required steps, and the promise's milestones. Owners and managers.")
            .WithDescription("Step kinds: questionnaire (questions of type text, number, choice with `choices`, yesNo; `required`), stakeholdersMapped "
                + "(`roles` the committee must include), meetingHeld (`roles` that must be present), documentSent, checklist, managerApproval. "
                + "Milestones: `title`, `fromStage`, `days` after that stage's entry, and optionally `completedOnStage`. Ids are assigned.");
        playbooks.MapGet("/{id}", GetPlaybook).WithName("GetPlaybook")
            .WithSummary("A playbook at its latest version, or at `version`.");
        playbooks.MapPut("/{id}", RevisePlaybook).WithName("RevisePlaybook")
            .WithSummary("Writes the playbook's next version. Owners and managers.")
            .WithDescription("Running deals keep their version. Give a step's, question's or milestone's existing `id` to keep it the same step: "
                + "evidence recorded against it keeps counting for deals moved to a later version. Leave ids out for new ones.");

        var deals = app.MapGroup("/api/deals").WithTags("Deals").RequireAuthorization(Policies.Staff);
        deals.MapGet("/", SearchDeals).WithName("SearchDeals")
            .WithSummary("Deals by `stage`, `ownerId`, `customerId` or `playbookId`, oldest first, a page at a time, with days in stage and the gate.")
            .WithDescription("`gateOpen` is true when every required step of the current stage is done; `missingSteps` counts those that are not. "
                + "`next` is an opaque cursor for `after`, null on the last page.");
        deals.MapPost("/", CreateDeal).WithName("CreateDeal")
            .WithSummary("Opens a deal with a customer on the playbook's current version, in its first stage. Owners, managers and sales.");
        deals.MapGet("/{id}", GetDeal).WithName("GetDeal")
            .WithSummary("The deal whole: each stage of its playbook version with every step's status, answers, committee, evidence, stage history, "
                + "overrides, milestones, meetings and quotes.");
        deals.MapPatch("/{id}", UpdateDeal).WithName("UpdateDeal")
            .WithSummary("Changes name, owner, amount, expected close, product lines or competitors; fields left out stay. The stage moves only by advance.");
        deals.MapPut("/{id}/answers", Answer).WithName("AnswerDealQuestions")
            .WithSummary("Sets questionnaire answers: `answers: [{ questionId, value }]`; an empty value clears one; numbers as digits, yes/no as yes or no.");
        deals.MapPost("/{id}/stakeholders", AddToCommittee).WithName("AddDealStakeholder")
            .WithSummary("Adds someone to the deal's buying committee, or changes their role or relationship strength (unknown, met, ally, champion, sceptic).")
            .WithDescription("Name a stakeholder of the customer by `stakeholderId`, or give `name`, `role` (and title, email, phone) to add a new one "
                + "to the customer's file too.");
        deals.MapDelete("/{id}/stakeholders/{memberId}", RemoveFromCommittee).WithName("RemoveDealStakeholder")
            .WithSummary("Takes someone off the deal's buying committee (they stay on the customer's file).");
        deals.MapPost("/{id}/checklist/{stepId}", ConfirmChecklist).WithName("ConfirmChecklistItem")
            .WithSummary("Confirms a checklist step, e.g. site layout confirmed, with an optional note.");
        deals.MapPost("/{id}/documents/{stepId}", SendDocument).WithName("RecordDocumentSent")
            .WithSummary("Records a document step as sent (a quote by `quoteId`, the onboarding package); it lands on the customer's timeline.");
        deals.MapPost("/{id}/approvals/{stepId}", Approve).WithName("ApproveDealStep")
            .WithSummary("A manager's approval step. Owners and managers only (403 otherwise).");
        deals.MapPost("/{id}/advance", Advance).WithName("AdvanceDeal")
            .WithSummary("Moves the deal to `toStage` (the next stage when left out) through the stage gate.")
            .WithDescription("200 with the deal in its new stage. With required steps missing: 422 with `missingSteps: [{ stepId, kind, stage, title }]`. "
                + "An owner or manager may pass anyway with `override: { reason }`: the override is recorded and audited. An override by anyone "
                + "else is 403. Moving back needs no gate. Nothing changes on 403 or 422.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        deals.MapPost("/advance", AdvanceMany).WithName("AdvanceDeals")
            .WithSummary("Moves several deals at once, each through the same gate as a single move; answers each deal's outcome.");
        deals.MapPost("/{id}/milestones/{milestoneId}/complete", CompleteMilestone).WithName("CompleteMilestone")
            .WithSummary("Records a promise milestone as kept, on `completedOn` (today when left out).");
        deals.MapPost("/{id}/quotes", CreateQuote).WithName("CreateQuote")
            .WithSummary("Writes a quote: lines, the customer's expected annual return and so the payback in months; `link` is the page the customer opens.");

        var quotes = app.MapGroup("/api/quotes").WithTags("Deals").RequireAuthorization(Policies.Staff);
        quotes.MapGet("/{id}", GetQuote).WithName("GetQuote").WithSummary("A quote with its lines, payback and link.");

        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<PlaybookSummary>>, ProblemHttpResult>> ListPlaybooks(RapportDb db, Actor actor, CancellationToken ct) =>
        (await ManagePlaybooks.ListAsync(db, actor, ct)).ToOk();

    private static async Task<Results<Created<PlaybookView>, ProblemHttpResult>> CreatePlaybook(
        PlaybookInput input, RapportDb db, Actor actor, TimeProvider time, CancellationToken ct) =>
        (await ManagePlaybooks.CreateAsync(db, actor, input, time, ct)).ToCreated(p => $"/api/playbooks/{p.Id}");

    private static async Task<Results<Ok<PlaybookView>, ProblemHttpResult>> GetPlaybook(Guid id, int? version, RapportDb db, Actor actor, CancellationToken ct) =>
        (await ManagePlaybooks.GetAsync(db, actor, id, version, ct)).ToOk();

    private static async Task<Results<Ok<PlaybookView>, ProblemHttpResult>> RevisePlaybook(
        Guid id, PlaybookInput input, RapportDb db, Actor actor, TimeProvider time, CancellationToken ct) =>
        (await ManagePlaybooks.ReviseAsync(db, actor, id, input, time, ct)).ToOk();

    private static async Task<Results<Ok<Page<DealSummary>>, ProblemHttpResult>> SearchDeals(
        string? stage, Guid? ownerId, Guid? customerId, Guid? playbookId, int? limit, string? after, RapportDb db, Actor actor, TimeProvider time, CancellationToken ct) =>
        (await Core.Sales.SearchDeals.HandleAsync(db, actor, new(stage, ownerId, customerId, playbookId, limit, after), time, ct)).ToOk();

    private static async Task<Results<Created<DealView>, ProblemHttpResult>> CreateDeal(
        Core.Sales.CreateDeal.Command command, RapportDb db, Actor actor, TimeProvider time, CancellationToken ct) =>
        (await Core.Sales.CreateDeal.HandleAsync(db, actor, command, time, ct)).ToCreated(d => $"/api/deals/{d.Id}");

    private static async Task<Results<Ok<DealView>, ProblemHttpResult>> GetDeal(Guid id, RapportDb db, Actor actor, TimeProvider time, CancellationToken ct) =>
        (await Core.Sales.GetDeal.HandleAsync(db, actor, id, time, ct)).ToOk();

    private static async Task<Results<Ok<DealView>, ProblemHttpResult>> UpdateDeal(
        Guid id, Core.Sales.UpdateDeal.Command command, RapportDb db, Actor actor, TimeProvider time, CancellationToken ct) =>
        (await Core.Sales.UpdateDeal.HandleAsync(db, actor, id, command, time, ct)).ToOk();

    private static async Task<Results<Ok<DealView>, ProblemHttpResult>> Answer(
        Guid id, AnswerQuestions.Command command, RapportDb db, Actor actor, TimeProvider time, CancellationToken ct) =>
        (await AnswerQuestions.HandleAsync(db, actor, id, command, time, ct)).ToOk();

    private static async Task<Results<Ok<DealView>, ProblemHttpResult>> AddToCommittee(
        Guid id, ManageCommittee.Command command, RapportDb db, Actor actor, TimeProvider time, CancellationToken ct) =>
        (await ManageCommittee.AddAsync(db, actor, id, command, time, ct)).ToOk();

    private static async Task<Results<Ok<DealView>, ProblemHttpResult>> RemoveFromCommittee(
        Guid id, Guid memberId, RapportDb db, Actor actor, TimeProvider time, CancellationToken ct) =>
        (await ManageCommittee.RemoveAsync(db, actor, id, memberId, time, ct)).ToOk();

    private static async Task<Results<Ok<DealView>, ProblemHttpResult>> ConfirmChecklist(
        Guid id, Guid stepId, RecordStepEvidence.Confirmation? body, RapportDb db, Actor actor, TimeProvider time, CancellationToken ct) =>
        (await RecordStepEvidence.ConfirmChecklistAsync(db, actor, id, stepId, body ?? new(null), time, ct)).ToOk();

    private static async Task<Results<Ok<DealView>, ProblemHttpResult>> SendDocument(
        Guid id, Guid stepId, RecordStepEvidence.DocumentSent? body, RapportDb db, Actor actor, TimeProvider time, CancellationToken ct) =>
        (await RecordStepEvidence.SendDocumentAsync(db, actor, id, stepId, body ?? new(null, null, null), time, ct)).ToOk();

    private static async Task<Results<Ok<DealView>, ProblemHttpResult>> Approve(
        Guid id, Guid stepId, RecordStepEvidence.Approval? body, RapportDb db, Actor actor, TimeProvider time, CancellationToken ct) =>
        (await RecordStepEvidence.ApproveAsync(db, actor, id, stepId, body ?? new(null), time, ct)).ToOk();

    private static async Task<Results<Ok<DealView>, ProblemHttpResult>> Advance(
        Guid id, AdvanceDeal.Command? command, RapportDb db, Actor actor, TimeProvider time, CancellationToken ct) =>
        (await AdvanceDeal.HandleAsync(db, actor, id, command ?? new(null, null), time, ct)).ToOk();

    private static async Task<Results<Ok<IReadOnlyList<AdvanceDeals.Item>>, ProblemHttpResult>> AdvanceMany(
        AdvanceDeals.Command command, RapportDb db, Actor actor, TimeProvider time, CancellationToken ct) =>
        (await AdvanceDeals.HandleAsync(db, actor, command, time, ct)).ToOk();

    private static async Task<Results<Ok<DealView>, ProblemHttpResult>> CompleteMilestone(
        Guid id, Guid milestoneId, Core.Sales.CompleteMilestone.Command? command, RapportDb db, Actor actor, TimeProvider time, CancellationToken ct) =>
        (await Core.Sales.CompleteMilestone.HandleAsync(db, actor, id, milestoneId, command ?? new(null), time, ct)).ToOk();

    private static async Task<Results<Created<QuoteView>, ProblemHttpResult>> CreateQuote(
        Guid id, Core.Sales.CreateQuote.Command command, RapportDb db, Actor actor, TimeProvider time, CancellationToken ct) =>
        (await Core.Sales.CreateQuote.HandleAsync(db, actor, id, command, time, ct)).ToCreated(q => $"/api/quotes/{q.Id}");

    private static async Task<Results<Ok<QuoteView>, ProblemHttpResult>> GetQuote(Guid id, RapportDb db, Actor actor, CancellationToken ct) =>
        (await Core.Sales.CreateQuote.GetAsync(db, actor, id, ct)).ToOk();
}
