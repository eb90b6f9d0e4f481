using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Rapport.Web.Hosting;

/// <summary>
/// Pages live in their feature's folder, so access follows the route rather than the folder:
/// every page under /app is for staff, every page under /shop for the shop's signed-in customer.
/// A page opens itself to everyone with [AllowAnonymous].
/// </summary>
public sealed class PageAccess : IPageApplicationModelConvention
{
    public void Apply(PageApplicationModel model)
    {
        var route = model.ActionDescriptor.AttributeRouteInfo?.Template ?? model.ViewEnginePath;
        if (IsUnder(route, "app")) model.EndpointMetadata.Add(new AuthorizeAttribute(Policies.Staff));
        else if (IsUnder(route, "shop")) model.EndpointMetadata.Add(new AuthorizeAttribute(Policies.Shop));
    }

    private static bool IsUnder(string route, string segment)
    {
        var path = route.TrimStart('/');
        return path.Equals(segment, StringComparison.OrdinalIgnoreCase)
            || path.StartsWith(segment + "/", StringComparison.OrdinalIgnoreCase);
    }
}
