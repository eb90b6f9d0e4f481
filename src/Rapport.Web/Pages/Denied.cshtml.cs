using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Rapport.Web.Pages;

[AllowAnonymous]
public sealed class DeniedModel : PageModel
{
    public void OnGet() { }
}
