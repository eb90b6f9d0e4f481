using Microsoft.EntityFrameworkCore;
using Rapport.Core.Common;
using Rapport.Core.Data;
using Rapport.Core.Orders;

namespace Rapport.Core.Shop;

/// <summary>A shop customer's own orders with their status and promise; nobody else's is found.</summary>
public static class MyOrders
{
    /// <summary>The most recent orders the list shows.</summary>
    public const int Limit = 100;

    public sealed record Summary(
        Guid Id, long Number, DateTime PlacedAt, DateOnly Date, OrderStatus Status, string Promise, string? RecipientName, string What, decimal Total);

    /// <param name="ByBudget">The designer's-choice line, priced by the customer's budget.</param>
    public sealed record Line(string Description, int Quantity, decimal UnitPrice, decimal Total, bool ByBudget = false);

    /// <summary>A step of the order and when, without who took it or the notes staff wrote with it.</summary>
    public sealed record Step(OrderStatus Status, DateTime At);

    public sealed record Details(
        Guid Id, long Number, DateTime PlacedAt, DateOnly Date, OrderStatus Status, string Promise, FulfilmentKind Fulfilment,
        string? RecipientName, string? Address, string? Occasion, string? CardMessage, decimal? Budget, IReadOnlyList<Line> Lines,
        decimal Subtotal, decimal DeliveryFee, decimal Total, string? Card, string? FailureReason, IReadOnlyList<Step> History);

    public static async Task<IReadOnlyList<Summary>> ListAsync(RapportDb db, ShopCustomer who, CancellationToken ct)
    {
        var orders = await db.Orders.AsNoTracking().Include(o => o.Lines)
            .Where(o => o.CustomerId == who.CustomerId)
            .OrderByDescending(o => o.PlacedAt).ThenByDescending(o => o.Number).Take(Limit)
            .ToListAsync(ct);
        return orders.Select(o => new Summary(o.Id, o.Number, o.PlacedAt, o.FulfilmentDate, o.Status, o.Promise, o.RecipientName, What(o), o.Total))
            .ToList();
    }

    public static async Task<Result<Details>> GetAsync(RapportDb db, ShopCustomer who, Guid id, CancellationToken ct)
    {
        var o = await db.Orders.AsNoTracking().Include(x => x.Lines).Include(x => x.History).AsSplitQuery()
            .FirstOrDefaultAsync(x => x.Id == id && x.CustomerId == who.CustomerId, ct);
        if (o is null) return Failure.NotFound("Order");
        var card = o.PaymentMethodId is { } cardId
            ? await db.PaymentMethods.AsNoTracking().Where(p => p.Id == cardId).Select(p => p.Brand + " ending " + p.Last4).FirstOrDefaultAsync(ct)
            : null;
        return new Details(
            o.Id, o.Number, o.PlacedAt, o.FulfilmentDate, o.Status, o.Promise, o.Fulfilment,
            o.RecipientName, o.DeliveryAddress?.ToString(), o.Occasion, o.CardMessage, o.Budget,
            (await InOrderAsync(db, o, ct)).Select(x => new Line(x.Line.Description, x.Line.Quantity, x.Line.UnitPrice, x.Line.Total, x.ByBudget)).ToList(),
            o.Subtotal, o.DeliveryFee, o.Total, card, o.FailureReason,
            o.History.OrderBy(h => h.At).ThenBy(h => h.Id).Select(h => new Step(h.Status, h.At)).ToList());
    }

    /// <summary>
    /// An order's lines as the customer reads them: the designer's-choice line (priced by the budget) first, then the
    /// others as they were added.
    /// </summary>
    public static async Task<IReadOnlyList<(OrderLine Line, bool ByBudget)>> InOrderAsync(RapportDb db, Order o, CancellationToken ct)
    {
        var ids = o.Lines.Where(l => l.ProductId is not null).Select(l => l.ProductId!.Value).ToList();
        var byBudget = o.Budget is null ? [] : await db.Products.AsNoTracking().Where(p => p.IsDesignersChoice && ids.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
        bool ByBudget(OrderLine l) => o.Budget is not null && l.Quantity == 1 && l.UnitPrice == o.Budget && (l.ProductId is null || byBudget.Contains(l.ProductId.Value));
        return o.Lines.Select(l => (Line: l, ByBudget: ByBudget(l))).OrderByDescending(x => x.ByBudget).ThenBy(x => x.Line.Id).ToList();
    }

    /// <summary>"Designer's choice bouquet", "2 × Red roses", or a basket: "Designer's choice bouquet, 1 × Glass Vase".</summary>
    private static string What(Order o) =>
        string.Join(", ", o.Lines.OrderBy(l => l.Id).Select(l => o.Budget is not null && l.Quantity == 1 && l.UnitPrice == o.Budget ? l.Description : $"{l.Quantity} × {l.Description}")
            .DefaultIfEmpty("Designer's choice"));
}
