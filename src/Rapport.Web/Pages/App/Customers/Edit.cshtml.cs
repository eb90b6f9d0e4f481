using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Customers;
using Rapport.Core.Data;
using Rapport.Web.Hosting;

namespace Rapport.Web.Pages.App.Customers;

public sealed class EditCustomerModel(RapportDb db, Actor actor, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public CustomerForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var found = await db.FindEditableAsync(actor, Id, ct);
        if (!found.Succeeded) return found.Failure!.Kind == FailureKind.Forbidden ? Forbid() : NotFound();
        Form = CustomerForm.From(found.Value!.ToFile(actor, time.GetUtcNow().UtcDateTime));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var result = await UpdateCustomer.HandleAsync(db, actor, Id, Form.ToInput(), time, ct);
        if (result.Succeeded) return Redirect($"/app/customers/{Id}");
        switch (result.Failure!.Kind)
        {
            case FailureKind.Forbidden: return Forbid();
            case FailureKind.NotFound: return NotFound();
        }
        ModelState.AddFailure(result.Failure, CustomerForm.Fields);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
