using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Data;
using Rapport.Core.Delivery;

namespace Rapport.Web.Delivery;

/// <summary>One location: its details, the postcodes it delivers to, its weekly windows and its closed dates.</summary>
public sealed class LocationModel(RapportDb db, Actor actor, TimeProvider time) : SetupPage(actor)
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public LocationView Location { get; private set; } = null!;
    public IReadOnlyList<BlockedDateView> ComingBlocks { get; private set; } = [];
    public DateOnly Today { get; private set; }

    /// <summary>Monday first, as a shop's week reads.</summary>
    public static readonly DayOfWeek[] Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    private string Back(string section) => $"/app/delivery/locations/{Id}#{section}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostDetailsAsync(LocationFields location, CancellationToken ct)
    {
        if (Unbound() is { } unbound) return await AfterAsync(unbound, "details", "", () => LoadAsync(ct));
        var onFile = await db.Locations.AsNoTracking().Where(l => l.Id == Id).Select(l => l.Address).FirstOrDefaultAsync(ct);
        var result = await UpdateLocation.HandleAsync(db, Actor, Id, location.ToInput(onFile), time, ct);
        return await AfterAsync(result.Failure, "details", Back("details"), () => LoadAsync(ct));
    }

    public async Task<IActionResult> OnPostAddZoneAsync(string? postalCode, decimal? fee, CancellationToken ct)
    {
        if (Unbound() is { } unbound) return await AfterAsync(unbound, "new-zone", "", () => LoadAsync(ct));
        var result = await ManageDeliveryZones.AddAsync(db, Actor, Id, new(postalCode, fee), ct);
        return await AfterAsync(result.Failure, "new-zone", Back("zones"), () => LoadAsync(ct));
    }

    public async Task<IActionResult> OnPostZoneAsync(Guid zoneId, string? postalCode, decimal? fee, CancellationToken ct)
    {
        if (Unbound() is { } unbound) return await AfterAsync(unbound, $"zone-{zoneId}", "", () => LoadAsync(ct));
        var result = await ManageDeliveryZones.UpdateAsync(db, Actor, Id, zoneId, new(postalCode ?? "", fee ?? -1m), ct);
        return await AfterAsync(result.Failure, $"zone-{zoneId}", Back("zones"), () => LoadAsync(ct));
    }

    public async Task<IActionResult> OnPostRemoveZoneAsync(Guid zoneId, CancellationToken ct) =>
        await AfterAsync((await ManageDeliveryZones.RemoveAsync(db, Actor, Id, zoneId, ct)).Failure, $"zone-{zoneId}", Back("zones"), () => LoadAsync(ct));

    public async Task<IActionResult> OnPostAddWindowAsync(DayOfWeek? weekday, TimeOnly? start, TimeOnly? end, int? capacity, int? loyaltyReserve, CancellationToken ct)
    {
        if (Unbound() is { } unbound) return await AfterAsync(unbound, "new-window", "", () => LoadAsync(ct));
        var result = await ManageWeeklyWindows.AddAsync(db, Actor, Id, new(weekday, start, end, capacity, loyaltyReserve), ct);
        return await AfterAsync(result.Failure, "new-window", Back("weekly-windows"), () => LoadAsync(ct));
    }

    public async Task<IActionResult> OnPostWindowAsync(Guid windowId, TimeOnly? start, TimeOnly? end, int? capacity, int? loyaltyReserve, CancellationToken ct)
    {
        var form = $"window-{windowId}";
        if (Unbound() is { } unbound) return await AfterAsync(unbound, form, "", () => LoadAsync(ct));
        // An emptied number is refused, not left as it was.
        var result = await ManageWeeklyWindows.UpdateAsync(db, Actor, Id, windowId, new(null, start, end, capacity ?? -1, loyaltyReserve ?? 0), ct);
        return await AfterAsync(result.Failure, form, Back("weekly-windows"), () => LoadAsync(ct));
    }

    public async Task<IActionResult> OnPostRemoveWindowAsync(Guid windowId, CancellationToken ct) =>
        await AfterAsync((await ManageWeeklyWindows.RemoveAsync(db, Actor, Id, windowId, ct)).Failure, $"window-{windowId}", Back("weekly-windows"), () => LoadAsync(ct));

    public async Task<IActionResult> OnPostBlockAsync(DateOnly? date, string? reason, CancellationToken ct)
    {
        if (Unbound() is { } unbound) return await AfterAsync(unbound, "block", "", () => LoadAsync(ct));
        if (await db.Locations.AnyAsync(l => l.Id == Id, ct) is false) return NotFound();
        var result = await ManageBlockedDates.BlockAsync(db, Actor, new(date, Id, reason), time, ct);
        return await AfterAsync(result.Failure, "block", Back("blocked-dates"), () => LoadAsync(ct));
    }

    public async Task<IActionResult> OnPostUnblockAsync(Guid blockedId, CancellationToken ct) =>
        await AfterAsync((await ManageBlockedDates.UnblockAsync(db, Actor, blockedId, ct)).Failure, "block", Back("blocked-dates"), () => LoadAsync(ct));

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var location = await db.Locations.AsNoTracking().Include(l => l.Zones).Include(l => l.WeeklyWindows).FirstOrDefaultAsync(l => l.Id == Id, ct);
        if (location is null) return false;
        Location = LocationView.Of(location);
        Today = BusinessClock.Today(time.GetUtcNow().UtcDateTime, BusinessClock.Zone(location.TimeZone));
        ComingBlocks = (await ManageBlockedDates.ListAsync(db, Today, null, Id, ct)).Value ?? [];
        return true;
    }
}
