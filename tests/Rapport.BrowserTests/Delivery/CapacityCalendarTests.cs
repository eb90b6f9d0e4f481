using System.Net.Http.Json;
using System.Text.Json;
using Rapport.BrowserTests.Pages;
using Rapport.Testing;
using static Microsoft.Playwright.Assertions;

namespace Rapport.BrowserTests.Delivery;

/// <summary>A manager reads the coming days' capacity and gives one day more room.</summary>
public sealed class CapacityCalendarTests(BrowserRapportApp app, BrowserFixture browser)
    : BrowserTest(app, browser), IClassFixture<BrowserRapportApp>
{
    [Fact]
    public async Task A_manager_raises_a_windows_capacity_for_one_day_and_the_calendar_shows_it()
    {
        // Three days on is inside the default two weeks wherever the business's today falls.
        var date = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3);
        var location = TestNames.Unique("Calendar Shop", 22);
        await CreateLocationAsync(location, date);

        await SignInAsync("manager@bloom.example");
        var calendar = new CapacityCalendarPage(Page);
        await calendar.GotoAsync();
        await calendar.ShowLocationAsync(location);
        await Expect(calendar.WindowLoads(date)).ToHaveTextAsync(["0/8", "0/6"]);
        await Expect(calendar.DayTotal(date)).ToHaveTextAsync("0 / 14");
        (await calendar.ChartIsDrawnAsync()).ShouldBeTrue("Chart.js draws booked against capacity");

        var day = await calendar.OpenAsync(date);
        await Expect(day.Capacity("09:00")).ToHaveValueAsync("8");
        await day.SetCapacityAsync("09:00", 14);
        await Expect(day.Capacity("09:00")).ToHaveValueAsync("14");
        await Expect(day.Window("09:00")).ToContainTextAsync("set for this day");
        await Expect(day.Capacity("12:00")).ToHaveValueAsync("6");

        await day.BackToCalendar.ClickAsync();
        await Expect(calendar.WindowLoads(date)).ToHaveTextAsync(["0/14", "0/6"]);
        await Expect(calendar.DayTotal(date)).ToHaveTextAsync("0 / 20");
        // The week itself is unchanged: the same weekday a week later still has 8.
        await Expect(calendar.WindowLoads(date.AddDays(7))).ToHaveTextAsync(["0/8", "0/6"]);
    }

    /// <summary>A location with two windows on the date's weekday, set up through the API as a manager would.</summary>
    private async Task CreateLocationAsync(string name, DateOnly date)
    {
        using var api = await App.SignInAsync("manager@bloom.example");
        var response = await api.PostAsJsonAsync("/api/locations", new
        {
            name, address = new { line1 = "4500 Main St", city = "Kansas City", region = "MO", postalCode = "64111" }, timeZone = "America/Chicago",
        });
        response.EnsureSuccessStatusCode();
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var weekday = date.DayOfWeek.ToString().ToLowerInvariant();
        foreach (var (start, end, capacity) in new[] { ("09:00", "12:00", 8), ("12:00", "15:00", 6) })
            (await api.PostAsJsonAsync($"/api/locations/{id}/weekly-windows", new { weekday, start, end, capacity })).EnsureSuccessStatusCode();
    }
}
