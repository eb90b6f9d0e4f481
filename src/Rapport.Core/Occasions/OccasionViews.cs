using Microsoft.EntityFrameworkCore;
using Rapport.Core.Data;
using Rapport.Core.Orders;

namespace Rapport.Core.Occasions;

/// <summary>An order an inferred occasion rests on.</summary>
public sealed record EvidenceOrder(Guid Id, long Number, DateOnly Date, string? Occasion, decimal Total);

/// <summary>An occasion as staff and the customer see it.</summary>
/// <param name="Rule">A moving date in words ("second Sunday of May"); null for a fixed month and day.</param>
/// <param name="When">The date in words either way: "February 14", "second Sunday of May".</param>
public sealed record OccasionView(
    Guid Id, Guid CustomerId, OccasionType Type, string Name, string? Label, Guid? RecipientId, string? RecipientName,
    string? Rule, int? Month, int? Day, string When, DateOnly NextDate, decimal? UsualBudget,
    OccasionSource Source, OccasionStatus Status, double? Confidence, IReadOnlyList<EvidenceOrder> Evidence,
    DateTime CreatedAt, string CreatedBy, DateTime? DecidedAt, string? DecidedBy);

public static class OccasionViews
{
    /// <summary>Views of occasions with their recipients' names and the orders they rest on, in one round trip each.</summary>
    public static async Task<List<OccasionView>> ToViewsAsync(this RapportDb db, IReadOnlyList<Occasion> occasions, DateOnly today, CancellationToken ct)
    {
        var recipientIds = occasions.Where(o => o.RecipientId is not null).Select(o => o.RecipientId!.Value).Distinct().ToList();
        var names = recipientIds.Count == 0 ? [] : await db.Recipients.AsNoTracking().Where(r => recipientIds.Contains(r.Id))
            .ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        var orderIds = occasions.SelectMany(o => o.Evidence).Distinct().ToList();
        var orders = orderIds.Count == 0 ? [] : await db.Orders.AsNoTracking().Where(o => orderIds.Contains(o.Id))
            .Select(o => new EvidenceOrder(o.Id, o.Number, o.FulfilmentDate, o.Occasion, o.Total)).ToDictionaryAsync(o => o.Id, ct);
        return occasions.Select(o => View(o, o.RecipientId is { } r ? names.GetValueOrDefault(r) : null,
            o.Evidence.Where(orders.ContainsKey).Select(id => orders[id]).OrderByDescending(e => e.Date).ToList(), today)).ToList();
    }

    public static OccasionView View(Occasion o, string? recipientName, IReadOnlyList<EvidenceOrder> evidence, DateOnly today)
    {
        var rule = o.Rule;
        var fixedDay = rule.Kind == DateRuleKind.Fixed;
        return new OccasionView(o.Id, o.CustomerId, o.Type, Occasion.Name(o.Type, o.Label), o.Label, o.RecipientId, recipientName,
            fixedDay ? null : rule.ToString(), fixedDay ? rule.Month : null, fixedDay ? rule.Day : null, rule.ToString(), rule.NextDate(today),
            o.UsualBudget, o.Source, o.Status, o.Confidence, evidence, o.CreatedAt, o.CreatedBy, o.DecidedAt, o.DecidedBy);
    }

    /// <summary>Confirmed first, then proposals by confidence, then dismissed; within each the nearest date first.</summary>
    public static List<OccasionView> InOrder(this IEnumerable<OccasionView> views) =>
        views.OrderBy(v => v.Status switch { OccasionStatus.Confirmed => 0, OccasionStatus.Proposed => 1, _ => 2 })
            .ThenByDescending(v => v.Status == OccasionStatus.Proposed ? v.Confidence ?? 0 : 0)
            .ThenBy(v => v.NextDate).ThenBy(v => v.Id).ToList();

    /// <summary>Orders that stand for an occasion: placed and not cancelled.</summary>
    internal static IQueryable<Order> Counting(this IQueryable<Order> orders) => orders.Where(o => o.Status != OrderStatus.Cancelled);
}
