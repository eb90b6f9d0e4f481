using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Rapport.Core.Occasions;
using Rapport.IntegrationTests.Orders;
using Rapport.IntegrationTests.Shop;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Occasions;

/// <summary>The private calendar feeds, read back with Ical.Net as a calendar app would read them.</summary>
public sealed class CalendarFeedTests(RapportApp app) : IClassFixture<RapportApp>
{
    private const string Service = "service@bloom.example";
    private const string Zone = "America/Chicago";

    private sealed record Event(string Uid, string Summary, string Start);
    private sealed record Parsed(string Name, List<Event> Events);

    [Fact]
    public async Task A_staff_feed_shows_occasions_on_their_dates_and_deliveries_at_their_local_times_and_regenerating_revokes_it()
    {
        var data = await OrderData.ForAsync(app);
        var client = await app.ClientAsync(Service);
        var today = await data.TodayAsync();
        var customer = await data.CustomerAsync("Calendar Carla");
        var birthday = today.AddDays(3);
        var occasion = await (await client.PostAsJsonAsync($"/api/customers/{customer.Id}/occasions",
            new { type = "birthday", recipientId = customer.RecipientId, month = birthday.Month, day = birthday.Day }, Ct)).ShouldBeJsonAsync(HttpStatusCode.Created);
        var location = await data.LocationAsync("Calendar shop");
        var window = await data.WindowAsync(location, today.AddDays(2), 10, 12, 10, 0);
        var order = await data.OrderAsync(customer, today.AddDays(2), window);

        var issued = await (await client.PostAsync("/api/calendar/feed", null, Ct)).ShouldBeJsonAsync(HttpStatusCode.Created);
        var url = new Uri(issued.Str("url")).PathAndQuery;
        var anonymous = app.CreateApiClient();
        var response = await anonymous.GetAsync(url, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        var text = await response.Content.ReadAsStringAsync(Ct);
        text.ShouldStartWith("BEGIN:VCALENDAR\r\n");
        var feed = Parse(text);
        feed.Name.ShouldContain("Bloom & Stem");
        var mine = feed.Events.Single(e => e.Uid.StartsWith($"occasion-{occasion.Id():N}", StringComparison.Ordinal));
        mine.Start.ShouldBe(birthday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        mine.Summary.ShouldBe($"Birthday: Calendar Carla for {customer.RecipientName}");
        var delivery = feed.Events.Single(e => e.Uid == $"order-{order.Id:N}@rapport");
        // 10:00 in Kansas City, whatever the server's or the test machine's zone.
        DateTimeOffset.Parse(delivery.Start, CultureInfo.InvariantCulture).ShouldBe(
            new DateTimeOffset(today.AddDays(2).ToDateTime(new TimeOnly(10, 0)), TimeZoneInfo.FindSystemTimeZoneById(Zone).GetUtcOffset(window.StartsAt)));
        delivery.Summary.ShouldBe($"Order {order.Number} for {customer.RecipientName}");

        var renewed = await (await client.PostAsync("/api/calendar/feed", null, Ct)).ShouldBeJsonAsync(HttpStatusCode.Created);
        (await anonymous.GetAsync(url, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var newUrl = new Uri(renewed.Str("url")).PathAndQuery;
        (await anonymous.GetAsync(newUrl, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.DeleteAsync("/api/calendar/feed", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await anonymous.GetAsync(newUrl, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await anonymous.GetAsync("/calendar/not-a-token.ics", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_shop_customers_feed_has_their_own_confirmed_occasions_only()
    {
        var shopper = await app.ShopperAsync(name: "Fiona Feed");
        var sister = await shopper.AddRecipientAsync("Fern Feed", DeliverySetup.NewPostcode(), "sister");
        (await shopper.SubmitAsync(shopper.Path("/occasions"),
            [("Form.Type", "Custom"), ("Form.Label", "Name day, with a comma; and more"), ("Form.RecipientId", sister.ToString()), ("Form.Rule", "second Sunday of May")]))
            .ShouldRedirectTo(shopper.Path("/occasions"));
        var page = (await shopper.GetAsync(shopper.Path("/occasions"))).ShouldBe(HttpStatusCode.OK);

        var made = (await shopper.PostAsync(shopper.Path("/occasions?handler=Feed"), page.Token)).ShouldBe(HttpStatusCode.OK);
        var url = new Uri(FeedUrl(made.Html)).PathAndQuery;
        var feed = Parse(await app.CreateApiClient().GetStringAsync(url, Ct));

        var only = feed.Events.ShouldHaveSingleItem();
        only.Summary.ShouldBe("Name day, with a comma; and more: Fern Feed");
        var date = DateOnly.Parse(only.Start, CultureInfo.InvariantCulture);
        (date.Month, date.DayOfWeek, (date.Day - 1) / 7).ShouldBe((5, DayOfWeek.Sunday, 1));
        feed.Events.ShouldNotContain(e => e.Summary.Contains("Maria", StringComparison.Ordinal));

        (await shopper.PostAsync(shopper.Path("/occasions?handler=RevokeFeed"), made.Token)).ShouldRedirectTo(shopper.Path("/occasions"));
        (await app.CreateApiClient().GetAsync(url, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_feed_read_by_IcalNet_has_the_business_zone_with_its_rules_and_every_event_a_uid_and_a_stamp_from_the_clock()
    {
        var data = await OrderData.ForAsync(app);
        var client = await app.ClientAsync(Service);
        var today = await data.TodayAsync();
        var customer = await data.CustomerAsync("Zoned Zelda");
        var window = await data.WindowAsync(await data.LocationAsync("Zone shop"), today.AddDays(4), 14, 16, 10, 0);
        var order = await data.OrderAsync(customer, today.AddDays(4), window);
        var issued = await (await client.PostAsync("/api/calendar/feed", null, Ct)).ShouldBeJsonAsync(HttpStatusCode.Created);
        var token = new Uri(issued.Str("url")).Segments[^1].Replace(".ics", "", StringComparison.Ordinal);
        var now = DateTimeOffset.UtcNow;
        var clock = new FixedClock(new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, TimeSpan.Zero).AddMinutes(-37));

        var ics = await data.DbAsync(async db => await CalendarFeeds.RenderAsync(db, (await CalendarFeeds.FindAsync(db, token, Ct)).ShouldNotBeNull(), clock, Ct));

        ics.ShouldNotBeNull().ShouldEndWith("END:VCALENDAR\r\n");
        foreach (var line in ics[..^2].Split("\r\n"))
        {
            line.ShouldNotContain('\n');
            System.Text.Encoding.UTF8.GetByteCount(line).ShouldBeLessThanOrEqualTo(75, $"a line is folded at 75 octets: {line}");
        }
        var calendar = Load(ics);
        var zone = calendar.TimeZones.ShouldHaveSingleItem();
        zone.TzId.ShouldBe(Zone);
        var rules = zone.TimeZoneInfos.ToDictionary(i => i.Name!);
        // Central time: daylight from the second Sunday of March, standard from the first Sunday of November.
        (rules["STANDARD"].OffsetTo!.Offset, rules["STANDARD"].RecurrenceRule!.ByMonth.Single()).ShouldBe((TimeSpan.FromHours(-6), 11));
        (rules["DAYLIGHT"].OffsetTo!.Offset, rules["DAYLIGHT"].RecurrenceRule!.ByMonth.Single()).ShouldBe((TimeSpan.FromHours(-5), 3));
        calendar.Events.Count.ShouldBeGreaterThan(1);
        calendar.Events.ShouldAllBe(e => !string.IsNullOrEmpty(e.Uid) && e.DtStamp != null && e.DtStamp.AsUtc == clock.GetUtcNow().UtcDateTime);
        calendar.Events.Select(e => e.Uid).ShouldBeUnique();
        var delivery = calendar.Events.Single(e => e.Uid == $"order-{order.Id:N}@rapport");
        (delivery.DtStart!.TzId, delivery.DtStart.Value, delivery.DtEnd!.Value).ShouldBe(
            (Zone, today.AddDays(4).ToDateTime(new TimeOnly(14, 0)), today.AddDays(4).ToDateTime(new TimeOnly(16, 0))));
    }

    private static string FeedUrl(string html)
    {
        var match = System.Text.RegularExpressions.Regex.Match(html, """data-testid="feed-url" readonly value="([^"]+)" """);
        match.Success.ShouldBeTrue("the page shows the new feed address");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>Reads the feed with Ical.Net, as a calendar app would; timed events come back in the business's zone.</summary>
    private static Parsed Parse(string ics)
    {
        var calendar = Load(ics);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(Zone);
        var events = calendar.Events.Select(e => new Event(e.Uid!, e.Summary!, e.DtStart!.HasTime
                ? TimeZoneInfo.ConvertTime(new DateTimeOffset(e.DtStart.AsUtc), zone).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture)
                : e.DtStart.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))
            .ToList();
        return new Parsed(calendar.Properties["X-WR-CALNAME"]?.Value?.ToString() ?? "", events);
    }

    private static Ical.Net.Calendar Load(string ics)
    {
        Ical.Net.Calendar? calendar = null;
        Should.NotThrow(() => calendar = Ical.Net.Calendar.Load(ics), $"Ical.Net could not read the feed:\n{ics}");
        return calendar.ShouldNotBeNull();
    }
}
