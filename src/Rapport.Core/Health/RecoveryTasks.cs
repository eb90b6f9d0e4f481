using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Data;
using Rapport.Core.Orders;
using Rapport.Core.Tasks;
using Rapport.Core.Timeline;

namespace Rapport.Core.Health;

/// <summary>
/// Turns events that put a relationship at risk (a negative contact, a failed or late delivery, a loyal customer turned
/// away, a competitor mentioned, a drop into "at risk") into one recovery task each for the customer's account owner,
/// with the reason, the evidence and a suggested opening. Keyed by the event, so two processes make it once.
/// </summary>
public static class RecoveryTasks
{
    public const string Source = "recovery";
    public const string EscalationSource = "recovery-escalation";
    /// <summary>Events older than this make no task: the nightly run catches up on a day's downtime, not on history.</summary>
    public static readonly TimeSpan Lookback = TimeSpan.FromDays(2);

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    public sealed record Candidate(string Key, string Trigger, string Reason, string Opening, Guid? OrderId);

    public static async Task<int> ForChangesAsync(RapportDb db, IReadOnlyList<RecomputeHealth.Change> changes, DateTime now, CancellationToken ct)
    {
        if (changes.Count == 0) return 0;
        var settings = await HealthData.SettingsAsync(db, ct);
        var eligible = changes.Where(c => (!settings.LoyalOnly || c.Loyal) && c.ValueAtRisk >= settings.MinRevenue).ToList();
        if (eligible.Count == 0) return 0;
        var ids = eligible.Select(c => c.CustomerId).ToList();
        var since = now - Lookback;
        var names = await db.Customers.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var contacts = (await db.Interactions.AsNoTracking()
            .Where(i => ids.Contains(i.CustomerId) && i.RecordedAt >= since && !i.Internal && (i.Tone == Tone.Negative || i.Competitor != null))
            .ToListAsync(ct)).ToLookup(i => i.CustomerId);
        var orders = (await db.Orders.AsNoTracking().Where(o => ids.Contains(o.CustomerId) && o.UpdatedAt >= since
                && (o.Status == OrderStatus.Failed || (o.Status == OrderStatus.Delivered && o.DeliveredAt > o.PromisedBy)))
            .Select(o => new { o.Id, o.CustomerId, o.Number, o.Status, o.FailureReason, o.RecipientName }).ToListAsync(ct)).ToLookup(o => o.CustomerId);
        var turned = (await db.TurnedAway.AsNoTracking().Where(t => ids.Contains(t.CustomerId) && t.At >= since).ToListAsync(ct))
            .ToLookup(t => t.CustomerId);
        var owners = await db.CustomerHealth.AsNoTracking().Where(h => ids.Contains(h.CustomerId) && h.AccountOwnerId != null)
            .ToDictionaryAsync(h => h.CustomerId, h => h.AccountOwnerId, ct);
        var defaultOwner = await DefaultOwnerAsync(db, settings, ct);
        var today = BusinessClock.Today(now, await db.TimeZoneAsync(ct));
        var on = settings.Triggers.ToHashSet();

        var made = 0;
        foreach (var change in eligible)
        {
            var name = names.GetValueOrDefault(change.CustomerId, "the customer");
            var first = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? name;
            var candidates = new List<Candidate>();
            var turnedAt = turned[change.CustomerId].Select(t => t.At).ToHashSet();
            // Order steps and turned-away entries on the timeline are the order's events, with a task of their own.
            foreach (var i in contacts[change.CustomerId].Where(i => i.OrderId is null && !turnedAt.Contains(i.OccurredAt)))
            {
                var competitor = i.Competitor is { } c && on.Contains(RecoveryTriggers.Competitor);
                var negative = i.Tone == Tone.Negative && on.Contains(RecoveryTriggers.NegativeContact);
                if (!competitor && !negative) continue;
                var when = Day(i.OccurredAt);
                candidates.Add(new($"recovery:interaction:{i.Id:N}", competitor ? RecoveryTriggers.Competitor : RecoveryTriggers.NegativeContact,
                    competitor ? $"{i.Competitor} mentioned {when}: \u201c{Short(i.Summary)}\u201d" : $"Negative {i.Channel.ToString().ToLowerInvariant()} contact {when}: \u201c{Short(i.Summary)}\u201d",
                    competitor ? $"Call {first}: ask what {i.Competitor} offered and what would make staying easy."
                        : $"Call {first}: say you heard what happened {when}, and ask what would put it right.", null));
            }
            foreach (var o in orders[change.CustomerId])
            {
                var failed = o.Status == OrderStatus.Failed;
                if (!on.Contains(failed ? RecoveryTriggers.FailedDelivery : RecoveryTriggers.LateDelivery)) continue;
                candidates.Add(new($"recovery:order:{o.Id:N}", failed ? RecoveryTriggers.FailedDelivery : RecoveryTriggers.LateDelivery,
                    failed ? $"Order #{o.Number} failed: {o.FailureReason}" : $"Order #{o.Number} was delivered late",
                    failed ? $"Call {first}: the delivery{(o.RecipientName is null ? "" : " to " + o.RecipientName)} failed; offer a redelivery today."
                        : $"Call {first}: apologise that order #{o.Number} came late and ask how it was received.", o.Id));
            }
            if (change.Loyal && on.Contains(RecoveryTriggers.TurnedAway))
                foreach (var t in turned[change.CustomerId])
                    candidates.Add(new($"recovery:turned-away:{t.Id:N}", RecoveryTriggers.TurnedAway,
                        $"A loyal customer was turned away for {t.RequestedDate.ToString("ddd d MMM", English)}",
                        $"Call {first}: we could not take the order for {t.RequestedDate.ToString("d MMM", English)}; offer the next best option and thank them for their loyalty.", null));
            if (change.After.Band == HealthBand.AtRisk && change.Before is not HealthBand.AtRisk && candidates.Count == 0
                && on.Contains(RecoveryTriggers.AtRisk)
                && !await db.StaffTasks.AnyAsync(t => t.CustomerId == change.CustomerId && t.Source == Source && t.DoneAt == null, ct))
            {
                var worst = change.After.Factors.Where(f => f.Points < 0).OrderBy(f => f.Points).FirstOrDefault();
                candidates.Add(new($"recovery:at-risk:{change.CustomerId:N}:{today:yyyyMMdd}", RecoveryTriggers.AtRisk,
                    $"Health dropped to {change.After.Score} (at risk){(worst is null ? "" : ": " + worst.Detail)}",
                    $"Call {first}: no agenda but them — how are we doing, and what should we do better?", null));
            }

            var assignee = owners.GetValueOrDefault(change.CustomerId) ?? defaultOwner;
            foreach (var c in candidates)
            {
                var task = new StaffTask
                {
                    Title = $"Recovery: {name} — {Short(c.Reason, 120)}",
                    Detail = $"Why: {c.Reason}\nHealth: {change.After.Score} ({Label(change.After.Band)})\nSuggested opening: {c.Opening}",
                    CustomerId = change.CustomerId, OrderId = c.OrderId, AssigneeId = assignee,
                    DueOn = change.Loyal ? today : today.AddDays(settings.DueWithinDays),
                    CreatedAt = now, Source = Source, SourceKey = c.Key,
                };
                if (!await StaffTasks.AddOnceAsync(db, task, ct)) continue;
                try
                {
                    await db.SaveChangesAsync(ct);
                    made++;
                }
                // The other process made this one first.
                catch (DbUpdateException e) when (e.IsUniqueViolation())
                {
                    db.Entry(task).State = EntityState.Detached;
                }
            }
        }
        return made;
    }

    /// <summary>A recovery task past its day and still open becomes a task for a manager, once.</summary>
    public static async Task<int> EscalateOverdueAsync(RapportDb db, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var today = BusinessClock.Today(now, await db.TimeZoneAsync(ct));
        var overdue = await db.StaffTasks.AsNoTracking().Where(t => t.Source == Source && t.DoneAt == null && t.DueOn < today).ToListAsync(ct);
        if (overdue.Count == 0) return 0;
        var manager = await db.Staff.AsNoTracking().Where(s => s.BusinessId == db.CurrentBusinessId && s.Role == StaffRole.Manager)
            .OrderBy(s => s.Id).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct)
            ?? await db.Staff.AsNoTracking().Where(s => s.BusinessId == db.CurrentBusinessId && s.Role == StaffRole.Owner)
                .OrderBy(s => s.Id).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct);
        var made = 0;
        foreach (var t in overdue)
        {
            if (!await StaffTasks.AddOnceAsync(db, new StaffTask
            {
                Title = $"Overdue recovery: {t.Title.Replace("Recovery: ", "")}",
                Detail = $"Due {t.DueOn.ToString("ddd d MMM", English)} and still open.\n{t.Detail}",
                CustomerId = t.CustomerId, OrderId = t.OrderId, AssigneeId = manager, DueOn = today, CreatedAt = now,
                Source = EscalationSource, SourceKey = $"recovery-escalation:{t.Id:N}",
            }, ct)) continue;
            made++;
        }
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (e.IsUniqueViolation()) { db.ChangeTracker.Clear(); }
        return made;
    }

    /// <summary>The customer's open recovery tasks the actor may close: all of them for owners and managers, else their own and unassigned ones.</summary>
    public static async Task<IReadOnlyList<StaffTaskView>> OpenForCustomerAsync(RapportDb db, Actor actor, Guid customerId, CancellationToken ct)
    {
        var all = actor.Role is StaffRole.Owner or StaffRole.Manager;
        var name = await db.Customers.Where(c => c.Id == customerId).Select(c => c.Name).FirstOrDefaultAsync(ct);
        return await db.StaffTasks.AsNoTracking()
            .Where(t => t.CustomerId == customerId && t.DoneAt == null && (t.Source == Source || t.Source == EscalationSource)
                && (all || t.AssigneeId == actor.StaffId || t.AssigneeId == null))
            .OrderBy(t => t.DueOn).ThenBy(t => t.CreatedAt)
            .Select(t => new StaffTaskView(t.Id, t.Title, t.Detail, t.CustomerId, name, t.AssigneeId, t.DueOn, t.CreatedAt, t.DoneAt, t.DoneByName, t.Source, t.OrderId))
            .ToListAsync(ct);
    }

    /// <summary>Whoever answers for relationships without an account owner: the setting, else the owner.</summary>
    public static async Task<Guid?> DefaultOwnerAsync(RapportDb db, HealthSettings settings, CancellationToken ct) =>
        settings.DefaultAccountOwnerId ?? await db.Staff.AsNoTracking()
            .Where(s => s.BusinessId == db.CurrentBusinessId && s.Role == StaffRole.Owner).OrderBy(s => s.Id)
            .Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct);

    public static string Label(HealthBand band) => band switch
    {
        HealthBand.Healthy => "healthy",
        HealthBand.Watch => "watch",
        _ => "at risk",
    };

    private static string Day(DateTime at) => at.ToString("ddd d MMM", English);

    private static string Short(string text, int max = 80) => text.Length <= max ? text : text[..(max - 1)] + "\u2026";
}
