using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Common;
using Rapport.Core.Data;
using Rapport.Core.Orders;
using Rapport.Core.Shop;

namespace Rapport.Core.Occasions;

/// <summary>
/// The reminder's link opens the order already filled in: recipient, address, budget, card on file and the
/// earliest promisable delivery for the occasion's day. One confirmation places it, through the same
/// <see cref="PlaceShopOrder"/> as any shop order, so capacity is obeyed like anywhere else.
/// </summary>
public static class ReorderByLink
{
    public sealed record Offer(
        Guid LinkId, Guid CustomerId, string CustomerName, string Occasion, DateOnly Date, Guid? RecipientId, string RecipientName,
        Guid? ItemId, string? ItemName, decimal? Budget, Guid? CardId, string? Card, ShopOrderOptions.Answer? Options, long? PlacedOrderNumber);

    /// <param name="signedIn">The shop customer signed in on this browser, if any: a link works only for its own customer.</param>
    public static async Task<Result<Offer>> OpenAsync(RapportDb db, string? token, Guid? signedIn, TimeProvider time, CancellationToken ct)
    {
        var link = await FindAsync(db, token, ct);
        if (link is null) return Failure.NotFound("Reorder link");
        if (signedIn is { } other && other != link.CustomerId)
            return Failure.Forbidden("This link was sent to another customer. Sign out to use it, or order from the shop.");
        var now = time.GetUtcNow().UtcDateTime;
        if (link.UsedAt is not null)
        {
            var number = await db.Orders.Where(o => o.Id == link.OrderId).Select(o => (long?)o.Number).FirstOrDefaultAsync(ct);
            return await DescribeAsync(db, link, null, number, UtcToday(now), ct);
        }
        if (link.ExpiresAt <= now) return Failure.Conflict("This link has expired: the occasion has passed. You can still order from the shop.");

        var who = await WhoAsync(db, link, ct);
        var options = await ShopOrderOptions.HandleAsync(db, who, new(await RecipientOfAsync(db, link, ct), link.OccasionDate), time, ct);
        return await DescribeAsync(db, link, options.Succeeded ? options.Value : null, null, UtcToday(now), ct);
    }

    /// <summary>Places the order; the link is spent only when the order is placed.</summary>
    public static async Task<Result<PlaceOrder.Placed>> PlaceAsync(
        RapportDb db, string? token, Guid? signedIn, PlaceOrder.FulfilmentInput? choice, string? cardMessage, OrderDesk desk, TimeProvider time, CancellationToken ct)
    {
        var opened = await OpenAsync(db, token, signedIn, time, ct);
        if (!opened.Succeeded) return opened.Failure;
        var offer = opened.Value;
        if (offer.PlacedOrderNumber is not null) return Failure.Conflict($"This link has been used: order {offer.PlacedOrderNumber} is placed.");
        var link = (await FindAsync(db, token, ct))!;
        // The earliest promisable option is the one filled in.
        if (choice is null && offer.Options?.Options is [var first, ..])
            choice = new PlaceOrder.FulfilmentInput(first.Kind, first.WindowId, first.PartnerId, first.LocationId, first.Date);

        // Claimed by one conditional statement: of two clicks at once, one places the order.
        var now = time.GetUtcNow().UtcDateTime;
        var claimed = await db.ReorderLinks.Where(l => l.Id == link.Id && l.UsedAt == null && l.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.UsedAt, now), ct);
        if (claimed == 0) return Failure.Conflict("This link has just been used.");

        var who = await WhoAsync(db, link, ct);
        var placed = await PlaceShopOrder.HandleAsync(db, who, $"reorder-{link.Id:N}",
            new(offer.ItemId, 1, offer.Budget, offer.RecipientId, offer.Occasion, choice, offer.CardId, cardMessage), desk, time, ct);
        if (placed.Succeeded)
            await db.ReorderLinks.Where(l => l.Id == link.Id).ExecuteUpdateAsync(s => s.SetProperty(l => l.OrderId, placed.Value.Id), ct);
        else // Full, or a card that expired: the link stays usable for another choice.
            await db.ReorderLinks.Where(l => l.Id == link.Id).ExecuteUpdateAsync(s => s.SetProperty(l => l.UsedAt, (DateTime?)null), ct);
        return placed;
    }

    private static DateOnly UtcToday(DateTime now) => DateOnly.FromDateTime(now);

    private static Task<ReorderLink?> FindAsync(RapportDb db, string? token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100) return Task.FromResult<ReorderLink?>(null);
        var hash = ReorderLink.Hash(token);
        return db.ReorderLinks.AsNoTracking().FirstOrDefaultAsync(l => l.TokenHash == hash, ct);
    }

    /// <summary>The link stands in for the shop account: its id keys the order's idempotency.</summary>
    private static async Task<ShopCustomer> WhoAsync(RapportDb db, ReorderLink link, CancellationToken ct)
    {
        var customer = await db.Customers.Include(c => c.ContactPoints).AsNoTracking().FirstAsync(c => c.Id == link.CustomerId, ct);
        return new ShopCustomer(link.BusinessId, link.Id, customer.Id, customer.Name, customer.PrimaryEmail?.Value ?? "");
    }

    private static async Task<Guid?> RecipientOfAsync(RapportDb db, ReorderLink link, CancellationToken ct) =>
        await db.Occasions.Where(o => o.Id == link.OccasionId).Select(o => o.RecipientId).FirstOrDefaultAsync(ct);

    private static async Task<Offer> DescribeAsync(RapportDb db, ReorderLink link, ShopOrderOptions.Answer? options, long? placed, DateOnly today, CancellationToken ct)
    {
        var occasion = await db.Occasions.AsNoTracking().FirstAsync(o => o.Id == link.OccasionId, ct);
        var customer = await db.Customers.AsNoTracking().FirstAsync(c => c.Id == link.CustomerId, ct);
        var recipient = occasion.RecipientId is { } rid ? await db.Recipients.AsNoTracking().FirstOrDefaultAsync(r => r.Id == rid, ct) : null;

        // The budget: the occasion's usual one, else what was spent on this recipient last time.
        var last = await db.Orders.AsNoTracking().Where(o => o.CustomerId == customer.Id && o.RecipientId == occasion.RecipientId)
            .OrderByDescending(o => o.PlacedAt).Select(o => new { o.Subtotal }).FirstOrDefaultAsync(ct);
        var budget = occasion.UsualBudget ?? customer.Preferences?.StandingBudget ?? last?.Subtotal;
        var items = await ShopCatalogue.ItemsAsync(db, ct);
        var item = items.Where(i => i.IsDesignersChoice && (budget is null || (i.MinimumBudget ?? 0) <= budget))
            .OrderByDescending(i => i.MinimumBudget).FirstOrDefault();
        budget ??= item?.MinimumBudget;
        var card = await db.PaymentMethods.AsNoTracking().Where(p => p.CustomerId == customer.Id)
            .OrderByDescending(p => p.ExpYear).ThenByDescending(p => p.ExpMonth).FirstOrDefaultAsync(ct);
        // Checked today, not when the link was made: a card may have expired since the reminder went.
        if (card is not null && !OrderDraft.IsValid(card, today)) card = null;

        return new Offer(link.Id, customer.Id, customer.Name, Occasion.Name(occasion.Type, occasion.Label), link.OccasionDate,
            occasion.RecipientId, recipient?.Name ?? customer.Name, item?.Id, item?.Name, budget, card?.Id,
            card is null ? null : $"{card.Brand} ending {card.Last4}", options, placed);
    }
}
