using System.Net;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Occasions;
using Rapport.Core.Orders;
using Rapport.IntegrationTests.Shop;
using Rapport.Testing;
using Rapport.Web.Shop;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Occasions;

/// <summary>Reminders that arrive: e-mailed over a real SMTP server with a one-click reorder link, or a call task.</summary>
public sealed class ReminderTests : IAsyncLifetime
{
    private SmtpSink smtp = null!;
    private RapportApp app = null!;
    private Guid bloom;

    public async ValueTask InitializeAsync()
    {
        smtp = await SmtpSink.StartAsync();
        app = new RapportApp();
        foreach (var (key, value) in smtp.Settings) app.With(key, value);
        await app.InitializeAsync();
        bloom = await app.BusinessIdAsync(DemoData.Bloom);
        await app.SendDemoRemindersAsync(bloom);
    }

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        await smtp.DisposeAsync();
    }

    private Task<SendReminders.Outcome> RemindAsync() =>
        app.WithDbAsync(bloom, db => SendReminders.RunAsync(db, token => ShopLinks.Reorder("http://localhost:5080", "bloom", token), TimeProvider.System, Ct));

    [Fact]
    public async Task Ten_days_ahead_the_customer_gets_one_email_whose_link_places_the_order_once()
    {
        var onFile = await app.OccasionAsync(bloom, daysAhead: 10);

        (await app.RunJobAsync("reminders")).ShouldBeTrue();
        (await RemindAsync()).Emailed.ShouldBe(0, "a second run reminds nobody twice");
        (await app.RunJobAsync("outbox")).ShouldBeTrue();

        var mail = (await smtp.WaitForAsync(1, TimeSpan.FromSeconds(10))).Where(m => m.EnvelopeTo.Contains(onFile.Email)).ShouldHaveSingleItem();
        mail.Subject.ShouldStartWith("Maria's birthday is on ");
        var reminder = (await app.RemindersAsync(bloom, onFile.CustomerId)).ShouldHaveSingleItem();
        (reminder.LeadDays, reminder.OccasionDate, reminder.Channel).ShouldBe((10, onFile.Date, ReminderChannel.Email));
        var timeline = await (await app.ClientAsync("service@bloom.example")).GetJsonAsync($"/api/customers/{onFile.CustomerId}/timeline?limit=5");
        timeline.Items().Select(e => e.Str("summary")).ShouldContain(s => s.StartsWith("Reminder e-mailed: Maria's birthday", StringComparison.Ordinal));

        var browser = new ShopBrowser(app);
        var link = ReminderData.LinkIn(mail.Text);
        var page = (await browser.GetAsync(link)).ShouldBe(HttpStatusCode.OK);
        page.Text.ShouldContain("Birthday for Maria Remembered");
        page.Text.ShouldContain("Visa ending 4242");
        page.Text.ShouldContain("$85.00");
        var placed = (await browser.PostAsync(link, page.Token)).ShouldBe(HttpStatusCode.OK);
        placed.Text.ShouldContain("your order");

        var order = await app.WithDbAsync(bloom, db => db.Orders.AsNoTracking().SingleAsync(o => o.CustomerId == onFile.CustomerId, Ct));
        (order.RecipientId, order.FulfilmentDate, order.Channel, order.Subtotal).ShouldBe((onFile.RecipientId, onFile.Date, OrderChannel.Web, 85m));
        (await app.WithDbAsync(bloom, db => db.DeliveryWindows.AsNoTracking().SingleAsync(w => w.Id == onFile.Delivery.Windows[0], Ct))).Booked.ShouldBe(1);

        var again = await browser.PostAsync(link, page.Token);
        again.Status.ShouldBe(HttpStatusCode.Conflict);
        again.Text.ShouldContain($"order {order.Number} is placed");
        (await browser.GetAsync(link)).Text.ShouldContain("This link has been used");
        (await app.WithDbAsync(bloom, db => db.Orders.CountAsync(o => o.CustomerId == onFile.CustomerId, Ct))).ShouldBe(1);
    }

    [Fact]
    public async Task Without_an_email_address_staff_get_a_call_task_instead()
    {
        var onFile = await app.OccasionAsync(bloom, daysAhead: 10, withEmail: false);

        (await RemindAsync()).CallTasks.ShouldBeGreaterThanOrEqualTo(1);
        await RemindAsync();

        var tasks = await (await app.ClientAsync("service@bloom.example")).GetJsonAsync("/api/tasks?limit=50");
        tasks.EnumerateArray().Where(t => t.Str("customerId") == onFile.CustomerId.ToString()).ShouldHaveSingleItem()
            .Str("title").ShouldStartWith("Call Reminded ");
        (await app.RemindersAsync(bloom, onFile.CustomerId)).ShouldHaveSingleItem().Channel.ShouldBe(ReminderChannel.CallTask);
        (await app.WithDbAsync(bloom, db => db.OutboxMessages.CountAsync(m => m.CustomerId == onFile.CustomerId, Ct))).ShouldBe(0);
    }

    [Fact]
    public async Task After_downtime_only_the_latest_missed_reminder_goes_and_a_passed_occasion_gets_none()
    {
        var soon = await app.OccasionAsync(bloom, daysAhead: 2);
        var passed = await app.OccasionAsync(bloom, daysAhead: -1);

        await RemindAsync();

        (await app.RemindersAsync(bloom, soon.CustomerId)).ShouldHaveSingleItem().LeadDays.ShouldBe(3);
        (await app.RemindersAsync(bloom, passed.CustomerId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_occasion_early_next_month_is_reminded_and_one_further_ahead_waits()
    {
        // The run reads only the months a reminder can be due in: the 3rd of a month, seen from ten days before.
        var today = await app.TodayAsync(bloom);
        var third = new DateOnly(today.Year, today.Month, 1).AddMonths(2).AddDays(2);
        var early = await app.OccasionAsync(bloom, daysAhead: third.DayNumber - today.DayNumber);
        var later = await app.OccasionAsync(bloom, daysAhead: third.DayNumber - today.DayNumber + 45);
        var clock = new FixedClock(new DateTimeOffset(third.AddDays(-10).ToDateTime(new TimeOnly(18, 0)), TimeSpan.Zero));

        await app.WithDbAsync(bloom, db => SendReminders.RunAsync(db, token => ShopLinks.Reorder("http://localhost:5080", "bloom", token), clock, Ct));

        (await app.RemindersAsync(bloom, early.CustomerId)).ShouldHaveSingleItem().LeadDays.ShouldBe(10);
        (await app.RemindersAsync(bloom, later.CustomerId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_occasion_already_ordered_for_is_not_reminded()
    {
        var onFile = await app.OccasionAsync(bloom, daysAhead: 5);
        await app.WithDbAsync(bloom, async db =>
        {
            db.Orders.Add(new Order
            {
                CustomerId = onFile.CustomerId, RecipientId = onFile.RecipientId, Number = Random.Shared.NextInt64(1_000_000, 9_000_000),
                FulfilmentDate = onFile.Date, PlacedAt = DateTime.UtcNow, Channel = OrderChannel.Phone, Promise = "test",
            });
            return await db.SaveChangesAsync(Ct);
        });

        (await RemindAsync()).AlreadyOrdered.ShouldBeGreaterThanOrEqualTo(1);
        (await app.RemindersAsync(bloom, onFile.CustomerId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_link_works_only_for_its_customer_until_the_day_and_an_unknown_one_is_404()
    {
        var onFile = await app.OccasionAsync(bloom, daysAhead: 10);
        await RemindAsync();
        await app.RunJobAsync("outbox");
        var mail = (await smtp.WaitForAsync(1, TimeSpan.FromSeconds(10))).Single(m => m.EnvelopeTo.Contains(onFile.Email));
        var link = ReminderData.LinkIn(mail.Text);

        (await new ShopBrowser(app).GetAsync(link + "x")).ShouldBe(HttpStatusCode.NotFound);
        (await new ShopBrowser(app, DemoData.Harbor).GetAsync(link.Replace("/shop/bloom/", "/shop/harbor/", StringComparison.Ordinal))).ShouldBe(HttpStatusCode.NotFound);

        var someoneElse = await app.ShopperAsync();
        var refused = (await someoneElse.GetAsync(link)).ShouldBe(HttpStatusCode.Forbidden);
        refused.Text.ShouldContain("sent to another customer");

        await app.WithDbAsync(bloom, db => db.ReorderLinks.Where(l => l.CustomerId == onFile.CustomerId)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, DateTime.UtcNow.AddMinutes(-1)), Ct));
        var expired = new ShopBrowser(app);
        (await expired.GetAsync(link)).ShouldBe(HttpStatusCode.Gone).Text.ShouldContain("expired");
        (await app.WithDbAsync(bloom, db => db.Orders.CountAsync(o => o.CustomerId == onFile.CustomerId, Ct))).ShouldBe(0);
    }

    [Fact]
    public async Task When_the_window_filled_up_the_link_offers_alternatives_and_stays_usable()
    {
        var onFile = await app.OccasionAsync(bloom, daysAhead: 10, capacity: 1);
        await RemindAsync();
        await app.RunJobAsync("outbox");
        var mail = (await smtp.WaitForAsync(1, TimeSpan.FromSeconds(10))).Single(m => m.EnvelopeTo.Contains(onFile.Email));
        var link = ReminderData.LinkIn(mail.Text);
        var browser = new ShopBrowser(app);
        var page = (await browser.GetAsync(link)).ShouldBe(HttpStatusCode.OK);
        // Someone else takes the last place before the customer confirms.
        await app.WithDbAsync(bloom, db => db.DeliveryWindows.Where(w => w.Id == onFile.Delivery.Windows[0])
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.Booked, w => w.Capacity), Ct));

        var refused = (await browser.PostAsync(link, page.Token, ("Choice", page.Input("Choice").First()))).ShouldBe(HttpStatusCode.Conflict);

        refused.Text.ShouldContain("full");
        (await app.WithDbAsync(bloom, db => db.ReorderLinks.AsNoTracking().SingleAsync(l => l.CustomerId == onFile.CustomerId, Ct))).UsedAt.ShouldBeNull();
        (await app.WithDbAsync(bloom, db => db.Orders.CountAsync(o => o.CustomerId == onFile.CustomerId, Ct))).ShouldBe(0);
    }
}
