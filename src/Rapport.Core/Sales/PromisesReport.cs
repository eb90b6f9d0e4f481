using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Data;
using Rapport.Core.Delivery;
using Rapport.Core.Reports;

namespace Rapport.Core.Sales;

/// <summary>
/// Promises due in a period: kept on time (done by the due date), late (done after it, or still open past it), open
/// (not done and not yet due). <see cref="KeptShare"/> is the share kept on time of those decided (kept or late).
/// </summary>
public sealed record PromiseFigures(int Due, int KeptOnTime, int Late, int Open)
{
    public double KeptShare => KeptOnTime + Late == 0 ? 0 : Math.Round((double)KeptOnTime / (KeptOnTime + Late), 4);

    public static PromiseFigures Sum(IEnumerable<PromiseFigures> all) =>
        all.Aggregate(new PromiseFigures(0, 0, 0, 0), (a, b) => new(a.Due + b.Due, a.KeptOnTime + b.KeptOnTime, a.Late + b.Late, a.Open + b.Open));
}

public sealed record PromisesByKind(string Kind, PromiseFigures Figures);

public sealed record PromisesBySalesperson(Guid StaffId, string? Name, PromiseFigures Figures);

public sealed record PromisesAnswer(DateOnly From, DateOnly To, PromiseFigures Total, IReadOnlyList<PromisesByKind> ByKind, IReadOnlyList<PromisesBySalesperson> BySalesperson);

/// <summary>Promises kept: per milestone kind and per salesperson (the deal's owner when the milestone started), for milestones due in the period.</summary>
public static class PromisesReport
{
    public static async Task<Result<PromisesAnswer>> HandleAsync(RapportDb db, Actor actor, DateOnly? from, DateOnly? to, TimeProvider time, CancellationToken ct)
    {
        var period = await ReportPeriod.ReadAsync(db, actor, from, to, time, ct);
        if (!period.Succeeded) return period.Failure;
        var (first, last) = (period.Value.From, period.Value.To);
        var today = BusinessClock.Today(time.GetUtcNow().UtcDateTime, await db.TimeZoneAsync(ct));

        var groups = await db.DealMilestones.AsNoTracking()
            .Where(m => m.DueOn >= first && m.DueOn <= last)
            .GroupBy(m => new { m.Title, m.OwnerId })
            .Select(g => new
            {
                g.Key.Title, g.Key.OwnerId,
                Due = g.Count(),
                Kept = g.Count(m => m.CompletedOn != null && m.CompletedOn <= m.DueOn),
                Late = g.Count(m => (m.CompletedOn != null && m.CompletedOn > m.DueOn) || (m.CompletedOn == null && m.DueOn < today)),
            })
            .ToListAsync(ct);
        var owners = groups.Select(g => g.OwnerId).Distinct().ToList();
        var names = await db.Staff.Where(s => owners.Contains(s.Id) && s.BusinessId == db.CurrentBusinessId).ToDictionaryAsync(s => s.Id, s => s.DisplayName, ct);

        var figures = groups.Select(g => (g.Title, g.OwnerId, Figures: new PromiseFigures(g.Due, g.Kept, g.Late, g.Due - g.Kept - g.Late))).ToList();
        return new PromisesAnswer(first, last,
            PromiseFigures.Sum(figures.Select(f => f.Figures)),
            figures.GroupBy(f => f.Title).OrderBy(g => g.Key).Select(g => new PromisesByKind(g.Key, PromiseFigures.Sum(g.Select(f => f.Figures)))).ToList(),
            figures.GroupBy(f => f.OwnerId).Select(g => new PromisesBySalesperson(g.Key, names.GetValueOrDefault(g.Key), PromiseFigures.Sum(g.Select(f => f.Figures))))
                .OrderBy(s => s.Name).ToList());
    }
}
