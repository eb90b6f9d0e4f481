using Rapport.Core.Data;
using Rapport.Web.Auth;
using Rapport.Web.Shop;

namespace Rapport.Web.Hosting;

public static class TenantMiddleware
{
    /// <summary>Scopes the request's database to the shop named in a <c>/shop/{business}</c> path, else to the signed-in staff member's business.</summary>
    public static IApplicationBuilder UseTenant(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (ShopTenancy.IsShopPath(http.Request.Path, out var slug))
        {
            if (!await ShopTenancy.EnterAsync(http, slug)) return;
        }
        else if (http.User.ToActor() is { } actor) http.RequestServices.GetRequiredService<Tenant>().Set(actor.BusinessId);
        await next(http);
    });
}
