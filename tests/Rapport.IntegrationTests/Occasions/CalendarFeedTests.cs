using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Rapport.IntegrationTests.Orders;
using Rapport.IntegrationTests.Shop;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Occasions;

/// <summary>The private calendar feeds, read back with Python's icalendar package as a calendar app would read them.</summary>
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

    private static string FeedUrl(string html)
    {
        var match = System.Text.RegularExpressions.Regex.Match(html, """data-testid="feed-url" readonly value="([^"]+)" """);
        match.Success.ShouldBeTrue("the page shows the new feed address");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>Reads the feed with Debian's python3-icalendar; timed events come back in the business's zone.</summary>
    private static Parsed Parse(string ics)
    {
        var file = Path.Combine(Path.GetTempPath(), $"rapport-feed-{Guid.NewGuid():N}.ics");
        File.WriteAllText(file, ics);
        try
        {
            const string script = """
                import sys, json, datetime, zoneinfo, icalendar
                cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
                tz = zoneinfo.ZoneInfo(sys.argv[2])
                events = []
                for e in cal.walk('VEVENT'):
                    s = e.decoded('DTSTART')
                    s = s.astimezone(tz).isoformat() if isinstance(s, datetime.datetime) else s.isoformat()
                    events.append({'uid': str(e['UID']), 'summary': str(e['SUMMARY']), 'start': s})
                print(json.dumps({'name': str(cal.get('X-WR-CALNAME')), 'events': events}))
                """;
            using var python = Process.Start(new ProcessStartInfo("/usr/bin/python3", ["-c", script, file, Zone])
            {
                RedirectStandardOutput = true, RedirectStandardError = true,
            })!;
            var output = python.StandardOutput.ReadToEnd();
            var errors = python.StandardError.ReadToEnd();
            python.WaitForExit();
            python.ExitCode.ShouldBe(0, $"python3 icalendar could not read the feed: {errors}\n{ics}");
            return JsonSerializer.Deserialize<Parsed>(output, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
