using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Core.Businesses;
using Rapport.Core.Data;
using Rapport.Core.Tasks;
using Rapport.Web.Hosting;

namespace Rapport.Web.Tasks;

/// <summary>Tasks the process makes for people: calls to make, alternatives to choose, promises to keep.</summary>
public static class TaskEndpoints
{
    public static IEndpointRouteBuilder MapTasks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tasks").WithTags("Tasks").RequireAuthorization(Policies.Staff);
        group.MapGet("/", Open).WithName("OpenTasks")
            .WithSummary("Open tasks for the signed-in person: their own and the unassigned ones their role answers, soonest due first.");
        group.MapPost("/{id:guid}/done", Done).WithName("CompleteTask").WithSummary("Marks a task done (again: no change).");
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<StaffTaskView>>, ProblemHttpResult>> Open(
        int? limit, RapportDb db, Actor actor, CancellationToken ct) =>
        (await StaffTasks.OpenAsync(db, actor, limit ?? StaffTasks.PageSize, ct)).ToOk();

    private static async Task<Results<Ok<StaffTaskView>, ProblemHttpResult>> Done(
        Guid id, RapportDb db, Actor actor, TimeProvider time, CancellationToken ct) =>
        (await StaffTasks.CompleteAsync(db, actor, id, time, ct)).ToOk();
}
