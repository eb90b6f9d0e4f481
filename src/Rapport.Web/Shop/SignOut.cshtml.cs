using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Rapport.Web.Shop;

namespace Rapport.Web.Shop;

// Open to everyone: the catalogue, signing in and up, and the reminder's one-click link.
[AllowAnonymous]
public sealed class SignOutModel(ShopContext shop) : ShopPageModel(shop)
{
    public IActionResult OnGet() => Redirect(ShopPath());

    public async Task<IActionResult> OnPostAsync()
    {
        await ShopAuthentication.SignOutAsync(HttpContext);
        return Redirect(ShopPath());
    }
}
