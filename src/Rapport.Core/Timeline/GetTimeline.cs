using System.Globalization;
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
        return entry is null ? Failure.NotFound("Interaction") : TimelineEntry.Of(entry);
    }

    public static async Task<Result<Page<TimelineEntry>>> HandleAsync(RapportDb db, Actor actor, Query query, CancellationToken ct)
    {
        var v = new Validator();
        var limit = query.Limit ?? DefaultLimit;
        if (limit is < 1 or > MaxLimit) v.Add("limit", $"Must be between 1 and {MaxLimit}.");
        if (!Cursor.TryDecode(query.Before, out var before)
            || (before is { } b && (!long.TryParse(b.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) || ticks > DateTime.MaxValue.Ticks)))
            v.Add("before", "Not a cursor returned by this timeline.");
        if (!v.IsValid) return v.ToFailure();

        if (!await db.VisibleTo(actor).AnyAsync(c => c.Id == query.CustomerId, ct)) return Failure.NotFound("Customer");

        var entries = db.Interactions.AsNoTracking().Where(i => i.CustomerId == query.CustomerId);
        if (!actor.Role.SeesInternalNotes()) entries = entries.Where(i => !i.Internal);
        if (before is { } c)
        {
            var at = new DateTime(long.Parse(c.Key, CultureInfo.InvariantCulture), DateTimeKind.Utc);
            entries = entries.Where(i => i.OccurredAt < at || (i.OccurredAt == at && i.Id.CompareTo(c.Id) < 0));
        }
        var rows = await entries.OrderByDescending(i => i.OccurredAt).ThenByDescending(i => i.Id).Take(limit + 1).ToListAsync(ct);
        var next = rows.Count > limit
            ? new Cursor(rows[limit - 1].OccurredAt.Ticks.ToString(CultureInfo.InvariantCulture), rows[limit - 1].Id).Encode()
            : null;
        return new Page<TimelineEntry>(rows.Take(limit).Select(TimelineEntry.Of).ToList(), next);
    }
}
