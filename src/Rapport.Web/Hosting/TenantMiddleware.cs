using Rapport.Core.Data;
using Rapport.Web.Auth;

namespace Rapport.Web.Hosting;

public static class TenantMiddleware
{
    /// <summary>Scopes the request's database to the signed-in staff member's business.</summary>
    public static IApplicationBuilder UseTenant(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.User.ToActor() is { } actor) http.RequestServices.GetRequiredService<Tenant>().Set(actor.BusinessId);
        await next(http);
    });
}
