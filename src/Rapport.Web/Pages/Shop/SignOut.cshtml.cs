using Microsoft.AspNetCore.Mvc;
using Rapport.Web.Shop;

namespace Rapport.Web.Pages.Shop;

public sealed class SignOutModel(ShopContext shop) : ShopPageModel(shop)
{
    public IActionResult OnGet() => Redirect(ShopPath());

    public async Task<IActionResult> OnPostAsync()
    {
        await ShopAuthentication.SignOutAsync(HttpContext);
        return Redirect(ShopPath());
    }
}
