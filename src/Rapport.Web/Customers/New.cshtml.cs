using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Customers;
using Rapport.Core.Data;
using Rapport.Web.Hosting;
using Rapport.Web.Shared;

namespace Rapport.Web.Customers;

[Authorize(Policy = Policies.CanEditCustomers)]
public sealed class NewCustomerModel(RapportDb db, Actor actor, TimeProvider time) : PageModel
{
    [BindProperty] public CustomerForm Form { get; set; } = new();

    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            this.SetFormStatus();
            return Page();
        }
        var result = await CreateCustomer.HandleAsync(db, actor, Form.ToInput(), time, ct);
        if (result.Succeeded) return Redirect($"/app/customers/{result.Value.Id}");
        if (result.Failure.Kind == FailureKind.Forbidden) return Forbid();
        this.ShowOnForm(result.Failure, CustomerForm.Fields);
        return Page();
    }
}
