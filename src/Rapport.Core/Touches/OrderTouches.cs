using Microsoft.EntityFrameworkCore;
using Rapport.Core.Customers;
using Rapport.Core.Data;
using Rapport.Core.Notifications;
using Rapport.Core.Orders;
using Rapport.Core.Sales;
using Rapport.Core.Tasks;

namespace Rapport.Core.Touches;

/// <summary>What a business touch rule looks at in an order.</summary>
/// <param name="For">Who the order is for: the recipient, else the customer.</param>
/// <param name="Email">The customer's e-mail address, when they have one.</param>
public sealed record OrderFacts(
    Guid OrderId, long Number, Guid CustomerId, string For, bool ForRecipient, bool Loyal, string? Email, string CustomerName,
    DateOnly FulfilmentDate, string Promise);

/// <summary>One touch an order gets: an e-mail when <see cref="To"/> is set, otherwise a task.</summary>
public sealed record PlannedTouch(
    Guid RuleId, string Key, string Title, string Detail, Guid? AssigneeId, DateOnly DueOn,
    string? To = null, string? ToName = null, string? Subject = null, string? Body = null)
{
    public bool IsEmail => To is not null;
}

/// <summary>
/// Gives the business's touch rules to an order: on every order placed (<see cref="PlaceOrder"/>, whatever the
/// channel) or, for an order placed before the rule was added, when it is made up; and when an order is delivered
/// (<see cref="ChangeOrderStatus"/>). An order already delivered when a rule is added never gets that rule. Each rule is given once per order, under
/// a key like a stage touch's, so the consistency report counts both kinds alike.
/// </summary>
public static class OrderTouches
{
    public const string KeyPrefix = StageTouches.KeyPrefix + "order:";

    /// <summary>"touch:order:{order}:{rule}": the rule is the last part, as <see cref="StageTouches.TouchOf"/> reads it.</summary>
    public static string KeyOf(Guid orderId, Guid ruleId) => $"{KeyPrefix}{orderId:N}:{ruleId:N}";

    /// <summary>The touches the order gets from the rules of a trigger: a pure decision, made before anything is written.</summary>
    public static IReadOnlyList<PlannedTouch> Plan(IEnumerable<BusinessTouchRule> rules, TouchTrigger trigger, OrderFacts order, DateOnly today)
    {
        var planned = new List<PlannedTouch>();
        foreach (var rule in rules.Where(r => r.Active && r.Trigger == trigger && AppliesTo(r.Audience, order)).OrderBy(r => r.CreatedAt))
        {
            var key = KeyOf(order.OrderId, rule.Id);
            var title = $"{rule.Title} \u2014 order {order.Number} for {order.For}";
            if (rule.Action == TouchAction.Email && Outbox.IsAddress(order.Email))
            {
                planned.Add(new PlannedTouch(rule.Id, key, title, rule.Body ?? rule.Title, null, today,
                    order.Email, order.CustomerName, rule.Subject ?? rule.Title, rule.Body ?? rule.Title));
                continue;
            }
            // A card or a note goes with the flowers, so it is due on the order's day; what follows a delivery is due now.
            var due = trigger == TouchTrigger.EveryOrder && order.FulfilmentDate > today ? order.FulfilmentDate : today;
            var detail = rule.Action == TouchAction.Email
                ? $"No e-mail address on file to send \u201c{rule.Subject}\u201d: give it another way.\n\n{rule.Body}"
                : $"{Describe(trigger, rule.Audience)} gets this. Order {order.Number}: {order.Promise}.";
            planned.Add(new PlannedTouch(rule.Id, key, title, detail, rule.AssigneeId, due));
        }
        return planned;
    }

    public static bool AppliesTo(TouchAudience audience, OrderFacts order) => audience switch
    {
        TouchAudience.LoyalCustomers => order.Loyal,
        TouchAudience.Gifts => order.ForRecipient,
        _ => true,
    };

    /// <summary>"Every order", "Every gift delivered", "Every order of a loyal customer".</summary>
    public static string Describe(TouchTrigger trigger, TouchAudience audience) => (trigger, audience) switch
    {
        (TouchTrigger.EveryOrder, TouchAudience.Everyone) => "Every order",
        (TouchTrigger.EveryOrder, TouchAudience.Gifts) => "Every gift order",
        (TouchTrigger.EveryOrder, TouchAudience.LoyalCustomers) => "Every order of a loyal customer",
        (_, TouchAudience.Gifts) => "Every gift delivered",
        (_, TouchAudience.LoyalCustomers) => "Every order of a loyal customer, delivered",
        _ => "Every order delivered",
    };

    /// <summary>The active rules of a trigger; read before the order's transaction, so that it stays short.</summary>
    public static async Task<List<BusinessTouchRule>> ActiveRulesAsync(RapportDb db, TouchTrigger trigger, CancellationToken ct) =>
        await db.BusinessTouchRules.AsNoTracking().Where(r => r.Active && r.Trigger == trigger)
            .OrderBy(r => r.CreatedAt).Take(TouchRuleLimits.ActivePerTrigger).ToListAsync(ct);

    /// <summary>The customer's e-mail address, read only when a rule would send one.</summary>
    public static async Task<string?> EmailAsync(RapportDb db, IEnumerable<BusinessTouchRule> rules, Guid customerId, CancellationToken ct) =>
        rules.Any(r => r.Action == TouchAction.Email)
            ? await db.ContactPoints.AsNoTracking().Where(p => p.CustomerId == customerId && p.Kind == ContactKind.Email)
                .OrderByDescending(p => p.IsPrimary).ThenBy(p => p.Id).Select(p => p.Value).FirstOrDefaultAsync(ct)
            : null;

    /// <summary>
    /// Adds the planned touches of an order just made to the caller's unit of work. Its id is new, so no key can exist
    /// yet: nothing is read inside the order's transaction, and the unique keys still hold the line.
    /// </summary>
    public static void AddForNewOrder(RapportDb db, IReadOnlyList<PlannedTouch> touches, Guid customerId, Guid orderId, DateTime now)
    {
        foreach (var touch in touches)
        {
            if (touch.IsEmail) Outbox.Enqueue(db, Mail(touch, customerId), now);
            else db.StaffTasks.Add(NewTask(touch, customerId, orderId, now));
        }
    }

    /// <summary>Adds the planned touches to the caller's unit of work, each unless its key was given already.</summary>
    public static async Task AddOnceAsync(RapportDb db, IReadOnlyList<PlannedTouch> touches, Guid customerId, Guid orderId, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var touch in touches)
        {
            if (touch.IsEmail)
                await Outbox.EnqueueOnceAsync(db, Mail(touch, customerId), time, ct);
            else await StaffTasks.AddOnceAsync(db, NewTask(touch, customerId, orderId, now), ct);
        }
    }

    private static OutgoingMail Mail(PlannedTouch touch, Guid customerId) =>
        new(touch.Key, touch.To!, touch.ToName, touch.Subject!, touch.Body!, CustomerId: customerId);

    private static StaffTask NewTask(PlannedTouch touch, Guid customerId, Guid orderId, DateTime now) => new()
    {
        Title = touch.Title.Length > TaskLimits.Title ? touch.Title[..TaskLimits.Title] : touch.Title,
        Detail = touch.Detail.Length > TaskLimits.Detail ? touch.Detail[..TaskLimits.Detail] : touch.Detail,
        CustomerId = customerId, OrderId = orderId, AssigneeId = touch.AssigneeId, DueOn = touch.DueOn, CreatedAt = now,
        Source = StageTouches.Source, SourceKey = touch.Key,
    };
}
