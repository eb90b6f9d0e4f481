using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Customers;
using Rapport.Core.Data;
using Rapport.Core.Orders;

namespace Rapport.Core.Delivery;

public sealed record RunSheetDriver(Guid Id, string Name);

/// <summary>Who sent it, to call when the recipient cannot be reached.</summary>
public sealed record RunSheetCustomer(Guid Id, string? Name, string? Phone);

/// <summary>
/// One stop as the driver needs it at the door. <see cref="Notes"/> are the customer's delivery notes (never the
/// internal ones). Order fields are absent for a stop made without an order; <see cref="DeliveredAt"/> and
/// <see cref="FailureReason"/> tell how the stop went.
/// </summary>
public sealed record RunSheetStop(
    Guid Id, DateOnly Date, int Sequence, Guid? OrderId, long? Number, OrderStatus? Status,
    string? RecipientName, string? Phone, AddressView? Address, string? CardMessage, string? Notes,
    RunSheetCustomer Customer, RunSheetDriver? Driver, DateTime? DeliveredAt, string? FailureReason);

public sealed record RunSheetWindow(
    Guid? WindowId, Guid? LocationId, string? LocationName, TimeOnly? Start, TimeOnly? End, IReadOnlyList<RunSheetStop> Stops);

/// <summary>A day's stops grouped by window, earliest window first, each in the driver's order.</summary>
public sealed record RunSheet(DateOnly Date, Guid? DriverId, IReadOnlyList<RunSheetWindow> Windows);

/// <summary>
/// The day's deliveries for one driver or for everyone. Drivers get their own run only; the shop sees any
/// driver's or all. Cancelled orders leave the run.
/// </summary>
public static class GetRunSheet
{
    public sealed record Query(DateOnly? Date, Guid? DriverId);

    public static async Task<Result<RunSheet>> HandleAsync(RapportDb db, Actor actor, Query query, TimeProvider time, CancellationToken ct)
    {
        var ownOnly = actor.Role.SeesOnlyOwnDeliveries();
        if (ownOnly && query.DriverId is { } other && other != actor.StaffId)
            return Failure.Forbidden("Drivers see their own run sheet only.");
        var driverId = ownOnly ? actor.StaffId : query.DriverId;
        if (!ownOnly && driverId is { } asked && !await db.IsDriverAsync(asked, ct))
            return Failure.Invalid("driverId", Drivers.NotADriver);
        var date = query.Date ?? BusinessClock.Today(time.GetUtcNow().UtcDateTime, await db.TimeZoneAsync(ct));

        var stops = db.DeliveryStops.Where(s => s.Date == date
            && (s.OrderId == null || !db.Orders.Any(o => o.Id == s.OrderId && o.Status == OrderStatus.Cancelled)));
        if (driverId is { } id) stops = stops.Where(s => s.DriverId == id);
        return new RunSheet(date, driverId, await WindowsAsync(db, stops, ct));
    }

    /// <summary>One stop as the run sheet shows it.</summary>
    public static async Task<RunSheetStop?> StopAsync(RapportDb db, Guid id, CancellationToken ct) =>
        (await WindowsAsync(db, db.DeliveryStops.Where(s => s.Id == id), ct)).SelectMany(w => w.Stops).FirstOrDefault();

    // A handful of lookups by id rather than one wide join: a day's run is tens of stops, and each lookup stays simple on both databases.
    private static async Task<IReadOnlyList<RunSheetWindow>> WindowsAsync(RapportDb db, IQueryable<DeliveryStop> query, CancellationToken ct)
    {
        var stops = await query.AsNoTracking().ToListAsync(ct);
        if (stops.Count == 0) return [];

        var orderIds = stops.Where(s => s.OrderId != null).Select(s => s.OrderId!.Value).ToList();
        var orders = await db.Orders.AsNoTracking().Where(o => orderIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        Order? OrderOf(DeliveryStop s) => s.OrderId is { } o ? orders.GetValueOrDefault(o) : null;

        var recipientIds = stops.Select(s => s.RecipientId ?? OrderOf(s)?.RecipientId).OfType<Guid>().Distinct().ToList();
        var recipients = await db.Recipients.AsNoTracking().Where(r => recipientIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);

        var customerIds = stops.Select(s => s.CustomerId).Distinct().ToList();
        var customers = await db.Customers.AsNoTracking()
            .Where(c => customerIds.Contains(c.Id))
            .Select(c => new
            {
                c.Id, c.Name, c.Preferences.Notes,
                Phone = c.ContactPoints.Where(p => p.Kind == ContactKind.Phone)
                    .OrderByDescending(p => p.IsPrimary).ThenBy(p => p.Id).Select(p => p.Value).FirstOrDefault(),
            })
            .ToDictionaryAsync(c => c.Id, ct);

        var windowIds = stops.Select(s => s.WindowId ?? OrderOf(s)?.WindowId).OfType<Guid>().Distinct().ToList();
        var windows = await db.DeliveryWindows.AsNoTracking().Where(w => windowIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, ct);

        var locationIds = stops.Select(s => s.LocationId ?? OrderOf(s)?.LocationId).OfType<Guid>().Concat(windows.Values.Select(w => w.LocationId)).Distinct().ToList();
        var locations = await db.Locations.AsNoTracking().Where(l => locationIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, l => l.Name, ct);

        var driverIds = stops.Select(s => s.DriverId).OfType<Guid>().Distinct().ToList();
        var drivers = await db.Staff.AsNoTracking().Where(s => s.BusinessId == db.CurrentBusinessId && driverIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => s.DisplayName, ct);

        RunSheetStop View(DeliveryStop s)
        {
            var order = OrderOf(s);
            var recipient = (s.RecipientId ?? order?.RecipientId) is { } r ? recipients.GetValueOrDefault(r) : null;
            var customer = customers.GetValueOrDefault(s.CustomerId);
            return new RunSheetStop(
                s.Id, s.Date, s.Sequence, order?.Id, order?.Number, order?.Status,
                order?.RecipientName ?? recipient?.Name,
                order?.RecipientPhone ?? recipient?.Phone,
                AddressView.Of(order?.DeliveryAddress ?? recipient?.Address),
                order?.CardMessage,
                customer?.Notes,
                new RunSheetCustomer(s.CustomerId, customer?.Name, customer?.Phone),
                s.DriverId is { } d ? new RunSheetDriver(d, drivers.GetValueOrDefault(d) ?? "") : null,
                order?.DeliveredAt, order?.FailureReason);
        }

        return stops
            .GroupBy(s => s.WindowId ?? OrderOf(s)?.WindowId)
            .Select(g =>
            {
                var window = g.Key is { } w ? windows.GetValueOrDefault(w) : null;
                var locationId = window?.LocationId ?? g.Select(s => s.LocationId ?? OrderOf(s)?.LocationId).FirstOrDefault(l => l != null);
                return new RunSheetWindow(
                    g.Key, locationId, locationId is { } l ? locations.GetValueOrDefault(l) : null, window?.Start, window?.End,
                    // The stops still to do first, in the run's order; delivered and failed ones below them.
                    g.OrderBy(s => Done(OrderOf(s)?.Status)).ThenBy(s => s.Sequence).ThenBy(s => OrderOf(s)?.Number ?? long.MaxValue).ThenBy(s => s.Id)
                        .Select(View).ToList());
            })
            // Windows with stops still to do first, the earliest first; stops without a window (booked by hand) close the
            // run; windows whose stops are all done go below.
            .OrderBy(w => w.Stops.All(s => Done(s.Status))).ThenBy(w => w.Start is null).ThenBy(w => w.Start).ThenBy(w => w.LocationName, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Delivered, failed (or cancelled): nothing left to do at that stop.</summary>
    private static bool Done(OrderStatus? status) => status is { } s && OrderLifecycle.IsFinal(s);
}
