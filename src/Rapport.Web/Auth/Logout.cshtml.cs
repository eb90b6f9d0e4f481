using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Core.Businesses;

namespace Rapport.Web.Auth;

public sealed class LogoutModel(SignInManager<StaffMember> signIn) : PageModel
{
    public IActionResult OnGet() => Redirect("/app");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await HttpContext.EndSessionAsync(ct);
        await signIn.SignOutAsync();
        return Redirect("/login");
    }
}
