using Rapport.Core.Audit;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Data;

namespace Rapport.Core.Delivery;

/// <summary>A weekly window as written by the API and the forms; on update, a null field is left as it is.</summary>
public sealed record WeeklyWindowInput(
    DayOfWeek? Weekday = null, TimeOnly? Start = null, TimeOnly? End = null, int? Capacity = null, int? LoyaltyReserve = null);

/// <summary>
/// The windows a location offers every weekday: add, change, remove. Dates already on the calendar keep
/// the windows they were made with; a change applies to dates made after it (change a made date on the calendar).
/// </summary>
public static class ManageWeeklyWindows
{
    private const string Taken = "Another window of this weekday starts at that time.";

    public static async Task<Result<WeeklyWindowView>> AddAsync(RapportDb db, Actor actor, Guid locationId, WeeklyWindowInput input, CancellationToken ct)
    {
        var location = await db.FindLocationAsync(locationId, ct);
        if (location is null) return Failure.NotFound("Location");
        if (actor.CannotManageDelivery() is { } forbidden) return forbidden;
        var v = new Validator();
        if (input.Weekday is null) v.Add("weekday", "This field is required.");
        if (input.Start is null) v.Add("start", "This field is required.");
        if (input.End is null) v.Add("end", "This field is required.");
        if (input.Capacity is null) v.Add("capacity", "This field is required.");
        if (!v.IsValid) return v.ToFailure();
        var template = new WindowTemplate
        {
            LocationId = locationId, Weekday = input.Weekday!.Value, Start = input.Start!.Value, End = input.End!.Value,
            Capacity = input.Capacity!.Value, LoyaltyReserve = input.LoyaltyReserve ?? 0,
        };
        if (Check(location, template) is { } invalid) return invalid;

        db.WindowTemplates.Add(template);
        db.Audit(actor, nameof(WindowTemplate), template.Id, "created", null, Audited(location, template));
        if (await db.SaveUniqueAsync("start", Taken, ct) is { } taken) return taken;
        return WeeklyWindowView.Of(template);
    }

    public static async Task<Result<WeeklyWindowView>> UpdateAsync(
        RapportDb db, Actor actor, Guid locationId, Guid id, WeeklyWindowInput input, CancellationToken ct)
    {
        var location = await db.FindLocationAsync(locationId, ct);
        var template = location?.WeeklyWindows.FirstOrDefault(w => w.Id == id);
        if (location is null || template is null) return Failure.NotFound("Weekly window");
        if (actor.CannotManageDelivery() is { } forbidden) return forbidden;

        var before = Audited(location, template);
        var changed = new WindowTemplate
        {
            Id = template.Id, LocationId = locationId,
            Weekday = input.Weekday ?? template.Weekday, Start = input.Start ?? template.Start, End = input.End ?? template.End,
            Capacity = input.Capacity ?? template.Capacity, LoyaltyReserve = input.LoyaltyReserve ?? template.LoyaltyReserve,
        };
        if (Check(location, changed) is { } invalid) return invalid;

        (template.Weekday, template.Start, template.End) = (changed.Weekday, changed.Start, changed.End);
        (template.Capacity, template.LoyaltyReserve) = (changed.Capacity, changed.LoyaltyReserve);
        db.Audit(actor, nameof(WindowTemplate), template.Id, "updated", before, Audited(location, template));
        if (await db.SaveUniqueAsync("start", Taken, ct) is { } taken) return taken;
        return WeeklyWindowView.Of(template);
    }

    public static async Task<Result<Guid>> RemoveAsync(RapportDb db, Actor actor, Guid locationId, Guid id, CancellationToken ct)
    {
        var location = await db.FindLocationAsync(locationId, ct);
        var template = location?.WeeklyWindows.FirstOrDefault(w => w.Id == id);
        if (location is null || template is null) return Failure.NotFound("Weekly window");
        if (actor.CannotManageDelivery() is { } forbidden) return forbidden;
        db.WindowTemplates.Remove(template);
        db.Audit(actor, nameof(WindowTemplate), template.Id, "removed", Audited(location, template), null);
        await db.SaveChangesAsync(ct);
        return id;
    }

    private static Failure? Check(Location location, WindowTemplate t)
    {
        var v = new Validator();
        if (!Enum.IsDefined(t.Weekday)) v.Add("weekday", "A day of the week, e.g. monday.");
        var sameDay = location.WeeklyWindows.Where(w => w.Id != t.Id && w.Weekday == t.Weekday).Select(w => (w.Start, w.End));
        v.Window(t.Start, t.End, t.Capacity, t.LoyaltyReserve, sameDay);
        return v.IsValid ? null : v.ToFailure();
    }

    private static object Audited(Location l, WindowTemplate t) =>
        new { location = l.Name, t.Weekday, t.Start, t.End, t.Capacity, t.LoyaltyReserve };
}
