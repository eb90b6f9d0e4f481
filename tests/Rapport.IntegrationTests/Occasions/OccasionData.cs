using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Customers;
using Rapport.Core.Delivery;
using Rapport.Core.Orders;
using Rapport.IntegrationTests.Orders;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Occasions;

/// <summary>Customers with an order history of their own, written straight to the database.</summary>
internal static class OccasionData
{
    private static long numbers = 9_000_000;

    /// <summary>The business's today, in its time zone.</summary>
    public static Task<DateOnly> TodayAsync(this OrderData data) => data.DbAsync(async db =>
    {
        var zone = await db.Businesses.Where(b => b.Id == data.Business).Select(b => b.TimeZone).SingleAsync(Ct);
        return BusinessClock.Today(DateTime.UtcNow, BusinessClock.Zone(zone));
    });

    /// <summary>Delivered orders for the recipient on the given days, tagged with the occasion.</summary>
    public static Task<List<Guid>> HistoryAsync(this OrderData data, TestCustomer customer, string? occasion, params DateOnly[] days) => data.DbAsync(async db =>
    {
        var orders = days.Select(day => new Order
        {
            Number = Interlocked.Increment(ref numbers), CustomerId = customer.Id, RecipientId = customer.RecipientId, RecipientName = customer.RecipientName,
            Occasion = occasion, Channel = OrderChannel.Phone, Fulfilment = FulfilmentKind.Pickup, FulfilmentDate = day, Promise = "Picked up",
            Subtotal = 70m, Total = 70m, Budget = 70m, Status = day < DateOnly.FromDateTime(DateTime.UtcNow) ? OrderStatus.Delivered : OrderStatus.Placed,
            PlacedAt = day.AddDays(-2).ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc), UpdatedAt = DateTime.UtcNow,
        }).ToList();
        db.Orders.AddRange(orders);
        await db.SaveChangesAsync(Ct);
        return orders.Select(o => o.Id).ToList();
    });

    /// <summary>The same calendar day in each of the last <paramref name="years"/> years (all before today).</summary>
    public static DateOnly[] YearsBack(DateOnly today, int month, int day, int years)
    {
        var latest = new DateOnly(today.Year, month, day) <= today ? today.Year : today.Year - 1;
        return Enumerable.Range(0, years).Select(back => new DateOnly(latest - back, month, day)).ToArray();
    }

    public static Task<Recipient> OtherRecipientAsync(this OrderData data, Guid customerId, string name) => data.DbAsync(async db =>
    {
        var recipient = new Recipient { CustomerId = customerId, Name = name };
        db.Recipients.Add(recipient);
        await db.SaveChangesAsync(Ct);
        return recipient;
    });
}
