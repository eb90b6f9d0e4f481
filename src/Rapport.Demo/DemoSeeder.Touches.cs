using Rapport.Core.Businesses;
using Rapport.Core.Customers;
using Rapport.Core.Notifications;
using Rapport.Core.Orders;
using Rapport.Core.Sales;
using Rapport.Core.Tasks;
using Rapport.Core.Touches;

namespace Rapport.Demo;

// Bloom & Stem's touch rules, by process rather than by mood: a care card with every order, care tips by e-mail
// once it is delivered. Three weeks of history, given as the rules give them, so that the consistency report has
// something to say: most cards went in, a few orders slipped through, a couple of e-mails bounced.
public static partial class DemoSeeder
{
    private const int TouchHistoryDays = 21;

    private static void SeedTouchRules(Seeding s)
    {
        var owner = s.Staff[StaffRole.Owner];
        var start = s.Now.AddDays(-TouchHistoryDays);
        var card = new BusinessTouchRule
        {
            BusinessId = s.Business.Id, Title = "Care card", Trigger = TouchTrigger.EveryOrder, Action = TouchAction.Task,
            CreatedAt = start, UpdatedAt = start, CreatedBy = owner.DisplayName,
        };
        var tips = new BusinessTouchRule
        {
            BusinessId = s.Business.Id, Title = "Care tips", Trigger = TouchTrigger.OrderDelivered, Action = TouchAction.Email,
            Subject = "Keeping your flowers fresh",
            Body = "Thank you for ordering with Bloom & Stem. To keep the flowers fresh for longer: trim the stems at an angle, "
                + "change the water every two days, and keep them away from the fruit bowl and the radiator. Enjoy them!",
            CreatedAt = start.AddMinutes(5), UpdatedAt = start.AddMinutes(5), CreatedBy = owner.DisplayName,
        };
        s.TouchRules.AddRange([card, tips]);
        foreach (var rule in s.TouchRules)
            s.Audits.Add(new Rapport.Core.Audit.AuditEntry
            {
                BusinessId = s.Business.Id, At = rule.CreatedAt, ActorId = owner.Id, ActorName = owner.DisplayName, Entity = nameof(BusinessTouchRule),
                EntityId = rule.Id, Action = "created",
                After = System.Text.Json.JsonSerializer.Serialize(new { rule.Title, Trigger = rule.Trigger.ToString(), Action = rule.Action.ToString(), rule.Subject }, Rapport.Core.Data.JsonColumn.Options),
            });

        var customers = s.Customers.ToDictionary(c => c.Id);
        var given = 0;
        foreach (var order in s.Orders.Where(o => o.PlacedAt >= start && o.PlacedAt <= s.Now).OrderBy(o => o.PlacedAt))
        {
            var customer = customers[order.CustomerId];
            var email = customer.PrimaryEmail?.Value;
            OrderFacts Facts(DateTime at) => new(order.Id, order.Number, customer.Id, order.RecipientName ?? customer.Name, order.RecipientId is not null,
                OrderOptions.IsLoyal(customer, at), email, customer.Name, order.FulfilmentDate, order.Promise);

            // The card goes in when the flowers are made; one in nine orders made but not yet delivered still waits for
            // it (the florist can still put it in), and what is not made yet waits. A delivered order's card went with it:
            // no care-card task stays open for an order already delivered.
            var made = order.History.FirstOrDefault(h => h.Status is OrderStatus.InProduction or OrderStatus.Delivered);
            var slipped = made is not null && order.DeliveredAt is null && given++ % 9 == 4;
            foreach (var touch in OrderTouches.Plan([card], TouchTrigger.EveryOrder, Facts(order.PlacedAt), s.Day(order.PlacedAt)))
                s.Tasks.Add(DemoTask(s, touch, order, order.PlacedAt, slipped ? null : made?.At, owner));

            if (order.DeliveredAt is not { } delivered || delivered < start) continue;
            foreach (var touch in OrderTouches.Plan([tips], TouchTrigger.OrderDelivered, Facts(delivered), s.Day(delivered)))
            {
                if (!touch.IsEmail)
                {
                    // No address on file: the shop gave the tips by phone the next day.
                    var called = delivered.AddDays(1);
                    s.Tasks.Add(DemoTask(s, touch, order, delivered, called <= s.Now ? called : null, s.Staff[StaffRole.Service]));
                    continue;
                }
                // One address in twelve bounced; the rest went out a minute after the delivery was recorded.
                var bounced = s.Mails.Count % 12 == 7;
                s.Mails.Add(new OutboxMessage
                {
                    BusinessId = s.Business.Id, DedupeKey = touch.Key, CustomerId = customer.Id, To = touch.To!, ToName = touch.ToName,
                    Subject = touch.Subject!, TextBody = touch.Body!, CreatedAt = delivered, NextAttemptAt = delivered.AddMinutes(1),
                    Status = bounced ? OutboxStatus.Failed : OutboxStatus.Sent, Attempts = bounced ? OutboxDispatch.MaxAttempts : 1,
                    SentAt = bounced ? null : delivered.AddMinutes(1), LastError = bounced ? "550 5.1.1 Mailbox unavailable" : null,
                });
            }
        }
    }

    private static StaffTask DemoTask(Seeding s, PlannedTouch touch, Order order, DateTime at, DateTime? doneAt, StaffMember doneBy) => new()
    {
        BusinessId = s.Business.Id, Title = touch.Title, Detail = touch.Detail, CustomerId = order.CustomerId, OrderId = order.Id,
        AssigneeId = touch.AssigneeId, DueOn = touch.DueOn, CreatedAt = at, Source = StageTouches.Source, SourceKey = touch.Key,
        DoneAt = doneAt, DoneById = doneAt is null ? null : doneBy.Id, DoneByName = doneAt is null ? null : doneBy.DisplayName,
    };
}
