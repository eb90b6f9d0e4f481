using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Delivery;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Orders;

/// <summary>Orders against Rapport running as real processes: killed mid-stream, and two servers on one database.</summary>
public sealed class OrderDurabilityTests : IAsyncLifetime
{
    private string connection = "";
    private Guid bloom;
    private Guid tom;

    public async ValueTask InitializeAsync()
    {
        connection = await TestDatabase.CreateAsync(demo: true);
        await using var db = RapportProcess.Open(connection, Guid.Empty);
        bloom = await db.Businesses.Where(b => b.Slug == "bloom").Select(b => b.Id).SingleAsync(Ct);
        await using var scoped = RapportProcess.Open(connection, bloom);
        tom = await scoped.Customers.Where(c => c.Name == "Tom Lindqvist").Select(c => c.Id).SingleAsync(Ct);
    }

    public async ValueTask DisposeAsync() => await TestDatabase.DropAsync(connection);

    [Fact]
    public async Task Every_acknowledged_order_survives_a_crash_and_none_is_half_written()
    {
        var (postcode, window) = await WindowAsync(capacity: 5000);
        var server = await RapportProcess.StartAsync(connection, Ct);
        var acknowledged = new ConcurrentBag<Guid>();
        try
        {
            var client = await SignInAsync(server);
            var stop = new CancellationTokenSource();
            var stream = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    try
                    {
                        var response = await client.SendAsync(Order(postcode, window), Ct);
                        if (response.StatusCode != HttpStatusCode.Created) throw new InvalidOperationException($"{response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
                        acknowledged.Add((await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).Id());
                    }
                    catch (HttpRequestException)
                    {
                        return; // the server is gone: whatever was in flight has no answer
                    }
                }
            })).ToList();

            for (var waited = 0; acknowledged.Count < 40 && waited < 600; waited++) await Task.Delay(100, Ct);
            acknowledged.Count.ShouldBeGreaterThanOrEqualTo(40, server.Output);
            await server.KillAsync();
            stop.Cancel();
            await Task.WhenAll(stream);
        }
        finally
        {
            await server.DisposeAsync();
        }

        await using var restarted = await RapportProcess.StartAsync(connection, Ct);
        await using var db = RapportProcess.Open(connection, bloom);
        var orders = await db.Orders.AsNoTracking().Include(o => o.Lines).Include(o => o.History).Where(o => o.WindowId == window).ToListAsync(Ct);
        var stops = await db.DeliveryStops.AsNoTracking().Where(s => s.WindowId == window).Select(s => s.OrderId).ToListAsync(Ct);
        acknowledged.ShouldBeSubsetOf(orders.Select(o => o.Id));
        orders.ShouldAllBe(o => o.Lines.Count == 1 && o.History.Count == 1 && o.Total > 0);
        stops.Count.ShouldBe(orders.Count);
        (await db.DeliveryWindows.AsNoTracking().SingleAsync(w => w.Id == window, Ct)).Booked.ShouldBe(orders.Count);
        (await db.Interactions.CountAsync(i => i.OrderId != null && orders.Select(o => o.Id).Contains(i.OrderId.Value), Ct)).ShouldBe(orders.Count);

        // And the restarted server takes orders again.
        var again = await (await SignInAsync(restarted)).SendAsync(Order(postcode, window), Ct);
        again.StatusCode.ShouldBe(HttpStatusCode.Created, restarted.Output);
    }

    [Fact]
    public async Task Two_servers_on_one_database_never_overbook_a_window()
    {
        // Several servers are a PostgreSQL set-up; on SQLite two processes still share the file safely,
        // but writers from two processes wait on each other's file lock, so the burst is smaller there.
        var (attempts, capacity) = TestDatabase.Provider == Core.Data.DatabaseProvider.Postgres ? (500, 200) : (60, 25);
        var (postcode, window) = await WindowAsync(capacity);
        await using var first = await RapportProcess.StartAsync(connection, Ct);
        await using var second = await RapportProcess.StartAsync(connection, Ct);
        var clients = new[] { await SignInAsync(first), await SignInAsync(second) };

        var statuses = await Task.WhenAll(Enumerable.Range(0, attempts).Select(async i =>
            (await clients[i % 2].SendAsync(Order(postcode, window), Ct)).StatusCode));

        statuses.Count(s => s == HttpStatusCode.Created).ShouldBe(capacity, $"{first.Output}\n{second.Output}");
        statuses.Count(s => s == HttpStatusCode.Conflict).ShouldBe(attempts - capacity);
        await using var db = RapportProcess.Open(connection, bloom);
        (await db.DeliveryWindows.AsNoTracking().SingleAsync(w => w.Id == window, Ct)).Booked.ShouldBe(capacity);
        (await db.Orders.CountAsync(o => o.WindowId == window, Ct)).ShouldBe(capacity);
    }

    private HttpRequestMessage Order(string postcode, Guid window) => ProcessOrders.Order(tom, postcode, window);

    private static Task<HttpClient> SignInAsync(RapportProcess server) => ProcessOrders.SignInAsync(server.Address);

    private Task<(string Postcode, Guid Window)> WindowAsync(int capacity) => ProcessOrders.WindowAsync(connection, bloom, capacity);
}
