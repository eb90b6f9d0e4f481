using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Data;
using Rapport.Core.Delivery;
using Rapport.Core.Occasions;
using Rapport.Core.Tasks;

namespace Rapport.Core.Orders;

/// <summary>
/// Places each active standing order its set number of days ahead, through <see cref="PlaceOrder"/> like any
/// order, so capacity is reserved at that moment. Run by a scheduled job per business; the idempotency key and
/// the run's unique row make a repeat, on another process or after a crash, place nothing twice.
/// </summary>
public static class PlaceStandingOrders
{
    public sealed record Outcome(int Placed, int Alternatives, int ForStaff);

    public static async Task<Outcome> RunAsync(RapportDb db, OrderDesk desk, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var today = BusinessClock.Today(now, await db.TimeZoneAsync(ct));
        var active = await db.StandingOrders.AsNoTracking().Where(s => s.Active).ToListAsync(ct);
        var occasionIds = active.Where(s => s.OccasionId != null).Select(s => s.OccasionId!.Value).ToList();
        var occasions = await db.Occasions.AsNoTracking().Where(o => occasionIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        int placed = 0, alternatives = 0, staff = 0;
        foreach (var standing in active)
        {
            var occasion = standing.OccasionId is { } oid ? occasions.GetValueOrDefault(oid) : null;
            // From tomorrow: an order due today would be past most cutoffs already.
            foreach (var date in standing.DueDates(today, today.AddDays(standing.DaysAhead), occasion).ToList())
            {
                if (await db.StandingOrderRuns.AnyAsync(r => r.StandingOrderId == standing.Id && r.Date == date, ct)) continue;
                var run = await PlaceOneAsync(db, standing, occasion, date, desk, time, ct);
                db.StandingOrderRuns.Add(run);
                try
                {
                    await db.SaveChangesAsync(ct);
                    switch (run.Outcome)
                    {
                        case StandingOutcome.Placed: placed++; break;
                        case StandingOutcome.PlacedAlternative: alternatives++; break;
                        default: staff++; break;
                    }
                }
                catch (DbUpdateException e) when (e.IsUniqueViolation()) { }
                finally { db.ChangeTracker.Clear(); }
            }
        }
        return new Outcome(placed, alternatives, staff);
    }

    private static async Task<StandingOrderRun> PlaceOneAsync(
        RapportDb db, StandingOrder standing, Occasion? occasion, DateOnly date, OrderDesk desk, TimeProvider time, CancellationToken ct)
    {
        var orderer = Orderer.ForStandingOrder(db.CurrentBusinessId, standing.Id, standing.CustomerId);
        var run = new StandingOrderRun { StandingOrderId = standing.Id, Date = date, At = time.GetUtcNow().UtcDateTime };
        var wanted = await WantedWindowAsync(db, orderer, standing, date, time, ct);
        var key = $"standing-{standing.Id:N}-{date:yyyyMMdd}";
        var first = await PlaceAsync(db, orderer, standing, occasion, wanted, key, desk, time, ct);
        if (first.Succeeded)
        {
            run.Outcome = StandingOutcome.Placed;
            run.OrderId = first.Value.Id;
            return run;
        }

        var failure = first.Failure;
        var offered = failure.Extensions?.GetValueOrDefault("alternatives") as IReadOnlyList<OrderOptions.Option> ?? [];
        if (standing.TakeFirstAlternative && offered is [var alternative, ..])
        {
            var second = await PlaceAsync(db, orderer, standing, occasion,
                new PlaceOrder.FulfilmentInput(alternative.Kind, alternative.WindowId, alternative.PartnerId, alternative.LocationId, alternative.Date),
                key + "-alt", desk, time, ct);
            if (second.Succeeded)
            {
                run.Outcome = StandingOutcome.PlacedAlternative;
                run.OrderId = second.Value.Id;
                return run;
            }
        }

        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == standing.CustomerId).Select(c => c.Name).FirstAsync(ct);
        var day = date.ToString("ddd d MMM", CultureInfo.GetCultureInfo("en-US"));
        var why = failure.Errors is { Count: > 0 } errors ? string.Join(" ", errors.Values.SelectMany(e => e)) : failure.Title;
        var task = new StaffTask
        {
            Title = $"Standing order for {customer} on {day}: choose an alternative",
            Detail = $"{why}{(offered.Count == 0 ? " Nothing else can be promised around that day: call the customer."
                : "\nWhat can be promised instead:\n" + string.Join("\n", offered.Take(5).Select(o => $"• {o.Promise}")))}",
            CustomerId = standing.CustomerId, DueOn = BusinessClock.Today(run.At, await db.TimeZoneAsync(ct)), CreatedAt = run.At,
            Source = "standing-order", SourceKey = key,
        };
        await StaffTasks.AddOnceAsync(db, task, ct);
        run.Outcome = StandingOutcome.NeedsStaff;
        run.TaskId = task.Id;
        return run;
    }

    private static Task<Result<PlaceOrder.Placed>> PlaceAsync(
        RapportDb db, Orderer orderer, StandingOrder standing, Occasion? occasion, PlaceOrder.FulfilmentInput? fulfilment, string key,
        OrderDesk desk, TimeProvider time, CancellationToken ct)
    {
        var designers = standing.Budget is not null;
        var command = new PlaceOrder.Command(
            standing.CustomerId, standing.RecipientId, null, occasion is null ? null : Occasion.Name(occasion.Type, occasion.Label),
            designers ? standing.Budget : null, designers ? null : [new PlaceOrder.LineInput(standing.ProductId, standing.Quantity)],
            fulfilment, standing.PaymentMethodId, standing.CardMessage, OrderChannel.Standing);
        return PlaceOrder.HandleAsync(db, orderer, key, command, desk, time, ct);
    }

    /// <summary>The day's first window to the address starting at or after the preferred time, full or not.</summary>
    private static async Task<PlaceOrder.FulfilmentInput?> WantedWindowAsync(
        RapportDb db, Orderer orderer, StandingOrder standing, DateOnly date, TimeProvider time, CancellationToken ct)
    {
        var menu = await DeliveryChoices.HandleAsync(db, orderer, new OrderOptions.Query(standing.CustomerId, standing.RecipientId, null, date, null), time, ct);
        if (!menu.Succeeded) return null;
        var windows = menu.Value.Choices.Where(c => c.WindowId is not null && c.Date == date && c.Kind is "window" or "other-location").ToList();
        if (windows.Count == 0) return null;
        var ids = windows.Select(w => w.WindowId!.Value).ToList();
        var starts = await db.DeliveryWindows.AsNoTracking().Where(w => ids.Contains(w.Id)).ToDictionaryAsync(w => w.Id, w => w.Start, ct);
        var wanted = windows.FirstOrDefault(w => standing.PreferredStart is not { } p || starts.GetValueOrDefault(w.WindowId!.Value) >= p) ?? windows[^1];
        return new PlaceOrder.FulfilmentInput("window", wanted.WindowId, null, wanted.LocationId, date);
    }
}
