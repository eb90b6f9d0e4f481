namespace Rapport.Web.Sales;

/// <summary>The sales process on the API: playbooks, deals, quotes, and calls and meetings.</summary>
public static class SalesEndpoints
{
    public static IEndpointRouteBuilder MapSales(this IEndpointRouteBuilder app) =>
        app.MapDeals().MapMeetings();
}
