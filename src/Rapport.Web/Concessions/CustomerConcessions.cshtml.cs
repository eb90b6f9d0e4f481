using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Concessions;
using Rapport.Core.Customers;
using Rapport.Core.Data;
using Rapport.Core.Sales;
using Rapport.Web.Hosting;
using Rapport.Web.Shared;

namespace Rapport.Web.Concessions;

/// <summary>
/// A customer's concessions: the card on the customer page (loaded over htmx) with the last 12 months' total at list value,
/// the latest entries and the form to record one. With htmx the form answers the card in place; without, the browser goes
/// back to the customer page, or this page shows the form again with its messages.
/// </summary>
[Authorize(Policy = Policies.SeesConcessions)]
public sealed class CustomerConcessionsModel(RapportDb db, Actor actor, TimeProvider time) : PageModel
{
    public const string Target = "#concessions";
    public const int OrderChoices = 10;

    [FromRoute] public Guid Id { get; set; }
    public string CustomerName { get; private set; } = "";
    public CustomerConcessions Summary { get; private set; } = null!;
    public IReadOnlyList<(Guid Id, long Number, DateOnly Date)> Orders { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Deals { get; private set; } = [];
    public FormMessages Form { get; } = new();
    /// <summary>Just recorded, to say whether it was granted or waits.</summary>
    public ConcessionView? Recorded { get; private set; }

    [BindProperty] public RecordForm Record { get; set; } = new();

    public sealed class RecordForm
    {
        public string? Kind { get; set; }
        public string? ListValue { get; set; }
        public string? Reason { get; set; }
        public Guid? OrderId { get; set; }
        public Guid? DealId { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync(false, ct);

    public async Task<IActionResult> OnGetCardAsync(CancellationToken ct) => await ShowAsync(true, ct);

    public async Task<IActionResult> OnPostRecordAsync(CancellationToken ct)
    {
        var htmx = Request.IsHtmx();
        Failure? failure;
        if (!TryReadValue(Record.ListValue, out var value))
            failure = Failure.Invalid("listValue", "A number of dollars and cents, e.g. 185.00.");
        else
        {
            var result = await RecordConcession.HandleAsync(db, actor,
                new(Id, Record.Kind, value, Record.OrderId, Record.DealId, Record.Reason), time, ct);
            failure = result.Failure;
            Recorded = result.Value;
        }
        if (failure is null)
        {
            if (!htmx) return Redirect($"/app/customers/{Id}#concessions");
            Record = new();
            return await ShowAsync(true, ct);
        }
        if (this.Refusal(failure) is { } refused) return refused;
        this.ShowOnForm(Form, failure, "record");
        foreach (var (key, typed) in new[] { ("kind", Record.Kind), ("listValue", Record.ListValue), ("reason", Record.Reason),
            ("orderId", Record.OrderId?.ToString()), ("dealId", Record.DealId?.ToString()) })
            Form.Typed[$"record:{key}"] = typed;
        if (htmx) Response.Headers["HX-Reswap"] = "outerHTML";
        return await ShowAsync(htmx, ct);
    }

    // Typed by people: "185", "185.00", "$1,400.50". Empty means not given (the use case names it).
    private static bool TryReadValue(string? text, out decimal? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        var ok = decimal.TryParse(text.Trim().TrimStart('$'), NumberStyles.Number, CultureInfo.GetCultureInfo("en-US"), out var v);
        value = v;
        return ok;
    }

    private async Task<IActionResult> ShowAsync(bool partial, CancellationToken ct)
    {
        var summary = await ConcessionViews.ForCustomerAsync(db, actor, Id, time, ct);
        if (!summary.Succeeded) return this.Refused(summary.Failure);
        Summary = summary.Value;
        CustomerName = await db.VisibleTo(actor).Where(c => c.Id == Id).Select(c => c.Name).FirstAsync(ct);
        Orders = (await db.Orders.AsNoTracking().Where(o => o.CustomerId == Id).OrderByDescending(o => o.Number).Take(OrderChoices)
            .Select(o => new { o.Id, o.Number, o.FulfilmentDate }).ToListAsync(ct)).Select(o => (o.Id, o.Number, o.FulfilmentDate)).ToList();
        if (actor.Role.SeesDeals())
            Deals = (await db.VisibleDeals(actor).AsNoTracking().Where(d => d.CustomerId == Id).OrderBy(d => d.Name)
                .Select(d => new { d.Id, d.Name }).ToListAsync(ct)).Select(d => (d.Id, d.Name)).ToList();
        return partial ? Partial("/Concessions/_ConcessionsCard.cshtml", this) : Page();
    }
}
