using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Rapport.Web.Auth;

[AllowAnonymous]
public sealed class DeniedModel : PageModel
{
    public void OnGet() { }
}
