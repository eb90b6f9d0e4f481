using Rapport.Core.Data;
using Rapport.Core.Sales;

namespace Rapport.Core.Touches;

/// <summary>What gives a business touch rule: every order placed, on any channel, or an order delivered (or collected).</summary>
public enum TouchTrigger { EveryOrder, OrderDelivered }

/// <summary>Which orders a rule applies to: all, those of loyal customers, or gifts (orders for one of the customer's recipients).</summary>
public enum TouchAudience { Everyone, LoyalCustomers, Gifts }

/// <summary>
/// A touch rule of the business itself rather than of a playbook stage: "every order: care card", "delivered: care
/// tips by e-mail". Each order it applies to gets it once, as a task or an e-mail through the outbox (a task when the
/// customer has no e-mail address). Stopping a rule keeps what it gave, and the report keeps counting it.
/// </summary>
public sealed class BusinessTouchRule : IBusinessOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid BusinessId { get; set; }
    /// <summary>What is given, e.g. "Care card".</summary>
    public required string Title { get; set; }
    public TouchTrigger Trigger { get; set; }
    public TouchAction Action { get; set; }
    /// <summary>For an e-mail: its subject and text.</summary>
    public string? Subject { get; set; }
    public string? Body { get; set; }
    public TouchAudience Audience { get; set; }
    /// <summary>Whom the task is for; none means whoever answers the customers.</summary>
    public Guid? AssigneeId { get; set; }
    public bool Active { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
    public DateTime? StoppedAt { get; set; }
}

public static class TouchRuleLimits
{
    public const int Title = 120;
    public const int Subject = 200;
    public const int Body = 4000;
    /// <summary>Enough for any real business; a bound so one order never fans out into hundreds of tasks.</summary>
    public const int ActivePerTrigger = 20;
}
