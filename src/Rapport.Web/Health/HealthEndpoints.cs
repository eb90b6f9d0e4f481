using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Customers;
using Rapport.Core.Data;
using Rapport.Core.Health;
using Rapport.Core.Tasks;
using Rapport.Web.Hosting;

namespace Rapport.Web.Health;

/// <summary>The health of relationships: scores with their reasons, who is at risk, complacency, recovery tasks, settings.</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        var customers = app.MapGroup("/api/customers/{id:guid}").WithTags("Health").RequireAuthorization(Policies.Staff);
        customers.MapGet("/health", Get).WithName("GetCustomerHealth")
            .WithSummary("The customer's health: score 0–100, band, each factor with its points and evidence, and the last 12 months' trend.");
        customers.MapPost("/needs-confirmed", NeedsConfirmed).WithName("ConfirmNeeds")
            .WithSummary("Records that the customer's needs were confirmed today, with a note of what was learnt.");
        customers.MapPut("/account-owner", AccountOwner).WithName("AssignAccountOwner")
            .WithSummary("Names the staff member who answers for the relationship (owners and managers; null for the business's default).");

        var health = app.MapGroup("/api/health").WithTags("Health").RequireAuthorization(Policies.Staff);
        health.MapGet("/", List).WithName("ListHealth")
            .WithSummary("Customers by value at risk (last 12 months' revenue or open deal value), most first.")
            .WithDescription("Filter by `band` (healthy, watch, atRisk), `ownerId` (account owner), `factor` (e.g. serviceFailures, competitor) and `kind`; `next` is a cursor for `cursor`.");
        health.MapGet("/overview", Overview).WithName("HealthOverview")
            .WithSummary("How many customers are in each band, and this week's biggest drops.");
        health.MapPost("/tasks/{taskId:guid}/done", CompleteTask).WithName("CompleteRecoveryTask")
            .WithSummary("Closes a recovery task with what was done: the contact made, with its tone, is logged on the customer's timeline.");

        app.MapGet("/api/settings/health", Settings).WithTags("Health").WithName("GetHealthSettings")
            .RequireAuthorization(Policies.Staff).WithSummary("Weights, thresholds, complacency limit and recovery triggers (owner only).");
        app.MapPut("/api/settings/health", ChangeSettings).WithTags("Health").WithName("ChangeHealthSettings")
            .RequireAuthorization(Policies.Staff).WithSummary("Changes the weights, thresholds, complacency limit and recovery triggers (owner only).");
        app.MapGet("/api/reports/complacency", Complacency).WithTags("Health").WithName("ComplacencyReport")
            .RequireAuthorization(Policies.Staff)
            .WithSummary("Accounts that bought in the last year whose needs were last confirmed longer ago than the limit, per account owner.");
        return app;
    }

    private static async Task<Results<Ok<CustomerHealthView>, ProblemHttpResult>> Get(
        Guid id, RapportDb db, Actor actor, TimeProvider time, CancellationToken ct) =>
        (await HealthViews.GetAsync(db, actor, id, time, ct)).ToOk();

    private static async Task<Results<Ok<CustomerHealthView>, ProblemHttpResult>> NeedsConfirmed(
        Guid id, ConfirmNeeds.Command? command, RapportDb db, Actor actor, TimeProvider time, CancellationToken ct) =>
        (await ConfirmNeeds.HandleAsync(db, actor, id, command, time, ct)).ToOk();

    private static async Task<Results<Ok<CustomerHealthView>, ProblemHttpResult>> AccountOwner(
        Guid id, AssignAccountOwner.Command? command, RapportDb db, Actor actor, TimeProvider time, CancellationToken ct) =>
        (await AssignAccountOwner.HandleAsync(db, actor, id, command, time, ct)).ToOk();

    private static async Task<Results<Ok<Page<HealthRow>>, ProblemHttpResult>> List(
        string? band, Guid? ownerId, string? factor, string? kind, string? cursor, int? limit,
        RapportDb db, Actor actor, CancellationToken ct)
    {
        // Read as the JSON spells them (atRisk, organization), whatever the case.
        HealthBand? bandValue = null;
        CustomerKind? kindValue = null;
        if (band is not null)
        {
            if (!Enum.TryParse<HealthBand>(band, ignoreCase: true, out var b) || int.TryParse(band, out _))
                return ApiResults.Problem(Failure.Invalid("band", "One of healthy, watch, atRisk."));
            bandValue = b;
        }
        if (kind is not null)
        {
            if (!Enum.TryParse<CustomerKind>(kind, ignoreCase: true, out var k) || int.TryParse(kind, out _))
                return ApiResults.Problem(Failure.Invalid("kind", "One of person, organization."));
            kindValue = k;
        }
        return (await HealthViews.ListAsync(db, actor, new(bandValue, ownerId, factor, kindValue, cursor, limit), ct)).ToOk();
    }

    private static async Task<Results<Ok<HealthOverview>, ProblemHttpResult>> Overview(
        RapportDb db, Actor actor, TimeProvider time, CancellationToken ct) =>
        (await HealthViews.OverviewAsync(db, actor, time, ct)).ToOk();

    private static async Task<Results<Ok<StaffTaskView>, ProblemHttpResult>> CompleteTask(
        Guid taskId, CompleteRecoveryTask.Command? command, RapportDb db, Actor actor, TimeProvider time, CancellationToken ct) =>
        (await CompleteRecoveryTask.HandleAsync(db, actor, taskId, command, time, ct)).ToOk();

    private static async Task<Results<Ok<HealthSettingsView>, ProblemHttpResult>> Settings(RapportDb db, Actor actor, CancellationToken ct) =>
        (await ChangeHealthSettings.GetAsync(db, actor, ct)).ToOk();

    private static async Task<Results<Ok<HealthSettingsView>, ProblemHttpResult>> ChangeSettings(
        HealthSettingsView? command, RapportDb db, Actor actor, CancellationToken ct) =>
        (await ChangeHealthSettings.HandleAsync(db, actor, command, ct)).ToOk();

    private static async Task<Results<Ok<IReadOnlyList<ComplacencyGroup>>, ProblemHttpResult>> Complacency(
        RapportDb db, Actor actor, TimeProvider time, CancellationToken ct) =>
        (await ComplacencyReport.HandleAsync(db, actor, time, ct)).ToOk();
}
