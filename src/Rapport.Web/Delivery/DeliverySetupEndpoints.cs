using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Data;
using Rapport.Core.Delivery;
using Rapport.Web.Hosting;

namespace Rapport.Web.Delivery;

/// <summary>
/// Where and when the business delivers: locations, their zones and weekly windows, one date's windows,
/// blocked dates and partner florists. Every staff member reads; owners and managers change.
/// </summary>
public static class DeliverySetupEndpoints
{
    internal static IEndpointRouteBuilder MapDeliverySetup(this IEndpointRouteBuilder app)
    {
        var locations = app.MapGroup("/api/locations").WithTags("Delivery set-up").RequireAuthorization(Policies.Staff);
        locations.MapGet("/", ListLocations).WithName("ListLocations").WithSummary("Every location with its delivery zones and weekly windows.");
        locations.MapPost("/", CreateLocation).WithName("CreateLocation")
            .WithSummary("Adds a location: address, IANA time zone (the business's by default), same-day cutoff and pick-up hours.");
        locations.MapGet("/{id}", GetLocation).WithName("GetLocation").WithSummary("One location with its delivery zones and weekly windows.");
        locations.MapPatch("/{id}", UpdateLocation).WithName("UpdateLocation")
            .WithSummary("Changes a location; `active: false` stops its deliveries. Absent or null fields stay as they are.")
            .WithDescription("A new time zone or cutoff also moves the instants and cutoffs of windows already made for coming dates.");

        locations.MapGet("/{id}/zones", ListZones).WithName("ListDeliveryZones").WithSummary("The postcodes a location delivers to, with their fees.");
        locations.MapPost("/{id}/zones", AddZone).WithName("AddDeliveryZone").WithSummary("Delivers to a postcode for a fee (zero or more); one zone per postcode and location.");
        locations.MapGet("/{id}/zones/{zoneId}", GetZone).WithName("GetDeliveryZone").WithSummary("One delivery zone.");
        locations.MapPatch("/{id}/zones/{zoneId}", UpdateZone).WithName("UpdateDeliveryZone").WithSummary("Changes a zone's postcode or fee.");
        locations.MapDelete("/{id}/zones/{zoneId}", RemoveZone).WithName("RemoveDeliveryZone").WithSummary("Stops delivering to a postcode.");

        locations.MapGet("/{id}/weekly-windows", ListWeeklyWindows).WithName("ListWeeklyWindows").WithSummary("The windows a location offers each weekday.");
        locations.MapPost("/{id}/weekly-windows", AddWeeklyWindow).WithName("AddWeeklyWindow")
            .WithSummary("Adds a window every given weekday, e.g. mondays 09:00–12:00 for 8 deliveries with 2 held for loyal customers.")
            .WithDescription("Windows of one weekday may not overlap. Dates already on the calendar keep their windows; change those per date.");
        locations.MapGet("/{id}/weekly-windows/{windowId}", GetWeeklyWindow).WithName("GetWeeklyWindow").WithSummary("One weekly window.");
        locations.MapPatch("/{id}/weekly-windows/{windowId}", UpdateWeeklyWindow).WithName("UpdateWeeklyWindow").WithSummary("Changes a weekly window.");
        locations.MapDelete("/{id}/weekly-windows/{windowId}", RemoveWeeklyWindow).WithName("RemoveWeeklyWindow").WithSummary("Removes a weekly window.");

        locations.MapGet("/{id}/dates/{date}", GetDate).WithName("GetDeliveryDate")
            .WithSummary("A location's windows on one date (made from the weekly windows if nobody has looked yet), and whether it is blocked (owner, manager).");
        locations.MapPost("/{id}/dates/{date}/windows", AddDateWindow).WithName("AddDateWindow")
            .WithSummary("Adds an extra window on one date only, e.g. an evening run on Feb 14 (owner, manager).")
            .WithDescription("A window's capacity and loyalty reserve on its date change with PUT /api/delivery/windows/{id}.");

        var blocked = app.MapGroup("/api/blocked-dates").WithTags("Delivery set-up").RequireAuthorization(Policies.Staff);
        blocked.MapGet("/", ListBlockedDates).WithName("ListBlockedDates")
            .WithSummary("Dates that take no deliveries, between `from` and `to`; with `locationId`, that location's and the whole business's.");
        blocked.MapPost("/", BlockDate).WithName("BlockDate")
            .WithSummary("Closes a date at one location, or without `locationId` at all of them. Deliveries already booked stay booked.");
        blocked.MapGet("/{id}", GetBlockedDate).WithName("GetBlockedDate").WithSummary("One blocked date.");
        blocked.MapDelete("/{id}", UnblockDate).WithName("UnblockDate").WithSummary("Opens a blocked date again.");

        var partners = app.MapGroup("/api/partners").WithTags("Delivery set-up").RequireAuthorization(Policies.Staff);
        partners.MapGet("/", ListPartners).WithName("ListPartners").WithSummary("Partner florists who take overflow orders, active ones first.");
        partners.MapPost("/", AddPartner).WithName("AddPartner").WithSummary("Adds a partner florist with the number of orders a day they accept and their fee.");
        partners.MapGet("/{id}", GetPartner).WithName("GetPartner").WithSummary("One partner florist.");
        partners.MapPatch("/{id}", UpdatePartner).WithName("UpdatePartner")
            .WithSummary("Changes a partner florist; `active: false` stops offering them. Absent or null fields stay as they are.");
        return app;
    }

    private static async Task<Ok<List<LocationView>>> ListLocations(RapportDb db, CancellationToken ct)
    {
        var all = await db.Locations.AsNoTracking().Include(l => l.Zones).Include(l => l.WeeklyWindows)
            .OrderByDescending(l => l.Active).ThenBy(l => l.Name).ToListAsync(ct);
        return TypedResults.Ok(all.Select(LocationView.Of).ToList());
    }

    private static async Task<Results<Created<LocationView>, ProblemHttpResult>> CreateLocation(
        LocationInput input, RapportDb db, Actor actor, CancellationToken ct) =>
        (await Core.Delivery.CreateLocation.HandleAsync(db, actor, input, ct)).ToCreated(l => $"/api/locations/{l.Id}");

    private static async Task<Results<Ok<LocationView>, ProblemHttpResult>> GetLocation(Guid id, RapportDb db, CancellationToken ct) =>
        await db.FindLocationAsync(id, ct) is { } location ? TypedResults.Ok(LocationView.Of(location)) : ApiResults.NotFound("Location");

    private static async Task<Results<Ok<LocationView>, ProblemHttpResult>> UpdateLocation(
        Guid id, LocationInput input, RapportDb db, Actor actor, TimeProvider time, CancellationToken ct) =>
        (await Core.Delivery.UpdateLocation.HandleAsync(db, actor, id, input, time, ct)).ToOk();

    private static async Task<Results<Ok<IReadOnlyList<DeliveryZoneView>>, ProblemHttpResult>> ListZones(Guid id, RapportDb db, CancellationToken ct) =>
        await db.FindLocationAsync(id, ct) is { } location ? TypedResults.Ok(LocationView.Of(location).Zones) : ApiResults.NotFound("Location");

    private static async Task<Results<Created<DeliveryZoneView>, ProblemHttpResult>> AddZone(
        Guid id, DeliveryZoneInput input, RapportDb db, Actor actor, CancellationToken ct) =>
        (await ManageDeliveryZones.AddAsync(db, actor, id, input, ct)).ToCreated(z => $"/api/locations/{id}/zones/{z.Id}");

    private static async Task<Results<Ok<DeliveryZoneView>, ProblemHttpResult>> GetZone(Guid id, Guid zoneId, RapportDb db, CancellationToken ct) =>
        (await db.FindLocationAsync(id, ct))?.Zones.FirstOrDefault(z => z.Id == zoneId) is { } zone
            ? TypedResults.Ok(DeliveryZoneView.Of(zone))
            : ApiResults.NotFound("Delivery zone");

    private static async Task<Results<Ok<DeliveryZoneView>, ProblemHttpResult>> UpdateZone(
        Guid id, Guid zoneId, DeliveryZoneInput input, RapportDb db, Actor actor, CancellationToken ct) =>
        (await ManageDeliveryZones.UpdateAsync(db, actor, id, zoneId, input, ct)).ToOk();

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveZone(
        Guid id, Guid zoneId, RapportDb db, Actor actor, CancellationToken ct) =>
        (await ManageDeliveryZones.RemoveAsync(db, actor, id, zoneId, ct)).ToNoContent();

    private static async Task<Results<Ok<IReadOnlyList<WeeklyWindowView>>, ProblemHttpResult>> ListWeeklyWindows(Guid id, RapportDb db, CancellationToken ct) =>
        await db.FindLocationAsync(id, ct) is { } location ? TypedResults.Ok(LocationView.Of(location).WeeklyWindows) : ApiResults.NotFound("Location");

    private static async Task<Results<Created<WeeklyWindowView>, ProblemHttpResult>> AddWeeklyWindow(
        Guid id, WeeklyWindowInput input, RapportDb db, Actor actor, CancellationToken ct) =>
        (await ManageWeeklyWindows.AddAsync(db, actor, id, input, ct)).ToCreated(w => $"/api/locations/{id}/weekly-windows/{w.Id}");

    private static async Task<Results<Ok<WeeklyWindowView>, ProblemHttpResult>> GetWeeklyWindow(Guid id, Guid windowId, RapportDb db, CancellationToken ct) =>
        (await db.FindLocationAsync(id, ct))?.WeeklyWindows.FirstOrDefault(w => w.Id == windowId) is { } window
            ? TypedResults.Ok(WeeklyWindowView.Of(window))
            : ApiResults.NotFound("Weekly window");

    private static async Task<Results<Ok<WeeklyWindowView>, ProblemHttpResult>> UpdateWeeklyWindow(
        Guid id, Guid windowId, WeeklyWindowInput input, RapportDb db, Actor actor, CancellationToken ct) =>
        (await ManageWeeklyWindows.UpdateAsync(db, actor, id, windowId, input, ct)).ToOk();

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveWeeklyWindow(
        Guid id, Guid windowId, RapportDb db, Actor actor, CancellationToken ct) =>
        (await ManageWeeklyWindows.RemoveAsync(db, actor, id, windowId, ct)).ToNoContent();

    private static async Task<Results<Ok<DeliveryDateView>, ProblemHttpResult>> GetDate(
        Guid id, DateOnly date, RapportDb db, Actor actor, TimeProvider time, CancellationToken ct) =>
        (await OverrideDeliveryDate.GetAsync(db, actor, id, date, time, ct)).ToOk();

    private static async Task<Results<Created<WindowView>, ProblemHttpResult>> AddDateWindow(
        Guid id, DateOnly date, DateWindowInput input, RapportDb db, Actor actor, TimeProvider time, CancellationToken ct) =>
        (await OverrideDeliveryDate.AddWindowAsync(db, actor, id, date, input, time, ct)).ToCreated(_ => $"/api/locations/{id}/dates/{date:yyyy-MM-dd}");

    private static async Task<Results<Ok<IReadOnlyList<BlockedDateView>>, ProblemHttpResult>> ListBlockedDates(
        DateOnly? from, DateOnly? to, Guid? locationId, RapportDb db, CancellationToken ct) =>
        (await ManageBlockedDates.ListAsync(db, from, to, locationId, ct)).ToOk();

    private static async Task<Results<Created<BlockedDateView>, ProblemHttpResult>> BlockDate(
        BlockedDateInput input, RapportDb db, Actor actor, TimeProvider time, CancellationToken ct) =>
        (await ManageBlockedDates.BlockAsync(db, actor, input, time, ct)).ToCreated(b => $"/api/blocked-dates/{b.Id}");

    private static async Task<Results<Ok<BlockedDateView>, ProblemHttpResult>> GetBlockedDate(Guid id, RapportDb db, CancellationToken ct) =>
        await db.BlockedDates.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct) is { } blocked
            ? TypedResults.Ok(BlockedDateView.Of(blocked))
            : ApiResults.NotFound("Blocked date");

    private static async Task<Results<NoContent, ProblemHttpResult>> UnblockDate(Guid id, RapportDb db, Actor actor, CancellationToken ct) =>
        (await ManageBlockedDates.UnblockAsync(db, actor, id, ct)).ToNoContent();

    private static async Task<Ok<IReadOnlyList<PartnerView>>> ListPartners(RapportDb db, CancellationToken ct) =>
        TypedResults.Ok(await ManagePartners.ListAsync(db, ct));

    private static async Task<Results<Created<PartnerView>, ProblemHttpResult>> AddPartner(
        PartnerInput input, RapportDb db, Actor actor, CancellationToken ct) =>
        (await ManagePartners.AddAsync(db, actor, input, ct)).ToCreated(p => $"/api/partners/{p.Id}");

    private static async Task<Results<Ok<PartnerView>, ProblemHttpResult>> GetPartner(Guid id, RapportDb db, CancellationToken ct) =>
        await db.Partners.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is { } partner
            ? TypedResults.Ok(PartnerView.Of(partner))
            : ApiResults.NotFound("Partner");

    private static async Task<Results<Ok<PartnerView>, ProblemHttpResult>> UpdatePartner(
        Guid id, PartnerInput input, RapportDb db, Actor actor, CancellationToken ct) =>
        (await ManagePartners.UpdateAsync(db, actor, id, input, ct)).ToOk();
}
