using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Customers;
using Rapport.Core.Delivery;
using Rapport.Core.Occasions;
using Rapport.Core.Orders;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Forecasting;

/// <summary>
/// <c>GET /api/forecast</c> and the owner's home: numbers on a history made for the test, the demo's Valentine's
/// Day seen coming, validation, roles and tenancy.
/// </summary>
public sealed class ForecastTests(ForecastApp app) : IClassFixture<ForecastApp>
{
    private const string Url = "/api/forecast";

    [Fact]
    public async Task A_history_of_three_Valentines_Days_is_scaled_by_the_trend_and_known_demand_added()
    {
        var florist = await TestFlorist.CreateAsync(app);
        var owner = await app.SignInAsync(florist.OwnerEmail, TestFlorist.Password);

        var days = (await owner.GetJsonAsync($"{Url}?from=2027-02-12&to=2027-02-16")).EnumerateArray().ToList();

        days.Select(d => d.Str("date")).ShouldBe(["2027-02-12", "2027-02-13", "2027-02-14", "2027-02-15", "2027-02-16"]);
        days.ShouldAllBe(d => d.Has("forecast") && d.Has("capacity") && d.Has("shortfall"));
        var feb14 = days[2];
        // 40, 50 and 60 orders on the last three Feb 14s; the year to today 60 against 50 the year before: trend 1.2.
        // (3 × 60 × 1.2 + 2 × 50 × 1.2² + 1 × 40 × 1.2³) / 6 = 71.52, above the 1 order booked; plus 1 confirmed
        // occasion without an order (the other confirmed one has its order already).
        feb14.GetProperty("expected").GetInt32().ShouldBe(72);
        feb14.GetProperty("booked").GetInt32().ShouldBe(1);
        feb14.GetProperty("known").GetInt32().ShouldBe(1);
        feb14.GetProperty("forecast").GetInt32().ShouldBe(73);
        feb14.GetProperty("capacity").GetInt32().ShouldBe(10);
        feb14.GetProperty("shortfall").GetInt32().ShouldBe(63);
        // A closed day has no capacity; a day with windows made for it counts those, not the weekly ones.
        days[1].GetProperty("capacity").GetInt32().ShouldBe(0);
        days[3].GetProperty("capacity").GetInt32().ShouldBe(25);
        days[4].GetProperty("capacity").GetInt32().ShouldBe(10);
        // Ordinary days of earlier years had no orders; Tuesday's standing order is known.
        days[4].GetProperty("expected").GetInt32().ShouldBe(0);
        days[4].GetProperty("known").GetInt32().ShouldBe(1);
        days[4].GetProperty("forecast").GetInt32().ShouldBe(1);
        days[4].GetProperty("shortfall").GetInt32().ShouldBe(0);

        // One location asked for alone gives the same, being the only one.
        var alone = (await owner.GetJsonAsync($"{Url}?from=2027-02-14&to=2027-02-14&locationId={florist.LocationId}")).EnumerateArray().Single();
        alone.GetProperty("forecast").GetInt32().ShouldBe(73);
    }

    [Fact]
    public async Task The_demo_florist_sees_Valentines_Day_coming_above_its_capacity_on_the_owners_home()
    {
        var owner = await app.SignInAsync("owner@bloom.example");
        var days = (await owner.GetJsonAsync($"{Url}?from={ForecastApp.Today:yyyy-MM-dd}&to={ForecastApp.Today.AddDays(59):yyyy-MM-dd}")).EnumerateArray().ToList();
        days.Count.ShouldBe(60);
        var feb14 = days.Single(d => d.Str("date") == "2027-02-14");
        var (forecast, capacity) = (feb14.GetProperty("forecast").GetInt32(), feb14.GetProperty("capacity").GetInt32());

        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        var windows = await app.WithDbAsync(bloom, db => db.DeliveryWindows.Where(w => w.Date == ForecastApp.Valentines).SumAsync(w => w.Capacity, Ct));
        capacity.ShouldBe(windows);
        forecast.ShouldBeGreaterThan(capacity);
        feb14.GetProperty("shortfall").GetInt32().ShouldBe(forecast - capacity);
        // Sundays are closed except Valentine's Day.
        days.Where(d => DateOnly.Parse(d.Str("date")).DayOfWeek == DayOfWeek.Sunday && d.Str("date") != "2027-02-14")
            .ShouldAllBe(d => d.GetProperty("capacity").GetInt32() == 0);

        var home = await (await StaffPages.SignInAsync(app, "owner@bloom.example")).HtmlAsync("/app");
        home.ShouldContain("id=\"forecast-chart\"");
        home.ShouldContain($"Feb 14: forecast {forecast}, capacity {capacity}");
        var chart = JsonDocument.Parse(ChartData(home)).RootElement;
        chart.GetProperty("forecast").GetArrayLength().ShouldBe(60);
        chart.GetProperty("forecast")[23].GetInt32().ShouldBe(forecast);
        chart.GetProperty("capacity")[23].GetInt32().ShouldBe(capacity);
    }

    [Fact]
    public async Task Managers_see_the_forecast_other_roles_do_not_and_the_home_shows_it_only_to_owners_and_managers()
    {
        var range = $"{Url}?from=2027-02-01&to=2027-02-28";
        (await (await app.SignInAsync("manager@bloom.example")).GetJsonAsync(range)).GetArrayLength().ShouldBe(28);
        foreach (var email in new[] { "sales@bloom.example", "driver@bloom.example" })
            await (await (await app.SignInAsync(email)).GetAsync(range, Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await app.CreateApiClient().GetAsync(range, Ct)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);

        (await (await StaffPages.SignInAsync(app, "sales@bloom.example")).HtmlAsync("/app")).ShouldNotContain("forecast-chart");
    }

    [Fact]
    public async Task Bad_ranges_and_another_business_s_location_are_refused_naming_the_field()
    {
        var owner = await app.SignInAsync("owner@bloom.example");
        await (await owner.GetAsync(Url, Ct)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "from", "to");
        await (await owner.GetAsync($"{Url}?from=2027-02-01", Ct)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "to");
        await (await owner.GetAsync($"{Url}?from=2027-02-10&to=2027-02-01", Ct)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "to");
        await (await owner.GetAsync($"{Url}?from=2027-01-01&to=2028-01-02", Ct)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "to");
        (await owner.GetJsonAsync($"{Url}?from=2027-01-01&to=2027-12-31")).GetArrayLength().ShouldBe(365);
        await (await owner.GetAsync($"{Url}?from=someday&to=2027-02-01", Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "from");
        await (await owner.GetAsync($"{Url}?from=2027-02-01&to=2027-02-02&locationId=nope", Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "locationId");

        var harbor = await app.BusinessIdAsync(DemoData.Harbor);
        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        var theirs = await app.WithDbAsync(harbor, db => db.Locations.Select(l => (Guid?)l.Id).FirstOrDefaultAsync(Ct))
                     ?? await app.WithDbAsync(harbor, async db =>
                     {
                         var location = new Location { BusinessId = harbor, Name = "Harbor yard" };
                         db.Locations.Add(location);
                         await db.SaveChangesAsync(Ct);
                         return (Guid?)location.Id;
                     });
        await (await owner.GetAsync($"{Url}?from=2027-02-01&to=2027-02-02&locationId={theirs}", Ct))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "locationId");
        await (await owner.GetAsync($"{Url}?from=2027-02-01&to=2027-02-02&locationId={Guid.NewGuid()}", Ct))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "locationId");
        // Reading makes nothing: no windows are made for the days asked.
        var before = await app.WithDbAsync(bloom, db => db.DeliveryWindows.CountAsync(Ct));
        await owner.GetJsonAsync($"{Url}?from=2027-06-01&to=2027-07-31");
        (await app.WithDbAsync(bloom, db => db.DeliveryWindows.CountAsync(Ct))).ShouldBe(before);
    }

    [Fact]
    public async Task The_forecast_is_in_the_OpenAPI_document()
    {
        var document = await app.CreateApiClient().GetJsonAsync("/openapi/v1.json");
        var operation = document.GetProperty("paths").GetProperty("/api/forecast").GetProperty("get");
        operation.GetProperty("parameters").EnumerateArray().Select(p => p.Str("name")).ShouldBe(["from", "to", "locationId"], ignoreOrder: true);
    }

    private static string ChartData(string html)
    {
        const string open = "<script type=\"application/json\" id=\"forecast-data\">";
        var start = html.IndexOf(open, StringComparison.Ordinal);
        start.ShouldBeGreaterThanOrEqualTo(0);
        start += open.Length;
        return html[start..html.IndexOf("</script>", start, StringComparison.Ordinal)];
    }
}

/// <summary>
/// A florist of its own with one location (10 deliveries every day of the week), 40, 50 and 60 orders on the
/// Valentine's Days of 2024 to 2026, Feb 13 2027 closed, Feb 15 2027 with windows made for 25, and two customers
/// with a confirmed Valentine's occasion, one of whom has ordered already.
/// </summary>
internal sealed record TestFlorist(Guid BusinessId, Guid LocationId, string OwnerEmail)
{
    public const string Password = "Forecast!2027";

    public static async Task<TestFlorist> CreateAsync(RapportApp app)
    {
        var slug = TestNames.Slug("fc");
        var email = $"owner@{slug}.example";
        var created = await CreateBusiness.HandleAsync(app.Services, new CreateBusiness.Command($"Florist {slug}", slug, email, Password, "Fay Forecast", "America/Chicago"), Ct);
        created.Succeeded.ShouldBeTrue();
        var business = created.Value!.Id;
        var locationId = await app.WithDbAsync(business, async db =>
        {
            var location = new Location { BusinessId = business, Name = "Main shop", TimeZone = "America/Chicago" };
            location.Zones.Add(new DeliveryZone { BusinessId = business, LocationId = location.Id, PostalCode = "64108", Fee = 10 });
            foreach (var weekday in Enum.GetValues<DayOfWeek>())
                location.WeeklyWindows.Add(new WindowTemplate
                {
                    BusinessId = business, LocationId = location.Id, Weekday = weekday, Start = new(9, 0), End = new(17, 0), Capacity = 10,
                });
            db.Locations.Add(location);
            db.BlockedDates.Add(new BlockedDate { BusinessId = business, LocationId = location.Id, Date = new(2027, 2, 13), Reason = "Stocktaking" });
            var zone = BusinessClock.Zone(location.TimeZone);
            var extra = DeliveryCalendar.Make(location, zone, new(2027, 2, 15), new(9, 0), new(17, 0), 25, 0);
            extra.IsOverride = true;
            db.DeliveryWindows.Add(extra);

            var customers = Enumerable.Range(0, 3).Select(i => new Customer
            {
                BusinessId = business, Name = $"Customer {i}", CustomerSince = new DateTime(2023, 1, 1, 12, 0, 0, DateTimeKind.Utc),
                Recipients = { new Recipient { BusinessId = business, Name = $"Recipient {i}", Relationship = "wife", Address = new PostalAddress { Line1 = "1 Main St", City = "Kansas City", PostalCode = "64108" } } },
            }).ToList();
            db.Customers.AddRange(customers);
            var number = 1;
            Order Order(Customer c, DateOnly day, OrderStatus status) => new()
            {
                BusinessId = business, Number = number++, CustomerId = c.Id, RecipientId = c.Recipients[0].Id, Fulfilment = FulfilmentKind.Delivery,
                FulfilmentDate = day, LocationId = location.Id, Status = status, Promise = "Delivered",
                PlacedAt = day.AddDays(-3).ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc), UpdatedAt = day.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc),
            };
            foreach (var (year, count) in new[] { (2024, 40), (2025, 50), (2026, 60) })
                for (var i = 0; i < count; i++) db.Orders.Add(Order(customers[i % 3], new DateOnly(year, 2, 14), OrderStatus.Delivered));
            // Cancelled orders are no demand.
            db.Orders.Add(Order(customers[0], new DateOnly(2026, 2, 14), OrderStatus.Cancelled));
            // Customer 0 has ordered for this Feb 14 already; customers 0 and 1 have it confirmed, customer 2 only proposed.
            db.Orders.Add(Order(customers[0], new DateOnly(2027, 2, 14), OrderStatus.Placed));
            foreach (var (c, status) in new[] { (customers[0], OccasionStatus.Confirmed), (customers[1], OccasionStatus.Confirmed), (customers[2], OccasionStatus.Proposed) })
                db.Occasions.Add(new Occasion
                {
                    BusinessId = business, CustomerId = c.Id, RecipientId = c.Recipients[0].Id, Type = OccasionType.Valentines, Rule = DateRule.ValentinesDay,
                    Source = OccasionSource.Staff, Status = status, Key = Occasion.KeyOf(c.Id, c.Recipients[0].Id, OccasionType.Valentines, DateRule.ValentinesDay),
                    CreatedAt = DateTime.UtcNow, CreatedBy = "Fay Forecast", UpdatedAt = DateTime.UtcNow,
                });
            // Customer 2's office gets flowers every Tuesday: Feb 16 is known demand before it is placed.
            var bouquet = new Rapport.Core.Catalog.Product { BusinessId = business, Name = "Office bouquet", Category = "Bouquets", Price = 40m };
            db.Products.Add(bouquet);
            db.StandingOrders.Add(new StandingOrder
            {
                BusinessId = business, CustomerId = customers[2].Id, RecipientId = customers[2].Recipients[0].Id, Schedule = StandingSchedule.Weekly,
                Weekday = DayOfWeek.Tuesday, ProductId = bouquet.Id, PaymentMethodId = Guid.NewGuid(), CreatedAt = DateTime.UtcNow, CreatedBy = "Fay Forecast",
            });
            await db.SaveChangesAsync(Ct);
            return location.Id;
        });
        return new TestFlorist(business, locationId, email);
    }
}
