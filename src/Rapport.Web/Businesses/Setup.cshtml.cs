using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Data;
using Rapport.Web.Shared;

namespace Rapport.Web.Businesses;

/// <summary>One-time set-up: the first business and its owner, when none was configured.</summary>
[AllowAnonymous]
public sealed class SetupModel(RapportDb db, IServiceProvider services) : PageModel
{
    [BindProperty] public string? BusinessName { get; set; }
    [BindProperty] public string? OwnerName { get; set; }
    [BindProperty] public string? OwnerEmail { get; set; }
    [BindProperty] public string? OwnerPassword { get; set; }

    public async Task<IActionResult> OnGetAsync() => await db.Businesses.AnyAsync() ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await db.Businesses.AnyAsync(ct)) return NotFound();
        var created = await CreateBusiness.HandleAsync(services,
            new(BusinessName, null, OwnerEmail, OwnerPassword, string.IsNullOrWhiteSpace(OwnerName) ? "Owner" : OwnerName.Trim()), ct);
        if (!created.Succeeded)
        {
            ModelState.AddFailure(created.Failure, new Dictionary<string, string>
            {
                ["name"] = nameof(BusinessName), ["slug"] = nameof(BusinessName),
                ["ownerName"] = nameof(OwnerName),
                ["ownerEmail"] = nameof(OwnerEmail), ["email"] = nameof(OwnerEmail),
                ["ownerPassword"] = nameof(OwnerPassword), ["password"] = nameof(OwnerPassword),
            });
            return Page();
        }
        return Redirect("/login");
    }
}
