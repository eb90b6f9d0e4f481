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
    /// <summary>Where to go once the customer is added; "order" = back to the phone order with them chosen.</summary>
    [BindProperty(SupportsGet = true)] public string? Then { get; set; }

    [BindProperty] public CustomerForm Form { get; set; } = new();

    /// <summary>True when the customer was started from the phone order, which they go back to.</summary>
    public bool ForOrder => string.Equals(Then, "order", StringComparison.Ordinal);

    /// <param name="q">What was typed into a search (the order page's caller search): a phone number, e-mail or name.</param>
    public IActionResult OnGet(string? q)
    {
        var typed = q?.Trim();
        if (string.IsNullOrEmpty(typed)) return Page();
        if (PhoneNumber.LooksLikePhone(typed)) Form.Phone = typed;
        else if (typed.Contains('@', StringComparison.Ordinal)) Form.Email = typed;
        else Form.Name = typed;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            this.SetFormStatus();
            return Page();
        }
        var result = await CreateCustomer.HandleAsync(db, actor, Form.ToInput(), time, ct);
        if (result.Succeeded)
            return Redirect(ForOrder ? $"/app/orders/new?customerId={result.Value.Id}" : $"/app/customers/{result.Value.Id}");
        if (result.Failure.Kind == FailureKind.Forbidden) return Forbid();
        this.ShowOnForm(result.Failure, CustomerForm.Fields);
        return Page();
    }
}
