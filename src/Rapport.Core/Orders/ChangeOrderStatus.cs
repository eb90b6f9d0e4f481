using Microsoft.EntityFrameworkCore;
using Rapport.Core.Audit;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Customers;
using Rapport.Core.Data;
using Rapport.Core.Delivery;
using Rapport.Core.Health;
using Rapport.Core.Timeline;
using Rapport.Core.Touches;

namespace Rapport.Core.Orders;

/// <summary>
/// Moves an order one step on (see <see cref="OrderLifecycle"/>): records the step, tells the customer's timeline
/// when the customer would hear of it, and on cancelling gives the window's or partner's capacity back. Drivers
/// record out for delivery, delivered and failed on their own stops; the shop's other roles record every step.
/// </summary>
public static class ChangeOrderStatus
{
    /// <summary>How far ahead of the server a given time may be: a phone's clock can run a little fast.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <param name="At">When it happened, e.g. the moment of delivery typed in afterwards; now when absent.</param>
    public sealed record Command(OrderStatus? Status, string? Reason, DateTime? At);

    public static async Task<Result<OrderView>> HandleAsync(
        RapportDb db, Actor actor, Guid id, Command command, WriteGate gate, TimeProvider time, CancellationToken ct)
    {
        var moved = await MoveAsync(db, actor, id, command, gate, time, ct);
        // After the gate is given back: the customer's health follows the step.
        if (moved.Succeeded) await RecomputeHealth.AfterEventAsync(db, moved.Value.Customer.Id, time, ct);
        return moved;
    }

    private static async Task<Result<OrderView>> MoveAsync(
        RapportDb db, Actor actor, Guid id, Command command, WriteGate gate, TimeProvider time, CancellationToken ct)
    {
        var order = await db.VisibleOrders(actor).AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct);
        if (order is null) return Failure.NotFound("Order");
        if (command.Status is { } asked && actor.Role.SeesOnlyOwnDeliveries() && !OrderLifecycle.DriverMaySet(asked))
            return Failure.Forbidden("Drivers mark their stops out for delivery, delivered or failed; the shop records the other steps.");

        var now = time.GetUtcNow().UtcDateTime;
        var v = new Validator();
        if (command.Status is not { } wanted)
            v.Add("status", "Say which step: confirmed, inProduction, outForDelivery, delivered, failed or cancelled.");
        else if (OrderLifecycle.Refusal(order.Status, order.Fulfilment, wanted) is { } refusal)
            v.Add("status", refusal);
        if (command.Status == OrderStatus.Failed && string.IsNullOrWhiteSpace(command.Reason))
            v.Add("reason", "Say why it failed, e.g. nobody home or a wrong address.");
        v.MaxLength("reason", command.Reason, OrderLimits.Reason);
        if (command.At is { } given)
        {
            var previous = await db.OrderStatusChanges.Where(c => c.OrderId == id)
                .OrderByDescending(c => c.At).Select(c => (DateTime?)c.At).FirstOrDefaultAsync(ct) ?? order.PlacedAt;
            if (given.ToUniversalTime() > now + ClockSkew) v.Add("at", "Not in the future.");
            else if (given.ToUniversalTime() < previous) v.Add("at", "Not before the order's previous step.");
        }
        if (!v.IsValid) return v.ToFailure();

        var to = command.Status!.Value;
        var at = command.At?.ToUniversalTime() ?? now;
        var reason = string.IsNullOrWhiteSpace(command.Reason) ? null : command.Reason.Trim();
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == order.CustomerId, ct);
        var zone = await ZoneAsync(db, order, ct);
        // Delivered: what follows a delivery (care tips). Made up: what goes with the flowers (a care card), for an order
        // placed before the rule was added (one placed after has it already: each rule is given once per order). Never
        // after the delivery, and so never to an order already delivered when the rule was added.
        var trigger = to switch
        {
            OrderStatus.Delivered => TouchTrigger.OrderDelivered,
            OrderStatus.InProduction => TouchTrigger.EveryOrder,
            _ => (TouchTrigger?)null,
        };
        var touches = trigger is { } t && customer is not null ? await TouchesAsync(db, t, order, customer, now, zone, ct) : [];

        // A cancel writes to the window rows that order intake contends for: it queues with the orders.
        using var entered = await gate.EnterAsync(db, ct);
        // Reads are done: the transaction starts with its first write, so SQLite never has to upgrade a reader.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Conditional on the status read above: of two people moving the same order at once, one wins and the
        // other is told, so a cancel never gives capacity back twice.
        var moved = await db.Orders.Where(o => o.Id == id && o.Status == order.Status).ExecuteUpdateAsync(s =>
        {
            s.SetProperty(o => o.Status, to).SetProperty(o => o.UpdatedAt, now);
            if (to == OrderStatus.Delivered) s.SetProperty(o => o.DeliveredAt, at);
            if (to == OrderStatus.Failed) s.SetProperty(o => o.FailureReason, reason);
        }, ct);
        if (moved == 0)
        {
            var current = await db.Orders.Where(o => o.Id == id).Select(o => o.Status).FirstAsync(ct);
            return Failure.Invalid("status", OrderLifecycle.Refusal(current, order.Fulfilment, to)
                ?? $"The order became {OrderLifecycle.Label(current)} meanwhile: look at it again before changing it.");
        }
        if (to == OrderStatus.Cancelled) await GiveBackCapacityAsync(db, order, ct);

        db.OrderStatusChanges.Add(new OrderStatusChange
        {
            OrderId = id, Status = to, At = at, StaffId = actor.StaffId, StaffName = actor.Name, Reason = reason,
        });
        if (OrderLifecycle.IsVisibleToCustomer(to))
        {
            var (channel, tone, summary) = OrderLifecycle.ForTimeline(
                new OrderStep(order.Number, order.Fulfilment, order.RecipientName, order.PromisedFrom, order.PromisedBy, to, at, reason), zone);
            TimelineEntries.Record(db, order.CustomerId, at, now, channel, Direction.Outbound, tone, summary, EntryAuthor.Of(actor), orderId: id);
            customer?.NoteActivity(at);
        }
        await OrderTouches.AddOnceAsync(db, touches, order.CustomerId, id, time, ct);
        db.Audit(actor, nameof(Order), id, "status changed",
            new { Status = order.Status.ToString(), order.DeliveredAt, order.FailureReason },
            new
            {
                Status = to.ToString(),
                DeliveredAt = to == OrderStatus.Delivered ? at : order.DeliveredAt,
                FailureReason = to == OrderStatus.Failed ? reason : order.FailureReason,
                At = at,
                Reason = reason,
            });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return await GetOrder.HandleAsync(db, actor, id, ct);
    }

    // What the business gives the order at this step, e.g. care tips by e-mail; worked out before the transaction.
    private static async Task<IReadOnlyList<PlannedTouch>> TouchesAsync(
        RapportDb db, TouchTrigger trigger, Order order, Customer customer, DateTime now, TimeZoneInfo zone, CancellationToken ct)
    {
        var rules = await OrderTouches.ActiveRulesAsync(db, trigger, ct);
        if (rules.Count == 0) return [];
        var facts = new OrderFacts(order.Id, order.Number, order.CustomerId, order.RecipientName ?? customer.Name, order.RecipientId is not null,
            OrderOptions.IsLoyal(customer, now), await OrderTouches.EmailAsync(db, rules, order.CustomerId, ct), customer.Name,
            order.FulfilmentDate, order.Promise);
        return OrderTouches.Plan(rules, trigger, facts, BusinessClock.Today(now, zone));
    }

    // One conditional statement each, like the reservation itself: never below zero, whatever runs at the same time.
    private static async Task GiveBackCapacityAsync(RapportDb db, Order order, CancellationToken ct)
    {
        if (order.WindowId is { } windowId)
            await db.DeliveryWindows.Where(w => w.Id == windowId && w.Booked > 0)
                .ExecuteUpdateAsync(s => s.SetProperty(w => w.Booked, w => w.Booked - 1), ct);
        if (order.Fulfilment == FulfilmentKind.Partner && order.PartnerId is { } partnerId)
            await db.PartnerDays.Where(d => d.PartnerId == partnerId && d.Date == order.FulfilmentDate && d.Booked > 0)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.Booked, d => d.Booked - 1), ct);
    }

    // Times on the timeline read in the shop's own time zone, as the promise did.
    private static async Task<TimeZoneInfo> ZoneAsync(RapportDb db, Order order, CancellationToken ct)
    {
        var location = order.LocationId is { } locationId
            ? await db.Locations.Where(l => l.Id == locationId).Select(l => l.TimeZone).FirstOrDefaultAsync(ct)
            : null;
        return location is null ? await db.TimeZoneAsync(ct) : BusinessClock.Zone(location);
    }
}
