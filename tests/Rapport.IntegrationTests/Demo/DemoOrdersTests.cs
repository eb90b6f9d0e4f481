using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Delivery;
using Rapport.Demo;
using Rapport.Core.Orders;
using Rapport.Core.Timeline;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Demo;

/// <summary>The florist demo keeps the promises the product brief makes of it: Tom's years, the windows, the runs.</summary>
public sealed class DemoOrdersTests(RapportApp app) : IClassFixture<RapportApp>
{
    [Fact]
    public Task Tom_has_ordered_for_Maria_on_seven_Valentines_Days_and_on_her_birthday_and_their_anniversary_most_years() =>
        DemoPromises.TomsYearsAsync(app);

    [Fact]
    public Task Every_window_has_booked_exactly_the_deliveries_in_it_that_are_not_cancelled() =>
        DemoPromises.WindowsBookedByTheirOrdersAsync(app);

    [Fact]
    public Task The_coming_Valentines_Day_is_full_leaving_only_some_loyalty_reserve() =>
        DemoPromises.ValentinesFullAsync(app, DateTime.UtcNow);

    [Fact]
    public Task Every_delivery_is_a_stop_and_todays_and_tomorrows_are_the_drivers_run_with_Toms() =>
        DemoPromises.RunsAsync(app, DateTime.UtcNow);

    [Fact]
    public Task Orders_add_up_are_numbered_from_1001_and_step_forward_in_time_to_late_and_failed_deliveries_too() =>
        DemoPromises.OrdersAsync(app, DateTime.UtcNow);

    [Fact]
    public Task Each_customer_visible_step_is_on_the_timeline_and_turned_away_customers_left_a_negative_entry() =>
        DemoPromises.TimelineAsync(app);
}

/// <summary>
/// The demo is seeded at whatever moment Rapport first starts: the same promises hold on a closed Sunday,
/// on a Saturday evening after the last window, and on Valentine's morning itself.
/// </summary>
public sealed class DemoAtAnyMomentTests
{
    [Theory]
    [InlineData("2026-11-22T13:00:00Z")]   // Sunday 07:00 in Kansas City: closed today, Monday's run ahead
    [InlineData("2026-03-08T02:30:00Z")]   // Saturday 20:30, the night clocks go forward; Sunday closed
    [InlineData("2027-02-14T15:30:00Z")]   // Valentine's Day (a Sunday) at 09:30: the full calendar is today's run
    public async Task The_demo_keeps_its_promises_whenever_it_is_seeded(string instant)
    {
        var now = DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture);
        await using var app = new EmptyRapportApp();
        await app.InitializeAsync();

        (await DemoSeeder.SeedAsync(app.Services, new FixedClock(now), Ct)).ShouldBeTrue();

        await DemoPromises.TomsYearsAsync(app);
        await DemoPromises.WindowsBookedByTheirOrdersAsync(app);
        await DemoPromises.ValentinesFullAsync(app, now.UtcDateTime);
        await DemoPromises.RunsAsync(app, now.UtcDateTime);
        await DemoPromises.OrdersAsync(app, now.UtcDateTime);
        await DemoPromises.TimelineAsync(app);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

internal static class DemoPromises
{
    public static async Task TomsYearsAsync(RapportApp app)
    {
        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        var tomId = await app.CustomerIdAsync(DemoData.Bloom, "Tom Lindqvist");

        var orders = await app.WithDbAsync(bloom, db => db.Orders.Where(o => o.CustomerId == tomId)
            .Select(o => new { o.Occasion, o.RecipientName, o.FulfilmentDate, o.Status }).ToListAsync(Ct));

        var valentines = orders.Where(o => o.Occasion == "Valentine's Day").ToList();
        valentines.Count.ShouldBe(7);
        valentines.ShouldAllBe(o => o.RecipientName == "Maria Lindqvist" && o.FulfilmentDate.Month == 2 && o.FulfilmentDate.Day == 14
            && o.Status == OrderStatus.Delivered);
        valentines.Select(o => o.FulfilmentDate.Year).Distinct().Count().ShouldBe(7);
        foreach (var occasion in new[] { "Birthday", "Anniversary" })
            orders.Count(o => o.Occasion == occasion && o.RecipientName == "Maria Lindqvist").ShouldBeGreaterThanOrEqualTo(5, occasion);
    }

    public static async Task WindowsBookedByTheirOrdersAsync(RapportApp app)
    {
        var bloom = await app.BusinessIdAsync(DemoData.Bloom);

        var (windows, orders) = await app.WithDbAsync(bloom, async db => (
            await db.DeliveryWindows.Select(w => new { w.Id, w.LocationId, w.Date, w.Booked, w.Capacity }).ToListAsync(Ct),
            await db.Orders.Where(o => o.WindowId != null)
                .Select(o => new { o.WindowId, o.LocationId, o.FulfilmentDate, o.Fulfilment, o.Status }).ToListAsync(Ct)));

        windows.ShouldNotBeEmpty();
        orders.ShouldContain(o => o.Status == OrderStatus.Cancelled);
        foreach (var window in windows)
        {
            var inWindow = orders.Where(o => o.WindowId == window.Id).ToList();
            inWindow.ShouldAllBe(o => o.Fulfilment == FulfilmentKind.Delivery && o.LocationId == window.LocationId && o.FulfilmentDate == window.Date);
            window.Booked.ShouldBe(inWindow.Count(o => o.Status != OrderStatus.Cancelled), $"window {window.Id} on {window.Date}");
            window.Booked.ShouldBeLessThanOrEqualTo(window.Capacity);
        }
        orders.Select(o => o.WindowId).ShouldBeSubsetOf(windows.Select(w => (Guid?)w.Id));
    }

    public static async Task ValentinesFullAsync(RapportApp app, DateTime now)
    {
        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        var today = await TodayAsync(app, bloom, now);
        var valentines = new DateOnly(today.Year, 2, 14) >= today ? new DateOnly(today.Year, 2, 14) : new DateOnly(today.Year + 1, 2, 14);

        var (windows, locations) = await app.WithDbAsync(bloom, async db => (
            await db.DeliveryWindows.Where(w => w.Date == valentines).ToListAsync(Ct),
            await db.Locations.CountAsync(Ct)));

        windows.Count.ShouldBeGreaterThanOrEqualTo(5 * locations);
        windows.ShouldAllBe(w => w.IsOverride && w.Booked >= w.Capacity - w.LoyaltyReserve);
        // Loyal customers took the reserve of some windows; in the others it is still there for Tom.
        windows.ShouldContain(w => w.Booked == w.Capacity);
        windows.ShouldContain(w => w.Booked < w.Capacity);
    }

    public static async Task RunsAsync(RapportApp app, DateTime now)
    {
        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        var today = await TodayAsync(app, bloom, now);
        var tomorrow = today.AddDays(1);
        var tomId = await app.CustomerIdAsync(DemoData.Bloom, "Tom Lindqvist");
        var driver = await app.StaffAsync("driver@bloom.example");

        var (orders, stops) = await app.WithDbAsync(bloom, async db => (
            await db.Orders.Where(o => o.WindowId != null)
                .Select(o => new { o.Id, o.CustomerId, o.RecipientId, o.WindowId, o.LocationId, o.FulfilmentDate }).ToListAsync(Ct),
            await db.DeliveryStops.Where(s => s.OrderId != null).ToListAsync(Ct)));

        // Every order in a window is a stop, as placing one makes it.
        stops.Select(s => s.OrderId!.Value).ShouldBe(orders.Select(o => o.Id), ignoreOrder: true);
        foreach (var stop in stops)
        {
            var order = orders.Single(o => o.Id == stop.OrderId);
            (stop.CustomerId, stop.RecipientId, stop.WindowId, stop.LocationId, stop.Date)
                .ShouldBe((order.CustomerId, order.RecipientId, order.WindowId, order.LocationId, order.FulfilmentDate));
        }
        // The driver has today's and tomorrow's runs, Tom's stop among them; later days are not assigned yet.
        var run = stops.Where(s => s.Date >= today && s.Date <= tomorrow).ToList();
        run.ShouldNotBeEmpty();
        run.Count(s => s.DriverId == driver.Id).ShouldBeGreaterThan(run.Count / 2);
        run.ShouldContain(s => s.CustomerId == tomId && s.DriverId == driver.Id);
        stops.Where(s => s.Date > tomorrow).ShouldAllBe(s => s.DriverId == null);
        stops.GroupBy(s => s.WindowId).ShouldAllBe(g => g.Select(s => s.Sequence).Order().SequenceEqual(Enumerable.Range(1, g.Count())));
    }

    public static async Task OrdersAsync(RapportApp app, DateTime now)
    {
        var bloom = await app.BusinessIdAsync(DemoData.Bloom);

        var (orders, lines, steps, next) = await app.WithDbAsync(bloom, async db => (
            await db.Orders.Select(o => new { o.Id, o.Number, o.Subtotal, o.DeliveryFee, o.Total, o.Status, o.DeliveredAt, o.PromisedBy, o.FailureReason, o.Promise })
                .ToListAsync(Ct),
            await db.OrderLines.Select(l => new { l.OrderId, l.Total }).ToListAsync(Ct),
            await db.OrderStatusChanges.Select(c => new { c.OrderId, c.Status, c.At }).ToListAsync(Ct),
            await db.OrderNumberBlocks.Where(b => b.BusinessId == bloom).Select(b => b.Next).SingleAsync(Ct)));

        orders.Count.ShouldBeGreaterThan(300);
        orders.Select(o => o.Number).Order().ShouldBe(Enumerable.Range(1001, orders.Count).Select(n => (long)n));
        next.ShouldBe(1001 + orders.Count);
        var subtotals = lines.GroupBy(l => l.OrderId).ToDictionary(g => g.Key, g => g.Sum(l => l.Total));
        var histories = steps.GroupBy(c => c.OrderId).ToDictionary(g => g.Key, g => g.OrderBy(c => c.At).ToList());
        foreach (var order in orders)
        {
            order.Subtotal.ShouldBe(subtotals[order.Id], $"order {order.Number}");
            order.Total.ShouldBe(order.Subtotal + order.DeliveryFee, $"order {order.Number}");
            order.Promise.ShouldNotBeNullOrWhiteSpace();
            var history = histories[order.Id];
            history[0].Status.ShouldBe(OrderStatus.Placed, $"order {order.Number}");
            history[^1].Status.ShouldBe(order.Status, $"order {order.Number}");
            history[^1].At.ShouldBeLessThanOrEqualTo(now);
            if (order.Status == OrderStatus.Delivered) order.DeliveredAt.ShouldBe(history[^1].At);
        }
        orders.ShouldContain(o => o.DeliveredAt > o.PromisedBy);
        orders.ShouldContain(o => o.Status == OrderStatus.Failed && o.FailureReason != null);
    }

    public static async Task TimelineAsync(RapportApp app)
    {
        var bloom = await app.BusinessIdAsync(DemoData.Bloom);

        var (orders, steps, entries, turnedAway) = await app.WithDbAsync(bloom, async db => (
            await db.Orders.Select(o => new { o.Id, o.CustomerId, o.Status, o.WindowId }).ToListAsync(Ct),
            await db.OrderStatusChanges.Select(c => new { c.OrderId, c.Status }).ToListAsync(Ct),
            await db.Interactions.Where(i => i.OrderId != null).Select(i => new { i.OrderId, i.CustomerId, i.Tone }).ToListAsync(Ct),
            await db.TurnedAway.Select(t => new { t.CustomerId, t.At }).ToListAsync(Ct)));

        var byOrder = entries.ToLookup(e => e.OrderId!.Value);
        var visibleSteps = steps.Where(c => OrderLifecycle.IsVisibleToCustomer(c.Status)).ToLookup(c => c.OrderId);
        foreach (var order in orders)
        {
            var about = byOrder[order.Id].ToList();
            about.ShouldAllBe(e => e.CustomerId == order.CustomerId);
            // Placed; then, for the coming days' orders, each step the customer hears of, as the app logs it;
            // for the years before, how the delivery went, once it was done.
            var after = order.WindowId is not null ? visibleSteps[order.Id].Count() : OrderLifecycle.IsFinal(order.Status) ? 1 : 0;
            about.Count.ShouldBe(1 + after);
            if (order.Status == OrderStatus.Failed) about.ShouldContain(e => e.Tone == Tone.Negative);
        }
        turnedAway.Count.ShouldBeGreaterThanOrEqualTo(2);
        foreach (var declined in turnedAway)
            (await app.WithDbAsync(bloom, db => db.Interactions.AnyAsync(i => i.CustomerId == declined.CustomerId && i.OccurredAt == declined.At
                && i.Tone == Tone.Negative, Ct))).ShouldBeTrue();
    }

    private static async Task<DateOnly> TodayAsync(RapportApp app, Guid business, DateTime now)
    {
        var zone = await app.WithDbAsync(db => db.Businesses.Where(b => b.Id == business).Select(b => b.TimeZone).SingleAsync(Ct));
        return BusinessClock.Today(now, BusinessClock.Zone(zone));
    }
}
