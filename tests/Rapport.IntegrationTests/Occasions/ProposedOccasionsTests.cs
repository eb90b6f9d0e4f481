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

/// <summary>The queue of proposed occasions across customers, decided one, several or all the sure ones at a time.</summary>
public sealed class ProposedOccasionsTests(RapportApp app) : IClassFixture<RapportApp>
{
    private const string Service = "service@bloom.example";

    /// <summary>A customer with three years of birthdays and two of an untagged day: two proposals, a sure one and a doubtful one.</summary>
    internal static async Task<(TestCustomer Customer, Guid Birthday, Guid Custom)> ProposalsAsync(OrderData data, HttpClient client, string name)
    {
        var customer = await data.CustomerAsync(name);
        var today = await data.TodayAsync();
        var sister = await data.OtherRecipientAsync(customer.Id, $"{name}'s sister");
        await data.HistoryAsync(customer, "Birthday", OccasionData.YearsBack(today, 3, 9, 3));
        await data.HistoryAsync(customer with { RecipientId = sister.Id, RecipientName = sister.Name }, null, OccasionData.YearsBack(today, 8, 20, 2));
        var proposals = (await (await client.PostAsync($"/api/customers/{customer.Id}/occasions/infer", null, Ct)).ShouldBeJsonAsync(HttpStatusCode.OK))
            .EnumerateArray().ToList();
        return (customer, proposals.Single(p => p.Str("type") == "birthday").Id(), proposals.Single(p => p.Str("type") == "custom").Id());
    }

    [Fact]
    public async Task The_queue_holds_every_customers_proposals_surest_first_then_soonest_with_the_orders_they_rest_on()
    {
        var client = await app.ClientAsync(Service);

        var queue = await client.GetJsonAsync("/api/occasions/proposed");

        var items = queue.Items();
        items.Count.ShouldBeGreaterThan(1);
        queue.GetProperty("total").GetInt32().ShouldBeGreaterThanOrEqualTo(items.Count);
        items.Select(i => i.Str("customerName")).Distinct().Count().ShouldBeGreaterThan(1, "across customers");
        items.ShouldAllBe(i => i.GetProperty("occasion").Str("status") == "proposed");
        var keys = items.Select(i => (Confidence: i.GetProperty("occasion").GetProperty("confidence").GetDouble(),
            Next: DateOnly.Parse(i.GetProperty("occasion").Str("nextDate"), CultureInfo.InvariantCulture))).ToList();
        keys.ShouldBe(keys.OrderByDescending(k => k.Confidence).ThenBy(k => k.Next).ToList());
        var all = await client.WalkPagesAsync();
        all.Count.ShouldBe(queue.GetProperty("total").GetInt32());
        var tom = all.Single(i => i.Str("customerName") == "Tom Lindqvist" && i.GetProperty("occasion").Str("type") == "valentines");
        tom.GetProperty("occasion").GetProperty("evidence").GetArrayLength().ShouldBe(7);
        queue.GetProperty("atLeast95").GetInt32().ShouldBe(all.Count(i => i.GetProperty("occasion").GetProperty("confidence").GetDouble() >= 0.95));
    }

    [Fact]
    public async Task Several_chosen_are_confirmed_each_with_its_own_audit_row_and_dismissed_ones_leave_the_queue()
    {
        var data = await OrderData.ForAsync(app);
        var client = await app.ClientAsync(Service);
        var (_, birthday, custom) = await ProposalsAsync(data, client, "Queued Quinn");
        var (_, birthday2, custom2) = await ProposalsAsync(data, client, "Queued Quilla");

        var confirmed = await (await client.PostAsJsonAsync("/api/occasions/confirm", new { ids = new[] { birthday, birthday2 } }, Ct)).ShouldBeJsonAsync(HttpStatusCode.OK);
        confirmed.GetProperty("count").GetInt32().ShouldBe(2);
        var dismissed = await (await client.PostAsJsonAsync("/api/occasions/dismiss", new { ids = new[] { custom } }, Ct)).ShouldBeJsonAsync(HttpStatusCode.OK);
        dismissed.GetProperty("count").GetInt32().ShouldBe(1);
        // Deciding again changes nothing and is not counted.
        (await (await client.PostAsJsonAsync("/api/occasions/confirm", new { ids = new[] { birthday } }, Ct)).ShouldBeJsonAsync(HttpStatusCode.OK))
            .GetProperty("count").GetInt32().ShouldBe(0);

        var stored = await data.DbAsync(db => db.Occasions.Where(o => new[] { birthday, birthday2, custom, custom2 }.Contains(o.Id)).ToDictionaryAsync(o => o.Id, Ct));
        (stored[birthday].Status, stored[birthday2].Status, stored[custom].Status, stored[custom2].Status)
            .ShouldBe((OccasionStatus.Confirmed, OccasionStatus.Confirmed, OccasionStatus.Dismissed, OccasionStatus.Proposed));
        stored[birthday].DecidedBy.ShouldBe("Jake Morrison");
        var audits = await data.DbAsync(db => db.AuditEntries.Where(a => a.Entity == "Occasion").Where(a => a.EntityId == birthday || a.EntityId == birthday2 || a.EntityId == custom)
            .Select(a => new { a.EntityId, a.Action }).ToListAsync(Ct));
        audits.Select(a => (a.EntityId, a.Action)).ShouldBe([(birthday, "confirm"), (birthday2, "confirm"), (custom, "dismiss")], ignoreOrder: true);
        var ids = (await client.WalkPagesAsync()).Select(i => i.GetProperty("occasion").Id()).ToList();
        ids.ShouldContain(custom2);
        ids.ShouldNotContain(birthday);
        ids.ShouldNotContain(custom);
    }

    [Fact]
    public async Task Another_business_id_is_404_and_nothing_changes_and_sales_and_drivers_are_refused()
    {
        var data = await OrderData.ForAsync(app);
        var client = await app.ClientAsync(Service);
        var (_, birthday, _) = await ProposalsAsync(data, client, "Guarded Gil");
        var harborOwner = await app.ClientAsync("owner@harbor.example");

        await (await harborOwner.PostAsJsonAsync("/api/occasions/confirm", new { ids = new[] { birthday } }, Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await harborOwner.GetJsonAsync("/api/occasions/proposed")).Items().ShouldNotContain(i => i.GetProperty("occasion").Id() == birthday);
        // One unknown id among known ones: nothing is decided.
        await (await client.PostAsJsonAsync("/api/occasions/confirm", new { ids = new[] { birthday, Guid.NewGuid() } }, Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        foreach (var role in new[] { "sales@bloom.example", "driver@bloom.example" })
        {
            var other = await app.ClientAsync(role);
            (await other.GetAsync("/api/occasions/proposed", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, role);
            (await other.PostAsJsonAsync("/api/occasions/confirm", new { ids = new[] { birthday } }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, role);
        }
        (await data.DbAsync(db => db.Occasions.SingleAsync(o => o.Id == birthday, Ct))).Status.ShouldBe(OccasionStatus.Proposed);
    }

    [Theory]
    [InlineData("""{ }""", "ids")]
    [InlineData("""{ "ids": [] }""", "ids")]
    [InlineData("""{ "minConfidence": 1.5 }""", "minConfidence")]
    [InlineData("""{ "minConfidence": 0.2 }""", "minConfidence")]
    public async Task A_request_without_a_choice_or_with_a_wrong_confidence_is_422_naming_the_field(string body, string field)
    {
        var client = await app.ClientAsync(Service);
        await (await client.PostAsync("/api/occasions/confirm", Json(body), Ct)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, field);
    }

    [Fact]
    public async Task The_page_confirms_the_ticked_ones_and_dismisses_one_and_is_closed_to_sales()
    {
        var data = await OrderData.ForAsync(app);
        var client = await app.ClientAsync(Service);
        var (customer, birthday, custom) = await ProposalsAsync(data, client, "Paged Perdita");
        var pages = await StaffPages.SignInAsync(app, Service);
        const string page = "/app/occasions/proposed";
        var html = await pages.HtmlAsync(page);
        html.ShouldContain("data-testid=\"proposed-list\"");
        var first = (await client.GetJsonAsync("/api/occasions/proposed")).Items()[0];
        html.ShouldContain(first.Str("customerName"));
        html.ShouldContain($"rests on {first.GetProperty("occasion").GetProperty("evidence").GetArrayLength()} order");
        (await pages.HtmlAsync("/app/occasions")).ShouldContain("data-testid=\"proposed-link\"");

        var confirmed = await pages.PostAsync(page, $"{page}?handler=Confirm", ("ids", birthday.ToString()));
        confirmed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await pages.HtmlAsync(confirmed.Headers.Location!.ToString())).ShouldContain("Confirmed 1 occasion.");
        var dismissed = await pages.PostAsync(page, $"{page}?handler=Dismiss", ("one", custom.ToString()), ("ids", birthday.ToString()));
        dismissed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stored = await data.DbAsync(db => db.Occasions.Where(o => o.CustomerId == customer.Id).ToDictionaryAsync(o => o.Id, o => o.Status, Ct));
        (stored[birthday], stored[custom]).ShouldBe((OccasionStatus.Confirmed, OccasionStatus.Dismissed), "the row's button decides its own occasion only");
        (await pages.PostAsync(page, $"{page}?handler=Confirm")).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);

        var sales = await StaffPages.SignInAsync(app, "sales@bloom.example");
        var refused = await sales.GetAsync(page);
        refused.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
        if (refused.StatusCode == HttpStatusCode.Redirect) refused.Headers.Location!.ToString().ShouldContain("denied");
    }

    [Fact]
    public async Task The_bulk_endpoints_are_in_the_openapi_document()
    {
        var paths = (await app.CreateApiClient().GetJsonAsync("/openapi/v1.json")).GetProperty("paths");
        paths.GetProperty("/api/occasions/proposed").GetProperty("get").Str("operationId").ShouldBe("ProposedOccasions");
        paths.GetProperty("/api/occasions/confirm").GetProperty("post").Str("operationId").ShouldBe("ConfirmOccasions");
        paths.GetProperty("/api/occasions/dismiss").GetProperty("post").Str("operationId").ShouldBe("DismissOccasions");
    }
}

/// <summary>"Confirm all at 95% or more", in a database of its own: it decides the demo's whole sure queue.</summary>
public sealed class ConfirmSureOccasionsTests(RapportApp app) : IClassFixture<RapportApp>
{
    private const string Service = "service@bloom.example";

    [Fact]
    public async Task Confirm_all_at_95_percent_confirms_exactly_the_sure_ones_of_this_business_each_audited()
    {
        var data = await OrderData.ForAsync(app);
        var harbor = await OrderData.ForAsync(app, DemoData.Harbor);
        var client = await app.ClientAsync(Service);
        var (_, _, custom) = await ProposedOccasionsTests.ProposalsAsync(data, client, "Sure Sunny");
        var harborOwner = await app.ClientAsync("owner@harbor.example");
        var (_, harborBirthday, _) = await ProposedOccasionsTests.ProposalsAsync(harbor, harborOwner, "Harbor Hank");
        var sure = await data.DbAsync(db => db.Occasions.Where(o => o.Status == OccasionStatus.Proposed && o.Confidence >= 0.95).Select(o => o.Id).ToListAsync(Ct));
        sure.ShouldNotBeEmpty();

        var answer = await (await client.PostAsJsonAsync("/api/occasions/confirm", new { minConfidence = 0.95 }, Ct)).ShouldBeJsonAsync(HttpStatusCode.OK);

        answer.GetProperty("ids").EnumerateArray().Select(e => e.GetGuid()).ShouldBe(sure, ignoreOrder: true);
        (await data.DbAsync(db => db.Occasions.CountAsync(o => o.Status == OccasionStatus.Proposed && o.Confidence >= 0.95, Ct))).ShouldBe(0);
        (await data.DbAsync(db => db.Occasions.SingleAsync(o => o.Id == custom, Ct))).Status.ShouldBe(OccasionStatus.Proposed);
        (await harbor.DbAsync(db => db.Occasions.SingleAsync(o => o.Id == harborBirthday, Ct))).Status.ShouldBe(OccasionStatus.Proposed, "another business's queue is untouched");
        (await data.DbAsync(db => db.AuditEntries.CountAsync(a => a.Entity == "Occasion" && a.Action == "confirm" && sure.Contains(a.EntityId), Ct))).ShouldBe(sure.Count);
        (await client.GetJsonAsync("/api/occasions/proposed")).GetProperty("atLeast95").GetInt32().ShouldBe(0);
    }

}

internal static class ProposedQueuePages
{
    /// <summary>Every item of the queue, page by page.</summary>
    public static async Task<List<JsonElement>> WalkPagesAsync(this HttpClient client)
    {
        var all = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            var queue = await client.GetJsonAsync($"/api/occasions/proposed?page={page}");
            all.AddRange(queue.Items());
            if (page * queue.GetProperty("pageSize").GetInt32() >= queue.GetProperty("total").GetInt32()) return all;
        }
    }
}
