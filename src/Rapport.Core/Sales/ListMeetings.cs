using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Customers;
using Rapport.Core.Data;

namespace Rapport.Core.Sales;

/// <summary>A customer's calls and meetings, on a deal or not, planned and held, latest first, a page at a time.</summary>
public static class ListMeetings
{
    public const int DefaultLimit = 10;
    public const int MaxLimit = 100;

    public sealed record Query(Guid CustomerId, int? Limit, string? Before);

    public static async Task<Result<Page<MeetingView>>> HandleAsync(RapportDb db, Actor actor, Query query, CancellationToken ct)
    {
        var v = new Validator().Limit(query.Limit, DefaultLimit, MaxLimit, out var limit).After("before", query.Before, "this list", out var before);
        if (!v.IsValid) return v.ToFailure();

        if (!await db.VisibleTo(actor).AnyAsync(c => c.Id == query.CustomerId, ct)) return Failure.NotFound("Customer");
        if (!actor.Role.SeesDeals()) return Failure.Forbidden($"The {actor.Role.Label()} role does not see meetings.");

        var meetings = db.Meetings.AsNoTracking().Where(m => m.CustomerId == query.CustomerId);
        if (before is (var at, var id)) meetings = meetings.Where(m => m.ScheduledAt < at || (m.ScheduledAt == at && m.Id.CompareTo(id) < 0));
        var rows = await meetings.OrderByDescending(m => m.ScheduledAt).ThenByDescending(m => m.Id).Take(limit + 1).ToListAsync(ct);
        var next = rows.Count > limit ? Cursor.At(rows[limit - 1].ScheduledAt, rows[limit - 1].Id).Encode() : null;
        var people = await db.Stakeholders.AsNoTracking().Where(s => s.CustomerId == query.CustomerId).ToDictionaryAsync(s => s.Id, ct);
        return new Page<MeetingView>(rows.Take(limit).Select(m => MeetingView.Of(m, people)).ToList(), next);
    }
}
