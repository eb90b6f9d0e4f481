using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Data;

namespace Rapport.Core.Sales;

/// <summary>
/// The board: one playbook's deals in a column per stage, each column with its count and its first deals
/// (as <see cref="SearchDeals"/> lists them, so the gate indicator is the same everywhere); a column's later deals
/// come a page at a time from <see cref="SearchDeals"/> with the column's cursor.
/// </summary>
public static class DealBoard
{
    public const int DefaultPerColumn = 20;

    /// <param name="PlaybookId">The playbook shown; the first by name when left out.</param>
    /// <param name="OwnerId">Only this salesperson's deals; everyone's when left out.</param>
    public sealed record Query(Guid? PlaybookId, Guid? OwnerId, int? PerColumn);

    public sealed record Column(string Stage, int Index, int Count, Page<DealSummary> Deals);

    /// <param name="Playbook">The playbook shown; null when the business has none yet.</param>
    public sealed record Board(IReadOnlyList<PlaybookSummary> Playbooks, PlaybookSummary? Playbook, Guid? OwnerId, IReadOnlyList<Column> Columns);

    public static async Task<Result<Board>> HandleAsync(RapportDb db, Actor actor, Query query, TimeProvider time, CancellationToken ct)
    {
        var listed = await ManagePlaybooks.ListAsync(db, actor, ct);
        if (!listed.Succeeded) return listed.Failure;
        var playbooks = listed.Value;
        var per = query.PerColumn ?? DefaultPerColumn;
        if (per is < 1 or > SearchDeals.MaxLimit) return Failure.Invalid("perColumn", $"Must be between 1 and {SearchDeals.MaxLimit}.");
        var playbook = query.PlaybookId is { } pid ? playbooks.FirstOrDefault(p => p.Id == pid) : playbooks.FirstOrDefault();
        if (query.PlaybookId is not null && playbook is null) return Failure.Invalid("playbookId", "No such playbook.");
        if (playbook is null) return new Board(playbooks, null, query.OwnerId, []);

        var counts = await CountsAsync(db, actor, playbook.Id, query.OwnerId, ct);
        // Deals on an older version may sit in a stage the current one renamed: they get a column after the others.
        var stages = playbook.Stages.Concat(counts.Keys.Where(s => !playbook.Stages.Contains(s, StringComparer.OrdinalIgnoreCase)).Order()).ToList();
        var firsts = await FirstDealsAsync(db, actor, playbook.Id, query.OwnerId, stages.Where(s => counts.GetValueOrDefault(s) > 0).ToList(), per, time, ct);
        var columns = stages.Select((stage, i) =>
        {
            var deals = firsts.GetValueOrDefault(stage) ?? [];
            var count = counts.GetValueOrDefault(stage);
            // A column's cursor is its last card, as SearchDeals pages it; the count says whether more follow.
            var next = count > deals.Count && deals.Count > 0 ? new Cursor("", deals[^1].Id).Encode() : null;
            return new Column(stage, i, count, new Page<DealSummary>(deals, next));
        }).ToList();
        return new Board(playbooks, playbook, query.OwnerId, columns);
    }

    /// <summary>
    /// Every column's first deals in one read: each stage's oldest <paramref name="per"/> deals, one index range per
    /// stage joined by UNION ALL, then their gates from one load of versions and evidence for the whole board.
    /// </summary>
    private static async Task<Dictionary<string, List<DealSummary>>> FirstDealsAsync(
        RapportDb db, Actor actor, Guid playbookId, Guid? ownerId, IReadOnlyList<string> stages, int per, TimeProvider time, CancellationToken ct)
    {
        if (stages.Count == 0) return [];
        var deals = db.VisibleDeals(actor).AsNoTracking().Where(d => d.PlaybookId == playbookId);
        if (ownerId is { } owner) deals = deals.Where(d => d.OwnerId == owner);
        var firsts = stages.Select(stage => deals.Where(d => d.Stage == stage).OrderBy(d => d.Id).Take(per)).Aggregate((a, b) => a.Concat(b));
        var rows = await firsts.Select(SearchDeals.Row(db)).ToListAsync(ct);
        var summaries = await SearchDeals.SummariesAsync(db, rows, time, ct);
        return summaries.GroupBy(d => d.Stage).ToDictionary(g => g.Key, g => g.OrderBy(d => d.Id).ToList());
    }

    /// <summary>How many of the playbook's deals the actor sees in each stage (stage name to count).</summary>
    public static async Task<Dictionary<string, int>> CountsAsync(RapportDb db, Actor actor, Guid playbookId, Guid? ownerId, CancellationToken ct)
    {
        var deals = db.VisibleDeals(actor).Where(d => d.PlaybookId == playbookId);
        if (ownerId is { } owner) deals = deals.Where(d => d.OwnerId == owner);
        return await deals.GroupBy(d => d.Stage).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
    }

    /// <summary>The board's card for a deal just read whole, e.g. after moving it.</summary>
    public static DealSummary Summary(DealView d) => new(
        d.Id, d.Name, d.CustomerId, d.CustomerName, d.PlaybookId, d.Stage, d.Stages.ToList().FindIndex(s => s.State == StageState.Current),
        d.OwnerId, d.OwnerName, d.Amount, d.ExpectedCloseOn, d.StageEnteredAt, d.DaysInStage, d.GateOpen, d.MissingSteps.Count, d.UpdatedAt);
}
