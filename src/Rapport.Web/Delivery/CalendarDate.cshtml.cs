using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Data;
using Rapport.Core.Delivery;

namespace Rapport.Web.Delivery;

/// <summary>One day of the calendar: a manager changes its windows' capacity and reserve, adds a window, or closes the day.</summary>
public sealed class CalendarDateModel(RapportDb db, Actor actor, TimeProvider time) : SetupPage(actor)
{
    public DateOnly Date { get; private set; }
    [BindProperty(SupportsGet = true)] public Guid? LocationId { get; set; }
    public IReadOnlyList<DeliveryDateView> Locations { get; private set; } = [];
    public IReadOnlyList<BlockedDateView> BusinessBlocks { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public bool IsPast => Date < Today;

    private string Back(string? anchor = null) =>
        $"/app/delivery/calendar/{Date:yyyy-MM-dd}{(LocationId is { } l ? $"?locationId={l}" : "")}{(anchor is null ? "" : "#" + anchor)}";

    public async Task<IActionResult> OnGetAsync(string date, CancellationToken ct)
    {
        if (!TryDate(date)) return NotFound();
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostWindowAsync(string date, Guid windowId, Guid location, int? capacity, int? loyaltyReserve, CancellationToken ct)
    {
        if (!TryDate(date)) return NotFound();
        var form = $"window-{windowId}";
        if (Unbound() is { } unbound) return await AfterAsync(unbound, form, "", () => LoadAsync(ct));
        var result = await ChangeWindowCapacity.HandleAsync(db, Actor, windowId, new(capacity, loyaltyReserve), ct);
        return await AfterAsync(result.Failure, form, Back($"location-{location}"), () => LoadAsync(ct));
    }

    public async Task<IActionResult> OnPostAddWindowAsync(string date, Guid location, TimeOnly? start, TimeOnly? end, int? capacity, int? loyaltyReserve, CancellationToken ct)
    {
        if (!TryDate(date)) return NotFound();
        var form = $"new-window-{location}";
        if (Unbound() is { } unbound) return await AfterAsync(unbound, form, "", () => LoadAsync(ct));
        var result = await OverrideDeliveryDate.AddWindowAsync(db, Actor, location, Date, new(start, end, capacity, loyaltyReserve), time, ct);
        return await AfterAsync(result.Failure, form, Back($"location-{location}"), () => LoadAsync(ct));
    }

    public async Task<IActionResult> OnPostBlockAsync(string date, Guid? location, string? reason, CancellationToken ct)
    {
        if (!TryDate(date)) return NotFound();
        var form = $"block-{location?.ToString() ?? "all"}";
        // A location that did not bind must not close the whole business instead.
        if (Unbound() is { } unbound) return await AfterAsync(unbound, form, "", () => LoadAsync(ct));
        var result = await ManageBlockedDates.BlockAsync(db, Actor, new(Date, location, reason), time, ct);
        return await AfterAsync(result.Failure, form, Back(), () => LoadAsync(ct));
    }

    public async Task<IActionResult> OnPostUnblockAsync(string date, Guid blockedId, CancellationToken ct)
    {
        if (!TryDate(date)) return NotFound();
        return await AfterAsync((await ManageBlockedDates.UnblockAsync(db, Actor, blockedId, ct)).Failure, "unblock", Back(), () => LoadAsync(ct));
    }

    private bool TryDate(string date)
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d))
            return false;
        Date = d;
        return true;
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Today = await db.TodayAsync(time, ct);
        var ids = await db.Locations.AsNoTracking().Where(l => l.Active && (LocationId == null || l.Id == LocationId))
            .OrderBy(l => l.Name).Select(l => l.Id).ToListAsync(ct);
        if (LocationId is not null && ids.Count == 0) return false;
        var days = new List<DeliveryDateView>();
        foreach (var id in ids)
        {
            var day = await OverrideDeliveryDate.GetAsync(db, Actor, id, Date, time, ct);
            if (day.Succeeded) days.Add(day.Value);
        }
        Locations = days;
        BusinessBlocks = await db.BlockedDates.AsNoTracking().Where(b => b.Date == Date && b.LocationId == null)
            .Select(b => BlockedDateView.Of(b)).ToListAsync(ct);
        return true;
    }
}
