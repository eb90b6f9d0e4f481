using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Occasions;
using Rapport.IntegrationTests.Orders;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Occasions;

/// <summary>Occasions on file and inferred, through the API, on the demo florist.</summary>
public sealed class OccasionApiTests(RapportApp app) : IClassFixture<RapportApp>
{
    private const string Service = "service@bloom.example";
    private const string Driver = "driver@bloom.example";
    private const string HarborOwner = "owner@harbor.example";

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static List<JsonElement> Of(JsonElement list) => list.EnumerateArray().ToList();

    [Fact]
    public async Task Toms_page_proposes_valentines_day_for_maria_with_high_confidence_and_her_birthday_and_their_anniversary()
    {
        var client = await app.ClientAsync(Service);
        var tom = await app.CustomerIdAsync(DemoData.Bloom, "Tom Lindqvist");

        var occasions = Of(await client.GetJsonAsync($"/api/customers/{tom}/occasions"));

        var maria = occasions.Where(o => o.HasValue("recipientName") && o.Str("recipientName") == "Maria Lindqvist").ToList();
        var valentines = maria.Single(o => o.Str("type") == "valentines");
        valentines.Str("status").ShouldBe("proposed");
        valentines.Str("source").ShouldBe("inferred");
        valentines.GetProperty("confidence").GetDouble().ShouldBeGreaterThanOrEqualTo(0.9);
        valentines.GetProperty("month").GetInt32().ShouldBe(2);
        valentines.GetProperty("day").GetInt32().ShouldBe(14);
        valentines.GetProperty("evidence").GetArrayLength().ShouldBe(7);
        valentines.GetProperty("evidence")[0].GetProperty("number").GetInt64().ShouldBeGreaterThan(0);
        DateOnly.Parse(valentines.Str("nextDate"), CultureInfo.InvariantCulture).ShouldBe(NextFeb14());
        valentines.GetProperty("usualBudget").GetDecimal().ShouldBe(85m);
        maria.ShouldContain(o => o.Str("type") == "birthday" && o.GetProperty("month").GetInt32() == 10);
        maria.ShouldContain(o => o.Str("type") == "anniversary" && o.GetProperty("month").GetInt32() == 6);
        var mothersDay = occasions.Single(o => o.Str("type") == "mothersDay");
        mothersDay.Str("rule").ShouldBe("second Sunday of May");
        mothersDay.Has("month").ShouldBeFalse();
    }

    private static DateOnly NextFeb14()
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "America/Chicago"));
        var thisYear = new DateOnly(today.Year, 2, 14);
        return thisYear >= today ? thisYear : thisYear.AddYears(1);
    }

    [Fact]
    public async Task Staff_add_an_occasion_confirmed_with_its_next_date_and_the_moving_rule_reads_back()
    {
        var data = await OrderData.ForAsync(app);
        var client = await app.ClientAsync(Service);
        var customer = await data.CustomerAsync("Adding Ada");
        var today = await data.TodayAsync();
        var soon = today.AddDays(5);

        var response = await client.PostAsJsonAsync($"/api/customers/{customer.Id}/occasions",
            new { type = "birthday", recipientId = customer.RecipientId, month = soon.Month, day = soon.Day, usualBudget = 60 }, Ct);

        var added = await response.ShouldBeJsonAsync(HttpStatusCode.Created);
        response.Headers.Location!.ToString().ShouldBe($"/api/occasions/{added.Id()}");
        (added.Str("status"), added.Str("source"), added.Str("name")).ShouldBe(("confirmed", "staff", "Birthday"));
        added.Str("nextDate").ShouldBe(Day(soon));
        added.Str("recipientName").ShouldBe(customer.RecipientName);
        added.Has("confidence").ShouldBeFalse();
        added.Str("createdBy").ShouldBe("Jake Morrison");
        (await client.GetJsonAsync(response.Headers.Location.ToString())).Id().ShouldBe(added.Id());

        var moving = await (await client.PostAsJsonAsync($"/api/customers/{customer.Id}/occasions",
            new { type = "custom", label = "Shop anniversary", rule = "2nd sunday of june" }, Ct)).ShouldBeJsonAsync(HttpStatusCode.Created);
        moving.Str("rule").ShouldBe("second Sunday of June");
        moving.Str("name").ShouldBe("Shop anniversary");
        DateOnly.Parse(moving.Str("nextDate"), CultureInfo.InvariantCulture).DayOfWeek.ShouldBe(DayOfWeek.Sunday);

        var list = Of(await client.GetJsonAsync($"/api/customers/{customer.Id}/occasions"));
        list.Select(o => o.Id()).ShouldBe([added.Id(), moving.Id()], ignoreOrder: true);

        await (await client.PostAsJsonAsync($"/api/customers/{customer.Id}/occasions",
            new { type = "birthday", recipientId = customer.RecipientId, month = soon.Month, day = soon.Day }, Ct)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await data.DbAsync(db => db.AuditEntries.CountAsync(a => a.Entity == "Occasion" && a.EntityId == added.Id() && a.Action == "add", Ct))).ShouldBe(1);
    }

    [Theory]
    [InlineData("""{ "month": 3, "day": 9 }""", "type")]
    [InlineData("""{ "type": "custom", "month": 3, "day": 9 }""", "label")]
    [InlineData("""{ "type": "birthday" }""", "month")]
    [InlineData("""{ "type": "birthday", "month": 13, "day": 1 }""", "month")]
    [InlineData("""{ "type": "birthday", "month": 2, "day": 30 }""", "day")]
    [InlineData("""{ "type": "anniversary", "rule": "every so often" }""", "rule")]
    [InlineData("""{ "type": "birthday", "month": 3, "day": 9, "usualBudget": -5 }""", "usualBudget")]
    [InlineData("""{ "type": "birthday", "month": 3, "day": 9, "recipientId": "OTHER" }""", "recipientId")]
    public async Task Wrong_fields_are_422_naming_them_and_nothing_is_stored(string body, string field)
    {
        var data = await OrderData.ForAsync(app);
        var client = await app.ClientAsync(Service);
        var customer = await data.CustomerAsync($"Wrong {field}");
        var other = await data.CustomerAsync($"Other {field}");

        await (await client.PostAsync($"/api/customers/{customer.Id}/occasions", Json(body.Replace("OTHER", other.RecipientId.ToString(), StringComparison.Ordinal)), Ct))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, field);

        (await data.DbAsync(db => db.Occasions.CountAsync(o => o.CustomerId == customer.Id, Ct))).ShouldBe(0);
    }

    [Fact]
    public async Task Inferred_proposals_are_confirmed_or_dismissed_and_a_dismissed_one_is_never_proposed_again()
    {
        var data = await OrderData.ForAsync(app);
        var client = await app.ClientAsync(Service);
        var customer = await data.CustomerAsync("Inferring Ivy");
        var today = await data.TodayAsync();
        var sister = await data.OtherRecipientAsync(customer.Id, "Ivy's sister");
        var birthdays = await data.HistoryAsync(customer, "Birthday", OccasionData.YearsBack(today, 3, 9, 3));
        var untagged = await data.HistoryAsync(customer with { RecipientId = sister.Id, RecipientName = sister.Name }, null, OccasionData.YearsBack(today, 8, 20, 2));

        var proposals = Of(await (await client.PostAsync($"/api/customers/{customer.Id}/occasions/infer", null, Ct)).ShouldBeJsonAsync(HttpStatusCode.OK));

        proposals.Count.ShouldBe(2);
        var birthday = proposals.Single(p => p.Str("type") == "birthday");
        birthday.Str("status").ShouldBe("proposed");
        birthday.GetProperty("evidence").EnumerateArray().Select(e => e.Id()).ShouldBe(birthdays, ignoreOrder: true);
        var custom = proposals.Single(p => p.Str("type") == "custom");
        custom.GetProperty("recipientId").GetGuid().ShouldBe(sister.Id);
        custom.GetProperty("evidence").EnumerateArray().Select(e => e.Id()).ShouldBe(untagged, ignoreOrder: true);
        custom.GetProperty("confidence").GetDouble().ShouldBeLessThan(birthday.GetProperty("confidence").GetDouble());

        var confirmed = await (await client.PostAsync($"/api/occasions/{birthday.Id()}/confirm", null, Ct)).ShouldBeJsonAsync(HttpStatusCode.OK);
        (confirmed.Str("status"), confirmed.Str("decidedBy"), confirmed.Str("source")).ShouldBe(("confirmed", "Jake Morrison", "inferred"));
        var dismissed = await (await client.PostAsync($"/api/occasions/{custom.Id()}/dismiss", null, Ct)).ShouldBeJsonAsync(HttpStatusCode.OK);
        dismissed.Str("status").ShouldBe("dismissed");

        // Again from the API and from the nightly job: nothing new, the dismissed one stays dismissed.
        var again = Of(await (await client.PostAsync($"/api/customers/{customer.Id}/occasions/infer", null, Ct)).ShouldBeJsonAsync(HttpStatusCode.OK));
        var run = await data.DbAsync(db => InferOccasions.RunAsync(db, TimeProvider.System, Ct));
        again.Select(o => (o.Id(), o.Str("status"))).ShouldBe([(birthday.Id(), "confirmed"), (custom.Id(), "dismissed")], ignoreOrder: true);
        (await data.DbAsync(db => db.Occasions.CountAsync(o => o.CustomerId == customer.Id, Ct))).ShouldBe(2);
        (await data.DbAsync(db => db.AuditEntries.CountAsync(a => a.EntityId == custom.Id() && a.Action == "dismiss", Ct))).ShouldBe(1);
        run.OrdersRead.ShouldBeGreaterThan(0);

        // Staff typing the dismissed one in again make it theirs, confirmed.
        var retyped = await (await client.PostAsJsonAsync($"/api/customers/{customer.Id}/occasions",
            new { type = "custom", label = "Sister's day", recipientId = sister.Id, month = 8, day = 20 }, Ct)).ShouldBeJsonAsync(HttpStatusCode.Created);
        retyped.Id().ShouldBe(custom.Id());
        (retyped.Str("status"), retyped.Str("source")).ShouldBe(("confirmed", "staff"));
    }

    [Fact]
    public async Task Every_occasion_and_calendar_endpoint_is_in_the_openapi_document()
    {
        var paths = (await app.CreateApiClient().GetJsonAsync("/openapi/v1.json")).GetProperty("paths");

        paths.GetProperty("/api/customers/{id}/occasions").GetProperty("get").Str("operationId").ShouldBe("ListOccasions");
        paths.GetProperty("/api/customers/{id}/occasions").GetProperty("post").Str("operationId").ShouldBe("AddOccasion");
        paths.GetProperty("/api/occasions/upcoming").GetProperty("get").Str("operationId").ShouldBe("UpcomingOccasions");
        paths.GetProperty("/api/occasions/{occasionId}/confirm").GetProperty("post").Str("operationId").ShouldBe("ConfirmOccasion");
        paths.GetProperty("/api/occasions/{occasionId}/dismiss").GetProperty("post").Str("operationId").ShouldBe("DismissOccasion");
        paths.GetProperty("/api/calendar/feed").GetProperty("post").Str("operationId").ShouldBe("IssueCalendarFeed");
        paths.GetProperty("/calendar/{token}.ics").GetProperty("get").Str("operationId").ShouldBe("CalendarFeed");
    }

    [Fact]
    public async Task The_nightly_job_is_idempotent()
    {
        var data = await OrderData.ForAsync(app);
        var customer = await data.CustomerAsync("Twice Tess");
        var today = await data.TodayAsync();
        await data.HistoryAsync(customer, "Anniversary", OccasionData.YearsBack(today, 6, 1, 3));

        await data.DbAsync(db => InferOccasions.RunAsync(db, TimeProvider.System, Ct));
        var second = await data.DbAsync(db => InferOccasions.RunAsync(db, TimeProvider.System, Ct));

        second.Proposed.ShouldBe(0);
        (await data.DbAsync(db => db.Occasions.CountAsync(o => o.CustomerId == customer.Id, Ct))).ShouldBe(1);
    }

    [Fact]
    public async Task The_budget_changes_and_bad_budgets_are_422()
    {
        var data = await OrderData.ForAsync(app);
        var client = await app.ClientAsync(Service);
        var customer = await data.CustomerAsync("Budget Bea");
        var added = await (await client.PostAsJsonAsync($"/api/customers/{customer.Id}/occasions", new { type = "christmas", usualBudget = 50 }, Ct))
            .ShouldBeJsonAsync(HttpStatusCode.Created);

        var changed = await (await client.PatchAsJsonAsync($"/api/occasions/{added.Id()}", new { usualBudget = 75.5 }, Ct)).ShouldBeJsonAsync(HttpStatusCode.OK);
        changed.GetProperty("usualBudget").GetDecimal().ShouldBe(75.5m);
        await (await client.PatchAsJsonAsync($"/api/occasions/{added.Id()}", new { usualBudget = 0 }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "usualBudget");
        var cleared = await (await client.PatchAsJsonAsync($"/api/occasions/{added.Id()}", new { clearBudget = true }, Ct)).ShouldBeJsonAsync(HttpStatusCode.OK);
        cleared.Has("usualBudget").ShouldBeFalse();
    }

    [Fact]
    public async Task Upcoming_lists_confirmed_occasions_in_the_coming_days_and_whether_the_order_is_in()
    {
        var data = await OrderData.ForAsync(app);
        var client = await app.ClientAsync(Service);
        var today = await data.TodayAsync();
        var waiting = await data.CustomerAsync("Upcoming Uma");
        var ordered = await data.CustomerAsync("Upcoming Otto");
        var later = await data.CustomerAsync("Upcoming Lars");
        async Task<Guid> Add(TestCustomer c, DateOnly d) => (await (await client.PostAsJsonAsync($"/api/customers/{c.Id}/occasions",
            new { type = "birthday", recipientId = c.RecipientId, month = d.Month, day = d.Day, usualBudget = 90 }, Ct)).ShouldBeJsonAsync(HttpStatusCode.Created)).Id();
        var umas = await Add(waiting, today.AddDays(4));
        var ottos = await Add(ordered, today.AddDays(6));
        await Add(later, today.AddDays(45));
        var order = (await data.HistoryAsync(ordered, "Birthday", today.AddDays(5))).Single();

        var upcoming = Of(await client.GetJsonAsync("/api/occasions/upcoming?days=30"));

        var uma = upcoming.Single(u => u.GetProperty("occasionId").GetGuid() == umas);
        (uma.Str("customerName"), uma.Str("recipientName"), uma.Str("nextDate"), uma.GetProperty("orderPlaced").GetBoolean())
            .ShouldBe((waiting.Name, waiting.RecipientName, Day(today.AddDays(4)), false));
        uma.GetProperty("usualBudget").GetDecimal().ShouldBe(90m);
        var otto = upcoming.Single(u => u.GetProperty("occasionId").GetGuid() == ottos);
        otto.GetProperty("orderPlaced").GetBoolean().ShouldBeTrue();
        otto.GetProperty("orderId").GetGuid().ShouldBe(order);
        upcoming.ShouldNotContain(u => u.Str("customerName") == later.Name);
        upcoming.Select(u => u.Str("nextDate")).ShouldBeInOrder();
        // Proposals are not upcoming until someone confirms them.
        upcoming.ShouldNotContain(u => u.Str("customerName") == "Tom Lindqvist");

        await (await client.GetAsync("/api/occasions/upcoming?days=500", Ct)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "days");
    }

    [Fact]
    public async Task Another_business_occasions_are_404_and_drivers_may_not_decide()
    {
        var tom = await app.CustomerIdAsync(DemoData.Bloom, "Tom Lindqvist");
        var data = await OrderData.ForAsync(app);
        var proposal = await data.DbAsync(db => db.Occasions.Where(o => o.CustomerId == tom).Select(o => o.Id).FirstAsync(Ct));
        var harbor = await app.ClientAsync(HarborOwner);

        await (await harbor.GetAsync($"/api/customers/{tom}/occasions", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await harbor.GetAsync($"/api/occasions/{proposal}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await harbor.PostAsync($"/api/occasions/{proposal}/confirm", null, Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await harbor.PostAsync($"/api/occasions/{proposal}/dismiss", null, Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await harbor.PostAsJsonAsync($"/api/customers/{tom}/occasions", new { type = "christmas" }, Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        Of(await harbor.GetJsonAsync("/api/occasions/upcoming?days=92")).ShouldNotContain(u => u.Str("customerName") == "Tom Lindqvist");

        // A customer on none of the driver's stops is not there for the driver; one on them is seen, not changed.
        var driver = await app.ClientAsync(Driver);
        var service = await app.ClientAsync(Service);
        var unseen = await data.CustomerAsync("Unseen Uwe");
        var unseenOccasion = await (await service.PostAsJsonAsync($"/api/customers/{unseen.Id}/occasions", new { type = "christmas" }, Ct))
            .ShouldBeJsonAsync(HttpStatusCode.Created);
        await (await driver.PostAsync($"/api/occasions/{unseenOccasion.Id()}/confirm", null, Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await driver.GetAsync($"/api/customers/{unseen.Id}/occasions", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var me = await app.StaffAsync(Driver);
        var customer = await data.CustomerAsync("Driven Dora");
        await data.OrderAsync(customer, await data.TodayAsync(), driverId: me.Id);
        var added = await (await service.PostAsJsonAsync($"/api/customers/{customer.Id}/occasions",
            new { type = "valentines", recipientId = customer.RecipientId }, Ct)).ShouldBeJsonAsync(HttpStatusCode.Created);
        Of(await driver.GetJsonAsync($"/api/customers/{customer.Id}/occasions")).Single().Id().ShouldBe(added.Id());
        await (await driver.PostAsync($"/api/occasions/{added.Id()}/dismiss", null, Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await data.DbAsync(db => db.Occasions.SingleAsync(o => o.Id == added.Id(), Ct))).Status.ShouldBe(OccasionStatus.Confirmed);
        (await data.DbAsync(db => db.Occasions.AnyAsync(o => o.CustomerId == tom && o.Status != OccasionStatus.Proposed, Ct))).ShouldBeFalse();
    }
}
