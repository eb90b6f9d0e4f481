using Microsoft.AspNetCore.Mvc;
using Rapport.Core.Common;
using Rapport.Core.Data;
using Rapport.Core.Shop;
using Rapport.Web.Hosting;
using Rapport.Web.Shared;
using Rapport.Web.Shop;

namespace Rapport.Web.Shop;

/// <summary>One person in the address book: change or remove. Anyone else's is not found.</summary>
public sealed class RecipientEditModel(ShopContext shop, RapportDb db) : ShopPageModel(shop)
{
    [BindProperty] public RecipientForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var found = await ManageMyRecipients.GetAsync(db, Customer, id, ct);
        if (!found.Succeeded) return NotFound();
        Form = RecipientForm.Of(found.Value);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var saved = await ManageMyRecipients.UpdateAsync(db, Customer, id, Form.ToInput(), ct);
        if (saved.Succeeded) return Redirect(ShopPath("/recipients"));
        if (saved.Failure.Kind == FailureKind.NotFound) return NotFound();
        this.ShowOnForm(saved.Failure, RecipientForm.Fields(nameof(Form)));
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, CancellationToken ct) =>
        (await ManageMyRecipients.RemoveAsync(db, Customer, id, ct)).Succeeded ? Redirect(ShopPath("/recipients")) : NotFound();
}
