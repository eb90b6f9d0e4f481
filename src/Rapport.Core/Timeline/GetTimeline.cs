using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Customers;
using Rapport.Core.Data;

namespace Rapport.Core.Timeline;

/// <summary>Every contact anyone had with a customer, newest first, a page at a time.</summary>
public static class GetTimeline
{
    public const int DefaultLimit = 25;
    public const int MaxLimit = 200;

    public sealed record Query(Guid CustomerId, int? Limit, string? Before);

    public static async Task<Result<TimelineEntry>> GetEntryAsync(RapportDb db, Actor actor, Guid customerId, Guid id, CancellationToken ct)
    {
        if (!await db.VisibleTo(actor).AnyAsync(c => c.Id == customerId, ct)) return Failure.NotFound("Customer");
        var entry = await db.Interactions.AsNoTracking()
            .FirstOrDefaultAsync(i => i.Id == id && i.CustomerId == customerId && (!i.Internal || actor.Role.SeesInternalNotes()), ct);
        if (entry is null) return Failure.NotFound("Interaction");
        var numbers = await OrderNumbersAsync(db, [entry], ct);
        return TimelineEntry.Of(entry, entry.OrderId is { } o ? numbers.GetValueOrDefault(o) : null);
    }

    public static async Task<Result<Page<TimelineEntry>>> HandleAsync(RapportDb db, Actor actor, Query query, CancellationToken ct)
    {
        var v = new Validator().Limit(query.Limit, DefaultLimit, MaxLimit, out var limit).After("before", query.Before, "this timeline", out var before);
        if (!v.IsValid) return v.ToFailure();

        if (!await db.VisibleTo(actor).AnyAsync(c => c.Id == query.CustomerId, ct)) return Failure.NotFound("Customer");

        var entries = db.Interactions.AsNoTracking().Where(i => i.CustomerId == query.CustomerId);
        if (!actor.Role.SeesInternalNotes()) entries = entries.Where(i => !i.Internal);
        if (before is (var at, var id)) entries = entries.Where(i => i.OccurredAt < at || (i.OccurredAt == at && i.Id.CompareTo(id) < 0));
        var rows = await entries.OrderByDescending(i => i.OccurredAt).ThenByDescending(i => i.Id).Take(limit + 1).ToListAsync(ct);
        var next = rows.Count > limit ? Cursor.At(rows[limit - 1].OccurredAt, rows[limit - 1].Id).Encode() : null;
        var shown = rows.Take(limit).ToList();
        var numbers = await OrderNumbersAsync(db, shown, ct);
        return new Page<TimelineEntry>(
            shown.Select(i => TimelineEntry.Of(i, i.OrderId is { } o ? numbers.GetValueOrDefault(o) : null)).ToList(), next);
    }

    // One lookup by id for the page's orders: the timeline itself stays a plain range read on its index.
    private static async Task<Dictionary<Guid, long?>> OrderNumbersAsync(RapportDb db, IReadOnlyList<Interaction> entries, CancellationToken ct)
    {
        var ids = entries.Where(i => i.OrderId != null).Select(i => i.OrderId!.Value).Distinct().ToList();
        if (ids.Count == 0) return [];
        return await db.Orders.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => (long?)o.Number, ct);
    }
}
