using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Data;
using Rapport.Core.Delivery;
using Rapport.IntegrationTests.Orders;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Hosting;

/// <summary>
/// Two Rapport nodes on one database behind nginx (round robin, no stickiness), as a hosted Rapport runs: a sign-in
/// made on one node works on the other, a rush books exactly the capacity, and killing a node loses no order it acknowledged.
/// </summary>
public sealed class LoadBalancerTests : IAsyncLifetime
{
    private string connection = "";
    private Guid bloom;
    private Guid tom;

    public async ValueTask InitializeAsync()
    {
        if (Balancer.Missing() is not null) return;
        connection = await TestDatabase.CreateAsync(demo: true);
        await using var db = RapportProcess.Open(connection, Guid.Empty);
        bloom = await db.Businesses.Where(b => b.Slug == "bloom").Select(b => b.Id).SingleAsync(Ct);
        await using var scoped = RapportProcess.Open(connection, bloom);
        tom = await scoped.Customers.Where(c => c.Name == "Tom Lindqvist").Select(c => c.Id).SingleAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (connection.Length > 0) await TestDatabase.DropAsync(connection);
    }

    private static void RequireNginx()
    {
        if (Balancer.Missing() is { } reason) Assert.Skip(reason);
    }

    private static readonly Dictionary<string, string> BehindNginx = new() { ["Proxy__KnownProxies"] = "127.0.0.1" };

    [Fact]
    public async Task A_sign_in_through_the_balancer_opens_both_nodes_and_signing_out_closes_both()
    {
        RequireNginx();
        await using var first = await RapportProcess.StartAsync(connection, Ct, BehindNginx);
        await using var second = await RapportProcess.StartAsync(connection, Ct, BehindNginx);
        await using var nginx = await Balancer.StartAsync([first.Address, second.Address], Ct);
        var client = await SignInAsync(nginx.Address);

        // The token was sealed by whichever node took the sign-in: both read it (Data Protection keys shared in the database).
        foreach (var node in new[] { first.Address, second.Address })
            (await Direct(node, client).GetAsync("/api/auth/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK, $"{node}\n{first.Output}\n{second.Output}");
        var throughNginx = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => client.GetAsync("/api/auth/me", Ct)));
        throughNginx.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK, nginx.Errors);

        (await client.PostAsync("/api/auth/logout", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        // Ended on one node; the other hears of it within seconds (it remembers a live session for 2 s).
        await Task.Delay(StaffSessionsRemembered + TimeSpan.FromMilliseconds(500), Ct);
        foreach (var node in new[] { first.Address, second.Address })
            (await Direct(node, client).GetAsync("/api/auth/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, node.ToString());
    }

    [Fact]
    public async Task A_rush_through_the_balancer_books_exactly_the_capacity_and_one_order_per_key()
    {
        RequireNginx();
        // Several nodes are a PostgreSQL set-up; on SQLite two processes share the file safely but queue on its lock.
        var (attempts, capacity) = TestDatabase.Provider == DatabaseProvider.Postgres ? (500, 200) : (60, 25);
        var (postcode, window) = await WindowAsync(capacity);
        await using var first = await RapportProcess.StartAsync(connection, Ct, BehindNginx);
        await using var second = await RapportProcess.StartAsync(connection, Ct, BehindNginx);
        await using var nginx = await Balancer.StartAsync([first.Address, second.Address], Ct);
        var client = await SignInAsync(nginx.Address);
        // Every tenth attempt is a retry of the one before with its key, as a client does after a lost answer.
        var keys = Enumerable.Range(0, attempts).Select(i => i % 10 == 9 ? null : TestNames.Key()).ToArray();
        for (var i = 0; i < attempts; i++) keys[i] ??= keys[i - 1];

        var answers = await Task.WhenAll(keys.Select(async key =>
        {
            var response = await client.SendAsync(Order(postcode, window, key!), Ct);
            return (key, response.StatusCode, Id: response.StatusCode == HttpStatusCode.Created ? (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).Id() : Guid.Empty);
        }));

        answers.ShouldAllBe(a => a.StatusCode == HttpStatusCode.Created || a.StatusCode == HttpStatusCode.Conflict, $"{first.Output}\n{second.Output}\n{nginx.Errors}");
        var booked = answers.Where(a => a.StatusCode == HttpStatusCode.Created).GroupBy(a => a.key).ToList();
        booked.ShouldAllBe(g => g.Select(a => a.Id).Distinct().Count() == 1);
        booked.Count.ShouldBe(capacity);
        await using var db = RapportProcess.Open(connection, bloom);
        (await db.DeliveryWindows.AsNoTracking().SingleAsync(w => w.Id == window, Ct)).Booked.ShouldBe(capacity);
        (await db.Orders.CountAsync(o => o.WindowId == window, Ct)).ShouldBe(capacity);
    }

    [Fact]
    public async Task A_node_killed_mid_rush_loses_no_acknowledged_order_and_the_other_keeps_taking_them()
    {
        RequireNginx();
        var (postcode, window) = await WindowAsync(capacity: 5000);
        await using var first = await RapportProcess.StartAsync(connection, Ct, BehindNginx);
        await using var second = await RapportProcess.StartAsync(connection, Ct, BehindNginx);
        await using var nginx = await Balancer.StartAsync([first.Address, second.Address], Ct);
        var client = await SignInAsync(nginx.Address);
        var acknowledged = new ConcurrentBag<Guid>();
        var lost = 0;
        using var stop = new CancellationTokenSource();
        var stream = Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var response = await client.SendAsync(Order(postcode, window, TestNames.Key()), Ct);
                if (response.StatusCode == HttpStatusCode.Created) acknowledged.Add((await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).Id());
                // The order in flight on the killed node has no answer (502 from nginx): it may or may not be placed.
                else if (response.StatusCode == HttpStatusCode.BadGateway) Interlocked.Increment(ref lost);
                else throw new InvalidOperationException($"{response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
            }
        })).ToList();

        await UntilAsync(() => acknowledged.Count >= 30);
        await first.KillAsync();
        var atKill = acknowledged.Count;
        await UntilAsync(() => acknowledged.Count >= atKill + 30);
        stop.Cancel();
        await Task.WhenAll(stream);

        await using var db = RapportProcess.Open(connection, bloom);
        var placed = await db.Orders.AsNoTracking().Where(o => o.WindowId == window).Select(o => o.Id).ToListAsync(Ct);
        acknowledged.ShouldBeSubsetOf(placed);
        placed.Count.ShouldBeLessThanOrEqualTo(acknowledged.Count + lost);
        (await db.DeliveryWindows.AsNoTracking().SingleAsync(w => w.Id == window, Ct)).Booked.ShouldBe(placed.Count);
        lost.ShouldBeLessThanOrEqualTo(6, "at most the orders in flight on the killed node go unanswered");
    }

    private static readonly TimeSpan StaffSessionsRemembered = Rapport.Web.Auth.StaffSessionCheck.Remembered;

    private static async Task UntilAsync(Func<bool> done)
    {
        for (var waited = 0; !done() && waited < 1200; waited++) await Task.Delay(100, Ct);
        done().ShouldBeTrue("the orders did not come in within two minutes");
    }

    private static HttpClient Direct(Uri node, HttpClient signedIn) =>
        new() { BaseAddress = node, DefaultRequestHeaders = { Authorization = signedIn.DefaultRequestHeaders.Authorization } };

    private HttpRequestMessage Order(string postcode, Guid window, string key) => ProcessOrders.Order(tom, postcode, window, key);

    private static Task<HttpClient> SignInAsync(Uri address) => ProcessOrders.SignInAsync(address);

    private Task<(string Postcode, Guid Window)> WindowAsync(int capacity) => ProcessOrders.WindowAsync(connection, bloom, capacity);
}
