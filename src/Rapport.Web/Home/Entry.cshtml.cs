using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Data;

namespace Rapport.Web.Home;

public sealed class EntryModel(RapportDb db) : PageModel
{
    public async Task<IActionResult> OnGetAsync()
    {
        if (User.Identity?.IsAuthenticated == true) return Redirect("/app");
        return await db.Businesses.AnyAsync() ? Redirect("/login") : Redirect("/setup");
    }
}
