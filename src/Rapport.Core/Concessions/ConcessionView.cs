using Microsoft.EntityFrameworkCore;
using Rapport.Core.Data;

namespace Rapport.Core.Concessions;

/// <summary>A concession as the API and the pages show it, with the names of what it points at.</summary>
public sealed record ConcessionView(
    Guid Id, Guid CustomerId, string CustomerName, ConcessionKind Kind, decimal ListValue, string Currency,
    Guid? OrderId, long? OrderNumber, Guid? DealId, string? DealName, Guid GrantedById, string GrantedByName, string Reason,
    DateTime GrantedAt, ConcessionStatus Status, Guid? DecidedById, string? DecidedByName, DateTime? DecidedAt, string? RefusalReason)
{
    /// <summary>Views of the concessions in the order given, reading the names they need in a few queries.</summary>
    internal static async Task<List<ConcessionView>> OfAsync(RapportDb db, IReadOnlyList<Concession> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return [];
        var currency = await db.Businesses.AsNoTracking().Where(b => b.Id == db.CurrentBusinessId).Select(b => b.Currency).FirstAsync(ct);
        var customerIds = rows.Select(r => r.CustomerId).Distinct().ToList();
        // Deleted customers keep their ledger: their names are read past the filter that hides them from lists.
        var names = await db.Customers.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.BusinessId == db.CurrentBusinessId && customerIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var orderIds = rows.Where(r => r.OrderId != null).Select(r => r.OrderId!.Value).Distinct().ToList();
        var orders = orderIds.Count == 0 ? [] : await db.Orders.AsNoTracking().Where(o => orderIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Number, ct);
        var dealIds = rows.Where(r => r.DealId != null).Select(r => r.DealId!.Value).Distinct().ToList();
        var deals = dealIds.Count == 0 ? [] : await db.Deals.AsNoTracking().Where(d => dealIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        return [.. rows.Select(c => new ConcessionView(c.Id, c.CustomerId, names.GetValueOrDefault(c.CustomerId) ?? "", c.Kind,
            Common.Amounts.Cents(c.ListValue), currency, c.OrderId, c.OrderId is { } o && orders.TryGetValue(o, out var n) ? n : null,
            c.DealId, c.DealId is { } d ? deals.GetValueOrDefault(d) : null, c.GrantedById, c.GrantedByName, c.Reason, c.GrantedAt,
            c.Status, c.DecidedById, c.DecidedByName, c.DecidedAt, c.RefusalReason))];
    }

    internal static async Task<ConcessionView> OfAsync(RapportDb db, Concession row, CancellationToken ct) => (await OfAsync(db, [row], ct))[0];
}
