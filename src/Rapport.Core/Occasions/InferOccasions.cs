using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Customers;
using Rapport.Core.Data;
using Rapport.Core.Delivery;
using Rapport.Core.Orders;

namespace Rapport.Core.Occasions;

/// <summary>
/// Runs <see cref="OccasionInference"/> over the order history and stores what it finds as proposals. Idempotent:
/// an occasion already on file in any status (dismissed included) is never proposed again, so running it twice,
/// or from two places at once, adds nothing the second time.
/// </summary>
public static class InferOccasions
{
    /// <summary>How far back history is read: the last three years decide, a few more add confidence.</summary>
    public const int YearsRead = OccasionInference.RecentYears + 5;
    private const int Batch = 1000;

    public sealed record Run(int OrdersRead, int Proposed);

    /// <summary>For the whole current business; what the scheduler runs.</summary>
    public static Task<Run> RunAsync(RapportDb db, TimeProvider time, CancellationToken ct) =>
        RunForAsync(db, db.Orders, db.Occasions, time, ct);

    /// <summary>For one customer, from the customer page or the API; answers the customer's occasions afterwards.</summary>
    public static async Task<Result<List<OccasionView>>> ForCustomerAsync(RapportDb db, Actor actor, Guid customerId, TimeProvider time, CancellationToken ct)
    {
        if (!await db.VisibleTo(actor).AnyAsync(c => c.Id == customerId, ct)) return Failure.NotFound("Customer");
        if (!actor.Role.CanEditCustomers()) return Failure.Forbidden($"The {actor.Role.Label()} role cannot change customers' occasions.");
        await RunForAsync(db, db.Orders.Where(o => o.CustomerId == customerId), db.Occasions.Where(o => o.CustomerId == customerId), time, ct);
        return await ListOccasions.ForStaffAsync(db, actor, customerId, time, ct);
    }

    private static async Task<Run> RunForAsync(RapportDb db, IQueryable<Order> orders, IQueryable<Occasion> onFile, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var today = BusinessClock.Today(now, await db.TimeZoneAsync(ct));
        var since = today.AddYears(-YearsRead);
        var facts = await orders.AsNoTracking().Counting()
            .Where(o => o.FulfilmentDate >= since && o.FulfilmentDate <= today)
            .Select(o => new OccasionInference.OrderFact(o.Id, o.CustomerId, o.RecipientId, o.FulfilmentDate, o.Occasion, o.Budget ?? o.Subtotal))
            .ToListAsync(ct);
        var proposals = OccasionInference.Infer(facts, today);
        if (proposals.Count == 0) return new Run(facts.Count, 0);

        // Deleted customers and removed recipients get no proposals.
        var customers = (await db.Customers.AsNoTracking().Select(c => c.Id).ToListAsync(ct)).ToHashSet();
        var recipients = (await db.Recipients.AsNoTracking().Select(r => r.Id).ToListAsync(ct)).ToHashSet();
        var existing = (await onFile.AsNoTracking()
                .Select(o => new { o.CustomerId, o.RecipientId, o.Type, o.RuleKind, o.Month, o.Day, o.Week, o.Weekday })
                .ToListAsync(ct))
            .ToLookup(o => (o.CustomerId, o.RecipientId), o => (o.Type, Rule: new DateRule(o.RuleKind, o.Month, o.Day, o.Week, o.Weekday)));

        var fresh = proposals
            .Where(p => customers.Contains(p.CustomerId) && (p.RecipientId is null || recipients.Contains(p.RecipientId.Value)))
            .Where(p => !existing[(p.CustomerId, p.RecipientId)].Any(e => OccasionInference.Covers(p.RecipientId, e.Type, e.Rule, p)))
            .Select(p => new Occasion
            {
                CustomerId = p.CustomerId, RecipientId = p.RecipientId, Type = p.Type, Label = Label(p.Label), Rule = p.Rule,
                UsualBudget = p.UsualBudget, Source = OccasionSource.Inferred, Status = OccasionStatus.Proposed, Confidence = p.Confidence,
                Evidence = p.Evidence.ToList(), Key = Occasion.KeyOf(p.CustomerId, p.RecipientId, p.Type, p.Rule),
                CreatedAt = now, CreatedBy = Occasion.InferredBy, UpdatedAt = now,
            })
            // Two proposals of one run under one key (two custom dates a day apart) would break the unique key.
            .DistinctBy(o => o.Key)
            .ToList();

        var stored = 0;
        var tracking = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var batch in fresh.Chunk(Batch))
                stored += await StoreAsync(db, batch, ct);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = tracking;
        }
        return new Run(facts.Count, stored);
    }

    /// <summary>Saves a batch; when another run stored some of the same keys first, saves the rest one by one.</summary>
    private static async Task<int> StoreAsync(RapportDb db, Occasion[] batch, CancellationToken ct)
    {
        db.Occasions.AddRange(batch);
        try
        {
            await db.SaveChangesAsync(ct);
            return batch.Length;
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            foreach (var o in batch) db.Entry(o).State = EntityState.Detached;
        }
        var keys = batch.Select(o => o.Key).ToList();
        var taken = (await db.Occasions.AsNoTracking().Where(o => keys.Contains(o.Key)).Select(o => o.Key).ToListAsync(ct)).ToHashSet();
        var stored = 0;
        foreach (var o in batch.Where(o => !taken.Contains(o.Key)))
        {
            db.Occasions.Add(o);
            try
            {
                await db.SaveChangesAsync(ct);
                stored++;
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation())
            {
                db.Entry(o).State = EntityState.Detached;
            }
        }
        return stored;
    }

    private static string? Label(string? tag) =>
        string.IsNullOrWhiteSpace(tag) ? null : tag.Trim() is var t && t.Length > OccasionLimits.Label ? t[..OccasionLimits.Label] : tag.Trim();
}
