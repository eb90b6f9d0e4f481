using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Data;
using Rapport.Core.Delivery;

namespace Rapport.Web.Delivery;

/// <summary>Where and when the business delivers: its locations at a glance, closed dates and partner florists.</summary>
public sealed class SetupModel(RapportDb db, Actor actor, TimeProvider time) : SetupPage(actor)
{
    public IReadOnlyList<LocationView> Locations { get; private set; } = [];
    public IReadOnlyList<BlockedDateView> ComingBlocks { get; private set; } = [];
    public IReadOnlyList<PartnerView> Partners { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public string LocationName(Guid? id) => id is null ? "All locations" : Locations.FirstOrDefault(l => l.Id == id)?.Name ?? "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostLocationAsync(LocationFields location, CancellationToken ct)
    {
        if (Unbound() is { } unbound) return await AfterAsync(unbound, "new-location", "", () => LoadAsync(ct));
        var result = await CreateLocation.HandleAsync(db, Actor, location.ToInput(), ct);
        return await AfterAsync(result.Failure, "new-location", $"/app/delivery/locations/{result.Value?.Id}", () => LoadAsync(ct));
    }

    public async Task<IActionResult> OnPostBlockAsync(DateOnly? date, Guid? locationId, string? reason, CancellationToken ct)
    {
        if (Unbound() is { } unbound) return await AfterAsync(unbound, "block", "", () => LoadAsync(ct));
        var result = await ManageBlockedDates.BlockAsync(db, Actor, new(date, locationId, reason), time, ct);
        return await AfterAsync(result.Failure, "block", "/app/delivery/setup#blocked-dates", () => LoadAsync(ct));
    }

    public async Task<IActionResult> OnPostUnblockAsync(Guid blockedId, CancellationToken ct) =>
        await AfterAsync((await ManageBlockedDates.UnblockAsync(db, Actor, blockedId, ct)).Failure, "block", "/app/delivery/setup#blocked-dates", () => LoadAsync(ct));

    public async Task<IActionResult> OnPostPartnerAsync(PartnerFields partner, CancellationToken ct)
    {
        if (Unbound() is { } unbound) return await AfterAsync(unbound, "new-partner", "", () => LoadAsync(ct));
        var result = await ManagePartners.AddAsync(db, Actor, partner.ToInput(), ct);
        return await AfterAsync(result.Failure, "new-partner", "/app/delivery/setup#partners", () => LoadAsync(ct));
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var locations = await db.Locations.AsNoTracking().Include(l => l.Zones).Include(l => l.WeeklyWindows)
            .OrderByDescending(l => l.Active).ThenBy(l => l.Name).ToListAsync(ct);
        Locations = locations.Select(LocationView.Of).ToList();
        Today = await db.TodayAsync(time, ct);
        ComingBlocks = (await ManageBlockedDates.ListAsync(db, Today, null, null, ct)).Value ?? [];
        Partners = await ManagePartners.ListAsync(db, ct);
        return true;
    }
}
