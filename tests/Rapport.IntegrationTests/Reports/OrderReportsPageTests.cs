using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Delivery;
using Rapport.Core.Orders;
using Rapport.IntegrationTests.Orders;
using Rapport.Testing;

namespace Rapport.IntegrationTests.Reports;

/// <summary>The owner's order figures page and the home page's tiles: tables that read without JavaScript, for owners and managers only.</summary>
public sealed class OrderReportsPageTests(RapportApp app) : IClassFixture<RapportApp>
{
    private static string Day(DateOnly date) => date.ToString("ddd d MMM", CultureInfo.GetCultureInfo("en-US"));

    [Fact]
    public async Task The_owner_reads_turned_away_and_on_time_figures_per_day_location_and_driver()
    {
        var data = await OrderData.ForAsync(app);
        var location = await data.LocationAsync("Figures shop");
        var driver = await data.DriverAsync("Fiona Figures");
        var customer = await data.CustomerAsync("Counted Carl");
        var first = new DateOnly(2033, 9, 5);
        await data.DbAsync(async db =>
        {
            foreach (var date in new[] { first, first, first.AddDays(2) })
                db.TurnedAway.Add(new TurnedAway { CustomerId = customer.Id, RequestedDate = date, At = DateTime.UtcNow, Channel = OrderChannel.Phone, OptionsOffered = 3 });
            return await db.SaveChangesAsync(Api.Ct);
        });
        foreach (var minutesLate in new[] { -30, 45 })
            await data.OrderAsync(customer, first, driverId: driver.Id, shape: o =>
            {
                var by = first.ToDateTime(new TimeOnly(21, 0), DateTimeKind.Utc);
                (o.LocationId, o.Status, o.PromisedFrom, o.PromisedBy, o.DeliveredAt) =
                    (location.Id, OrderStatus.Delivered, by.AddHours(-3), by, by.AddMinutes(minutesLate));
            });
        var owner = await StaffPages.SignInAsync(app, "owner@bloom.example");

        var html = await owner.HtmlAsync("/app/reports/orders?from=2033-09-04&to=2033-09-08");

        html.ShouldContain("data-testid=\"turned-away-total\">3<");
        html.ShouldContain($"<td>{Day(first)}</td><td class=\"text-end\">2</td>");
        html.ShouldContain($"<td>{Day(first.AddDays(1))}</td><td class=\"text-end\">0</td>");
        html.ShouldContain($"<td>{Day(first)}</td><td class=\"text-end\">2</td><td class=\"text-end\">1</td><td class=\"text-end\">50%</td>");
        html.ShouldContain("<td>Figures shop</td><td class=\"text-end\">2</td><td class=\"text-end\">1</td><td class=\"text-end\">50%</td>");
        html.ShouldContain("<td>Fiona Figures</td><td class=\"text-end\">2</td><td class=\"text-end\">1</td><td class=\"text-end\">50%</td>");
        StaffPages.CountOf(html, "<canvas data-chart=").ShouldBe(4);
        html.ShouldContain("\"labels\":[\"Fiona Figures\"]");
        html.ShouldContain("/lib/chart.js/chart.umd.min.js");
        (await owner.GetAsync("/lib/chart.js/chart.umd.min.js")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var quiet = await owner.HtmlAsync("/app/reports/orders?from=2034-02-01&to=2034-02-03");
        quiet.ShouldContain("No deliveries with a promised window in this period.");
        quiet.ShouldContain("data-testid=\"turned-away-total\">0<");
    }

    [Fact]
    public async Task The_figures_default_to_the_last_30_days_and_a_period_the_wrong_way_round_is_said()
    {
        var manager = await StaffPages.SignInAsync(app, "manager@bloom.example");

        var data = await OrderData.ForAsync(app);
        var zone = await data.DbAsync(db => db.Businesses.Where(b => b.Id == data.Business).Select(b => b.TimeZone).SingleAsync(Api.Ct));
        var today = BusinessClock.Today(DateTime.UtcNow, BusinessClock.Zone(zone));

        var html = await manager.HtmlAsync("/app/reports/orders");
        html.ShouldContain($"name=\"from\" value=\"{today.AddDays(-29):yyyy-MM-dd}\"");
        html.ShouldContain($"name=\"to\" value=\"{today:yyyy-MM-dd}\"");
        // One row a day in the turned-away table, zero days included.
        StaffPages.CountOf(html, $"<td>{Day(today)}</td>").ShouldBeGreaterThanOrEqualTo(1);
        StaffPages.CountOf(html, $"<td>{Day(today.AddDays(-29))}</td>").ShouldBeGreaterThanOrEqualTo(1);

        var backwards = await manager.HtmlAsync("/app/reports/orders?from=2033-09-08&to=2033-09-01", HttpStatusCode.UnprocessableEntity);
        backwards.ShouldContain("From: Not after 'to'.");
        (await manager.HtmlAsync("/app/reports/orders?from=someday", HttpStatusCode.UnprocessableEntity)).ShouldContain("A day like 2026-02-14.");
    }

    [Theory]
    [InlineData("sales@bloom.example")]
    [InlineData("service@bloom.example")]
    [InlineData("driver@bloom.example")]
    public async Task Other_roles_are_not_shown_the_figures(string email)
    {
        var pages = await StaffPages.SignInAsync(app, email);

        var refused = await pages.GetAsync("/app/reports/orders");
        refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        refused.Headers.Location!.OriginalString.ShouldContain("/denied");
        var home = await pages.HtmlAsync("/app");
        home.ShouldNotContain("data-testid=\"order-figures\"");
        home.ShouldNotContain("href=\"/app/reports/orders\"");
    }

    [Fact]
    public async Task The_owner_home_page_shows_turned_away_today_and_on_time_yesterday()
    {
        var owner = await StaffPages.SignInAsync(app, "owner@bloom.example");

        var home = await owner.HtmlAsync("/app");

        home.ShouldContain("data-testid=\"order-figures\"");
        home.ShouldContain("Turned away today");
        home.ShouldContain("data-testid=\"turned-away-today\">");
        home.ShouldContain("On time yesterday");
        home.ShouldContain("href=\"/app/reports/orders\"");
    }
}
