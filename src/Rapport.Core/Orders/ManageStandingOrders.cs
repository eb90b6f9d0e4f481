using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Audit;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Customers;
using Rapport.Core.Data;
using Rapport.Core.Delivery;
using Rapport.Core.Occasions;

namespace Rapport.Core.Orders;

public sealed record StandingOrderView(
    Guid Id, Guid CustomerId, Guid? RecipientId, string RecipientName, StandingSchedule Schedule, DayOfWeek? Weekday, int? DayOfMonth,
    Guid? OccasionId, string Description, Guid ProductId, string ProductName, int Quantity, decimal? Budget, Guid PaymentMethodId,
    TimeOnly? PreferredStart, int DaysAhead, bool TakeFirstAlternative, string? CardMessage, bool Active, DateOnly? NextDate, DateTime CreatedAt);

public static class ManageStandingOrders
{
    public const int MaxDaysAhead = 60;

    public sealed record Command(
        StandingSchedule? Schedule, DayOfWeek? Weekday, int? DayOfMonth, Guid? OccasionId, Guid? RecipientId, Guid? ProductId,
        int? Quantity, decimal? Budget, Guid? PaymentMethodId, TimeOnly? PreferredStart, int? DaysAhead, bool? TakeFirstAlternative, string? CardMessage);

    public static async Task<Result<IReadOnlyList<StandingOrderView>>> ListAsync(RapportDb db, Actor actor, Guid customerId, TimeProvider time, CancellationToken ct)
    {
        if (!actor.Role.TakesOrders()) return Failure.Forbidden($"The {actor.Role.Label()} role does not take orders.");
        if (!await db.VisibleTo(actor).AnyAsync(c => c.Id == customerId, ct)) return Failure.NotFound("Customer");
        var standing = await db.StandingOrders.AsNoTracking().Where(s => s.CustomerId == customerId)
            .OrderByDescending(s => s.Active).ThenBy(s => s.CreatedAt).ToListAsync(ct);
        return await ViewsAsync(db, standing, time, ct);
    }

    public static async Task<Result<StandingOrderView>> AddAsync(RapportDb db, Actor actor, Guid customerId, Command c, TimeProvider time, CancellationToken ct)
    {
        if (!actor.Role.TakesOrders()) return Failure.Forbidden($"The {actor.Role.Label()} role does not take orders.");
        var customer = await db.VisibleTo(actor).FirstOrDefaultAsync(x => x.Id == customerId, ct);
        if (customer is null) return Failure.NotFound("Customer");
        var now = time.GetUtcNow().UtcDateTime;
        var today = BusinessClock.Today(now, await db.TimeZoneAsync(ct));

        var v = new Validator();
        switch (c.Schedule)
        {
            case null: v.Add("schedule", "Say how often: weekly, monthly or occasion."); break;
            case StandingSchedule.Weekly when c.Weekday is null: v.Add("weekday", "Say which day of the week (monday … sunday)."); break;
            case StandingSchedule.Monthly when c.DayOfMonth is not (>= 1 and <= 31): v.Add("dayOfMonth", "A day of the month from 1 to 31."); break;
            case StandingSchedule.Occasion when c.OccasionId is null: v.Add("occasionId", "Say which of the customer's occasions."); break;
        }
        if (c.Schedule == StandingSchedule.Occasion && c.OccasionId is { } occasionId
            && !await db.Occasions.AnyAsync(o => o.Id == occasionId && o.CustomerId == customerId && o.Status == OccasionStatus.Confirmed, ct))
            v.Add("occasionId", "Not a confirmed occasion of this customer.");
        if (c.RecipientId is { } rid && !await db.Recipients.AnyAsync(r => r.Id == rid && r.CustomerId == customerId, ct))
            v.Add("recipientId", "Not a recipient of this customer.");
        var product = c.ProductId is { } pid ? await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == pid && p.Active, ct) : null;
        if (product is null) v.Add("productId", "Choose a product on sale.");
        else if (product.IsDesignersChoice)
        {
            if (c.Budget is not { } budget) v.Add("budget", "Give the budget for the designer's choice.");
            else if (product.MinimumBudget is { } min && budget < min) v.Add("budget", $"{product.Name} starts at {min.ToString("0.00", CultureInfo.InvariantCulture)}.");
            else if (budget > OrderLimits.MaxAmount) v.Add("budget", "Too large.");
        }
        if (c.Quantity is { } q && q is < 1 or > OrderLimits.MaxQuantity) v.Add("quantity", $"Between 1 and {OrderLimits.MaxQuantity}.");
        var card = c.PaymentMethodId is { } cid ? await db.PaymentMethods.AsNoTracking().FirstOrDefaultAsync(p => p.Id == cid && p.CustomerId == customerId, ct) : null;
        if (card is null) v.Add("paymentMethodId", "Choose one of the customer's cards on file.");
        else if (!OrderDraft.IsValid(card, today)) v.Add("paymentMethodId", "That card has expired.");
        if (c.DaysAhead is { } ahead && ahead is < 1 or > MaxDaysAhead) v.Add("daysAhead", $"Between 1 and {MaxDaysAhead} days.");
        v.MaxLength("cardMessage", c.CardMessage, OrderLimits.CardMessage);
        if (!v.IsValid) return v.ToFailure();

        var standing = new StandingOrder
        {
            CustomerId = customerId, RecipientId = c.RecipientId, Schedule = c.Schedule!.Value,
            Weekday = c.Schedule == StandingSchedule.Weekly ? c.Weekday : null,
            DayOfMonth = c.Schedule == StandingSchedule.Monthly ? c.DayOfMonth : null,
            OccasionId = c.Schedule == StandingSchedule.Occasion ? c.OccasionId : null,
            ProductId = product!.Id, Quantity = product.IsDesignersChoice ? 1 : c.Quantity ?? 1,
            Budget = product.IsDesignersChoice ? c.Budget : null, PaymentMethodId = card!.Id, PreferredStart = c.PreferredStart,
            DaysAhead = c.DaysAhead ?? 7, TakeFirstAlternative = c.TakeFirstAlternative ?? false,
            CardMessage = string.IsNullOrWhiteSpace(c.CardMessage) ? null : c.CardMessage.Trim(),
            CreatedAt = now, CreatedBy = actor.Name,
        };
        db.StandingOrders.Add(standing);
        db.Audit(actor, nameof(StandingOrder), standing.Id, "created", null, new { standing.Schedule, standing.Weekday, standing.DayOfMonth, standing.OccasionId, standing.ProductId, standing.Budget, standing.DaysAhead });
        await db.SaveChangesAsync(ct);
        return (await ViewsAsync(db, [standing], time, ct))[0];
    }

    /// <summary>Stops it: nothing more is placed; what was placed stays.</summary>
    public static async Task<Result<StandingOrderView>> StopAsync(RapportDb db, Actor actor, Guid id, TimeProvider time, CancellationToken ct)
    {
        if (!actor.Role.TakesOrders()) return Failure.Forbidden($"The {actor.Role.Label()} role does not take orders.");
        var standing = await db.StandingOrders.FirstOrDefaultAsync(s => s.Id == id && db.VisibleTo(actor).Any(c => c.Id == s.CustomerId), ct);
        if (standing is null) return Failure.NotFound("Standing order");
        if (standing.Active)
        {
            standing.Active = false;
            standing.StoppedAt = time.GetUtcNow().UtcDateTime;
            db.Audit(actor, nameof(StandingOrder), standing.Id, "stopped", new { Active = true }, new { Active = false });
            await db.SaveChangesAsync(ct);
        }
        return (await ViewsAsync(db, [standing], time, ct))[0];
    }

    public static string Describe(StandingOrder s, string? occasionName) => s.Schedule switch
    {
        StandingSchedule.Weekly => $"Every {s.Weekday}",
        StandingSchedule.Monthly => $"Every month on the {Ordinal(s.DayOfMonth ?? 1)}",
        _ => $"Every year: {occasionName ?? "the occasion"}",
    };

    private static string Ordinal(int n) => n + (n % 100 is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" });

    private static async Task<List<StandingOrderView>> ViewsAsync(RapportDb db, IReadOnlyList<StandingOrder> standing, TimeProvider time, CancellationToken ct)
    {
        var today = BusinessClock.Today(time.GetUtcNow().UtcDateTime, await db.TimeZoneAsync(ct));
        var recipientIds = standing.Where(s => s.RecipientId != null).Select(s => s.RecipientId!.Value).ToList();
        var recipients = await db.Recipients.AsNoTracking().Where(r => recipientIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        var occasionIds = standing.Where(s => s.OccasionId != null).Select(s => s.OccasionId!.Value).ToList();
        var occasions = await db.Occasions.AsNoTracking().Where(o => occasionIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var productIds = standing.Select(s => s.ProductId).ToList();
        var products = await db.Products.AsNoTracking().Where(p => productIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var customerIds = standing.Select(s => s.CustomerId).Distinct().ToList();
        var names = await db.Customers.AsNoTracking().Where(c => customerIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        return standing.Select(s =>
        {
            var occasion = s.OccasionId is { } oid ? occasions.GetValueOrDefault(oid) : null;
            var next = s.Active ? s.DueDates(today.AddDays(-1), today.AddYears(1), occasion).Cast<DateOnly?>().FirstOrDefault() : null;
            return new StandingOrderView(s.Id, s.CustomerId, s.RecipientId,
                s.RecipientId is { } r ? recipients.GetValueOrDefault(r) ?? "" : names.GetValueOrDefault(s.CustomerId) ?? "",
                s.Schedule, s.Weekday, s.DayOfMonth, s.OccasionId,
                Describe(s, occasion is null ? null : SendReminders.Describe(occasion, s.RecipientId is { } rr ? recipients.GetValueOrDefault(rr) : null)),
                s.ProductId, products.GetValueOrDefault(s.ProductId) ?? "", s.Quantity, s.Budget, s.PaymentMethodId, s.PreferredStart,
                s.DaysAhead, s.TakeFirstAlternative, s.CardMessage, s.Active, next, s.CreatedAt);
        }).ToList();
    }
}
