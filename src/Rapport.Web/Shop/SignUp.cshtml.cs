using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Rapport.Core.Data;
using Rapport.Core.Shop;
using Rapport.Web.Hosting;
using Rapport.Web.Shared;
using Rapport.Web.Shop;

namespace Rapport.Web.Shop;

/// <summary>A customer opens an account in the shop and is signed in at once.</summary>
// Open to everyone: the catalogue, signing in and up, and the reminder's one-click link.
[AllowAnonymous]
public sealed class SignUpModel(ShopContext shop, RapportDb db, IPasswordHasher<ShopAccount> hasher, TimeProvider time) : ShopPageModel(shop)
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }

    public IActionResult OnGet() => SignedIn ? Redirect(SafeReturn(ReturnUrl)) : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var opened = await OpenShopAccount.HandleAsync(db, hasher, new(Email, Name, Password), time, ct);
        if (!opened.Succeeded)
        {
            this.ShowOnForm(opened.Failure, new Dictionary<string, string> { ["email"] = nameof(Email), ["name"] = nameof(Name), ["password"] = nameof(Password) });
            return Page();
        }
        await ShopAuthentication.SignInAsync(HttpContext, opened.Value, persistent: false);
        return Redirect(SafeReturn(ReturnUrl));
    }
}
