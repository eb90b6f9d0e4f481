using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Orders;

/// <summary>No flat no: a customer who declines every option is recorded, lands on the timeline and is counted for the owner.</summary>
public sealed class TurnedAwayTests(RapportApp app) : IClassFixture<RapportApp>
{
    private const string Service = "service@bloom.example";
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_declined_order_is_201_with_location_and_a_negative_turned_away_entry_on_the_timeline()
    {
        var data = await OrderData.ForAsync(app);
        var client = await app.ClientAsync(Service);
        var customer = await data.CustomerAsync("Declining Dan");
        var date = Today.AddDays(3);

        var response = await client.PostAsJsonAsync("/api/orders/declined",
            new { customerId = customer.Id, date = Day(date), optionsOffered = 3, reason = "Wanted the morning only", channel = "phone" }, Ct);

        var record = await response.ShouldBeJsonAsync(HttpStatusCode.Created);
        response.Headers.Location!.ToString().ShouldBe($"/api/orders/declined/{record.Id()}");
        record.Str("date").ShouldBe(Day(date));
        record.GetProperty("optionsOffered").GetInt32().ShouldBe(3);
        record.Str("channel").ShouldBe("phone");
        record.Str("staffName").ShouldBe("Jake Morrison");
        (await client.GetJsonAsync(response.Headers.Location.ToString())).Id().ShouldBe(record.Id());

        var entry = (await client.GetJsonAsync($"/api/customers/{customer.Id}/timeline?limit=1")).Items().Single();
        entry.Str("summary").ShouldStartWith("Turned away: ");
        entry.Str("summary").ShouldContain("declined all 3 options offered");
        entry.Str("summary").ShouldContain("Wanted the morning only");
        (entry.Str("tone"), entry.Str("channel"), entry.Str("direction")).ShouldBe(("negative", "phone", "inbound"));
        (await data.DbAsync(db => db.TurnedAway.CountAsync(t => t.CustomerId == customer.Id, Ct))).ShouldBe(1);
    }

    [Theory]
    [InlineData("""{ "date": "DATE", "optionsOffered": 2, "channel": "phone" }""", "customerId")]
    [InlineData("""{ "customerId": "CUSTOMER", "optionsOffered": 2, "channel": "phone" }""", "date")]
    [InlineData("""{ "customerId": "CUSTOMER", "date": "2000-01-01", "optionsOffered": 2, "channel": "phone" }""", "date")]
    [InlineData("""{ "customerId": "CUSTOMER", "date": "DATE", "channel": "phone" }""", "optionsOffered")]
    [InlineData("""{ "customerId": "CUSTOMER", "date": "DATE", "optionsOffered": -1, "channel": "phone" }""", "optionsOffered")]
    [InlineData("""{ "customerId": "CUSTOMER", "date": "DATE", "optionsOffered": 2 }""", "channel")]
    public async Task Missing_or_wrong_fields_are_422_naming_them_and_nothing_is_recorded(string body, string field)
    {
        var data = await OrderData.ForAsync(app);
        var client = await app.ClientAsync(Service);
        var customer = await data.CustomerAsync($"Incomplete {field}");
        var json = body.Replace("CUSTOMER", customer.Id.ToString(), StringComparison.Ordinal).Replace("DATE", Day(Today), StringComparison.Ordinal);
        var before = await data.DbAsync(db => db.TurnedAway.CountAsync(Ct));

        await (await client.PostAsync("/api/orders/declined", Json(json), Ct)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, field);

        (await data.DbAsync(db => db.TurnedAway.CountAsync(Ct))).ShouldBe(before);
        (await data.DbAsync(db => db.Interactions.CountAsync(i => i.CustomerId == customer.Id, Ct))).ShouldBe(0);
    }

    [Fact]
    public async Task Unreadable_values_are_400_naming_the_field()
    {
        var client = await app.ClientAsync(Service);

        await (await client.PostAsync("/api/orders/declined", Json("""{ "customerId": "x", "date": "2026-02-14", "optionsOffered": 1, "channel": "phone" }"""), Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "customerId");
        await (await client.PostAsync("/api/orders/declined", Json($$"""{ "customerId": "{{Guid.NewGuid()}}", "date": "2026-02-14", "optionsOffered": 1, "channel": "fax" }"""), Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "channel");
    }

    [Fact]
    public async Task Drivers_do_not_take_orders_403_and_another_business_customer_is_404()
    {
        var data = await OrderData.ForAsync(app);
        var customer = await data.CustomerAsync("Guarded Gil");
        var body = new { customerId = customer.Id, date = Day(Today), optionsOffered = 1, channel = "phone" };

        await (await (await app.ClientAsync("driver@bloom.example")).PostAsJsonAsync("/api/orders/declined", body, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await (await app.ClientAsync("sales@harbor.example")).PostAsJsonAsync("/api/orders/declined", body, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);

        (await data.DbAsync(db => db.TurnedAway.CountAsync(t => t.CustomerId == customer.Id, Ct))).ShouldBe(0);
    }

    [Fact]
    public async Task The_owner_sees_turned_away_counts_per_day_wanted_every_day_of_the_period()
    {
        var data = await OrderData.ForAsync(app);
        var sales = await app.ClientAsync("sales@bloom.example");
        var owner = await app.ClientAsync("owner@bloom.example");
        var customer = await data.CustomerAsync("Counted Carl");
        var from = Today.AddDays(50);
        var to = from.AddDays(3);
        var url = $"/api/reports/turned-away?from={Day(from)}&to={Day(to)}";
        var before = Counts(await owner.GetJsonAsync(url));

        foreach (var (date, times) in new[] { (from, 2), (from.AddDays(2), 1) })
            for (var i = 0; i < times; i++)
                (await sales.PostAsJsonAsync("/api/orders/declined",
                    new { customerId = customer.Id, date = Day(date), optionsOffered = 4, channel = "walkIn" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var report = await (await app.ClientAsync("manager@bloom.example")).GetJsonAsync(url);

        report.Str("from").ShouldBe(Day(from));
        report.Str("to").ShouldBe(Day(to));
        var after = Counts(report);
        after.Keys.ShouldBe([Day(from), Day(from.AddDays(1)), Day(from.AddDays(2)), Day(to)]);
        after.Select(d => d.Value - before[d.Key]).ShouldBe([2, 0, 1, 0]);
        report.GetProperty("total").GetInt32().ShouldBe(after.Values.Sum());
    }

    [Theory]
    [InlineData("sales@bloom.example")]
    [InlineData("service@bloom.example")]
    [InlineData("driver@bloom.example")]
    public async Task Reports_are_for_owners_and_managers_403(string email)
    {
        var client = await app.ClientAsync(email);
        await (await client.GetAsync("/api/reports/turned-away", Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await client.GetAsync("/api/reports/on-time", Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Without_dates_the_report_covers_the_last_30_days_and_a_bad_period_is_422()
    {
        var owner = await app.ClientAsync("owner@bloom.example");

        var report = await owner.GetJsonAsync("/api/reports/turned-away");
        report.GetProperty("days").GetArrayLength().ShouldBe(30);

        await (await owner.GetAsync("/api/reports/turned-away?from=2026-03-02&to=2026-03-01", Ct)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "from");
        await (await owner.GetAsync("/api/reports/turned-away?from=2024-01-01&to=2026-01-01", Ct)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "to");
        await (await owner.GetAsync("/api/reports/turned-away?from=yesterday", Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "from");
    }

    private static Dictionary<string, int> Counts(JsonElement report) =>
        report.GetProperty("days").EnumerateArray().ToDictionary(d => d.Str("date"), d => d.GetProperty("count").GetInt32());
}
