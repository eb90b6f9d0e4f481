using Microsoft.EntityFrameworkCore;
using Rapport.Core.Customers;
using Rapport.Core.Occasions;
using Rapport.IntegrationTests.Orders;
using Rapport.IntegrationTests.Shop;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Occasions;

internal sealed record OnFile(Guid CustomerId, string Email, Guid RecipientId, Guid OccasionId, DateOnly Date, DeliverySetup.Setup Delivery);

/// <summary>A customer with a confirmed occasion some days ahead, and a shop delivering to the recipient on that day.</summary>
internal static class ReminderData
{
    /// <summary>
    /// The demo's own reminders (its regulars' confirmed occasions) made and their mails gone, as the demo's first start
    /// does, so that the test's own customer is the only one reminded afterwards.
    /// </summary>
    public static async Task SendDemoRemindersAsync(this RapportApp app, Guid business)
    {
        await app.WithDbAsync(business, db => SendReminders.RunAsync(db, token => "http://localhost:5080/" + token, TimeProvider.System, Ct));
        await app.WithDbAsync(business, db => db.OutboxMessages.ExecuteDeleteAsync(Ct));
    }

    public static async Task<OnFile> OccasionAsync(
        this RapportApp app, Guid business, int daysAhead, bool withEmail = true, int capacity = 5, decimal? budget = 85m, string? slug = null)
    {
        var today = await app.TodayAsync(business);
        var date = today.AddDays(daysAhead);
        var delivery = await app.DeliveringAsync(business, new ShopSetup.Window(date, 10, capacity));
        var email = TestNames.Email("reminded", "example.com");
        return await app.WithDbAsync(business, async db =>
        {
            var customer = new Customer { Name = TestNames.Unique("Reminded") };
            customer.ContactPoints.Add(ContactPoint.Phone("(816) 555-0123", "1", primary: true)!);
            if (withEmail) customer.ContactPoints.Add(ContactPoint.Email(email, primary: true)!);
            var recipient = new Recipient
            {
                Name = "Maria Remembered",
                Address = new PostalAddress { Line1 = "12 Elm Street", City = "Springfield", PostalCode = delivery.Postcode },
            };
            customer.Recipients.Add(recipient);
            customer.PaymentMethods.Add(new PaymentMethod { Provider = "demo-pay", Token = "tok_remind", Brand = "Visa", Last4 = "4242", ExpMonth = 12, ExpYear = DateTime.UtcNow.Year + 2 });
            db.Customers.Add(customer);
            await db.SaveChangesAsync(Ct);
            var rule = DateRule.Fixed(date.Month, date.Day);
            var occasion = new Occasion
            {
                CustomerId = customer.Id, RecipientId = recipient.Id, Type = OccasionType.Birthday, Rule = rule, UsualBudget = budget,
                Source = OccasionSource.Staff, Status = OccasionStatus.Confirmed, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
                CreatedBy = "test", Key = Occasion.KeyOf(customer.Id, recipient.Id, OccasionType.Birthday, rule),
            };
            db.Occasions.Add(occasion);
            await db.SaveChangesAsync(Ct);
            return new OnFile(customer.Id, email, recipient.Id, occasion.Id, date, delivery);
        });
    }

    public static Task<List<Reminder>> RemindersAsync(this RapportApp app, Guid business, Guid customerId) =>
        app.WithDbAsync(business, db => db.Reminders.AsNoTracking().Where(r => r.CustomerId == customerId).ToListAsync(Ct));

    /// <summary>The reorder link's path in a reminder's text.</summary>
    public static string LinkIn(string text)
    {
        var match = System.Text.RegularExpressions.Regex.Match(text, @"https?://[^/\s]+(?<path>/shop/[a-z0-9-]+/reorder/[A-Za-z0-9_-]+)");
        match.Success.ShouldBeTrue($"No reorder link in: {text}");
        return match.Groups["path"].Value;
    }
}
