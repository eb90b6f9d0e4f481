using Microsoft.AspNetCore.Mvc;
using Rapport.Core.Customers;
using Rapport.Core.Data;
using Rapport.Core.Shop;
using Rapport.Web.Hosting;
using Rapport.Web.Shared;
using Rapport.Web.Shop;

namespace Rapport.Web.Shop;

/// <summary>The address book: the people the customer sends to, and a form to add one.</summary>
public sealed class RecipientsModel(ShopContext shop, RapportDb db) : ShopPageModel(shop)
{
    public IReadOnlyList<RecipientView> Recipients { get; private set; } = [];
    [BindProperty] public RecipientForm Form { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct) => Recipients = await ManageMyRecipients.ListAsync(db, Customer, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var added = await ManageMyRecipients.AddAsync(db, Customer, Form.ToInput(), ct);
        if (added.Succeeded) return Redirect(ShopPath("/recipients"));
        this.ShowOnForm(added.Failure, RecipientForm.Fields(nameof(Form)));
        Recipients = await ManageMyRecipients.ListAsync(db, Customer, ct);
        return Page();
    }
}
