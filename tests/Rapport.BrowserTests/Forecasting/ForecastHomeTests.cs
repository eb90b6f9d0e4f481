using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Rapport.BrowserTests.Pages;
using Rapport.Testing;
using static Microsoft.Playwright.Assertions;

namespace Rapport.BrowserTests.Forecasting;

/// <summary>The demo seeded on Friday 22 January 2027, 09:00 in Kansas City, its clock standing there: Valentine's Day is 23 days ahead.</summary>
public sealed class ForecastBrowserApp() : BrowserRapportApp(new FixedClock(DateTimeOffset.Parse("2027-01-22T15:00:00Z", CultureInfo.InvariantCulture)));

/// <summary>The peak day seen coming: the owner opens Rapport and sees Valentine's Day forecast above its capacity.</summary>
public sealed class ForecastHomeTests(ForecastBrowserApp app, BrowserFixture browser)
    : BrowserTest(app, browser), IClassFixture<ForecastBrowserApp>
{
    [Fact]
    public async Task The_owner_s_home_draws_the_forecast_against_capacity_and_warns_of_Valentines_Day()
    {
        var api = await App.SignInAsync("owner@bloom.example");
        var feb14 = (await api.GetFromJsonAsync<JsonElement>("/api/forecast?from=2027-02-14&to=2027-02-14", TestContext.Current.CancellationToken))[0];
        var (forecast, capacity) = (feb14.GetProperty("forecast").GetInt32(), feb14.GetProperty("capacity").GetInt32());
        forecast.ShouldBeGreaterThan(capacity);

        await SignInAsync("owner@bloom.example");
        var home = new HomePage(Page);

        await Expect(home.ForecastChart).ToBeVisibleAsync();
        // Chart.js drew the 60 days it was given.
        await Expect(home.ForecastChart).ToHaveAttributeAsync("data-points", "60");
        var drawn = await Page.EvaluateAsync<int>("() => Chart.getChart('forecast-chart').data.datasets[0].data.length");
        drawn.ShouldBe(60);
        var box = await home.ForecastChart.BoundingBoxAsync();
        box.ShouldNotBeNull();
        box.Height.ShouldBeGreaterThan(100);

        await Expect(home.ForecastWarning).ToBeVisibleAsync();
        var valentines = home.Shortfalls.Filter(new() { HasText = "Feb 14" });
        await Expect(valentines).ToContainTextAsync($"Feb 14: forecast {forecast}, capacity {capacity}");
        await Expect(valentines).ToContainTextAsync($"{forecast - capacity} short");

        // The warning leads to the day, where the windows can be given more room.
        await valentines.GetByRole(AriaRole.Link).ClickAsync();
        await Page.WaitForURLAsync("**/app/delivery/calendar/2027-02-14");
    }
}
