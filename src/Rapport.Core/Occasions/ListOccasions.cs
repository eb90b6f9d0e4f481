using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Customers;
using Rapport.Core.Data;
using Rapport.Core.Delivery;
using Rapport.Core.Shop;

namespace Rapport.Core.Occasions;

/// <summary>A customer's occasions: confirmed, proposed (with confidence and the orders behind them) and dismissed.</summary>
public static class ListOccasions
{
    public static async Task<Result<List<OccasionView>>> ForStaffAsync(RapportDb db, Actor actor, Guid customerId, TimeProvider time, CancellationToken ct)
    {
        if (!await db.VisibleTo(actor).AnyAsync(c => c.Id == customerId, ct)) return Failure.NotFound("Customer");
        var occasions = db.Occasions.AsNoTracking().Where(o => o.CustomerId == customerId);
        // Drivers see only the recipients of their own stops.
        if (await db.VisibleRecipientsAsync(actor, customerId, ct) is { } visible)
            occasions = occasions.Where(o => o.RecipientId != null && visible.Contains(o.RecipientId.Value));
        return await ViewsAsync(db, occasions, time, ct);
    }

    public static Task<List<OccasionView>> ForShopAsync(RapportDb db, ShopCustomer who, TimeProvider time, CancellationToken ct) =>
        ViewsAsync(db, db.Occasions.AsNoTracking().Where(o => o.CustomerId == who.CustomerId), time, ct);

    /// <summary>One occasion, if the editor may see it.</summary>
    public static async Task<Result<OccasionView>> FindAsync(RapportDb db, OccasionEditor editor, Guid id, TimeProvider time, CancellationToken ct)
    {
        var views = await ViewsAsync(db, editor.Occasions(db).AsNoTracking().Where(o => o.Id == id), time, ct);
        return views.Count == 0 ? Failure.NotFound("Occasion") : views[0];
    }

    private static async Task<List<OccasionView>> ViewsAsync(RapportDb db, IQueryable<Occasion> occasions, TimeProvider time, CancellationToken ct)
    {
        var today = BusinessClock.Today(time.GetUtcNow().UtcDateTime, await db.TimeZoneAsync(ct));
        return (await db.ToViewsAsync(await occasions.ToListAsync(ct), today, ct)).InOrder();
    }
}
