using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Customers;
using Rapport.Core.Data;

namespace Rapport.Core.Concessions;

/// <summary>A customer's concessions at a glance: what was given in the last 12 months at list value, and the latest entries.</summary>
/// <param name="GrantedLast12Months">The list value of the concessions granted in the last 12 months (waiting or refused ones were not given).</param>
public sealed record CustomerConcessions(
    Guid CustomerId, decimal GrantedLast12Months, string Currency, int AwaitingApproval, IReadOnlyList<ConcessionView> Latest, bool More);

/// <summary>Reading the ledger: one concession, the list across customers, and a customer's summary.</summary>
public static class ConcessionViews
{
    public const int DefaultLimit = 25;
    public const int MaxLimit = 100;
    public const int MaxSearch = 200;
    public const int LatestCount = 5;

    /// <param name="Search">Part of the customer's name.</param>
    public sealed record Query(Guid? CustomerId, string? Status, string? Kind, string? Search, string? Cursor, int? Limit);

    public static async Task<Result<ConcessionView>> GetAsync(RapportDb db, Actor actor, Guid id, CancellationToken ct)
    {
        if (!actor.Role.SeesConcessions()) return Failure.Forbidden("Drivers do not see concessions.");
        var row = await db.Concessions.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (row is null) return Failure.NotFound("Concession");
        return await ConcessionView.OfAsync(db, row, ct);
    }

    /// <summary>Concessions newest first, filtered by customer, status, kind and part of the customer's name.</summary>
    public static async Task<Result<Page<ConcessionView>>> ListAsync(RapportDb db, Actor actor, Query query, CancellationToken ct)
    {
        if (!actor.Role.SeesConcessions()) return Failure.Forbidden("Drivers do not see concessions.");
        var v = new Validator().Limit(query.Limit, DefaultLimit, MaxLimit, out var limit)
            .After("cursor", query.Cursor, "this list", out var after);
        ConcessionStatus? status = null;
        ConcessionKind? kind = null;
        if (query.Status is not null)
        {
            if (ConcessionWords.TryParse(query.Status, out ConcessionStatus s)) status = s;
            else v.Add("status", "One of granted, awaitingApproval, refused.");
        }
        if (query.Kind is not null)
        {
            if (ConcessionWords.TryParse(query.Kind, out ConcessionKind k)) kind = k;
            else v.Add("kind", $"One of {RecordConcession.KindsText}.");
        }
        v.MaxLength("q", query.Search, MaxSearch);
        if (!v.IsValid) return v.ToFailure();
        if (query.CustomerId is { } customerId && !await db.VisibleTo(actor).AnyAsync(c => c.Id == customerId, ct))
            return new Failure(FailureKind.NotFound, "Customer not found.",
                new Dictionary<string, string[]> { ["customerId"] = ["Not a customer of this business."] });

        var rows = db.Concessions.AsNoTracking();
        if (query.CustomerId is { } id) rows = rows.Where(c => c.CustomerId == id);
        if (status is { } st) rows = rows.Where(c => c.Status == st);
        if (kind is { } kd) rows = rows.Where(c => c.Kind == kd);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = "%" + SearchText.EscapeLike(SearchText.Normalize(query.Search.Trim())) + "%";
            var customers = db.Customers.Where(c => EF.Functions.Like(c.SearchName, pattern, "\\")).Select(c => c.Id);
            rows = rows.Where(c => customers.Contains(c.CustomerId));
        }
        if (after is (var at, var last)) rows = rows.Where(c => c.GrantedAt < at || (c.GrantedAt == at && c.Id.CompareTo(last) < 0));
        var page = await rows.OrderByDescending(c => c.GrantedAt).ThenByDescending(c => c.Id).Take(limit + 1).ToListAsync(ct);
        var next = page.Count > limit ? Cursor.At(page[limit - 1].GrantedAt, page[limit - 1].Id).Encode() : null;
        return new Page<ConcessionView>(await ConcessionView.OfAsync(db, page.Take(limit).ToList(), ct), next);
    }

    /// <summary>The customer's card: the last 12 months' total at list value, how many wait, and the latest entries.</summary>
    public static async Task<Result<CustomerConcessions>> ForCustomerAsync(RapportDb db, Actor actor, Guid customerId, TimeProvider time, CancellationToken ct)
    {
        if (!actor.Role.SeesConcessions()) return Failure.Forbidden("Drivers do not see concessions.");
        if (!await db.VisibleTo(actor).AnyAsync(c => c.Id == customerId, ct)) return Failure.NotFound("Customer");
        var since = time.GetUtcNow().UtcDateTime.AddDays(-365);
        // Summed here: SQLite cannot add up decimals, and one customer's year is a short list.
        var granted = await db.Concessions.AsNoTracking()
            .Where(c => c.CustomerId == customerId && c.Status == ConcessionStatus.Granted && c.GrantedAt >= since)
            .Select(c => c.ListValue).ToListAsync(ct);
        var awaiting = await db.Concessions.CountAsync(c => c.CustomerId == customerId && c.Status == ConcessionStatus.AwaitingApproval, ct);
        var latest = await db.Concessions.AsNoTracking().Where(c => c.CustomerId == customerId)
            .OrderByDescending(c => c.GrantedAt).ThenByDescending(c => c.Id).Take(LatestCount + 1).ToListAsync(ct);
        var currency = await db.Businesses.AsNoTracking().Where(b => b.Id == db.CurrentBusinessId).Select(b => b.Currency).FirstAsync(ct);
        return new CustomerConcessions(customerId, Amounts.Cents(granted.Sum()), currency, awaiting,
            await ConcessionView.OfAsync(db, latest.Take(LatestCount).ToList(), ct), latest.Count > LatestCount);
    }
}
