using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Rapport.IntegrationTests.Orders;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Hosting;

/// <summary>Rapport with its management port set: /metrics answers there and nowhere else.</summary>
public sealed class ManagedRapportApp : RapportApp
{
    public const int ManagementPort = 9464;

    public ManagedRapportApp() => With("Management:Port", ManagementPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

public sealed class OperationsTests(ManagedRapportApp app) : IClassFixture<ManagedRapportApp>
{
    private async Task<HttpResponseMessage> ScrapeAsync(string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Host = host;
        return await app.CreateApiClient().SendAsync(request, Ct);
    }

    [Fact]
    public async Task Metrics_on_the_management_port_count_orders_and_http_requests_and_the_public_port_has_none()
    {
        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        var tom = await app.CustomerIdAsync(DemoData.Bloom, "Tom Lindqvist");
        var setup = await app.LocationAsync(bloom, DeliverySetup.SomeDayAhead(), (15, 8, 1));
        var client = await app.ClientAsync("service@bloom.example");
        var order = new HttpRequestMessage(HttpMethod.Post, "/api/orders")
        {
            Content = JsonContent.Create(new
            {
                customerId = tom, address = DeliverySetup.Address(setup.Postcode), budget = 85m, occasion = "Birthday",
                cardMessage = "Love, Tom", channel = "phone", fulfilment = new { kind = "window", windowId = setup.Windows[0] },
            }),
        };
        order.Headers.Add("Idempotency-Key", "metrics-test-order");
        (await client.SendAsync(order, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var scrape = await ScrapeAsync($"localhost:{ManagedRapportApp.ManagementPort}");

        scrape.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = await scrape.Content.ReadAsStringAsync(Ct);
        // Labels in any order (the exporter adds the meter's name as otel_scope_name); a count of at least one.
        Regex.IsMatch(text, @"^rapport_orders_placed_total\{[^}]*channel=""phone""[^}]*\} [1-9]", RegexOptions.Multiline).ShouldBeTrue(text);
        text.ShouldContain("http_server_request_duration_seconds_bucket");
        (await ScrapeAsync("localhost")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Live_and_ready_answer_healthy_and_health_keeps_answering()
    {
        var api = app.CreateApiClient();
        foreach (var path in new[] { "/health", "/health/live", "/health/ready" })
        {
            var response = await api.GetAsync(path, Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
            (await response.Content.ReadAsStringAsync(Ct)).ShouldBe("Healthy", path);
        }
    }
}

/// <summary>A database behind the build's migrations: the node is alive but not ready.</summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task A_database_missing_a_migration_is_not_ready_while_the_process_stays_live()
    {
        await using var app = new EmptyRapportApp();
        await app.InitializeAsync();
        await app.WithDbAsync(async db =>
        {
            var last = (await db.Database.GetAppliedMigrationsAsync(Ct)).Last();
            return await db.Database.ExecuteSqlAsync($"DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = {last}", Ct);
        });
        var api = app.CreateApiClient();

        (await api.GetAsync("/health/ready", Ct)).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await api.GetAsync("/health/live", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await api.GetAsync("/health", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task With_the_scheduler_running_the_node_is_ready()
    {
        await using var app = new EmptyRapportApp().With("Jobs:Enabled", "true");
        await app.InitializeAsync();

        var response = await app.CreateApiClient().GetAsync("/health/ready", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
