using Microsoft.EntityFrameworkCore;
using Rapport.Core.Audit;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Customers;
using Rapport.Core.Data;
using Rapport.Core.Delivery;

namespace Rapport.Core.Sales;

/// <summary>Opens a deal with a customer on the current version of a playbook, in its first stage.</summary>
public static class CreateDeal
{
    public const int MaxListItems = 20;

    /// <param name="OwnerId">The salesperson who owns it; the one creating it when left out.</param>
    public sealed record Command(
        Guid? CustomerId, string? Name, Guid? PlaybookId, Guid? OwnerId, decimal? Amount, DateOnly? ExpectedCloseOn,
        IReadOnlyList<string>? ProductLines, IReadOnlyList<string>? Competitors);

    public static async Task<Result<DealView>> HandleAsync(RapportDb db, Actor actor, Command c, TimeProvider time, CancellationToken ct)
    {
        if (!actor.Role.WorksDeals()) return Failure.Forbidden($"The {actor.Role.Label()} role does not run deals.");
        var v = new Validator();
        if (c.CustomerId is null) v.Add("customerId", "Say which customer the deal is with.");
        v.Required("name", c.Name, SalesLimits.Name);
        if (c.PlaybookId is null) v.Add("playbookId", "Say which playbook the deal runs on.");
        DealRules.Money(v, c.Amount, c.ExpectedCloseOn);
        DealRules.List(v, "productLines", c.ProductLines);
        DealRules.List(v, "competitors", c.Competitors);
        if (!v.IsValid) return v.ToFailure();

        var customer = await db.VisibleTo(actor).FirstOrDefaultAsync(x => x.Id == c.CustomerId, ct);
        if (customer is null) return Failure.Invalid("customerId", "No such customer.");
        var playbook = await db.Playbooks.FirstOrDefaultAsync(p => p.Id == c.PlaybookId, ct);
        if (playbook is null) return Failure.Invalid("playbookId", "No such playbook.");
        var ownerId = c.OwnerId ?? actor.StaffId;
        if (!await DealRules.IsSellerAsync(db, ownerId, ct)) return Failure.Invalid("ownerId", "Not an owner, manager or salesperson of this business.");

        var version = await db.PlaybookVersions.AsNoTracking().FirstAsync(x => x.Id == playbook.CurrentVersionId, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var today = BusinessClock.Today(now, await db.TimeZoneAsync(ct));
        var deal = new Deal
        {
            BusinessId = db.CurrentBusinessId, CustomerId = customer.Id, Name = c.Name!.Trim(), PlaybookId = playbook.Id, PlaybookVersionId = version.Id,
            Stage = version.Stages[0].Name, StageEnteredAt = now, OwnerId = ownerId, Amount = c.Amount, ExpectedCloseOn = c.ExpectedCloseOn,
            ProductLines = DealRules.Clean(c.ProductLines), Competitors = DealRules.Clean(c.Competitors), CreatedAt = now, UpdatedAt = now,
        };
        PromiseClock.EnterStage(deal, version.Definition, deal.Stage, actor.StaffId, now, today);
        db.Deals.Add(deal);
        db.Audit(actor, nameof(Deal), deal.Id, "created", null, DealRules.Snapshot(deal));
        customer.NoteActivity(now);
        await db.SaveChangesAsync(ct);
        return await GetDeal.ViewAsync(db, deal, time, ct);
    }
}

/// <summary>Checks shared by opening and editing a deal.</summary>
internal static class DealRules
{
    public static void Money(Validator v, decimal? amount, DateOnly? expectedClose)
    {
        v.Range("amount", amount, 0m, 1_000_000_000m);
        if (expectedClose is { Year: < 2000 or > 2100 }) v.Add("expectedCloseOn", "A date between 2000 and 2100.");
    }

    public static void List(Validator v, string field, IReadOnlyList<string>? items)
    {
        if (items is null) return;
        if (items.Count > CreateDeal.MaxListItems) v.Add(field, $"At most {CreateDeal.MaxListItems}.");
        foreach (var item in items)
        {
            if (item is null) { v.Add(field, "Empty entries are not allowed."); continue; }
            v.MaxLength(field, item, SalesLimits.Short);
        }
    }

    public static List<string> Clean(IReadOnlyList<string>? items) =>
        (items ?? []).Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    public static Task<bool> IsSellerAsync(RapportDb db, Guid staffId, CancellationToken ct) =>
        db.Staff.AnyAsync(s => s.Id == staffId && s.BusinessId == db.CurrentBusinessId
            && (s.Role == StaffRole.Owner || s.Role == StaffRole.Manager || s.Role == StaffRole.Sales), ct);

    /// <summary>What an audit row keeps of a deal.</summary>
    public static object Snapshot(Deal d) => new
    {
        d.Name, d.CustomerId, d.PlaybookId, d.PlaybookVersionId, d.Stage, d.StageEnteredAt, d.OwnerId, d.Amount, d.ExpectedCloseOn,
        d.ProductLines, d.Competitors,
    };
}
