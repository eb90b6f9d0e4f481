using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Data;
using Rapport.Core.Touches;
using Rapport.Web.Hosting;

namespace Rapport.Web.Touches;

/// <summary>The business's own touch rules: "every order: care card", "delivered: care tips by e-mail".</summary>
public static class TouchRuleEndpoints
{
    public static IEndpointRouteBuilder MapTouches(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/touch-rules").WithTags("Touch rules").RequireAuthorization(Policies.Staff);
        group.MapGet("/", List).WithName("ListTouchRules")
            .WithSummary("The business's touch rules, active first, each by title; every staff member reads them.")
            .WithDescription("`active` filters to running (true) or stopped (false) rules. `next` is an opaque cursor for `after`, or null on the last page.");
        group.MapGet("/{id:guid}", Get).WithName("GetTouchRule").WithSummary("One touch rule.");
        group.MapPost("/", Create).WithName("CreateTouchRule")
            .WithSummary("Adds a touch rule (owner, manager): given once to every order it applies to.")
            .WithDescription("`trigger`: everyOrder (every order placed: phone, shop, reorder link, standing order) or orderDelivered. "
                + "`action`: task (for `assigneeId`, or whoever answers the customers when left out) or email to the customer, with "
                + "`subject` and `body`; a customer without an e-mail address gets a task instead. `audience`: everyone (default), "
                + "loyalCustomers or gifts (orders for one of the customer's recipients).");
        group.MapPatch("/{id:guid}", Update).WithName("UpdateTouchRule")
            .WithSummary("Changes a touch rule (owner, manager); `active: false` stops it, `active: true` starts it again.")
            .WithDescription("Absent or null fields stay as they are. Stopping a rule keeps what it gave, and the touches report keeps counting it. "
                + "`assigneeId` of all zeros gives the tasks back to whoever answers the customers.");
        return app;
    }

    private static async Task<Results<Ok<Page<TouchRuleView>>, ProblemHttpResult>> List(
        bool? active, int? limit, string? after, RapportDb db, CancellationToken ct) =>
        (await ManageTouchRules.ListAsync(db, new(active, limit, after), ct)).ToOk();

    private static async Task<Results<Ok<TouchRuleView>, ProblemHttpResult>> Get(Guid id, RapportDb db, CancellationToken ct) =>
        (await ManageTouchRules.GetAsync(db, id, ct)).ToOk();

    private static async Task<Results<Created<TouchRuleView>, ProblemHttpResult>> Create(
        TouchRuleInput input, RapportDb db, Actor actor, TimeProvider time, CancellationToken ct) =>
        (await ManageTouchRules.CreateAsync(db, actor, input, time, ct)).ToCreated(r => $"/api/touch-rules/{r.Id}");

    private static async Task<Results<Ok<TouchRuleView>, ProblemHttpResult>> Update(
        Guid id, TouchRuleInput input, RapportDb db, Actor actor, TimeProvider time, CancellationToken ct) =>
        (await ManageTouchRules.UpdateAsync(db, actor, id, input, time, ct)).ToOk();
}
