using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Customers;
using Rapport.Core.Data;
using Rapport.Core.Orders;

namespace Rapport.Web.Orders;

/// <summary>Orders newest first, filtered by day, status, number or customer, a page at a time.</summary>
public sealed class OrdersModel(RapportDb db, Actor actor) : PageModel
{
    public const int PageSize = 25;

    public Actor Actor => actor;
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? Date { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? CustomerId { get; set; }
    [BindProperty(SupportsGet = true)] public string? After { get; set; }
    [BindProperty(SupportsGet = true)] public bool Append { get; set; }

    /// <summary>The customer whose orders these are, when the list is one customer's.</summary>
    public string? CustomerName { get; private set; }
    public ResultsView Results { get; private set; } = null!;

    /// <param name="More">The address of the next page's rows; null on the last page.</param>
    public sealed record ResultsView(Page<OrderSummary> Page, string Currency, bool Filtered, string? More, string? Error);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (CustomerId is { } id)
        {
            CustomerName = await db.VisibleTo(actor).Where(c => c.Id == id).Select(c => c.Name).FirstOrDefaultAsync(ct);
            if (CustomerName is null) return NotFound();
        }
        Results = await SearchAsync(ct);
        return Page();
    }

    public async Task<PartialViewResult> OnGetResultsAsync(CancellationToken ct)
    {
        var results = await SearchAsync(ct);
        // "Show more" appends rows in place of its button; a new filter replaces the list.
        return Partial(Append && results.Error is null ? "_OrderRows" : "_OrderResults", results);
    }

    private async Task<ResultsView> SearchAsync(CancellationToken ct)
    {
        var currency = await db.Businesses.Where(b => b.Id == actor.BusinessId).Select(b => b.Currency).FirstAsync(ct);
        var filtered = !string.IsNullOrWhiteSpace(Q) || Date is not null || !string.IsNullOrEmpty(Status) || CustomerId is not null;
        // A day that did not read as a date is said so, rather than quietly listing every day.
        if (ModelState[nameof(Date)]?.Errors.Count > 0)
            return new ResultsView(new Page<OrderSummary>([], null), currency, filtered, null, "The day should read like 2026-02-14.");

        var status = string.IsNullOrEmpty(Status) ? null : Status;
        var result = await SearchOrders.HandleAsync(db, actor, new(CustomerId, Date, status, Q, PageSize, After), ct);
        if (!result.Succeeded)
            return new ResultsView(new Page<OrderSummary>([], null), currency, filtered, null,
                string.Join(" ", result.Failure.Errors?.SelectMany(e => e.Value) ?? [result.Failure.Title]));
        var page = result.Value;
        return new ResultsView(page, currency, filtered, page.Next is null ? null : ResultsUrl(page.Next), null);
    }

    private string ResultsUrl(string after)
    {
        var query = new Dictionary<string, string?>
        {
            ["handler"] = "Results",
            ["append"] = "true",
            ["q"] = Q,
            ["date"] = Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["status"] = Status,
            ["customerId"] = CustomerId?.ToString(),
            ["after"] = after,
        };
        return QueryHelpers.AddQueryString("/app/orders", query.Where(p => !string.IsNullOrEmpty(p.Value)));
    }
}
