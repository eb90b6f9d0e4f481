using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Core.Businesses;
using Rapport.Core.Data;
using Rapport.Core.Sales;
using Rapport.Web.Hosting;

namespace Rapport.Web.Sales;

/// <summary>The business's playbooks, for owners and managers to open and change.</summary>
[Authorize(Policy = Policies.ManagesSales)]
public sealed class PlaybooksModel(RapportDb db, Actor actor) : PageModel
{
    public IReadOnlyList<PlaybookSummary> Playbooks { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Playbooks = (await ManagePlaybooks.ListAsync(db, actor, ct)).Value ?? [];
        return Page();
    }
}
