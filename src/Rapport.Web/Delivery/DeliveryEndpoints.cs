namespace Rapport.Web.Delivery;

/// <summary>Delivery on the API: locations, partners and blocked dates; windows and their capacity; the run sheet.</summary>
public static class DeliveryEndpoints
{
    public static IEndpointRouteBuilder MapDelivery(this IEndpointRouteBuilder app) =>
        app.MapDeliverySetup().MapDeliveryWindows().MapRunSheet();
}
