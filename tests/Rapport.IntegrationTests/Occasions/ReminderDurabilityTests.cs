using Microsoft.EntityFrameworkCore;
using Rapport.Core.Customers;
using Rapport.Core.Occasions;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Occasions;

/// <summary>Exactly one reminder per occasion with two Rapport processes running the scheduler, one of them killed and restarted.</summary>
public sealed class ReminderDurabilityTests : IAsyncLifetime
{
    private const int Occasions = 25;
    private string connection = "";
    private Guid bloom;
    private SmtpSink smtp = null!;

    public async ValueTask InitializeAsync()
    {
        smtp = await SmtpSink.StartAsync();
        connection = await TestDatabase.CreateAsync(demo: true);
        await using var db = RapportProcess.Open(connection, Guid.Empty);
        bloom = await db.Businesses.Where(b => b.Slug == "bloom").Select(b => b.Id).SingleAsync(Ct);
        // The demo's regulars have confirmed occasions of their own: their reminders are made and dropped first, so the
        // processes send only this test's, instead of queueing them behind the demo's mail.
        await using var business = RapportProcess.Open(connection, bloom);
        await SendReminders.RunAsync(business, token => "http://localhost:5080/" + token, TimeProvider.System, Ct);
        await business.OutboxMessages.ExecuteDeleteAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await TestDatabase.DropAsync(connection);
        await smtp.DisposeAsync();
    }

    [Fact]
    public async Task Two_processes_and_a_crash_send_each_reminder_exactly_once()
    {
        var addresses = await OccasionsTenDaysAheadAsync();
        var settings = new Dictionary<string, string>
        {
            ["Jobs__Enabled"] = "true",
            ["Jobs__TickSeconds"] = "0.2",
            ["Jobs__LeaseSeconds"] = "3",
            ["Jobs__RemindersEveryMinutes"] = "0.01",
            ["Mail__SendEverySeconds"] = "0.3",
        };
        foreach (var (key, value) in smtp.Settings) settings[key.Replace(":", "__", StringComparison.Ordinal)] = value;

        var first = await RapportProcess.StartAsync(connection, Ct, settings);
        var second = await RapportProcess.StartAsync(connection, Ct, settings);
        RapportProcess? restarted = null;
        try
        {
            await WaitForAsync(addresses, 1, TimeSpan.FromSeconds(60), first.Output + second.Output);
            await first.KillAsync();
            restarted = await RapportProcess.StartAsync(connection, Ct, settings);
            await WaitForAsync(addresses, Occasions, TimeSpan.FromSeconds(90), second.Output + restarted.Output);
            // Several more runs of both jobs on both processes change nothing.
            await Task.Delay(TimeSpan.FromSeconds(4), Ct);
        }
        finally
        {
            await first.DisposeAsync();
            await second.DisposeAsync();
            if (restarted is not null) await restarted.DisposeAsync();
        }

        var received = smtp.Messages().Where(m => m.EnvelopeTo.Any(addresses.Contains)).ToList();
        received.GroupBy(m => m.EnvelopeTo.Single()).Where(g => g.Count() > 1).Select(g => g.Key).ShouldBeEmpty("an address got more than one reminder");
        received.Count.ShouldBe(Occasions);
        await using var db = RapportProcess.Open(connection, bloom);
        (await db.Reminders.CountAsync(r => db.Customers.Any(c => c.Id == r.CustomerId && c.Name.StartsWith("Twice-proof")), Ct)).ShouldBe(Occasions);
    }

    private async Task WaitForAsync(HashSet<string> addresses, int count, TimeSpan timeout, string output)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (smtp.Messages().Count(m => m.EnvelopeTo.Any(addresses.Contains)) < count)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Fewer than {count} reminders arrived in {timeout}:\n{output}");
            await Task.Delay(100, Ct);
        }
    }

    private async Task<HashSet<string>> OccasionsTenDaysAheadAsync()
    {
        await using var db = RapportProcess.Open(connection, bloom);
        var zone = await db.Businesses.Where(b => b.Id == bloom).Select(b => b.TimeZone).SingleAsync(Ct);
        var date = Core.Businesses.BusinessClock.Today(DateTime.UtcNow, Core.Businesses.BusinessClock.Zone(zone)).AddDays(10);
        var addresses = new HashSet<string>();
        for (var i = 0; i < Occasions; i++)
        {
            var email = TestNames.Email($"twice-proof-{i}", "example.com");
            addresses.Add(email);
            var customer = new Customer { Name = $"Twice-proof {i}" };
            customer.ContactPoints.Add(ContactPoint.Email(email, primary: true)!);
            var recipient = new Recipient { Name = $"Friend {i}" };
            customer.Recipients.Add(recipient);
            db.Customers.Add(customer);
            var rule = DateRule.Fixed(date.Month, date.Day);
            db.Occasions.Add(new Occasion
            {
                CustomerId = customer.Id, RecipientId = recipient.Id, Type = OccasionType.Birthday, Rule = rule,
                Source = OccasionSource.Staff, Status = OccasionStatus.Confirmed, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
                CreatedBy = "test", Key = Occasion.KeyOf(customer.Id, recipient.Id, OccasionType.Birthday, rule),
            });
        }
        await db.SaveChangesAsync(Ct);
        return addresses;
    }
}
