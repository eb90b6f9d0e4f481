using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Customers;
using Rapport.Core.Data;

namespace Rapport.Core.Orders;

/// <summary>
/// Orders newest first (by order number), filtered by customer, fulfilment date, status and a search (the order's
/// number or part of the customer's name), a page at a time. Delivery staff get the orders of their own stops only.
/// </summary>
public static class SearchOrders
{
    public const int DefaultLimit = 25;
    public const int MaxLimit = 100;

    public const int MaxSearch = 200;

    /// <param name="Search">An order number ("1042" or "#1042") or part of the customer's name.</param>
    public sealed record Query(Guid? CustomerId, DateOnly? Date, string? Status, string? Search, int? Limit, string? After);

    public static async Task<Result<Page<OrderSummary>>> HandleAsync(RapportDb db, Actor actor, Query query, CancellationToken ct)
    {
        var v = new Validator();
        var limit = query.Limit ?? DefaultLimit;
        if (limit is < 1 or > MaxLimit) v.Add("limit", $"Must be between 1 and {MaxLimit}.");
        OrderStatus? status = null;
        if (query.Status is not null)
        {
            if (OrderLifecycle.TryParse(query.Status, out var parsed)) status = parsed;
            else v.Add("status", "One of placed, confirmed, inProduction, outForDelivery, delivered, failed, cancelled.");
        }
        long? afterNumber = null;
        if (!Cursor.TryDecode(query.After, out var after)
            || (after is { } a && !long.TryParse(a.Key, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            v.Add("after", "Not a cursor returned by this list.");
        else if (after is { } c) afterNumber = long.Parse(c.Key, CultureInfo.InvariantCulture);
        v.MaxLength("q", query.Search, MaxSearch);
        if (!v.IsValid) return v.ToFailure();

        var orders = db.VisibleOrders(actor).AsNoTracking();
        if (query.CustomerId is { } customerId) orders = orders.Where(o => o.CustomerId == customerId);
        if (query.Date is { } date) orders = orders.Where(o => o.FulfilmentDate == date);
        if (status is { } s) orders = orders.Where(o => o.Status == s);
        if (!string.IsNullOrWhiteSpace(query.Search)) orders = Matching(db, orders, query.Search.Trim());
        // Numbers are unique in a business, so the number alone is the position; the (business, number) index serves it.
        if (afterNumber is { } n) orders = orders.Where(o => o.Number < n);

        var rows = await orders
            .OrderByDescending(o => o.Number)
            .Take(limit + 1)
            .Select(o => new
            {
                o.Id, o.Number, o.CustomerId, o.RecipientName, o.Status, o.Fulfilment, o.FulfilmentDate, o.Promise, o.Total,
                o.PlacedAt, o.DeliveredAt, o.PromisedBy,
                CustomerName = db.Customers.Where(cu => cu.Id == o.CustomerId).Select(cu => cu.Name).FirstOrDefault(),
            })
            .ToListAsync(ct);

        var items = rows.Take(limit)
            .Select(r => new OrderSummary(r.Id, r.Number, r.CustomerId, r.CustomerName, r.RecipientName, r.Status, r.Fulfilment,
                r.FulfilmentDate, r.Promise, r.Total, r.PlacedAt, r.DeliveredAt is { } at && r.PromisedBy is { } by ? at <= by : null))
            .ToList();
        var next = rows.Count > limit
            ? new Cursor(rows[limit - 1].Number.ToString(CultureInfo.InvariantCulture), rows[limit - 1].Id).Encode()
            : null;
        return new Page<OrderSummary>(items, next);
    }

    // A number is read out on the phone, so digits mean the order number; anything else is part of a customer's name,
    // folded as the customer search folds it.
    private static IQueryable<Order> Matching(RapportDb db, IQueryable<Order> orders, string text)
    {
        var digits = text.TrimStart('#').Trim();
        if (digits.Length > 0 && digits.All(char.IsAsciiDigit))
            return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                ? orders.Where(o => o.Number == number)
                : orders.Where(_ => false);
        var pattern = "%" + SearchText.EscapeLike(SearchText.Normalize(text)) + "%";
        var customers = db.Customers.Where(c => EF.Functions.Like(c.SearchName, pattern, "\\")).Select(c => c.Id);
        return orders.Where(o => customers.Contains(o.CustomerId));
    }
}
