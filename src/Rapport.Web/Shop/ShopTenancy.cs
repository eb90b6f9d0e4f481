using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Rapport.Core.Data;
using Rapport.Core.Shop;

namespace Rapport.Web.Shop;

/// <summary>Requests under <c>/shop/{business}</c> act for the business named by the slug, whoever else is signed in.</summary>
public static class ShopTenancy
{
    /// <summary>The slug of a shop path, e.g. "bloom" in <c>/shop/bloom/orders</c>.</summary>
    public static bool IsShopPath(PathString path, out string slug)
    {
        slug = "";
        if (!path.StartsWithSegments("/shop", out var rest) || !rest.HasValue || rest.Value.Length < 2) return false;
        var value = rest.Value[1..];
        var end = value.IndexOf('/');
        slug = end < 0 ? value : value[..end];
        return slug.Length > 0;
    }

    /// <summary>Scopes the request to the shop's business and its shop sign-in; false (404 sent) for no such shop.</summary>
    public static async Task<bool> EnterAsync(HttpContext http, string slug)
    {
        var services = http.RequestServices;
        var front = await ShopFront.FindAsync(services.GetRequiredService<RapportDb>(), slug, http.RequestAborted);
        if (front is null)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync("There is no shop at this address.", http.RequestAborted);
            return false;
        }
        services.GetRequiredService<Tenant>().Set(front.BusinessId);
        services.GetRequiredService<ShopContext>().Front = front;
        // Only the shop's own cookie counts here: a staff member's sign-in is nobody in the shop.
        var signedIn = await http.AuthenticateAsync(ShopAuthentication.Scheme);
        http.User = signedIn.Succeeded ? signedIn.Principal : new ClaimsPrincipal(new ClaimsIdentity());
        return true;
    }
}
