using System.Text.Json;
using Rapport.Core.Orders;
using Rapport.IntegrationTests.Orders;
using Rapport.Testing;

namespace Rapport.IntegrationTests.Reports;

/// <summary>Promised window against actual delivery: the on-time rate per day, location and driver.</summary>
public sealed class OnTimeReportTests(RapportApp app) : IClassFixture<RapportApp>
{
    [Fact]
    public async Task Delivered_orders_with_a_promise_count_per_day_location_and_driver()
    {
        var data = await OrderData.ForAsync(app);
        var north = await data.LocationAsync("On-time North");
        var south = await data.LocationAsync("On-time South");
        var ana = await data.DriverAsync("Ana Ontime");
        var ben = await data.DriverAsync("Ben Ontime");
        var customer = await data.CustomerAsync("Punctual Paula");
        var first = new DateOnly(2033, 3, 1);
        var second = first.AddDays(1);

        async Task DeliveredAsync(DateOnly date, Guid location, Guid? driver, int minutesAfterPromise, bool promised = true, OrderStatus status = OrderStatus.Delivered)
        {
            var by = date.ToDateTime(new TimeOnly(21, 0), DateTimeKind.Utc);
            await data.OrderAsync(customer, date, driverId: driver, shape: o =>
            {
                o.LocationId = location;
                o.Status = status;
                o.PromisedFrom = promised ? by.AddHours(-3) : null;
                o.PromisedBy = promised ? by : null;
                o.DeliveredAt = status == OrderStatus.Delivered ? by.AddMinutes(minutesAfterPromise) : null;
            });
        }
        await DeliveredAsync(first, north.Id, ana.Id, -30);
        await DeliveredAsync(first, north.Id, ana.Id, 45);
        await DeliveredAsync(first, south.Id, ben.Id, 0);
        await DeliveredAsync(second, south.Id, ben.Id, -90);
        await DeliveredAsync(second, south.Id, null, 5);
        // Neither counts: no promised window, not delivered yet.
        await DeliveredAsync(second, north.Id, ana.Id, 0, promised: false);
        await DeliveredAsync(second, north.Id, ana.Id, 0, status: OrderStatus.OutForDelivery);

        var report = await (await app.ClientAsync("owner@bloom.example")).GetJsonAsync("/api/reports/on-time?from=2033-03-01&to=2033-03-31");

        Figures(report).ShouldBe((5, 3, 0.6));
        report.GetProperty("days").EnumerateArray().Select(d => (d.Str("date"), Figures(d)))
            .ShouldBe([("2033-03-01", (3, 2, 0.6667)), ("2033-03-02", (2, 1, 0.5))]);
        report.GetProperty("locations").EnumerateArray().Select(l => (l.Str("name"), Figures(l)))
            .ShouldBe([("On-time North", (2, 1, 0.5)), ("On-time South", (3, 2, 0.6667))]);
        report.GetProperty("drivers").EnumerateArray().Select(d => (d.Str("name"), Figures(d)))
            .ShouldBe([("Ana Ontime", (2, 1, 0.5)), ("Ben Ontime", (2, 2, 1.0))]);
        report.GetProperty("drivers")[0].GetProperty("driverId").GetGuid().ShouldBe(ana.Id);
    }

    [Fact]
    public async Task A_period_without_deliveries_reads_zero()
    {
        var report = await (await app.ClientAsync("manager@bloom.example")).GetJsonAsync("/api/reports/on-time?from=2034-01-01&to=2034-01-07");

        Figures(report).ShouldBe((0, 0, 0.0));
        report.GetProperty("days").GetArrayLength().ShouldBe(0);
        report.GetProperty("drivers").GetArrayLength().ShouldBe(0);
    }

    private static (int Delivered, int OnTime, double Rate) Figures(JsonElement e) =>
        (e.GetProperty("delivered").GetInt32(), e.GetProperty("onTime").GetInt32(), e.GetProperty("rate").GetDouble());
}
