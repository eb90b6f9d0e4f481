using Microsoft.EntityFrameworkCore;
using Rapport.Core.Audit;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Data;
using Rapport.Core.Sales;

namespace Rapport.Core.Touches;

/// <summary>
/// A business touch rule as written by the API and the form. On update a null field stays as it is; <c>active: false</c>
/// stops the rule (what it gave stays), <c>active: true</c> starts it again.
/// </summary>
/// <param name="Trigger">everyOrder (every order placed, on any channel) or orderDelivered.</param>
/// <param name="Action">task, or email to the customer (with subject and body; a task when they have no address).</param>
/// <param name="Audience">everyone (the default), loyalCustomers, or gifts (orders for one of the customer's recipients).</param>
/// <param name="AssigneeId">The staff member the tasks are for; leave out for whoever answers the customers. On update, the empty id (all zeros) clears it.</param>
public sealed record TouchRuleInput(
    string? Title = null, TouchTrigger? Trigger = null, TouchAction? Action = null, string? Subject = null, string? Body = null,
    TouchAudience? Audience = null, Guid? AssigneeId = null, bool? Active = null);

public sealed record TouchRuleView(
    Guid Id, string Title, TouchTrigger Trigger, TouchAction Action, string? Subject, string? Body, TouchAudience Audience,
    string When, Guid? AssigneeId, string? AssigneeName, bool Active, DateTime CreatedAt, string CreatedBy, DateTime? StoppedAt);

/// <summary>The business's own touch rules: listed by every staff member, written by owners and managers, audited.</summary>
public static class ManageTouchRules
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 100;

    public sealed record Query(bool? Active = null, int? Limit = null, string? After = null);

    /// <summary>Active rules first, then stopped ones, each by title.</summary>
    public static async Task<Result<Page<TouchRuleView>>> ListAsync(RapportDb db, Query query, CancellationToken ct)
    {
        var v = new Validator();
        var limit = query.Limit ?? DefaultLimit;
        if (limit is < 1 or > MaxLimit) v.Add("limit", $"Must be between 1 and {MaxLimit}.");
        if (!Cursor.TryDecode(query.After, out var after) || after is { Key: not ['0' or '1', ..] }) v.Add("after", "Not a cursor returned by this list.");
        if (!v.IsValid) return v.ToFailure();

        var rules = db.BusinessTouchRules.AsNoTracking();
        if (query.Active is { } active) rules = rules.Where(r => r.Active == active);
        if (after is { } a)
        {
            // The cursor's key is "0" + title for an active rule, "1" + title for a stopped one: the order of the list.
            var (wasActive, title) = (a.Key[0] == '0', a.Key[1..]);
            rules = wasActive
                ? rules.Where(r => !r.Active || (r.Active && (string.Compare(r.Title, title) > 0 || (r.Title == title && r.Id.CompareTo(a.Id) > 0))))
                : rules.Where(r => !r.Active && (string.Compare(r.Title, title) > 0 || (r.Title == title && r.Id.CompareTo(a.Id) > 0)));
        }
        var rows = await rules.OrderByDescending(r => r.Active).ThenBy(r => r.Title).ThenBy(r => r.Id).Take(limit + 1).ToListAsync(ct);
        var last = rows.Count > limit ? rows[limit - 1] : null;
        var next = last is null ? null : new Cursor((last.Active ? "0" : "1") + last.Title, last.Id).Encode();
        return new Page<TouchRuleView>(await ViewsAsync(db, rows.Take(limit).ToList(), ct), next);
    }

    public static async Task<Result<TouchRuleView>> GetAsync(RapportDb db, Guid id, CancellationToken ct) =>
        await db.BusinessTouchRules.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) is { } rule
            ? (await ViewsAsync(db, [rule], ct))[0]
            : Failure.NotFound("Touch rule");

    public static async Task<Result<TouchRuleView>> CreateAsync(RapportDb db, Actor actor, TouchRuleInput input, TimeProvider time, CancellationToken ct)
    {
        if (!actor.Role.ManagesTouches()) return Failure.Forbidden($"The {actor.Role.Label()} role cannot change the touch rules: ask an owner or a manager.");
        var v = new Validator();
        await ValidateAsync(db, actor, v, input, onFile: null, ct);
        if (!v.IsValid) return v.ToFailure();

        var now = time.GetUtcNow().UtcDateTime;
        var rule = new BusinessTouchRule { Title = input.Title!.Trim(), CreatedAt = now, UpdatedAt = now, CreatedBy = actor.Name };
        Apply(input, rule);
        if (!rule.Active) rule.StoppedAt = now;
        db.BusinessTouchRules.Add(rule);
        db.Audit(actor, nameof(BusinessTouchRule), rule.Id, "created", null, Audited(rule));
        await db.SaveChangesAsync(ct);
        return (await ViewsAsync(db, [rule], ct))[0];
    }

    public static async Task<Result<TouchRuleView>> UpdateAsync(RapportDb db, Actor actor, Guid id, TouchRuleInput input, TimeProvider time, CancellationToken ct)
    {
        var rule = await db.BusinessTouchRules.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (rule is null) return Failure.NotFound("Touch rule");
        if (!actor.Role.ManagesTouches()) return Failure.Forbidden($"The {actor.Role.Label()} role cannot change the touch rules: ask an owner or a manager.");
        var v = new Validator();
        await ValidateAsync(db, actor, v, input, rule, ct);
        if (!v.IsValid) return v.ToFailure();

        var before = Audited(rule);
        var wasActive = rule.Active;
        Apply(input, rule);
        var now = time.GetUtcNow().UtcDateTime;
        rule.UpdatedAt = now;
        if (wasActive != rule.Active) rule.StoppedAt = rule.Active ? null : now;
        var action = wasActive == rule.Active ? "updated" : rule.Active ? "started" : "stopped";
        db.Audit(actor, nameof(BusinessTouchRule), rule.Id, action, before, Audited(rule));
        await db.SaveChangesAsync(ct);
        return (await ViewsAsync(db, [rule], ct))[0];
    }

    private static async Task ValidateAsync(RapportDb db, Actor actor, Validator v, TouchRuleInput input, BusinessTouchRule? onFile, CancellationToken ct)
    {
        if (onFile is null || input.Title is not null) v.Required("title", input.Title, TouchRuleLimits.Title);
        if (onFile is null && input.Trigger is null) v.Add("trigger", "Say when it is given: everyOrder or orderDelivered.");
        if (onFile is null && input.Action is null) v.Add("action", "Say how it is given: task or email.");
        var action = input.Action ?? onFile?.Action;
        if (action == TouchAction.Email)
        {
            // Switching a task rule to an e-mail needs the words of the e-mail; an e-mail rule keeps its own unless changed.
            if (onFile?.Subject is null || input.Subject is not null) v.Required("subject", input.Subject, TouchRuleLimits.Subject);
            if (onFile?.Body is null || input.Body is not null) v.Required("body", input.Body, TouchRuleLimits.Body);
        }
        else if (action == TouchAction.Task && (!string.IsNullOrWhiteSpace(input.Subject) || !string.IsNullOrWhiteSpace(input.Body)))
            v.Add(string.IsNullOrWhiteSpace(input.Subject) ? "body" : "subject", "Only an e-mail has a subject and a body: choose email, or leave them out.");

        if (input.AssigneeId is { } assignee && assignee != Guid.Empty)
        {
            var role = await db.Staff.Where(s => s.Id == assignee && s.BusinessId == actor.BusinessId).Select(s => (StaffRole?)s.Role).FirstOrDefaultAsync(ct);
            if (role is null) v.Add("assigneeId", "Not a member of this business's staff.");
            else if (!role.Value.TakesOrders()) v.Add("assigneeId", "Drivers see only their own stops' customers: choose someone who answers the customers.");
        }
        else if (input.AssigneeId == Guid.Empty && onFile is null) v.Add("assigneeId", "Leave it out for whoever answers the customers, or name a member of staff.");

        // A rule that is (or becomes) active counts toward its trigger's limit, so that one order never fans out without end.
        var trigger = input.Trigger ?? onFile?.Trigger;
        var active = input.Active ?? onFile?.Active ?? true;
        if (active && trigger is { } t && (onFile is null || !onFile.Active || onFile.Trigger != t)
            && await db.BusinessTouchRules.CountAsync(r => r.Active && r.Trigger == t, ct) >= TouchRuleLimits.ActivePerTrigger)
            v.Add(input.Active is null ? "trigger" : "active", $"At most {TouchRuleLimits.ActivePerTrigger} active rules for one trigger: stop one first.");
    }

    private static void Apply(TouchRuleInput input, BusinessTouchRule rule)
    {
        if (input.Title is not null) rule.Title = input.Title.Trim();
        if (input.Trigger is { } trigger) rule.Trigger = trigger;
        if (input.Action is { } action) rule.Action = action;
        if (input.Audience is { } audience) rule.Audience = audience;
        if (input.AssigneeId is { } assignee) rule.AssigneeId = assignee == Guid.Empty ? null : assignee;
        if (input.Active is { } active) rule.Active = active;
        if (rule.Action == TouchAction.Email)
        {
            if (input.Subject is not null) rule.Subject = input.Subject.Trim();
            if (input.Body is not null) rule.Body = input.Body.Trim();
        }
        else (rule.Subject, rule.Body) = (null, null);
    }

    private static object Audited(BusinessTouchRule r) => new
    {
        r.Title, Trigger = r.Trigger.ToString(), Action = r.Action.ToString(), r.Subject, r.Body, Audience = r.Audience.ToString(), r.AssigneeId, r.Active,
    };

    private static async Task<List<TouchRuleView>> ViewsAsync(RapportDb db, IReadOnlyList<BusinessTouchRule> rules, CancellationToken ct)
    {
        var ids = rules.Where(r => r.AssigneeId is not null).Select(r => r.AssigneeId!.Value).Distinct().ToList();
        var names = ids.Count == 0 ? [] : await db.Staff.AsNoTracking().Where(s => ids.Contains(s.Id) && s.BusinessId == db.CurrentBusinessId)
            .ToDictionaryAsync(s => s.Id, s => s.DisplayName, ct);
        return rules.Select(r => new TouchRuleView(r.Id, r.Title, r.Trigger, r.Action, r.Subject, r.Body, r.Audience,
            OrderTouches.Describe(r.Trigger, r.Audience), r.AssigneeId, r.AssigneeId is { } a ? names.GetValueOrDefault(a) : null,
            r.Active, r.CreatedAt, r.CreatedBy, r.StoppedAt)).ToList();
    }
}
