using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Rapport.Core.Data;
using Rapport.Core.Shop;

namespace Rapport.Web.Shop;

/// <summary>
/// The shop's own sign-in: a cookie scheme apart from staff sign-in, with its own cookie that the browser sends
/// only to <c>/shop</c>. Staff cookies are never read on shop pages, and shop cookies never on staff pages or the API.
/// A cookie opens only the shop of the business it was issued by.
/// </summary>
public static class ShopAuthentication
{
    public const string Scheme = "shop";
    public const string CookieName = "rapport.shop";
    public const string Business = "rapport:shop-business";

    public static AuthenticationBuilder AddShopCookie(this AuthenticationBuilder auth) =>
        auth.AddCookie(Scheme, o =>
        {
            o.Cookie.Name = CookieName;
            o.Cookie.Path = "/shop";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromDays(14);
            o.Events = new CookieAuthenticationEvents
            {
                OnValidatePrincipal = ValidateAsync,
                OnRedirectToLogin = ctx =>
                {
                    var front = ctx.HttpContext.RequestServices.GetRequiredService<ShopContext>().Front;
                    var back = ctx.Request.Path + ctx.Request.QueryString;
                    ctx.Response.Redirect(front is null ? "/" : $"/shop/{front.Slug}/signin?returnUrl={Uri.EscapeDataString(back)}");
                    return Task.CompletedTask;
                },
                OnRedirectToAccessDenied = ctx =>
                {
                    ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                },
            };
        });

    public static Task SignInAsync(HttpContext http, ShopCustomer customer, bool persistent)
    {
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, customer.AccountId.ToString()),
            new Claim(Business, customer.BusinessId.ToString()),
        ], Scheme);
        return http.SignInAsync(Scheme, new ClaimsPrincipal(identity), new AuthenticationProperties { IsPersistent = persistent });
    }

    public static Task SignOutAsync(HttpContext http) => http.SignOutAsync(Scheme);

    // Runs once per request: a cookie of another business's shop, or of an account that is gone, is nobody here.
    private static async Task ValidateAsync(CookieValidatePrincipalContext ctx)
    {
        var services = ctx.HttpContext.RequestServices;
        var shop = services.GetRequiredService<ShopContext>();
        var principal = ctx.Principal;
        if (shop.Front is null
            || principal?.FindFirstValue(Business) != shop.Front.BusinessId.ToString()
            || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var accountId))
        {
            ctx.RejectPrincipal();
            return;
        }
        var customer = await ShopCustomer.FindAsync(services.GetRequiredService<RapportDb>(), accountId, ctx.HttpContext.RequestAborted);
        if (customer is null)
        {
            ctx.RejectPrincipal();
            return;
        }
        shop.Customer = customer;
    }
}
