using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Data;
using Rapport.Core.Delivery;
using Rapport.Core.Notifications;
using Rapport.Core.Reports;
using Rapport.Core.Sales;
using Rapport.Core.Touches;

namespace Rapport.Core.Touches;

/// <summary>
/// One touch rule in a period: how many deals or orders (and customers) it applied to, and how many actually received
/// it — the task ticked off, or the e-mail sent. <see cref="Share"/> is received over applied; <see cref="CustomerShare"/>
/// the same per customer (a customer counts as reached when any of their deals or orders received it). A playbook's
/// rule names its <see cref="Playbook"/> and <see cref="Stage"/>; a rule of the business names its <see cref="Trigger"/>,
/// e.g. "Every order".
/// </summary>
public sealed record TouchRuleFigures(
    Guid TouchId, string Rule, TouchAction Action, string? Playbook, string? Stage, string? Trigger,
    int Applied, int Received, int Customers, int CustomersReached)
{
    public double Share => Applied == 0 ? 0 : Math.Round((double)Received / Applied, 4);
    public double CustomerShare => Customers == 0 ? 0 : Math.Round((double)CustomersReached / Customers, 4);
}

public sealed record TouchesAnswer(DateOnly From, DateOnly To, int Applied, int Received, IReadOnlyList<TouchRuleFigures> Rules)
{
    public double Share => Applied == 0 ? 0 : Math.Round((double)Received / Applied, 4);
}

/// <summary>
/// The consistency report of the touch rules, of playbook stages and of the business itself: per rule, of the touches
/// given in the period (the day the task was made or the e-mail queued), the share actually received. Rules of current
/// playbook versions and active business rules show even when nothing applied.
/// </summary>
public static class TouchesReport
{
    public static async Task<Result<TouchesAnswer>> HandleAsync(RapportDb db, Actor actor, DateOnly? from, DateOnly? to, TimeProvider time, CancellationToken ct)
    {
        var period = await ReportPeriod.ReadAsync(db, actor, from, to, time, ct);
        if (!period.Succeeded) return period.Failure;
        var (first, last) = (period.Value.From, period.Value.To);
        var zone = await db.TimeZoneAsync(ct);
        var start = BusinessClock.ToUtc(first, TimeOnly.MinValue, zone);
        var end = BusinessClock.ToUtc(last.AddDays(1), TimeOnly.MinValue, zone);

        var tasks = await db.StaffTasks.AsNoTracking()
            .Where(t => t.Source == StageTouches.Source && t.CreatedAt >= start && t.CreatedAt < end && t.SourceKey != null)
            .Select(t => new { Key = t.SourceKey!, t.CustomerId, Received = t.DoneAt != null })
            .ToListAsync(ct);
        var mails = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.DedupeKey.StartsWith(StageTouches.KeyPrefix) && m.CreatedAt >= start && m.CreatedAt < end)
            .Select(m => new { Key = m.DedupeKey, m.CustomerId, Received = m.Status == OutboxStatus.Sent })
            .ToListAsync(ct);
        var given = tasks.Select(t => (t.Key, t.CustomerId, t.Received)).Concat(mails.Select(m => (m.Key, m.CustomerId, m.Received)))
            .Select(g => (Touch: StageTouches.TouchOf(g.Key), g.CustomerId, g.Received))
            .Where(g => g.Touch is not null)
            .ToList();

        var rules = await RulesAsync(db, ct);
        var figures = given.GroupBy(g => g.Touch!.Value).Select(g =>
        {
            var rule = rules.GetValueOrDefault(g.Key);
            var customers = g.Where(x => x.CustomerId != null).GroupBy(x => x.CustomerId).ToList();
            return new TouchRuleFigures(g.Key, rule?.Title ?? "Removed rule", rule?.Action ?? TouchAction.Task, rule?.Playbook, rule?.Stage,
                rule?.Trigger, g.Count(), g.Count(x => x.Received), customers.Count, customers.Count(c => c.Any(x => x.Received)));
        }).ToList();
        // A current rule that applied to nobody is a finding too: show it with nothing given.
        figures.AddRange(rules.Values.Where(r => r.Current && figures.All(f => f.TouchId != r.Id))
            .Select(r => new TouchRuleFigures(r.Id, r.Title, r.Action, r.Playbook, r.Stage, r.Trigger, 0, 0, 0, 0)));
        var ordered = figures.OrderBy(f => f.Playbook ?? "\uffff").ThenBy(f => f.Stage).ThenBy(f => f.Rule).ToList();
        return new TouchesAnswer(first, last, ordered.Sum(f => f.Applied), ordered.Sum(f => f.Received), ordered);
    }

    private sealed record Rule(Guid Id, string Title, TouchAction Action, string? Playbook, string? Stage, string? Trigger, bool Current);

    // Every touch rule any playbook version ever had (a later version's wording wins, since revisions keep a rule's id),
    // and the business's own rules, stopped ones too: what they gave still counts.
    private static async Task<Dictionary<Guid, Rule>> RulesAsync(RapportDb db, CancellationToken ct)
    {
        var playbooks = await db.Playbooks.AsNoTracking().ToDictionaryAsync(p => p.Id, ct);
        var versions = await db.PlaybookVersions.AsNoTracking().OrderBy(v => v.Number).ToListAsync(ct);
        var rules = new Dictionary<Guid, Rule>();
        foreach (var version in versions)
        {
            if (!playbooks.TryGetValue(version.PlaybookId, out var playbook)) continue;
            var current = playbook.CurrentVersionId == version.Id;
            foreach (var stage in version.Stages)
                foreach (var touch in stage.Touches)
                    rules[touch.Id] = new Rule(touch.Id, touch.Title, touch.Action, playbook.Name, stage.Name, null, current || (rules.GetValueOrDefault(touch.Id)?.Current ?? false));
        }
        foreach (var rule in await db.BusinessTouchRules.AsNoTracking().ToListAsync(ct))
            rules[rule.Id] = new Rule(rule.Id, rule.Title, rule.Action, null, null, OrderTouches.Describe(rule.Trigger, rule.Audience), rule.Active);
        return rules;
    }
}
