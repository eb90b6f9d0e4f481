using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Data;
using Rapport.Core.Orders;

namespace Rapport.Core.Reports;

public sealed record OnTimeDay(DateOnly Date, int Delivered, int OnTime) : OnTimeFigures(Delivered, OnTime);

public sealed record OnTimeLocation(Guid LocationId, string? Name, int Delivered, int OnTime) : OnTimeFigures(Delivered, OnTime);

public sealed record OnTimeDriver(Guid DriverId, string? Name, int Delivered, int OnTime) : OnTimeFigures(Delivered, OnTime);

public sealed record OnTimeReportView(
    DateOnly From, DateOnly To, int Delivered, int OnTime, double Rate,
    IReadOnlyList<OnTimeDay> Days, IReadOnlyList<OnTimeLocation> Locations, IReadOnlyList<OnTimeDriver> Drivers);

/// <summary>
/// Promised window against actual delivery: of the orders delivered with a promised window on the days of the
/// period, the share delivered by the end of the window, per day, per location and per driver.
/// </summary>
public static class OnTimeReport
{
    public static async Task<Result<OnTimeReportView>> HandleAsync(
        RapportDb db, Actor actor, DateOnly? from, DateOnly? to, TimeProvider time, CancellationToken ct)
    {
        var read = await ReportPeriod.ReadAsync(db, actor, from, to, time, ct);
        if (!read.Succeeded) return read.Failure;
        var period = read.Value;

        var delivered = db.Orders.Where(o => o.FulfilmentDate >= period.From && o.FulfilmentDate <= period.To
                                             && o.Status == OrderStatus.Delivered && o.DeliveredAt != null && o.PromisedBy != null);

        var days = await delivered
            .GroupBy(o => o.FulfilmentDate)
            .Select(g => new OnTimeDay(g.Key, g.Count(), g.Count(o => o.DeliveredAt <= o.PromisedBy)))
            .ToListAsync(ct);

        var byLocation = await delivered.Where(o => o.LocationId != null)
            .GroupBy(o => o.LocationId!.Value)
            .Select(g => new { Id = g.Key, Delivered = g.Count(), OnTime = g.Count(o => o.DeliveredAt <= o.PromisedBy) })
            .ToListAsync(ct);
        var locationIds = byLocation.Select(l => l.Id).ToList();
        var locationNames = await db.Locations.Where(l => locationIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, l => l.Name, ct);

        var byDriver = await db.DeliveryStops.Where(s => s.DriverId != null)
            .Join(delivered, s => s.OrderId, o => (Guid?)o.Id, (s, o) => new { DriverId = s.DriverId!.Value, o.DeliveredAt, o.PromisedBy })
            .GroupBy(x => x.DriverId)
            .Select(g => new { Id = g.Key, Delivered = g.Count(), OnTime = g.Count(x => x.DeliveredAt <= x.PromisedBy) })
            .ToListAsync(ct);
        var driverIds = byDriver.Select(d => d.Id).ToList();
        // Staff are not under the tenancy filter (sign-in finds them first): name the business.
        var driverNames = await db.Staff.Where(s => s.BusinessId == db.CurrentBusinessId && driverIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => s.DisplayName, ct);

        var total = new OnTimeFigures(days.Sum(d => d.Delivered), days.Sum(d => d.OnTime));
        return new OnTimeReportView(period.From, period.To, total.Delivered, total.OnTime, total.Rate,
            days.OrderBy(d => d.Date).ToList(),
            byLocation.Select(l => new OnTimeLocation(l.Id, locationNames.GetValueOrDefault(l.Id), l.Delivered, l.OnTime))
                .OrderBy(l => l.Name, StringComparer.Ordinal).ToList(),
            byDriver.Select(d => new OnTimeDriver(d.Id, driverNames.GetValueOrDefault(d.Id), d.Delivered, d.OnTime))
                .OrderBy(d => d.Name, StringComparer.Ordinal).ToList());
    }
}
