using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Customers;
using Rapport.Core.Data;
using Rapport.Core.Delivery;
using Rapport.Core.Notifications;
using Rapport.Core.Sales;
using Rapport.Core.Tasks;

namespace Rapport.Core.Touches;

/// <summary>
/// Gives a stage's touches to a deal entering it, by rule rather than by mood: an e-mail through the outbox (sent by
/// the outbox job, which records when) or a task for the deal's owner (done when they tick it off). Each touch is given
/// once per deal, however often the deal enters the stage.
/// </summary>
public static class StageTouches
{
    public const string Source = "touch";

    public const string KeyPrefix = "touch:";

    public static string KeyOf(Guid dealId, Guid touchId) => $"{KeyPrefix}{dealId:N}:{touchId:N}";

    /// <summary>The rule a task's or e-mail's key was made for: its last part.</summary>
    public static Guid? TouchOf(string key) =>
        key.StartsWith(KeyPrefix, StringComparison.Ordinal) && Guid.TryParseExact(key[(key.LastIndexOf(':') + 1)..], "N", out var id) ? id : null;

    /// <summary>Adds the touches to the caller's unit of work.</summary>
    public static async Task GiveAsync(RapportDb db, Deal deal, StageDefinition stage, TimeProvider time, CancellationToken ct)
    {
        if (stage.Touches.Count == 0) return;
        var now = time.GetUtcNow().UtcDateTime;
        var today = BusinessClock.Today(now, await db.TimeZoneAsync(ct));
        var recipient = await RecipientAsync(db, deal, ct);
        foreach (var touch in stage.Touches)
        {
            var key = KeyOf(deal.Id, touch.Id);
            if (touch.Action == TouchAction.Email && recipient is { } to)
            {
                await Outbox.EnqueueOnceAsync(db, new OutgoingMail(key, to.Email, to.Name, touch.Subject ?? touch.Title,
                    touch.Body ?? touch.Title, CustomerId: deal.CustomerId), time, ct);
                continue;
            }
            // A task when the rule asks for one, or when there is no address to send the e-mail to.
            await StaffTasks.AddOnceAsync(db, new StaffTask
            {
                Title = $"{touch.Title} \u2014 \u201c{deal.Name}\u201d",
                Detail = touch.Action == TouchAction.Email
                    ? $"No e-mail address on file to send \u201c{touch.Subject}\u201d: give it another way.\n\n{touch.Body}"
                    : $"Every deal entering {stage.Name} gets this ({today.ToString("d MMM yyyy", CultureInfo.GetCultureInfo("en-US"))}).",
                CustomerId = deal.CustomerId, AssigneeId = deal.OwnerId, DueOn = today, CreatedAt = now, Source = Source, SourceKey = key,
            }, ct);
        }
    }

    // The decision maker of the deal's committee when they have an address, else the customer's own e-mail.
    private static async Task<(string Email, string Name)?> RecipientAsync(RapportDb db, Deal deal, CancellationToken ct)
    {
        var members = deal.Committee.Select(m => m.StakeholderId).ToList();
        var decider = await db.Stakeholders.AsNoTracking()
            .Where(s => members.Contains(s.Id) && s.Role == BuyingRole.DecisionMaker && s.Email != null)
            .Select(s => new { s.Email, s.Name }).FirstOrDefaultAsync(ct);
        if (decider is not null && Outbox.IsAddress(decider.Email)) return (decider.Email!, decider.Name);
        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == deal.CustomerId)
            .Select(c => new { c.Name, Email = c.ContactPoints.Where(p => p.Kind == ContactKind.Email).OrderByDescending(p => p.IsPrimary).ThenBy(p => p.Id).Select(p => p.Value).FirstOrDefault() })
            .FirstOrDefaultAsync(ct);
        return customer?.Email is { } email && Outbox.IsAddress(email) ? (email, customer.Name) : null;
    }
}
