using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Customers;
using Rapport.Core.Data;
using Rapport.Core.Delivery;

namespace Rapport.Core.Occasions;

/// <summary>A confirmed occasion coming up, and whether its order is already in.</summary>
public sealed record UpcomingOccasion(
    Guid OccasionId, OccasionType Type, string Name, Guid CustomerId, string CustomerName, Guid? RecipientId, string? RecipientName,
    DateOnly NextDate, int DaysAway, decimal? UsualBudget, bool OrderPlaced, Guid? OrderId, long? OrderNumber);

/// <summary>The business's confirmed occasions in the coming days, nearest first, for the customers the actor may see.</summary>
public static class UpcomingOccasions
{
    public const int DefaultDays = 30;
    public const int MaxDays = 92;

    public static async Task<Result<List<UpcomingOccasion>>> HandleAsync(RapportDb db, Actor actor, int? days, TimeProvider time, CancellationToken ct)
    {
        var span = days ?? DefaultDays;
        if (span is < 0 or > MaxDays) return Failure.Invalid("days", $"Between 0 and {MaxDays}.");
        var today = BusinessClock.Today(time.GetUtcNow().UtcDateTime, await db.TimeZoneAsync(ct));
        var last = today.AddDays(span);
        return await ForAsync(db, db.VisibleTo(actor), today, last, ct);
    }

    /// <summary>Confirmed occasions of the given customers falling between two days (inclusive).</summary>
    public static async Task<List<UpcomingOccasion>> ForAsync(RapportDb db, IQueryable<Customers.Customer> customers, DateOnly from, DateOnly to, CancellationToken ct)
    {
        // Every rule falls in its own month, so only the months the span touches are read.
        var months = new HashSet<int>();
        for (var m = new DateOnly(from.Year, from.Month, 1); m <= to && months.Count < 12; m = m.AddMonths(1)) months.Add(m.Month);
        var monthList = months.ToList();
        var candidates = await db.Occasions.AsNoTracking()
            .Where(o => o.Status == OccasionStatus.Confirmed && monthList.Contains(o.Month) && customers.Any(c => c.Id == o.CustomerId))
            .Join(db.Customers, o => o.CustomerId, c => c.Id, (o, c) => new { Occasion = o, CustomerName = c.Name })
            .ToListAsync(ct);
        var due = candidates.Select(x => (x.Occasion, x.CustomerName, Next: x.Occasion.NextDate(from)))
            .Where(x => x.Next <= to).ToList();
        if (due.Count == 0) return [];

        var recipientIds = due.Where(x => x.Occasion.RecipientId is not null).Select(x => x.Occasion.RecipientId!.Value).Distinct().ToList();
        var names = new Dictionary<Guid, string>();
        foreach (var chunk in recipientIds.Chunk(500))
            foreach (var r in await db.Recipients.AsNoTracking().Where(r => chunk.Contains(r.Id)).Select(r => new { r.Id, r.Name }).ToListAsync(ct))
                names[r.Id] = r.Name;

        // An order counts for the occasion when it is for the same person and lands in the days around it.
        var customerIds = due.Select(x => x.Occasion.CustomerId).Distinct().ToList();
        var earliest = from.AddDays(-OccasionInference.DaysBefore);
        var latest = to.AddDays(OccasionInference.DaysAfter);
        var orders = new List<(Guid Id, long Number, Guid CustomerId, Guid? RecipientId, DateOnly Date)>();
        foreach (var chunk in customerIds.Chunk(500))
            orders.AddRange((await db.Orders.AsNoTracking().Counting()
                    .Where(o => chunk.Contains(o.CustomerId) && o.FulfilmentDate >= earliest && o.FulfilmentDate <= latest)
                    .Select(o => new { o.Id, o.Number, o.CustomerId, o.RecipientId, o.FulfilmentDate }).ToListAsync(ct))
                .Select(o => (o.Id, o.Number, o.CustomerId, o.RecipientId, o.FulfilmentDate)));
        var byCustomer = orders.ToLookup(o => o.CustomerId);

        return due.Select(x =>
            {
                var o = x.Occasion;
                var order = byCustomer[o.CustomerId]
                    .Where(p => (o.RecipientId is null || p.RecipientId == o.RecipientId)
                                && p.Date.DayNumber - x.Next.DayNumber is >= -OccasionInference.DaysBefore and <= OccasionInference.DaysAfter)
                    .OrderBy(p => Math.Abs(p.Date.DayNumber - x.Next.DayNumber)).Select(p => ((Guid Id, long Number)?)(p.Id, p.Number)).FirstOrDefault();
                return new UpcomingOccasion(o.Id, o.Type, Occasion.Name(o.Type, o.Label), o.CustomerId, x.CustomerName, o.RecipientId,
                    o.RecipientId is { } r ? names.GetValueOrDefault(r) : null, x.Next, x.Next.DayNumber - from.DayNumber, o.UsualBudget,
                    order is not null, order?.Id, order?.Number);
            })
            .OrderBy(u => u.NextDate).ThenBy(u => u.CustomerName, StringComparer.OrdinalIgnoreCase).ThenBy(u => u.OccasionId).ToList();
    }
}
