using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Core.Businesses;
using Rapport.Core.Data;
using Rapport.Core.Health;
using Rapport.Core.Orders;
using Rapport.Core.Timeline;

namespace Rapport.Demo;

// The health of the demo's relationships, made the way the product makes it: events on the record, then the nightly
// recomputation, whose recovery run turns yesterday's events into tasks. Harbor: a hotel with a competitor circling
// ("Tri-State Laundry Supply"), one whose needs were last confirmed 14 months ago, and an account at risk with a
// recovery task for its salesperson; most other accounts had their needs confirmed lately. Bloom: the manager answers
// for relationships, and a regular with a failed delivery and a negative call is at risk with a task for her.
public static partial class DemoSeeder
{
    public const string CirclingHotel = "Harborview Inn & Suites";
    public const string ComplacentHotel = "The Beacon Hotel";
    public const string AtRiskHotel = "Seaside Plaza Hotel";

    private static async Task SeedHealthAsync(IServiceProvider scope, RapportDb db, string slug, TimeProvider time, CancellationToken ct)
    {
        // The bulk insert before turned change detection off; these few changes need it.
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        var now = time.GetUtcNow().UtcDateTime;
        var staff = await db.Staff.Where(s => s.BusinessId == db.CurrentBusinessId).ToDictionaryAsync(s => s.Role, ct);
        if (slug == "harbor") await HarborHealthAsync(db, staff, now, ct);
        else await BloomHealthAsync(db, staff, now, ct);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        await RecomputeHealth.ForBusinessAsync(db, scope.GetRequiredService<WriteGate>(), time, ct);
    }

    private static async Task HarborHealthAsync(RapportDb db, IReadOnlyDictionary<StaffRole, StaffMember> staff, DateTime now, CancellationToken ct)
    {
        var accounts = await db.Customers.Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        var named = accounts.ToDictionary(a => a.Name, a => a.Id);
        var sales = staff[StaffRole.Sales];
        var service = staff[StaffRole.Service];

        // Most accounts were asked lately; the complacent hotel 14 months ago; the at-risk one long ago.
        var i = 0;
        foreach (var a in accounts.OrderBy(a => a.Name))
        {
            var days = a.Name switch { ComplacentHotel => 426, AtRiskHotel => 400, "Grand Pier Hotel" => 60, _ => i++ % 5 == 0 ? 250 : 20 + i * 7 % 140 };
            db.CustomerHealth.Add(new CustomerHealth
            {
                CustomerId = a.Id, Band = HealthBand.Watch, NeedsConfirmedAt = now.AddDays(-days),
                NeedsConfirmedNote = "Walked the laundry with the head of housekeeping: volumes, shifts, what breaks first.",
                AccountOwnerId = a.Name == AtRiskHotel ? sales.Id : null,
            });
        }

        var circling = named[CirclingHotel];
        Entry(db, circling, now.AddDays(-1), Channel.Visit, Direction.Outbound, Tone.Neutral,
            "Head of housekeeping mentioned Tri-State Laundry Supply left a brochure and a free trial offer on their dryers.", sales,
            competitor: "Tri-State Laundry Supply");

        var atRisk = named[AtRiskHotel];
        Entry(db, atRisk, now.AddDays(-3), Channel.Phone, Direction.Inbound, Tone.Negative,
            "Chief engineer: washer-extractor #2 down for three days waiting on a bearing; they are sending linen out.", service);
        Entry(db, atRisk, now.AddDays(-1), Channel.Phone, Direction.Inbound, Tone.Negative,
            "GM called: second breakdown this month, and Tri-State Laundry Supply offered them a loaner machine.", sales,
            competitor: "Tri-State Laundry Supply");
    }

    private static async Task BloomHealthAsync(RapportDb db, IReadOnlyDictionary<StaffRole, StaffMember> staff, DateTime now, CancellationToken ct)
    {
        var manager = staff[StaffRole.Manager];
        db.HealthSettings.Add(new HealthSettings { DefaultAccountOwnerId = manager.Id });

        // A regular of some years whose delivery yesterday failed instead (its delivered step and entry become the failure),
        // and who called about it.
        var order = await db.Orders.Where(o => o.Status == OrderStatus.Delivered && o.DeliveredAt > now.AddHours(-40) && o.DeliveredAt < now.AddHours(-3)
                && o.RecipientName != null && db.Customers.Any(c => c.Id == o.CustomerId && c.CustomerSince < now.AddYears(-3) && c.Name != "Tom Lindqvist"))
            .OrderByDescending(o => o.DeliveredAt).FirstOrDefaultAsync(ct);
        if (order is null) return;
        var failedAt = order.DeliveredAt!.Value;
        order.Status = OrderStatus.Failed;
        order.DeliveredAt = null;
        order.FailureReason = "Nobody home and no safe place; the bouquet came back to the shop";
        order.UpdatedAt = failedAt;
        var delivered = await db.OrderStatusChanges.Where(c => c.OrderId == order.Id && c.Status == OrderStatus.Delivered).ToListAsync(ct);
        db.OrderStatusChanges.RemoveRange(delivered);
        db.Interactions.RemoveRange(await db.Interactions.Where(i => i.OrderId == order.Id && i.OccurredAt >= failedAt.AddMinutes(-1)).ToListAsync(ct));
        db.OrderStatusChanges.Add(new OrderStatusChange
        {
            OrderId = order.Id, Status = OrderStatus.Failed, At = failedAt, StaffId = staff[StaffRole.Delivery].Id,
            StaffName = staff[StaffRole.Delivery].DisplayName, Reason = order.FailureReason,
        });
        Entry(db, order.CustomerId, failedAt, Channel.Delivery, Direction.Outbound, Tone.Negative,
            $"Order {order.Number} to {order.RecipientName}: delivery failed — {order.FailureReason}.", staff[StaffRole.Delivery], order.Id);
        Entry(db, order.CustomerId, failedAt.AddHours(1), Channel.Phone, Direction.Inbound, Tone.Negative,
            $"Called upset: the flowers for {order.RecipientName} never arrived and nobody told her.", staff[StaffRole.Service]);
    }

    private static void Entry(RapportDb db, Guid customerId, DateTime at, Channel channel, Direction direction, Tone tone, string summary,
        StaffMember by, Guid? orderId = null, string? competitor = null)
    {
        var entry = TimelineEntries.Record(db, customerId, at, at, channel, direction, tone, summary, EntryAuthor.Of(by), orderId);
        entry.Competitor = competitor;
    }
}
