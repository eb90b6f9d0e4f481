using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Customers;
using Rapport.Core.Data;
using Rapport.Web.Hosting;

namespace Rapport.Web.Customers;

public sealed class NewCustomerModel(RapportDb db, Actor actor, TimeProvider time) : PageModel
{
    [BindProperty] public CustomerForm Form { get; set; } = new();

    public IActionResult OnGet() => actor.Role.CanEditCustomers() ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!actor.Role.CanEditCustomers()) return Forbid();
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var result = await CreateCustomer.HandleAsync(db, actor, Form.ToInput(), time, ct);
        if (result.Succeeded) return Redirect($"/app/customers/{result.Value.Id}");
        if (result.Failure.Kind == FailureKind.Forbidden) return Forbid();
        ModelState.AddFailure(result.Failure, CustomerForm.Fields);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
