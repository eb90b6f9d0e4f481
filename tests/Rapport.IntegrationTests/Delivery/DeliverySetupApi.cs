using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Delivery;

/// <summary>Locations and windows made through the API, as a manager would.</summary>
internal static class DeliverySetupApi
{
    /// <summary>A date far enough ahead that no cutoff or time zone makes it today.</summary>
    public static DateOnly ComingDate(int daysAhead = 30) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(daysAhead);

    public static string Iso(this DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static string Weekday(this DateOnly date) => date.DayOfWeek.ToString().ToLowerInvariant();

    public static async Task<JsonElement> CreateLocationAsync(this HttpClient client, string name, string timeZone = "America/Chicago")
    {
        var response = await client.PostAsJsonAsync("/api/locations", new
        {
            name,
            address = new { line1 = "4500 Main St", city = "Kansas City", region = "MO", postalCode = "64111" },
            phone = "(816) 555-0100",
            timeZone,
            sameDayCutoff = "12:00",
            pickupUntil = "18:00",
        }, Ct);
        return await response.ShouldBeJsonAsync(HttpStatusCode.Created);
    }

    public static async Task<JsonElement> AddWeeklyWindowAsync(
        this HttpClient client, Guid location, DateOnly onWeekdayOf, string start, string end, int capacity, int reserve = 0)
    {
        var response = await client.PostAsJsonAsync($"/api/locations/{location}/weekly-windows",
            new { weekday = onWeekdayOf.Weekday(), start, end, capacity, loyaltyReserve = reserve }, Ct);
        return await response.ShouldBeJsonAsync(HttpStatusCode.Created);
    }

    public static List<JsonElement> Windows(this JsonElement date) => date.GetProperty("windows").EnumerateArray().ToList();
}
