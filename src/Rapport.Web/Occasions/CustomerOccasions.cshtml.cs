using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Customers;
using Rapport.Core.Data;
using Rapport.Core.Occasions;
using Rapport.Web.Shared;

namespace Rapport.Web.Occasions;

/// <summary>What the occasions card on the customer page shows, and the add form's values and errors after a failed add.</summary>
public sealed record OccasionsSection(
    Guid CustomerId, IReadOnlyList<OccasionView> Occasions, IReadOnlyList<(Guid Id, string Name)> Recipients, bool CanEdit, string Currency,
    OccasionForm Form, IReadOnlyDictionary<string, string[]> Errors, string? Message = null)
{
    public static async Task<OccasionsSection?> LoadAsync(RapportDb db, Actor actor, Guid customerId, TimeProvider time, CancellationToken ct,
        OccasionForm? form = null, IReadOnlyDictionary<string, string[]>? errors = null, string? message = null)
    {
        var listed = await ListOccasions.ForStaffAsync(db, actor, customerId, time, ct);
        if (!listed.Succeeded) return null;
        var visible = await db.VisibleRecipientsAsync(actor, customerId, ct);
        var recipients = (await db.Recipients.AsNoTracking().Where(r => r.CustomerId == customerId).OrderBy(r => r.Name).ToListAsync(ct))
            .Where(r => visible is null || visible.Contains(r.Id)).Select(r => (r.Id, r.Name)).ToList();
        var currency = await db.Businesses.Where(b => b.Id == actor.BusinessId).Select(b => b.Currency).FirstAsync(ct);
        return new OccasionsSection(customerId, listed.Value, recipients, actor.Role.CanEditCustomers(), currency,
            form ?? new OccasionForm(), errors ?? new Dictionary<string, string[]>(), message);
    }

    public string? Error(string field) => Errors.TryGetValue(field, out var m) ? string.Join(" ", m) : null;
}

/// <summary>
/// The occasions card's actions: add, confirm, dismiss, and reading the order history now. With htmx the card is
/// answered in place; without, the browser goes back to the customer page.
/// </summary>
public sealed class CustomerOccasionsModel(RapportDb db, Actor actor, TimeProvider time) : PageModel
{
    public OccasionsSection Section { get; private set; } = null!;

    [BindProperty] public OccasionForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await ShowAsync(id, ct);

    public async Task<IActionResult> OnPostAddAsync(Guid id, CancellationToken ct)
    {
        var result = await AddOccasion.HandleAsync(db, OccasionEditor.ForStaff(actor, ct), id, Form.Input(), time, ct);
        if (result.Succeeded) return await AnswerAsync(id, $"{result.Value.Name} added.", ct);
        var failure = result.Failure;
        if (this.Refusal(failure) is { } refused) return refused;
        this.SetFormStatus(failure);
        var errors = failure.Errors ?? new Dictionary<string, string[]> { ["type"] = [failure.Title] };
        return await ShowAsync(id, ct, Form, errors);
    }

    public async Task<IActionResult> OnPostConfirmAsync(Guid id, Guid occasionId, CancellationToken ct) =>
        !await OnThisPageAsync(id, occasionId, ct) ? NotFound()
            : await DecidedAsync(id, await DecideOccasion.ConfirmAsync(db, OccasionEditor.ForStaff(actor, ct), occasionId, time, ct), "confirmed", ct);

    public async Task<IActionResult> OnPostDismissAsync(Guid id, Guid occasionId, CancellationToken ct) =>
        !await OnThisPageAsync(id, occasionId, ct) ? NotFound()
            : await DecidedAsync(id, await DecideOccasion.DismissAsync(db, OccasionEditor.ForStaff(actor, ct), occasionId, time, ct), "dismissed", ct);

    // The occasion must belong to the customer whose page this is.
    private Task<bool> OnThisPageAsync(Guid id, Guid occasionId, CancellationToken ct) =>
        db.Occasions.AnyAsync(o => o.Id == occasionId && o.CustomerId == id, ct);

    public async Task<IActionResult> OnPostInferAsync(Guid id, CancellationToken ct)
    {
        var before = await db.Occasions.CountAsync(o => o.CustomerId == id, ct);
        var result = await InferOccasions.ForCustomerAsync(db, actor, id, time, ct);
        if (!result.Succeeded) return this.Refused(result.Failure);
        var found = result.Value.Count - before;
        return await AnswerAsync(id, found switch { 0 => "Nothing new in the order history.", 1 => "1 occasion proposed.", _ => $"{found} occasions proposed." }, ct);
    }

    private async Task<IActionResult> DecidedAsync(Guid id, Result<OccasionView> result, string done, CancellationToken ct)
    {
        if (!result.Succeeded) return this.Refused(result.Failure);
        return await AnswerAsync(id, $"{result.Value.Name} {done}.", ct);
    }

    private async Task<IActionResult> AnswerAsync(Guid id, string message, CancellationToken ct)
    {
        if (!Request.IsHtmx()) return Redirect($"/app/customers/{id}#occasions");
        return await ShowAsync(id, ct, message: message);
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken ct, OccasionForm? form = null,
        IReadOnlyDictionary<string, string[]>? errors = null, string? message = null)
    {
        var section = await OccasionsSection.LoadAsync(db, actor, id, time, ct, form, errors, message);
        if (section is null) return NotFound();
        Section = section;
        if (Request.IsHtmx())
        {
            // A failed add still answers the card, so htmx swaps the errors in.
            if (Response.StatusCode >= 400) Response.Headers["HX-Reswap"] = "outerHTML";
            return Partial("_Occasions", section);
        }
        return Page();
    }
}
