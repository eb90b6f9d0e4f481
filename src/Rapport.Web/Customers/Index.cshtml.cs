using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Customers;
using Rapport.Core.Data;
using Rapport.Core.Health;
using Rapport.Web.Health;

namespace Rapport.Web.Customers;

public sealed class CustomersModel(RapportDb db, Actor actor, TimeProvider time) : PageModel
{
    public Actor Actor => actor;
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? After { get; set; }
    [BindProperty(SupportsGet = true)] public bool Append { get; set; }
    public ResultsView Results { get; private set; } = new(null, new Page<CustomerSummary>([], null), false, null);

    /// <param name="Health">The health badge of each customer shown that has one (none for drivers).</param>
    public sealed record ResultsView(string? Q, Page<CustomerSummary> Page, bool Appending, string? Error,
        IReadOnlyDictionary<Guid, HealthBadge>? Health = null);

    [BindProperty(SupportsGet = true)] public Guid? Deleted { get; set; }
    public (Guid Id, string Name)? JustDeleted { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Results = await SearchAsync(ct);
        if (Deleted is { } id && actor.Role.CanEditCustomers())
        {
            // Deleted rows are outside the filter; the business is named explicitly.
            var name = await db.Customers.IgnoreQueryFilters()
                .Where(c => c.Id == id && c.BusinessId == actor.BusinessId && c.DeletedAt != null)
                .Select(c => c.Name).FirstOrDefaultAsync(ct);
            if (name is not null) JustDeleted = (id, name);
        }
    }

    public async Task<PartialViewResult> OnGetResultsAsync(CancellationToken ct)
    {
        var results = await SearchAsync(ct);
        // "Show more" appends rows in place of its button; a new search replaces the list.
        return Partial(Append && results.Error is null ? "_ResultRows" : "_Results", results);
    }

    private async Task<ResultsView> SearchAsync(CancellationToken ct)
    {
        var result = await SearchCustomers.HandleAsync(db, actor, new(Q, 25, After), time, ct);
        if (result.Succeeded)
        {
            var badges = await HealthViews.BadgesAsync(db, actor, [.. result.Value.Items.Select(c => c.Id)], ct);
            return new ResultsView(Q, result.Value, Append, null, badges.ToDictionary(b => b.Key, b => new HealthBadge(b.Value.Score, b.Value.Band)));
        }
        return new ResultsView(Q, new Page<CustomerSummary>([], null), Append,
                string.Join(" ", result.Failure.Errors?.SelectMany(e => e.Value) ?? [result.Failure.Title]));
    }
}
