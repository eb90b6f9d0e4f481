using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Rapport.BrowserTests.Orders;
using Rapport.Core.Customers;
using Rapport.Core.Notifications;
using Rapport.Core.Occasions;
using Rapport.Testing;
using Rapport.Web.Shop;
using static Microsoft.Playwright.Assertions;

namespace Rapport.BrowserTests.Occasions;

/// <summary>A customer follows the reminder's link from the e-mail a real SMTP server received, and orders with one click.</summary>
public sealed partial class ReminderLinkTests(BrowserRapportApp app, BrowserFixture browser)
    : BrowserTest(app, browser), IClassFixture<BrowserRapportApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_reminders_link_places_the_order_with_one_click()
    {
        await using var smtp = await SmtpSink.StartAsync();
        var bloom = await App.BloomAsync();
        // The demo's own reminders go out first, as on its first start, so the test's mail is the only one sent below.
        await App.WithDbAsync(bloom, db => SendReminders.RunAsync(db, token => "http://localhost:5080/" + token, TimeProvider.System, Ct));
        await App.WithDbAsync(bloom, db => db.OutboxMessages.ExecuteDeleteAsync(Ct));
        var date = (await App.TodayAsync(bloom)).AddDays(10);
        var postcode = "66412";
        var shop = await App.LocationAsync(bloom, "Reminder shop", postcode, (date, 10, 5, 0, 0));
        var email = TestNames.Email("ruth", "example.com");
        var customerId = await App.WithDbAsync(bloom, async db =>
        {
            var customer = new Customer { Name = "Ruth Remembers" };
            customer.ContactPoints.Add(ContactPoint.Email(email, primary: true)!);
            var mother = new Recipient { Name = "Edith Remembers", Address = new PostalAddress { Line1 = "9 Oak Lane", City = "Prairie Village", PostalCode = postcode } };
            customer.Recipients.Add(mother);
            customer.PaymentMethods.Add(new PaymentMethod { Provider = "demo-pay", Token = "tok_ruth", Brand = "Visa", Last4 = "4242", ExpMonth = 12, ExpYear = DateTime.UtcNow.Year + 2 });
            db.Customers.Add(customer);
            var rule = DateRule.Fixed(date.Month, date.Day);
            db.Occasions.Add(new Occasion
            {
                CustomerId = customer.Id, RecipientId = mother.Id, Type = OccasionType.Birthday, Rule = rule, UsualBudget = 60m,
                Source = OccasionSource.Staff, Status = OccasionStatus.Confirmed, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
                CreatedBy = "test", Key = Occasion.KeyOf(customer.Id, mother.Id, OccasionType.Birthday, rule),
            });
            await db.SaveChangesAsync(Ct);
            return customer.Id;
        });

        // The reminder job and the outbox, as the scheduler runs them, sending to the real SMTP server.
        await App.WithDbAsync(bloom, db => SendReminders.RunAsync(db, token => ShopLinks.Reorder(App.BaseAddress.ToString().TrimEnd('/'), "bloom", token), TimeProvider.System, Ct));
        var settings = new MailSettings("127.0.0.1", smtp.Port, MailKit.Security.SecureSocketOptions.StartTlsWhenAvailable, null, null, "shop@rapport.test", null);
        await App.WithDbAsync(db => OutboxDispatch.RunAsync(db, new SmtpMailSender(settings), settings.FromAddress, TimeProvider.System, Ct));
        var received = (await smtp.WaitForAsync(1, TimeSpan.FromSeconds(10))).Single(m => m.EnvelopeTo.Contains(email));
        var link = Link().Match(received.Html ?? "").Groups["url"].Value;
        link.ShouldContain("/shop/bloom/reorder/");

        await Page.GotoAsync(link);
        await Expect(Page.GetByRole(Microsoft.Playwright.AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Birthday for Edith Remembers");
        await Expect(Page.Locator("[data-testid=reorder-summary]")).ToContainTextAsync("$60.00");
        await Expect(Page.Locator("[data-testid=reorder-summary]")).ToContainTextAsync("Visa ending 4242");
        await Expect(Page.Locator("[data-testid=option]").First).ToContainTextAsync("Delivered");
        await Page.Locator("[data-testid=reorder-confirm]").ClickAsync();

        await Expect(Page.Locator("[data-testid=reorder-placed]")).ToContainTextAsync("is placed");
        var order = await App.WithDbAsync(bloom, db => db.Orders.AsNoTracking().SingleAsync(o => o.CustomerId == customerId, Ct));
        (order.FulfilmentDate, order.WindowId, order.Subtotal).ShouldBe((date, shop.Windows[0].Id, 60m));

        // The link works once.
        await Page.GotoAsync(link);
        await Expect(Page.Locator("[data-testid=reorder-used]")).ToContainTextAsync($"order {order.Number} is placed");
    }

    [GeneratedRegex("""href="(?<url>[^"]+/reorder/[^"]+)""")]
    private static partial Regex Link();
}
