using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Concessions;
using Rapport.Core.Data;
using Rapport.Core.Orders;

namespace Rapport.Demo;

// The concession ledger of the demo. Harbor: Grand Pier Hotel's waived call-out fee ($185, the late technician) and a free
// upgrade on its WX-100 deal, and a discount for the hotel with a competitor circling that waits for approval (above the
// salesperson's $500). Bloom: a regular who always gets free delivery, on each of her last deliveries.
public static partial class DemoSeeder
{
    public const string FreeDeliveryReason = "A regular: delivery on the house, as always";

    private static async Task SeedConcessionsAsync(RapportDb db, string slug, TimeProvider time, CancellationToken ct)
    {
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        var now = time.GetUtcNow().UtcDateTime;
        var staff = await db.Staff.Where(s => s.BusinessId == db.CurrentBusinessId).ToDictionaryAsync(s => s.Role, ct);
        if (slug == "harbor") await HarborConcessionsAsync(db, staff, now, ct);
        else await BloomConcessionsAsync(db, staff, now, ct);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private static async Task HarborConcessionsAsync(RapportDb db, IReadOnlyDictionary<StaffRole, StaffMember> staff, DateTime now, CancellationToken ct)
    {
        var named = await db.Customers.Where(c => c.Name == "Grand Pier Hotel" || c.Name == CirclingHotel).ToDictionaryAsync(c => c.Name, c => c.Id, ct);
        var pier = named["Grand Pier Hotel"];
        var deal = await db.Deals.Where(d => d.CustomerId == pier).OrderByDescending(d => d.Amount).Select(d => (Guid?)d.Id).FirstOrDefaultAsync(ct);
        var (owner, manager, sales) = (staff[StaffRole.Owner], staff[StaffRole.Manager], staff[StaffRole.Sales]);

        db.Concessions.Add(Given(pier, ConcessionKind.WaivedFee, 185m, manager, now.AddMonths(-4).AddDays(-1),
            "Call-out fee waived: the technician arrived four hours late for the WX-60 bearing job."));
        db.Concessions.Add(Given(pier, ConcessionKind.FreeUpgrade, 2_400m, owner, now.AddDays(-9),
            "Three-year parts warranty on the two WX-100s at no charge, to stay ahead of Tri-State's bid.", dealId: deal));
        db.Concessions.Add(new Concession
        {
            CustomerId = named[CirclingHotel], Kind = ConcessionKind.Discount, ListValue = 1_200m, GrantedById = sales.Id,
            GrantedByName = sales.DisplayName, GrantedAt = now.AddHours(-20), Status = ConcessionStatus.AwaitingApproval,
            Reason = "Match Tri-State Laundry Supply's trial offer: 10% off the TD-120 dryer service contract for the first year.",
        });
    }

    private static async Task BloomConcessionsAsync(RapportDb db, IReadOnlyDictionary<StaffRole, StaffMember> staff, DateTime now, CancellationToken ct)
    {
        // The regular with the most deliveries this past year (Tom aside: his story is another one) never pays for delivery.
        var since = now.AddDays(-365);
        var regular = await db.Orders
            .Where(o => o.Status == OrderStatus.Delivered && o.Fulfilment == FulfilmentKind.Delivery && o.PlacedAt >= since && o.DeliveryFee > 0
                && db.Customers.Any(c => c.Id == o.CustomerId && c.Name != "Tom Lindqvist"))
            .GroupBy(o => o.CustomerId).Select(g => new { g.Key, Count = g.Count() })
            .OrderByDescending(g => g.Count).ThenBy(g => g.Key).FirstOrDefaultAsync(ct);
        if (regular is null) return;
        var orders = await db.Orders.Where(o => o.CustomerId == regular.Key && o.Status == OrderStatus.Delivered
                && o.Fulfilment == FulfilmentKind.Delivery && o.PlacedAt >= since && o.DeliveryFee > 0)
            .OrderByDescending(o => o.PlacedAt).Take(5).ToListAsync(ct);
        var service = staff[StaffRole.Service];
        foreach (var order in orders)
        {
            db.Concessions.Add(Given(order.CustomerId, ConcessionKind.FreeDelivery, order.DeliveryFee, service, order.PlacedAt, FreeDeliveryReason, orderId: order.Id));
            // Given away: the order charged no delivery.
            order.Total -= order.DeliveryFee;
            order.DeliveryFee = 0;
        }
    }

    private static Concession Given(Guid customerId, ConcessionKind kind, decimal value, StaffMember by, DateTime at, string reason,
        Guid? orderId = null, Guid? dealId = null) => new()
    {
        CustomerId = customerId, Kind = kind, ListValue = value, GrantedById = by.Id, GrantedByName = by.DisplayName, GrantedAt = at,
        Status = ConcessionStatus.Granted, Reason = reason, OrderId = orderId, DealId = dealId,
    };
}
