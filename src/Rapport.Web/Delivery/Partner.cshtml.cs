using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Data;
using Rapport.Core.Delivery;

namespace Rapport.Web.Delivery;

public sealed class PartnerModel(RapportDb db, Actor actor) : SetupPage(actor)
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public PartnerView Partner { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(PartnerFields partner, CancellationToken ct)
    {
        if (Unbound() is { } unbound) return await AfterAsync(unbound, "partner", "", () => LoadAsync(ct));
        var result = await ManagePartners.UpdateAsync(db, Actor, Id, partner.ToInput(), ct);
        return await AfterAsync(result.Failure, "partner", "/app/delivery/setup#partners", () => LoadAsync(ct));
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var partner = await db.Partners.AsNoTracking().FirstOrDefaultAsync(p => p.Id == Id, ct);
        if (partner is null) return false;
        Partner = PartnerView.Of(partner);
        return true;
    }
}
