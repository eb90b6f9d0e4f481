using Microsoft.EntityFrameworkCore;
using Rapport.Core.Audit;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Data;
using Rapport.Core.Delivery;
using Rapport.Core.Timeline;
using Rapport.Core.Touches;

namespace Rapport.Core.Sales;

/// <summary>
/// The one way a deal changes stage, for the API, the board and bulk moves alike. Moving forward runs the stage gate
/// over every stage left behind; with steps missing the move is refused with the list, unless an owner or manager
/// overrides with a written reason. Moving back needs no gate. Every move is audited and lands on the customer's timeline;
/// entering a stage starts (and completes) the promise's milestones. A refused move changes nothing.
/// </summary>
public static class AdvanceDeal
{
    public sealed record Override(string? Reason);

    /// <param name="ToStage">The stage to move to; the next one when left out.</param>
    public sealed record Command(string? ToStage, Override? Override);

    /// <summary>The extension member of a 422 that lists what is missing.</summary>
    public const string MissingStepsMember = "missingSteps";

    public static async Task<Result<DealView>> HandleAsync(RapportDb db, Actor actor, Guid dealId, Command c, TimeProvider time, CancellationToken ct)
    {
        var found = await db.FindWorkableDealAsync(actor, dealId, ct);
        if (!found.Succeeded) return found.Failure;
        var deal = found.Value;
        var playbook = await DealVersions.OfAsync(db, deal, ct);
        var from = playbook.IndexOf(deal.Stage);

        var v = new Validator();
        v.MaxLength("toStage", c.ToStage, SalesLimits.Stage);
        int to;
        if (string.IsNullOrWhiteSpace(c.ToStage))
        {
            to = from + 1;
            if (to >= playbook.Stages.Count) v.Add("toStage", $"\u201c{deal.Stage}\u201d is the playbook's last stage.");
        }
        else
        {
            to = playbook.IndexOf(c.ToStage.Trim());
            if (to < 0) v.Add("toStage", $"Not a stage of this deal's playbook: one of {string.Join(", ", playbook.Stages.Select(s => s.Name))}.");
            else if (to == from) v.Add("toStage", $"The deal is already in {deal.Stage}.");
        }
        var reason = c.Override?.Reason?.Trim();
        if (c.Override is not null)
        {
            if (string.IsNullOrWhiteSpace(reason)) v.Add("override.reason", "Write why the gate is overridden.");
            else v.MaxLength("override.reason", reason, SalesLimits.Text);
        }
        if (!v.IsValid) return v.ToFailure();
        if (c.Override is not null && !actor.Role.ManagesSales())
            return Failure.Forbidden($"Only an owner or manager may override a stage gate; the {actor.Role.Label()} role cannot.");

        var target = playbook.Stages[to].Name;
        var evidence = await DealEvidenceLoader.ForDealAsync(db, deal, ct);
        var missing = StageGate.Missing(playbook, deal.Stage, target, evidence);
        if (missing.Count > 0 && c.Override is null)
            return new Failure(FailureKind.Invalid, Refusal(deal.Stage, missing), new Dictionary<string, string[]>
            {
                ["toStage"] = missing.Select(m => m.Title).ToArray(),
            })
            { Extensions = new Dictionary<string, object?> { [MissingStepsMember] = missing } };

        var now = time.GetUtcNow().UtcDateTime;
        var today = BusinessClock.Today(now, await db.TimeZoneAsync(ct));
        var before = DealRules.Snapshot(deal);
        var fromStage = deal.Stage;
        DealOverride? overridden = null;
        if (missing.Count > 0)
        {
            overridden = new DealOverride
            {
                BusinessId = deal.BusinessId, DealId = deal.Id, FromStage = fromStage, ToStage = target, At = now,
                ById = actor.StaffId, ByName = actor.Name, Reason = reason!, MissingSteps = missing.ToList(),
            };
            deal.Overrides.Add(overridden);
            db.Audit(actor, nameof(Deal), deal.Id, "gate overridden",
                new { Stage = fromStage, MissingSteps = missing },
                new { Stage = target, overridden.Reason, OverriddenSteps = missing.Select(m => m.StepId) });
        }
        deal.StageChanges.Add(new DealStageChange
        {
            BusinessId = deal.BusinessId, DealId = deal.Id, FromStage = fromStage, ToStage = target, At = now,
            ById = actor.StaffId, ByName = actor.Name, OverrideId = overridden?.Id,
        });
        deal.Stage = target;
        deal.StageEnteredAt = now;
        // Passing a stage on the way counts as entering it: its promises start too.
        for (var i = from + 1; i <= to; i++)
        {
            PromiseClock.EnterStage(deal, playbook, playbook.Stages[i].Name, actor.StaffId, now, today);
            await StageTouches.GiveAsync(db, deal, playbook.Stages[i], time, ct);
        }
        if (to < from) PromiseClock.EnterStage(deal, playbook, target, actor.StaffId, now, today);
        deal.Touch(now);
        db.Audit(actor, nameof(Deal), deal.Id, "stage changed", before, DealRules.Snapshot(deal));
        TimelineEntries.Record(db, deal.CustomerId, now, now, Channel.Service, Direction.Outbound, Tone.Neutral,
            overridden is null
                ? $"Deal \u201c{deal.Name}\u201d moved from {fromStage} to {target}."
                : Truncate($"Deal \u201c{deal.Name}\u201d moved from {fromStage} to {target}, gate overridden by {actor.Name}: {reason} "
                    + $"(missing: {string.Join("; ", missing.Select(m => m.Title))})"),
            EntryAuthor.Of(actor), isInternal: true);
        var saved = await DealSaving.SaveAsync(db, ct);
        if (!saved.Succeeded) return saved.Failure;
        return await GetDeal.ViewAsync(db, deal, time, ct);
    }

    private static string Refusal(string stage, IReadOnlyList<MissingStep> missing) =>
        missing.Count == 1
            ? $"The deal cannot leave {stage} yet: 1 required step is missing."
            : $"The deal cannot leave {stage} yet: {missing.Count} required steps are missing.";

    private static string Truncate(string text) => text.Length <= 2000 ? text : text[..1999] + "\u2026";
}

/// <summary>Moves many deals at once (a bulk action), each through <see cref="AdvanceDeal"/> and its gate.</summary>
public static class AdvanceDeals
{
    public const int MaxDeals = 100;

    public sealed record Command(IReadOnlyList<Guid>? DealIds, string? ToStage, AdvanceDeal.Override? Override);

    public enum Outcome { Moved, Refused, Forbidden, NotFound, Conflict }

    public sealed record Item(Guid DealId, Outcome Outcome, string? Stage, string? Reason, IReadOnlyList<MissingStep>? MissingSteps);

    public static async Task<Result<IReadOnlyList<Item>>> HandleAsync(RapportDb db, Actor actor, Command c, TimeProvider time, CancellationToken ct)
    {
        var ids = (c.DealIds ?? []).Distinct().ToList();
        if (ids.Count == 0) return Failure.Invalid("dealIds", "List the deals to move.");
        if (ids.Count > MaxDeals) return Failure.Invalid("dealIds", $"At most {MaxDeals} deals at once.");
        var results = new List<Item>();
        foreach (var id in ids)
        {
            var moved = await AdvanceDeal.HandleAsync(db, actor, id, new AdvanceDeal.Command(c.ToStage, c.Override), time, ct);
            // Each deal stands alone: what one left in the unit of work must not ride along with the next.
            db.ChangeTracker.Clear();
            results.Add(moved.Succeeded
                ? new Item(id, Outcome.Moved, moved.Value.Stage, null, null)
                : new Item(id, moved.Failure.Kind switch
                {
                    FailureKind.NotFound => Outcome.NotFound,
                    FailureKind.Forbidden => Outcome.Forbidden,
                    FailureKind.Conflict => Outcome.Conflict,
                    _ => Outcome.Refused,
                }, null, Describe(moved.Failure), moved.Failure.Extensions?.GetValueOrDefault(AdvanceDeal.MissingStepsMember) as IReadOnlyList<MissingStep>));
        }
        return results;
    }

    private static string Describe(Failure f) =>
        f.Errors is { Count: > 0 } errors && f.Extensions is null ? string.Join(" ", errors.SelectMany(e => e.Value)) : f.Title;
}
