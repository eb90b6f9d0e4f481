using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Customers;
using Rapport.Core.Delivery;
using Rapport.Testing;

namespace Rapport.BrowserTests.Delivery;

/// <summary>
/// A delivery window of today at a shop of its own, open for orders whatever the hour (its cutoff is set by hand),
/// and a customer with a recipient in its zone: orders are placed through the API as the phone does, so the tests
/// never depend on the demo's own orders.
/// </summary>
internal sealed class TodaysDeliveries
{
    private static int postcodes = 88000;

    private TodaysDeliveries(BrowserRapportApp app, Guid business, DateOnly today, Guid windowId, string shop)
    {
        App = app;
        Business = business;
        Today = today;
        WindowId = windowId;
        Shop = shop;
    }

    private BrowserRapportApp App { get; }
    public Guid Business { get; }
    public DateOnly Today { get; }
    public Guid WindowId { get; }
    /// <summary>The shop's name, which heads its window on the run sheet.</summary>
    public string Shop { get; }

    public sealed record Customer(Guid Id, string Name, Guid RecipientId, string RecipientName);

    public sealed record Placed(Guid Id, long Number);

    public static async Task<TodaysDeliveries> OpenAsync(BrowserRapportApp app)
    {
        var business = await app.WithDbAsync(db => db.Businesses.Where(b => b.Slug == "bloom").Select(b => b.Id).SingleAsync());
        var postcode = Interlocked.Increment(ref postcodes).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await app.WithDbAsync(business, async db =>
        {
            var zoneId = await db.Businesses.Where(b => b.Id == business).Select(b => b.TimeZone).SingleAsync();
            var zone = BusinessClock.Zone(zoneId);
            var today = BusinessClock.Today(DateTime.UtcNow, zone);
            var location = new Location
            {
                Name = $"Run shop {postcode}", TimeZone = zoneId,
                Address = new PostalAddress { Line1 = "1 Test St", City = "Springfield", PostalCode = postcode },
            };
            location.Zones.Add(new DeliveryZone { PostalCode = postcode, Fee = 8m });
            db.Locations.Add(location);
            var window = DeliveryCalendar.Make(location, zone, today, new TimeOnly(0, 0), new TimeOnly(23, 59), 10, 0);
            window.IsOverride = true;
            // Open for orders at any hour the test runs.
            window.Cutoff = DateTime.UtcNow.AddDays(1);
            db.DeliveryWindows.Add(window);
            await db.SaveChangesAsync();
            return new TodaysDeliveries(app, business, today, window.Id, location.Name);
        });
    }

    /// <summary>A customer of this test with one recipient at an address in the shop's zone.</summary>
    public Task<Customer> CustomerAsync(string name, string recipientName) => App.WithDbAsync(Business, async db =>
    {
        var postcode = await db.DeliveryZones.Where(z => db.DeliveryWindows.Any(w => w.Id == WindowId && w.LocationId == z.LocationId))
            .Select(z => z.PostalCode).SingleAsync();
        var customer = new Core.Customers.Customer { Name = name, ContactPoints = { ContactPoint.Phone("(816) 555-0101", "1", primary: true)! } };
        var recipient = new Recipient
        {
            Name = recipientName, Phone = "(816) 555-0188",
            Address = new PostalAddress { Line1 = "77 Garden Row", City = "Springfield", PostalCode = postcode },
        };
        customer.Recipients.Add(recipient);
        db.Customers.Add(customer);
        await db.SaveChangesAsync();
        return new Customer(customer.Id, name, recipient.Id, recipientName);
    });

    /// <summary>Places a phone order in today's window as the service desk does.</summary>
    public async Task<Placed> PlaceAsync(Customer customer, string cardMessage)
    {
        using var service = await App.SignInAsync("service@bloom.example");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders")
        {
            Content = JsonContent.Create(new
            {
                customerId = customer.Id, recipientId = customer.RecipientId, occasion = "Birthday", budget = 65m, cardMessage, channel = "phone",
                fulfilment = new { kind = "window", windowId = WindowId, date = Today },
            }),
        };
        request.Headers.Add("Idempotency-Key", TestNames.Key());
        using var response = await service.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue(body);
        var placed = JsonDocument.Parse(body).RootElement;
        return new Placed(placed.GetProperty("id").GetGuid(), placed.GetProperty("number").GetInt64());
    }

    /// <summary>The stop placing made for the order.</summary>
    public Task<Guid> StopOfAsync(Placed order) =>
        App.WithDbAsync(Business, db => db.DeliveryStops.Where(s => s.OrderId == order.Id).Select(s => s.Id).SingleAsync());

    /// <summary>Gives the order's stop to a driver as a manager does through the API.</summary>
    public async Task AssignAsync(Placed order, Guid driverId, int sequence)
    {
        using var manager = await App.SignInAsync("manager@bloom.example");
        using var response = await manager.PutAsJsonAsync($"/api/delivery/stops/{await StopOfAsync(order)}", new { driverId, sequence });
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());
    }

    public Task<Guid> StaffIdAsync(string email) =>
        App.WithDbAsync(db => db.Staff.Where(s => s.Email == email).Select(s => s.Id).SingleAsync());
}
