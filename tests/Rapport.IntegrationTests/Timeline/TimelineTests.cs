using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Timeline;

public sealed class TimelineTests(RapportApp app) : IClassFixture<RapportApp>
{
    [Fact]
    public async Task A_logged_interaction_answers_201_and_lands_on_top_of_the_timeline_with_who_and_role()
    {
        var client = await app.ClientAsync("service@bloom.example");
        var service = await app.StaffAsync("service@bloom.example");
        var tomId = await app.CustomerIdAsync(DemoData.Bloom, "Tom Lindqvist");
        var started = DateTime.UtcNow.AddSeconds(-5);

        var response = await client.PostAsJsonAsync($"/api/customers/{tomId}/interactions",
            new { channel = "phone", direction = "inbound", summary = "Roses arrived wilted; Tom is unhappy.", tone = "negative" }, Ct);

        var entry = await response.ShouldBeJsonAsync(HttpStatusCode.Created);
        response.Headers.Location.ShouldNotBeNull();
        entry.Str("channel").ShouldBe("phone");
        entry.Str("direction").ShouldBe("inbound");
        entry.Str("tone").ShouldBe("negative");
        entry.Str("summary").ShouldBe("Roses arrived wilted; Tom is unhappy.");
        entry.GetProperty("occurredAt").GetDateTime().ShouldBeInRange(started, DateTime.UtcNow.AddSeconds(5));
        entry.GetProperty("staff").Str("name").ShouldBe(service.DisplayName);
        entry.GetProperty("staff").Str("role").ShouldBe("service");

        var top = (await client.GetJsonAsync($"/api/customers/{tomId}/timeline")).Items().First();
        top.Id().ShouldBe(entry.Id());
        top.Str("summary").ShouldBe("Roses arrived wilted; Tom is unhappy.");
        top.Str("tone").ShouldBe("negative");
        top.GetProperty("staff").Str("name").ShouldBe(service.DisplayName);
        top.GetProperty("staff").Str("role").ShouldBe("service");

        // The contact counts as activity for the loyalty badge and is visible to every role.
        var other = await app.ClientAsync("sales@bloom.example");
        (await other.GetJsonAsync($"/api/customers/{tomId}/timeline?limit=1")).Items().Single().Id().ShouldBe(entry.Id());
    }

    [Fact]
    public async Task An_interaction_in_the_past_takes_its_place_in_time()
    {
        var client = await app.ClientAsync("sales@bloom.example");
        var tomId = await app.CustomerIdAsync(DemoData.Bloom, "Tom Lindqvist");
        var at = DateTime.UtcNow.AddYears(-3).AddDays(17);

        var entry = await (await client.PostAsJsonAsync($"/api/customers/{tomId}/interactions",
            new { channel = "visit", direction = "inbound", summary = "Dropped by to ask about wedding flowers.", tone = "positive", occurredAt = at }, Ct))
            .ShouldBeJsonAsync(HttpStatusCode.Created);

        var all = await client.WalkAsync($"/api/customers/{tomId}/timeline?limit=50", "before");
        var index = all.FindIndex(e => e.Id() == entry.Id());
        index.ShouldBeGreaterThan(0);
        all[index - 1].GetProperty("occurredAt").GetDateTime().ShouldBeGreaterThanOrEqualTo(all[index].GetProperty("occurredAt").GetDateTime());
        all[index].GetProperty("occurredAt").GetDateTime().ShouldBe(at, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task Paging_with_before_goes_newest_first_through_every_entry_once()
    {
        var client = await app.ClientAsync("manager@bloom.example");
        var tomId = await app.CustomerIdAsync(DemoData.Bloom, "Tom Lindqvist");
        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        var expected = await app.WithDbAsync(bloom, db => db.Interactions.Where(i => i.CustomerId == tomId).Select(i => i.Id).ToListAsync(Ct));
        expected.Count.ShouldBeGreaterThan(20);

        var first = await client.GetJsonAsync($"/api/customers/{tomId}/timeline?limit=7");
        first.Items().Count.ShouldBe(7);
        var all = await client.WalkAsync($"/api/customers/{tomId}/timeline?limit=7", "before");

        all.Select(e => e.Id()).ShouldBeUnique();
        all.Select(e => e.Id()).ShouldBe(expected, ignoreOrder: true);
        all.Take(7).Select(e => e.Id()).ShouldBe(first.Items().Select(e => e.Id()));
        var times = all.Select(e => e.GetProperty("occurredAt").GetDateTime()).ToList();
        times.ShouldBe(times.OrderByDescending(t => t).ToList());
    }

    [Fact]
    public async Task Entries_name_the_staff_member_and_their_role()
    {
        var client = await app.ClientAsync("service@bloom.example");
        var tomId = await app.CustomerIdAsync(DemoData.Bloom, "Tom Lindqvist");
        var driver = await app.StaffAsync("driver@bloom.example");

        var all = await client.WalkAsync($"/api/customers/{tomId}/timeline?limit=200", "before");

        var roles = all.Where(e => e.Has("staff")).Select(e => e.GetProperty("staff").Str("role")).Distinct().ToList();
        roles.ShouldContain("owner");
        roles.ShouldContain("manager");
        roles.ShouldContain("delivery");
        var delivery = all.First(e => e.Str("channel") == "delivery");
        delivery.GetProperty("staff").Str("name").ShouldBe(driver.DisplayName);
        delivery.GetProperty("staff").Str("role").ShouldBe("delivery");
        all.ShouldContain(e => e.Str("tone") == "negative");
    }

    public static TheoryData<string, HttpStatusCode, string[]> InvalidInteractions => new()
    {
        { """{ "direction": "inbound", "summary": "No channel or tone" }""", HttpStatusCode.UnprocessableEntity, ["channel", "tone"] },
        { """{ "channel": "phone", "direction": "inbound", "tone": "neutral" }""", HttpStatusCode.UnprocessableEntity, ["summary"] },
        { """{ "channel": "phone", "direction": "inbound", "tone": "neutral", "summary": "   " }""", HttpStatusCode.UnprocessableEntity, ["summary"] },
        { """{ "channel": "carrier-pigeon", "direction": "inbound", "summary": "Coo", "tone": "neutral" }""", HttpStatusCode.BadRequest, ["channel"] },
        { """{ "channel": "phone", "direction": "sideways", "summary": "Hm", "tone": "neutral" }""", HttpStatusCode.BadRequest, ["direction"] },
        { """{ "channel": "phone", "direction": "inbound", "summary": "Hm", "tone": "furious" }""", HttpStatusCode.BadRequest, ["tone"] },
        { """{ "channel": 0, "direction": "inbound", "summary": "Hm", "tone": "neutral" }""", HttpStatusCode.BadRequest, ["channel"] },
        { $$"""{ "channel": "phone", "direction": "inbound", "tone": "neutral", "summary": "{{new string('x', 2001)}}" }""", HttpStatusCode.UnprocessableEntity, ["summary"] },
        { $$"""{ "channel": "phone", "direction": "inbound", "tone": "neutral", "summary": "From the future", "occurredAt": "{{DateTime.UtcNow.AddDays(2):O}}" }""", HttpStatusCode.UnprocessableEntity, ["occurredAt"] },
    };

    [Theory]
    [MemberData(nameof(InvalidInteractions))]
    public async Task An_invalid_interaction_is_refused_naming_the_field_and_nothing_is_logged(string json, HttpStatusCode status, string[] fields)
    {
        var client = await app.ClientAsync("service@bloom.example");
        var tomId = await app.CustomerIdAsync(DemoData.Bloom, "Tom Lindqvist");
        var before = await InteractionCountAsync(tomId);

        var response = await client.PostAsync($"/api/customers/{tomId}/interactions", Json(json), Ct);

        await response.ShouldBeProblemAsync(status, fields);
        (await InteractionCountAsync(tomId)).ShouldBe(before);
    }

    [Fact]
    public async Task A_summary_of_exactly_2000_characters_is_accepted()
    {
        var client = await app.ClientAsync("service@bloom.example");
        var tomId = await app.CustomerIdAsync(DemoData.Bloom, "Tom Lindqvist");
        var summary = string.Concat(Enumerable.Repeat("Long call. ", 200))[..2000];

        var entry = await (await client.PostAsJsonAsync($"/api/customers/{tomId}/interactions",
            new { channel = "phone", direction = "outbound", summary, tone = "neutral" }, Ct)).ShouldBeJsonAsync(HttpStatusCode.Created);

        (await client.GetJsonAsync($"/api/customers/{tomId}/timeline?limit=1")).Items().Single().Str("summary").ShouldBe(entry.Str("summary"));
    }

    [Theory]
    [InlineData("not-a-cursor")]
    [InlineData("YWJj")]
    public async Task A_before_cursor_that_the_timeline_did_not_return_is_422_naming_before(string before)
    {
        var client = await app.ClientAsync("service@bloom.example");
        var tomId = await app.CustomerIdAsync(DemoData.Bloom, "Tom Lindqvist");
        var response = await client.GetAsync($"/api/customers/{tomId}/timeline?before={before}", Ct);
        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "before");
    }

    [Fact]
    public async Task A_customer_search_cursor_is_not_a_timeline_cursor()
    {
        var client = await app.ClientAsync("service@bloom.example");
        var tomId = await app.CustomerIdAsync(DemoData.Bloom, "Tom Lindqvist");
        var searchCursor = (await client.GetJsonAsync("/api/customers?limit=2")).Next()!;

        var response = await client.GetAsync($"/api/customers/{tomId}/timeline?before={Uri.EscapeDataString(searchCursor)}", Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "before");
    }

    [Fact]
    public async Task The_timeline_of_an_unknown_customer_is_404()
    {
        var client = await app.ClientAsync("service@bloom.example");
        var id = Guid.CreateVersion7();
        await (await client.GetAsync($"/api/customers/{id}/timeline", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await client.PostAsJsonAsync($"/api/customers/{id}/interactions",
            new { channel = "phone", direction = "inbound", summary = "Who?", tone = "neutral" }, Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Staff_who_may_see_internal_notes_can_log_one()
    {
        var client = await app.ClientAsync("manager@bloom.example");
        var tomId = await app.CustomerIdAsync(DemoData.Bloom, "Tom Lindqvist");

        var entry = await (await client.PostAsJsonAsync($"/api/customers/{tomId}/interactions",
            new { channel = "service", direction = "outbound", summary = "Credit of $10 approved.", tone = "neutral", @internal = true }, Ct))
            .ShouldBeJsonAsync(HttpStatusCode.Created);

        entry.GetProperty("internal").GetBoolean().ShouldBeTrue();
        (await client.GetJsonAsync($"/api/customers/{tomId}/timeline?limit=1")).Items().Single().Id().ShouldBe(entry.Id());
    }

    private async Task<int> InteractionCountAsync(Guid customerId)
    {
        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        return await app.WithDbAsync(bloom, db => db.Interactions.CountAsync(i => i.CustomerId == customerId, Ct));
    }

}
