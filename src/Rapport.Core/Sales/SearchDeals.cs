using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Data;

namespace Rapport.Core.Sales;

/// <summary>Deals a page at a time, oldest first, by stage, owner, customer or playbook; each with days in stage and its gate.</summary>
public static class SearchDeals
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public sealed record Query(string? Stage, Guid? OwnerId, Guid? CustomerId, Guid? PlaybookId, int? Limit, string? After);

    public static async Task<Result<Page<DealSummary>>> HandleAsync(RapportDb db, Actor actor, Query query, TimeProvider time, CancellationToken ct)
    {
        if (!actor.Role.SeesDeals()) return Failure.Forbidden($"The {actor.Role.Label()} role does not see deals.");
        var v = new Validator();
        var limit = query.Limit ?? DefaultLimit;
        if (limit is < 1 or > MaxLimit) v.Add("limit", $"Must be between 1 and {MaxLimit}.");
        if (!Cursor.TryDecode(query.After, out var after)) v.Add("after", "Not a cursor returned by this list.");
        v.MaxLength("stage", query.Stage, SalesLimits.Stage);
        if (!v.IsValid) return v.ToFailure();

        var deals = db.VisibleDeals(actor).AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Stage))
        {
            var stage = query.Stage.Trim();
            deals = deals.Where(d => d.Stage == stage);
        }
        if (query.OwnerId is { } owner) deals = deals.Where(d => d.OwnerId == owner);
        if (query.CustomerId is { } customer) deals = deals.Where(d => d.CustomerId == customer);
        if (query.PlaybookId is { } playbook) deals = deals.Where(d => d.PlaybookId == playbook);
        if (after is { } a) deals = deals.Where(d => d.Id.CompareTo(a.Id) > 0);

        var rows = await deals.OrderBy(d => d.Id).Take(limit + 1).Select(Row(db)).ToListAsync(ct);
        var page = rows.Take(limit).ToList();
        var items = await SummariesAsync(db, page, time, ct);
        var next = rows.Count > limit ? new Cursor("", page[^1].Id).Encode() : null;
        return new Page<DealSummary>(items, next);
    }

    /// <summary>What a deal's card shows, read from the deal row and its customer's and owner's names.</summary>
    internal sealed record DealRow(
        Guid Id, string Name, Guid CustomerId, Guid PlaybookId, Guid PlaybookVersionId, string Stage, Guid OwnerId, decimal? Amount,
        DateOnly? ExpectedCloseOn, DateTime StageEnteredAt, DateTime UpdatedAt, string? CustomerName, string? OwnerName);

    internal static Expression<Func<Deal, DealRow>> Row(RapportDb db) => d => new DealRow(
        d.Id, d.Name, d.CustomerId, d.PlaybookId, d.PlaybookVersionId, d.Stage, d.OwnerId, d.Amount, d.ExpectedCloseOn, d.StageEnteredAt, d.UpdatedAt,
        db.Customers.Where(c => c.Id == d.CustomerId).Select(c => c.Name).FirstOrDefault(),
        db.Staff.Where(s => s.Id == d.OwnerId).Select(s => s.DisplayName).FirstOrDefault());

    /// <summary>
    /// The rows as summaries with their gates: the playbook versions and the gate's evidence are read once for all of
    /// them, so a whole board costs the same few queries as one column.
    /// </summary>
    internal static async Task<List<DealSummary>> SummariesAsync(RapportDb db, IReadOnlyList<DealRow> rows, TimeProvider time, CancellationToken ct)
    {
        if (rows.Count == 0) return [];
        var versionIds = rows.Select(r => r.PlaybookVersionId).Distinct().ToList();
        var versions = await db.PlaybookVersions.AsNoTracking().Where(x => versionIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Definition, ct);
        var evidence = await DealEvidenceLoader.ForDealsAsync(db, rows.Select(r => r.Id).ToList(), ct);
        var now = time.GetUtcNow().UtcDateTime;
        return rows.Select(r =>
        {
            var definition = versions[r.PlaybookVersionId];
            var index = definition.IndexOf(r.Stage);
            var missing = index >= 0 ? StageGate.Missing(definition.Stages[index], evidence[r.Id]).Count : 0;
            return new DealSummary(r.Id, r.Name, r.CustomerId, r.CustomerName ?? "", r.PlaybookId, r.Stage, index, r.OwnerId, r.OwnerName,
                r.Amount, r.ExpectedCloseOn, r.StageEnteredAt, GetDeal.DaysIn(r.StageEnteredAt, now), missing == 0, missing, r.UpdatedAt);
        }).ToList();
    }
}
