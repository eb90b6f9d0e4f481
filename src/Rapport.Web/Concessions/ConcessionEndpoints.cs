using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Concessions;
using Rapport.Core.Data;
using Rapport.Web.Hosting;

namespace Rapport.Web.Concessions;

/// <summary>The concession ledger: what was given away at list value, approvals above the limits, and the limits.</summary>
public static class ConcessionEndpoints
{
    public static IEndpointRouteBuilder MapConcessions(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/concessions").WithTags("Concessions").RequireAuthorization(Policies.Staff);
        group.MapGet("/", List).WithName("ListConcessions")
            .WithSummary("Concessions newest first, filtered by `customerId`, `status` (granted, awaitingApproval, refused), `kind` and `q` (part of the customer's name).")
            .WithDescription("Drivers see no concessions (403). `next` is an opaque cursor for `cursor`, or null on the last page.");
        group.MapPost("/", Record).WithName("RecordConcession")
            .WithSummary("Records a concession at its list value: kind, listValue (≥ 0, the business's currency), customerId, optional orderId or dealId, reason.")
            .WithDescription("Kinds: " + RecordConcession.KindsText + ". Within the granter's limit it is granted; above it, it is recorded as "
                + "awaitingApproval and not given until an owner or manager approves it.");
        group.MapGet("/{id}", Get).WithName("GetConcession").WithSummary("One concession, with who granted and who decided it.");
        group.MapPost("/{id}/approve", Approve).WithName("ApproveConcession")
            .WithSummary("Approves a concession that waits (owners, and managers within their own limit); audited before and after.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id}/refuse", Refuse).WithName("RefuseConcession")
            .WithSummary("Refuses a concession that waits, with a `reason` (owners, and managers within their own limit); audited before and after.")
            .ProducesProblem(StatusCodes.Status409Conflict);

        app.MapGet("/api/settings/concession-limits", Limits).WithTags("Concessions").WithName("GetConcessionLimits")
            .RequireAuthorization(Policies.Staff)
            .WithSummary("The most one concession may be worth per role (manager, sales, service; null for no limit) before it waits for approval (owner only).");
        app.MapPut("/api/settings/concession-limits", ChangeLimits).WithTags("Concessions").WithName("ChangeConcessionLimits")
            .RequireAuthorization(Policies.Staff)
            .WithSummary("Sets the concession limits per role; null for no limit (owner only; the owner has none).");
        return app;
    }

    private static async Task<Results<Ok<Page<ConcessionView>>, ProblemHttpResult>> List(
        Guid? customerId, string? status, string? kind, string? q, string? cursor, int? limit, RapportDb db, Actor actor, CancellationToken ct) =>
        (await ConcessionViews.ListAsync(db, actor, new(customerId, status, kind, q, cursor, limit), ct)).ToOk();

    private static async Task<Results<Created<ConcessionView>, ProblemHttpResult>> Record(
        RecordConcession.Command? command, RapportDb db, Actor actor, TimeProvider time, CancellationToken ct) =>
        (await RecordConcession.HandleAsync(db, actor, command, time, ct)).ToCreated(c => $"/api/concessions/{c.Id}");

    private static async Task<Results<Ok<ConcessionView>, ProblemHttpResult>> Get(Guid id, RapportDb db, Actor actor, CancellationToken ct) =>
        (await ConcessionViews.GetAsync(db, actor, id, ct)).ToOk();

    private static async Task<Results<Ok<ConcessionView>, ProblemHttpResult>> Approve(
        Guid id, RapportDb db, Actor actor, TimeProvider time, CancellationToken ct) =>
        (await DecideConcession.ApproveAsync(db, actor, id, time, ct)).ToOk();

    private static async Task<Results<Ok<ConcessionView>, ProblemHttpResult>> Refuse(
        Guid id, DecideConcession.Refusal? command, RapportDb db, Actor actor, TimeProvider time, CancellationToken ct) =>
        (await DecideConcession.RefuseAsync(db, actor, id, command, time, ct)).ToOk();

    private static async Task<Results<Ok<ConcessionLimitsView>, ProblemHttpResult>> Limits(RapportDb db, Actor actor, CancellationToken ct) =>
        (await ChangeConcessionLimits.GetAsync(db, actor, ct)).ToOk();

    private static async Task<Results<Ok<ConcessionLimitsView>, ProblemHttpResult>> ChangeLimits(
        ConcessionLimitsView? command, RapportDb db, Actor actor, CancellationToken ct) =>
        (await ChangeConcessionLimits.HandleAsync(db, actor, command, ct)).ToOk();
}
