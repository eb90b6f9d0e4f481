using Microsoft.EntityFrameworkCore;
using Rapport.Core.Common;
using Rapport.Core.Data;

namespace Rapport.Core.Delivery;

public sealed record WindowView(
    Guid Id, Guid LocationId, DateOnly Date, TimeOnly Start, TimeOnly End, int Capacity, int Booked, int LoyaltyReserve, DateTime Cutoff, bool IsOverride)
{
    public static WindowView Of(DeliveryWindow w) =>
        new(w.Id, w.LocationId, w.Date, w.Start, w.End, w.Capacity, w.Booked, w.LoyaltyReserve, w.Cutoff, w.IsOverride);
}

/// <summary>A date's delivery windows with what is booked, for one location or all.</summary>
public static class ListWindows
{
    public static async Task<Result<IReadOnlyList<WindowView>>> HandleAsync(
        RapportDb db, DateOnly? date, Guid? locationId, CancellationToken ct)
    {
        if (date is null) return Failure.Invalid("date", "Give a date as YYYY-MM-DD.");
        if (locationId is { } id && !await db.Locations.AnyAsync(l => l.Id == id, ct)) return Failure.NotFound("Location");
        var windows = await DeliveryCalendar.WindowsAsync(db, date.Value, date.Value, locationId, ct);
        return windows.Select(WindowView.Of).ToList();
    }
}
