using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Rapport.Core.Data;
using Rapport.Core.Shop;
using Rapport.Web.Shop;

namespace Rapport.Web.Shop;

/// <summary>A customer signs in to the shop; the same words for an unknown e-mail and a wrong password.</summary>
// Open to everyone: the catalogue, signing in and up, and the reminder's one-click link.
[AllowAnonymous]
public sealed class SignInModel(ShopContext shop, RapportDb db, IPasswordHasher<ShopAccount> hasher, TimeProvider time) : ShopPageModel(shop)
{
    public const string WrongCredentials = "Wrong e-mail or password.";

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public bool Remember { get; set; }
    public string? Error { get; private set; }

    public IActionResult OnGet() => SignedIn ? Redirect(SafeReturn(ReturnUrl)) : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Email) || string.IsNullOrEmpty(Password))
        {
            Error = "Enter your e-mail and password.";
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var answer = await SignInToShop.HandleAsync(db, hasher, new(Email, Password), time, ct);
        switch (answer.Outcome)
        {
            case SignInToShop.Outcome.SignedIn:
                await ShopAuthentication.SignInAsync(HttpContext, answer.Customer!, Remember);
                return Redirect(SafeReturn(ReturnUrl));
            case SignInToShop.Outcome.LockedOut:
                Error = $"Too many failed attempts. Try again in {Math.Ceiling(answer.RetryAfter!.Value.TotalMinutes)} minute(s).";
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                return Page();
            default:
                Error = WrongCredentials;
                Response.StatusCode = StatusCodes.Status401Unauthorized;
                return Page();
        }
    }
}
