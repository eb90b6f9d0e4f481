using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Data;
using Rapport.Core.Occasions;
using Rapport.Web.Hosting;

namespace Rapport.Web.Occasions;

public static class OccasionEndpoints
{
    public static IEndpointRouteBuilder MapOccasions(this IEndpointRouteBuilder app)
    {
        var customer = app.MapGroup("/api/customers/{id}/occasions").WithTags("Occasions").RequireAuthorization(Policies.Staff);
        customer.MapGet("/", List).WithName("ListOccasions")
            .WithSummary("The customer's occasions: confirmed, proposed (with confidence and the orders they rest on) and dismissed.")
            .WithDescription("Each has `nextDate` (on or after the business's today), `source` (staff, customer, inferred) and `status` "
                + "(proposed, confirmed, dismissed); a fixed date comes as `month` and `day`, a moving one as `rule` (\"second Sunday of May\").");
        customer.MapPost("/", Add).WithName("AddOccasion")
            .WithSummary("Puts an occasion on file, confirmed.")
            .WithDescription("`type` is birthday, anniversary, valentines, mothersDay, christmas or custom (custom needs a `label`). "
                + "The date is `month` and `day`, or `rule` such as \"second Sunday of May\"; the holidays bring their own. "
                + "The same occasion proposed or dismissed before becomes this one; one already confirmed answers 409.");
        customer.MapPost("/infer", Infer).WithName("InferOccasions")
            .WithSummary("Reads the customer's order history now and proposes the occasions it shows; answers the customer's occasions.")
            .WithDescription("Never proposes an occasion already on file, dismissed ones included.");

        var group = app.MapGroup("/api/occasions").WithTags("Occasions").RequireAuthorization(Policies.Staff);
        group.MapGet("/upcoming", Upcoming).WithName("UpcomingOccasions")
            .WithSummary("Confirmed occasions in the next `days` days (default 30, at most 92), nearest first.")
            .WithDescription("With the customer, recipient, next date, usual budget and whether an order for it is already placed "
                + "(an order for the same recipient delivered in the days around it).");
        group.MapGet("/proposed", Proposed).WithName("ProposedOccasions")
            .WithSummary("Every proposed occasion across customers, the surest first, then the soonest, 50 a page (`page`).")
            .WithDescription("Each item has the occasion (with `confidence` and the orders it rests on, `evidence`) and `customerName`; "
                + "`total` counts the queue and `atLeast95` the proposals at 95% or more. Owners, managers and service staff.");
        group.MapPost("/confirm", ConfirmMany).WithName("ConfirmOccasions")
            .WithSummary("Confirms several proposed occasions: `ids`, or every proposal at `minConfidence` or more (0.5 to 1, e.g. 0.95).")
            .WithDescription("Each one is audited on its own. An id of another business, or not found, answers 404 and nothing changes; "
                + "occasions already decided are left as they are. Answers how many were confirmed and which. Owners, managers and service staff.");
        group.MapPost("/dismiss", DismissMany).WithName("DismissOccasions")
            .WithSummary("Dismisses several proposed occasions (`ids`, or `minConfidence`); they are never proposed again.");
        group.MapGet("/{occasionId}", Get).WithName("GetOccasion");
        group.MapPatch("/{occasionId}", Change).WithName("ChangeOccasion")
            .WithSummary("Changes the usual budget (`usualBudget`, or `clearBudget: true`) or a custom occasion's `label`.");
        group.MapPost("/{occasionId}/confirm", Confirm).WithName("ConfirmOccasion").WithSummary("Confirms a proposed (or dismissed) occasion.");
        group.MapPost("/{occasionId}/dismiss", Dismiss).WithName("DismissOccasion")
            .WithSummary("Dismisses an occasion; it stays on file as dismissed and is never proposed again.");
        return app.MapCalendarFeeds();
    }

    private static async Task<Results<Ok<List<OccasionView>>, ProblemHttpResult>> List(
        Guid id, RapportDb db, Actor actor, TimeProvider time, CancellationToken ct) =>
        (await ListOccasions.ForStaffAsync(db, actor, id, time, ct)).ToOk();

    private static async Task<Results<Created<OccasionView>, ProblemHttpResult>> Add(
        Guid id, OccasionInput input, RapportDb db, Actor actor, TimeProvider time, CancellationToken ct) =>
        (await AddOccasion.HandleAsync(db, OccasionEditor.ForStaff(actor, ct), id, input, time, ct)).ToCreated(o => $"/api/occasions/{o.Id}");

    private static async Task<Results<Ok<List<OccasionView>>, ProblemHttpResult>> Infer(
        Guid id, RapportDb db, Actor actor, TimeProvider time, CancellationToken ct) =>
        (await InferOccasions.ForCustomerAsync(db, actor, id, time, ct)).ToOk();

    private static async Task<Results<Ok<List<UpcomingOccasion>>, ProblemHttpResult>> Upcoming(
        int? days, RapportDb db, Actor actor, TimeProvider time, CancellationToken ct) =>
        (await UpcomingOccasions.HandleAsync(db, actor, days, time, ct)).ToOk();

    private static async Task<Results<Ok<ProposedQueue>, ProblemHttpResult>> Proposed(
        int? page, RapportDb db, Actor actor, TimeProvider time, CancellationToken ct) =>
        (await ProposedOccasions.ListAsync(db, actor, page, time, ct)).ToOk();

    private static async Task<Results<Ok<DecideOccasions.Decided>, ProblemHttpResult>> ConfirmMany(
        DecideOccasions.Command command, RapportDb db, Actor actor, TimeProvider time, CancellationToken ct) =>
        (await DecideOccasions.ConfirmAsync(db, actor, command, time, ct)).ToOk();

    private static async Task<Results<Ok<DecideOccasions.Decided>, ProblemHttpResult>> DismissMany(
        DecideOccasions.Command command, RapportDb db, Actor actor, TimeProvider time, CancellationToken ct) =>
        (await DecideOccasions.DismissAsync(db, actor, command, time, ct)).ToOk();

    private static async Task<Results<Ok<OccasionView>, ProblemHttpResult>> Get(
        Guid occasionId, RapportDb db, Actor actor, TimeProvider time, CancellationToken ct) =>
        (await ListOccasions.FindAsync(db, OccasionEditor.ForStaff(actor, ct), occasionId, time, ct)).ToOk();

    private static async Task<Results<Ok<OccasionView>, ProblemHttpResult>> Change(
        Guid occasionId, ChangeOccasion.Command command, RapportDb db, Actor actor, TimeProvider time, CancellationToken ct) =>
        (await ChangeOccasion.HandleAsync(db, OccasionEditor.ForStaff(actor, ct), occasionId, command, time, ct)).ToOk();

    private static async Task<Results<Ok<OccasionView>, ProblemHttpResult>> Confirm(
        Guid occasionId, RapportDb db, Actor actor, TimeProvider time, CancellationToken ct) =>
        (await DecideOccasion.ConfirmAsync(db, OccasionEditor.ForStaff(actor, ct), occasionId, time, ct)).ToOk();

    private static async Task<Results<Ok<OccasionView>, ProblemHttpResult>> Dismiss(
        Guid occasionId, RapportDb db, Actor actor, TimeProvider time, CancellationToken ct) =>
        (await DecideOccasion.DismissAsync(db, OccasionEditor.ForStaff(actor, ct), occasionId, time, ct)).ToOk();
}
