using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Concessions;
using Rapport.Core.Data;
using Rapport.Web.Hosting;
using Rapport.Web.Shared;

namespace Rapport.Web.Concessions;

/// <summary>
/// The concession ledger across customers, newest first, by status and kind or a customer's name; owners and managers
/// approve or refuse (with a reason) the concessions that wait.
/// </summary>
[Authorize(Policy = Policies.SeesConcessions)]
public sealed class IndexModel(RapportDb db, Actor actor, TimeProvider time) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? CustomerId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Cursor { get; set; }

    public Actor Actor => actor;
    public Page<ConcessionView> Rows { get; private set; } = new([], null);
    public string? CustomerName { get; private set; }
    /// <summary>The concession a decision was refused for, and why.</summary>
    public (Guid Id, string Message)? Problem { get; private set; }
    public FormMessages Form { get; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync(ct);

    public async Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken ct)
    {
        if (!actor.Role.DecidesConcessions()) return Forbid();
        return await AfterAsync(id, (await DecideConcession.ApproveAsync(db, actor, id, time, ct)).Failure, ct);
    }

    public async Task<IActionResult> OnPostRefuseAsync(Guid id, string? reason, CancellationToken ct)
    {
        if (!actor.Role.DecidesConcessions()) return Forbid();
        return await AfterAsync(id, (await DecideConcession.RefuseAsync(db, actor, id, new(reason), time, ct)).Failure, ct);
    }

    private async Task<IActionResult> AfterAsync(Guid id, Failure? failure, CancellationToken ct)
    {
        if (failure is null) return Redirect(Link(Cursor) + $"#concession-{id}");
        if (failure.Kind == FailureKind.NotFound) return NotFound();
        Problem = (id, string.Join(" ", PageResults.FieldErrors(failure, f => f).SelectMany(e => e.Messages)));
        Response.StatusCode = failure.Kind switch
        {
            FailureKind.Forbidden => StatusCodes.Status403Forbidden,
            FailureKind.Conflict => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status422UnprocessableEntity,
        };
        return await ShowAsync(ct);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        var rows = await ConcessionViews.ListAsync(db, actor, new(CustomerId, Empty(Status), Empty(Kind), Empty(Q), Cursor, PageSize), ct);
        if (!rows.Succeeded)
        {
            if (rows.Failure.Kind == FailureKind.NotFound) return NotFound();
            if (this.Refusal(rows.Failure) is { } refused) return refused;
            this.ShowOnForm(Form, rows.Failure, "filter");
        }
        else Rows = rows.Value;
        if (CustomerId is { } customer)
            CustomerName = await db.Customers.AsNoTracking().Where(c => c.Id == customer).Select(c => c.Name).FirstOrDefaultAsync(ct);
        return Page();
    }

    private static string? Empty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    /// <summary>This page's address with the filters and another cursor.</summary>
    public string Link(string? cursor) => "/app/concessions" + QueryString.Create(new Dictionary<string, string?>
    {
        ["status"] = Empty(Status),
        ["kind"] = Empty(Kind),
        ["q"] = Empty(Q),
        ["customerId"] = CustomerId?.ToString(),
        ["cursor"] = cursor,
    }.Where(p => p.Value is not null)).ToUriComponent();

    /// <summary>Whether the signed-in staff member may approve or refuse this one (the buttons show only then).</summary>
    public bool MayDecide(ConcessionView c) => c.Status == ConcessionStatus.AwaitingApproval && actor.Role.DecidesConcessions();
}
