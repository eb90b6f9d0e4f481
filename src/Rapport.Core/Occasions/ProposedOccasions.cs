using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Customers;
using Rapport.Core.Data;
using Rapport.Core.Delivery;

namespace Rapport.Core.Occasions;

/// <summary>A proposed occasion in the business-wide queue, with whose it is.</summary>
public sealed record ProposedOccasion(OccasionView Occasion, string CustomerName);

/// <summary>One page of the queue of proposed occasions.</summary>
public sealed record ProposedQueue(IReadOnlyList<ProposedOccasion> Items, int Total, int Page, int PageSize, int AtLeast95);

/// <summary>
/// Every proposed occasion of the business, across customers: the surest first, then the soonest, so staff confirm
/// the obvious ones in bulk and look at the doubtful ones one by one. For owners, managers and service staff.
/// </summary>
public static class ProposedOccasions
{
    public const int PageSize = 50;
    /// <summary>The confidence "confirm all" uses on the page: sure enough to confirm without reading the orders.</summary>
    public const double Sure = 0.95;

    public static async Task<Result<ProposedQueue>> ListAsync(RapportDb db, Actor actor, int? page, TimeProvider time, CancellationToken ct)
    {
        if (!actor.Role.DecidesOccasions()) return Failure.Forbidden($"The {actor.Role.Label()} role does not decide proposed occasions.");
        var today = BusinessClock.Today(time.GetUtcNow().UtcDateTime, await db.TimeZoneAsync(ct));
        var queue = await db.Occasions.AsNoTracking()
            .Where(o => o.Status == OccasionStatus.Proposed && db.VisibleTo(actor).Any(c => c.Id == o.CustomerId))
            .Join(db.Customers, o => o.CustomerId, c => c.Id, (o, c) => new { Occasion = o, CustomerName = c.Name })
            .ToListAsync(ct);
        var ordered = queue.Select(x => (x.Occasion, x.CustomerName, Next: x.Occasion.NextDate(today)))
            .OrderByDescending(x => x.Occasion.Confidence ?? 0).ThenBy(x => x.Next)
            .ThenBy(x => x.CustomerName, StringComparer.OrdinalIgnoreCase).ThenBy(x => x.Occasion.Id).ToList();
        var pages = Math.Max(1, (ordered.Count + PageSize - 1) / PageSize);
        var number = Math.Clamp(page ?? 1, 1, pages);
        var shown = ordered.Skip((number - 1) * PageSize).Take(PageSize).ToList();
        var views = await db.ToViewsAsync(shown.Select(x => x.Occasion).ToList(), today, ct);
        var items = shown.Zip(views, (x, v) => new ProposedOccasion(v, x.CustomerName)).ToList();
        return new ProposedQueue(items, ordered.Count, number, PageSize, ordered.Count(x => x.Occasion.Confidence >= Sure));
    }
}

/// <summary>
/// Confirms or dismisses several proposed occasions at once: those named by id, or every proposal at or above a
/// confidence. Each decision is audited on its own occasion, as one decided on the customer's page is. Only
/// proposals change; one already confirmed or dismissed is left as it is and not counted.
/// </summary>
public static class DecideOccasions
{
    public const int MaxIds = 500;

    /// <param name="Ids">The occasions to decide; all must be the business's (else 404, and nothing changes).</param>
    /// <param name="MinConfidence">Instead of ids: every proposal at least this sure (0.5 to 1), e.g. 0.95.</param>
    public sealed record Command(IReadOnlyList<Guid>? Ids, double? MinConfidence);

    /// <summary>How many proposals were decided, and which.</summary>
    public sealed record Decided(OccasionStatus Status, int Count, IReadOnlyList<Guid> Ids);

    public static Task<Result<Decided>> ConfirmAsync(RapportDb db, Actor actor, Command command, TimeProvider time, CancellationToken ct) =>
        DecideAsync(db, actor, command, OccasionStatus.Confirmed, time, ct);

    public static Task<Result<Decided>> DismissAsync(RapportDb db, Actor actor, Command command, TimeProvider time, CancellationToken ct) =>
        DecideAsync(db, actor, command, OccasionStatus.Dismissed, time, ct);

    private static async Task<Result<Decided>> DecideAsync(
        RapportDb db, Actor actor, Command command, OccasionStatus status, TimeProvider time, CancellationToken ct)
    {
        if (!actor.Role.DecidesOccasions()) return Failure.Forbidden($"The {actor.Role.Label()} role does not decide proposed occasions.");
        var ids = command.Ids?.Distinct().ToList() ?? [];
        if (ids.Count == 0 && command.MinConfidence is null)
            return Failure.Invalid("ids", "Choose at least one occasion, or give a minimum confidence.");
        if (ids.Count > 0 && command.MinConfidence is not null)
            return Failure.Invalid("minConfidence", "Give either occasions or a minimum confidence, not both.");
        if (ids.Count > MaxIds) return Failure.Invalid("ids", $"At most {MaxIds} at a time.");
        if (command.MinConfidence is { } min && (double.IsNaN(min) || min < 0.5 || min > 1))
            return Failure.Invalid("minConfidence", "Between 0.5 and 1 (0.95 is 95%).");

        var editor = OccasionEditor.ForStaff(actor, ct);
        var visible = editor.Occasions(db);
        List<Occasion> chosen;
        if (ids.Count > 0)
        {
            chosen = await visible.Where(o => ids.Contains(o.Id)).ToListAsync(ct);
            // Another business's id, or one the staff member may not see, is not found: nothing is decided.
            if (chosen.Count != ids.Count) return Failure.NotFound("Occasion");
        }
        else
        {
            var least = command.MinConfidence!.Value;
            chosen = await visible.Where(o => o.Status == OccasionStatus.Proposed && o.Confidence >= least).ToListAsync(ct);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var decided = new List<Guid>();
        foreach (var occasion in chosen.Where(o => o.Status == OccasionStatus.Proposed))
        {
            var before = OccasionEditor.Snapshot(occasion);
            occasion.Status = status;
            occasion.DecidedAt = now;
            occasion.DecidedBy = editor.Name;
            occasion.UpdatedAt = now;
            editor.Audit(db, occasion, status == OccasionStatus.Confirmed ? "confirm" : "dismiss", before);
            decided.Add(occasion.Id);
        }
        if (decided.Count > 0) await db.SaveChangesAsync(ct);
        return new Decided(status, decided.Count, decided);
    }
}
