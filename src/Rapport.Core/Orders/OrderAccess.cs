using Rapport.Core.Businesses;
using Rapport.Core.Data;

namespace Rapport.Core.Orders;

/// <summary>Which orders an actor may see: all of the business's, or for delivery staff the orders of their own stops.</summary>
public static class OrderAccess
{
    public static IQueryable<Order> VisibleOrders(this RapportDb db, Actor actor) =>
        actor.Role.SeesOnlyOwnDeliveries()
            ? db.Orders.Where(o => db.DeliveryStops.Any(s => s.OrderId == o.Id && s.DriverId == actor.StaffId))
            : db.Orders;
}
