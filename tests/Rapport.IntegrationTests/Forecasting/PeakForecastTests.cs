using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Forecasting;

/// <summary>The demo seeded on Monday 7 December 2026 with its clock standing there: Valentine's Day is 69 days ahead.</summary>
public sealed class DecemberApp() : RapportApp(new FixedClock(Now), realServer: false)
{
    public static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-12-07T15:00:00Z", CultureInfo.InvariantCulture);
    public static readonly DateOnly Valentines = new(2027, 2, 14);
}

/// <summary>The next peak seen in time: every peak day of the next 120 days on the owner's home and in the API.</summary>
public sealed class PeakForecastTests(DecemberApp app) : IClassFixture<DecemberApp>
{
    private const string Url = "/api/forecast/peaks";

    [Fact]
    public async Task On_December_7_the_owner_sees_Christmas_and_Valentines_Day_beyond_the_60_days_with_its_shortfall_and_a_link_to_raise_capacity()
    {
        var owner = await app.SignInAsync("owner@bloom.example");
        var peaks = (await owner.GetJsonAsync(Url)).EnumerateArray().ToList();

        peaks.Select(p => (p.Str("peak"), p.GetProperty("daysAway").GetInt32())).ShouldBe([("christmas", 18), ("valentinesDay", 69)]);
        var valentines = peaks[1].GetProperty("day");
        valentines.Str("date").ShouldBe("2027-02-14");
        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        var windows = await app.WithDbAsync(bloom, db => db.DeliveryWindows.Where(w => w.Date == DecemberApp.Valentines).SumAsync(w => w.Capacity, Ct));
        var (forecast, capacity) = (valentines.GetProperty("forecast").GetInt32(), valentines.GetProperty("capacity").GetInt32());
        capacity.ShouldBe(windows);
        forecast.ShouldBeGreaterThan(capacity, "the demo's Valentine's Day is short of capacity");
        peaks[1].GetProperty("short").GetBoolean().ShouldBeTrue();
        // The same figures as the forecast of that one day.
        var same = (await owner.GetJsonAsync("/api/forecast?from=2027-02-14&to=2027-02-14"))[0];
        (same.GetProperty("forecast").GetInt32(), same.GetProperty("capacity").GetInt32()).ShouldBe((forecast, capacity));

        var home = await (await StaffPages.SignInAsync(app, "owner@bloom.example")).HtmlAsync("/app");
        var item = Item(home, "2027-02-14");
        item.ShouldContain("Valentine's Day");
        item.ShouldContain($"forecast {forecast}, capacity {capacity}");
        item.ShouldContain($"{forecast - capacity} short");
        item.ShouldContain("href=\"/app/delivery/calendar/2027-02-14\"");
        item.ShouldContain("Raise capacity");
        home.ShouldContain("data-date=\"2026-12-25\"");
        home.ShouldNotContain("Mother's Day</span>");
    }

    [Fact]
    public async Task Only_owners_and_managers_see_the_peaks()
    {
        (await (await app.SignInAsync("manager@bloom.example")).GetJsonAsync(Url)).GetArrayLength().ShouldBe(2);
        foreach (var email in new[] { "sales@bloom.example", "service@bloom.example", "driver@bloom.example" })
            await (await (await app.SignInAsync(email)).GetAsync(Url, Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await (await StaffPages.SignInAsync(app, "service@bloom.example")).HtmlAsync("/app")).ShouldNotContain("data-testid=\"peaks\"");
        var paths = (await app.CreateApiClient().GetJsonAsync("/openapi/v1.json")).GetProperty("paths");
        paths.GetProperty(Url).GetProperty("get").Str("operationId").ShouldBe("ForecastPeaks");
    }

    /// <summary>The peak's item on the home page.</summary>
    private static string Item(string html, string date)
    {
        var start = html.IndexOf($"data-testid=\"peak\" data-date=\"{date}\"", StringComparison.Ordinal);
        start.ShouldBeGreaterThan(0, $"the peak of {date} is on the page");
        var end = html.IndexOf("</li>", start, StringComparison.Ordinal);
        return html[start..end];
    }
}
