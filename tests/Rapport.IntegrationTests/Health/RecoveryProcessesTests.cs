using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Customers;
using Rapport.Core.Health;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Health;

/// <summary>
/// One recovery task per triggering event with two Rapport processes on one database: contacts logged at once on both,
/// each process's recomputation sees the other's events and races it to make their tasks.
/// </summary>
public sealed class RecoveryProcessesTests : IAsyncLifetime
{
    private const int ContactsPerProcess = 6;
    private string connection = "";
    private Guid bloom;

    public async ValueTask InitializeAsync()
    {
        connection = await TestDatabase.CreateAsync(demo: true);
        await using var db = RapportProcess.Open(connection, Guid.Empty);
        bloom = await db.Businesses.Where(b => b.Slug == "bloom").Select(b => b.Id).SingleAsync(Ct);
    }

    public async ValueTask DisposeAsync() => await TestDatabase.DropAsync(connection);

    private static async Task<HttpClient> SignInAsync(RapportProcess process)
    {
        var client = new HttpClient { BaseAddress = process.Address };
        var login = await (await client.PostAsJsonAsync("/api/auth/login", new { email = "service@bloom.example", password = "Demo!2026" }, Ct))
            .ShouldBeJsonAsync(HttpStatusCode.OK);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.Str("accessToken"));
        return client;
    }

    [Fact]
    public async Task Negative_contacts_logged_at_once_on_two_processes_make_exactly_one_recovery_task_each()
    {
        Guid customer;
        await using (var db = RapportProcess.Open(connection, bloom))
        {
            var c = new Customer { Name = TestNames.Unique("Maryann"), BusinessId = bloom };
            db.Customers.Add(c);
            await db.SaveChangesAsync(Ct);
            customer = c.Id;
        }
        await using var first = await RapportProcess.StartAsync(connection, Ct);
        await using var second = await RapportProcess.StartAsync(connection, Ct);
        var clients = new[] { await SignInAsync(first), await SignInAsync(second) };

        var logged = await Task.WhenAll(Enumerable.Range(0, 2 * ContactsPerProcess).Select(async n =>
        {
            var response = await clients[n % 2].PostAsJsonAsync($"/api/customers/{customer}/interactions",
                new { channel = "phone", direction = "inbound", tone = "negative", summary = $"Complaint number {TestNames.Token()}" }, Ct);
            return await response.ShouldBeJsonAsync(HttpStatusCode.Created);
        }));

        await using var check = RapportProcess.Open(connection, bloom);
        var keys = await check.StaffTasks.Where(t => t.CustomerId == customer && t.Source == RecoveryTasks.Source).Select(t => t.SourceKey).ToListAsync(Ct);
        keys.Order().ShouldBe(logged.Select(e => $"recovery:interaction:{e.Id():N}").Order());
        (await check.CustomerHealth.CountAsync(h => h.CustomerId == customer, Ct)).ShouldBe(1);
        (await check.CustomerHealth.SingleAsync(h => h.CustomerId == customer, Ct)).Band.ShouldBe(HealthBand.AtRisk);
    }
}
