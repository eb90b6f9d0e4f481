using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Core.Businesses;
using Rapport.Core.Customers;
using Rapport.Core.Data;
using Rapport.Web.Shared;

namespace Rapport.Web.Customers;

public sealed class EditCustomerModel(RapportDb db, Actor actor, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public CustomerForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var found = await db.FindEditableAsync(actor, Id, ct);
        if (!found.Succeeded) return this.Refused(found.Failure);
        Form = CustomerForm.From(found.Value.ToFile(actor, time.GetUtcNow().UtcDateTime));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var found = await db.FindEditableAsync(actor, Id, ct);
        if (!found.Succeeded) return this.Refused(found.Failure);
        // A value that did not bind (e.g. letters for the budget) is reported, never silently cleared.
        if (!ModelState.IsValid)
        {
            this.SetFormStatus();
            return Page();
        }
        var onFile = found.Value.Addresses.OrderBy(a => a.Id).ToList();
        var result = await UpdateCustomer.HandleAsync(db, actor, Id, Form.ToInput(onFile), time, ct);
        if (result.Succeeded) return Redirect($"/app/customers/{Id}");
        this.ShowOnForm(result.Failure, CustomerForm.Fields);
        return Page();
    }
}
