using Rapport.Core.Audit;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Data;

namespace Rapport.Core.Sales;

/// <summary>Changes a deal's name, owner, amount, expected close, product lines or competitors; the stage moves only through <see cref="AdvanceDeal"/>.</summary>
public static class UpdateDeal
{
    /// <summary>Fields left out stay as they are.</summary>
    public sealed record Command(
        string? Name, Guid? OwnerId, decimal? Amount, DateOnly? ExpectedCloseOn, IReadOnlyList<string>? ProductLines, IReadOnlyList<string>? Competitors);

    public static async Task<Result<DealView>> HandleAsync(RapportDb db, Actor actor, Guid id, Command c, TimeProvider time, CancellationToken ct)
    {
        var found = await db.FindWorkableDealAsync(actor, id, ct);
        if (!found.Succeeded) return found.Failure;
        var deal = found.Value;
        var v = new Validator();
        if (c.Name is not null) v.Required("name", c.Name, SalesLimits.Name);
        DealRules.Money(v, c.Amount, c.ExpectedCloseOn);
        DealRules.List(v, "productLines", c.ProductLines);
        DealRules.List(v, "competitors", c.Competitors);
        if (!v.IsValid) return v.ToFailure();
        if (c.OwnerId is { } owner && owner != deal.OwnerId && !await DealRules.IsSellerAsync(db, owner, ct))
            return Failure.Invalid("ownerId", "Not an owner, manager or salesperson of this business.");

        var before = DealRules.Snapshot(deal);
        if (c.Name is not null) deal.Name = c.Name.Trim();
        if (c.OwnerId is { } newOwner) deal.OwnerId = newOwner;
        if (c.Amount is { } amount) deal.Amount = amount;
        if (c.ExpectedCloseOn is { } close) deal.ExpectedCloseOn = close;
        if (c.ProductLines is not null) deal.ProductLines = DealRules.Clean(c.ProductLines);
        if (c.Competitors is not null) deal.Competitors = DealRules.Clean(c.Competitors);
        deal.Touch(time.GetUtcNow().UtcDateTime);
        db.Audit(actor, nameof(Deal), deal.Id, "updated", before, DealRules.Snapshot(deal));
        var saved = await DealSaving.SaveAsync(db, ct);
        if (!saved.Succeeded) return saved.Failure;
        return await GetDeal.ViewAsync(db, deal, time, ct);
    }
}

/// <summary>Saving a deal that someone else may have changed meanwhile.</summary>
internal static class DealSaving
{
    public static async Task<Result<bool>> SaveAsync(RapportDb db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException)
        {
            return Failure.Conflict("Someone else changed this deal at the same moment: reload it and try again.");
        }
    }
}
