using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Delivery;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Orders;

/// <summary>Orders for Tom sent to Rapport running as real processes (or behind a balancer), and the window they book.</summary>
internal static class ProcessOrders
{
    public static HttpRequestMessage Order(Guid customerId, string postcode, Guid window, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders")
        {
            Content = JsonContent.Create(new
            {
                customerId,
                address = DeliverySetup.Address(postcode),
                budget = 85m,
                channel = "phone",
                fulfilment = new { kind = "window", windowId = window },
            }),
        };
        request.Headers.Add("Idempotency-Key", key ?? TestNames.Key());
        return request;
    }

    public static async Task<HttpClient> SignInAsync(Uri address)
    {
        // Generous: a burst of hundreds on a busy two-core machine queues; what is checked is the outcome, not the time.
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(5) };
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email = "service@bloom.example", password = "Demo!2026" }, Ct);
        var token = (await login.ShouldBeJsonAsync(HttpStatusCode.OK)).Str("accessToken");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A shop of its own with one zone and one window of the given capacity, some day ahead.</summary>
    public static async Task<(string Postcode, Guid Window)> WindowAsync(string connection, Guid business, int capacity)
    {
        await using var db = RapportProcess.Open(connection, business);
        var postcode = DeliverySetup.NewPostcode();
        var zone = await db.Businesses.Where(b => b.Id == business).Select(b => b.TimeZone).SingleAsync(Ct);
        var location = new Location { Name = $"Test shop {postcode}", TimeZone = zone, Address = new() { Line1 = "1 Test St", City = "Springfield", PostalCode = postcode } };
        location.Zones.Add(new DeliveryZone { PostalCode = postcode, Fee = 10m });
        db.Locations.Add(location);
        var window = DeliveryCalendar.Make(location, BusinessClock.Zone(zone), DeliverySetup.SomeDayAhead(), new TimeOnly(15, 0), new TimeOnly(18, 0), capacity, 0);
        window.IsOverride = true;
        db.DeliveryWindows.Add(window);
        await db.SaveChangesAsync(Ct);
        return (postcode, window.Id);
    }
}
