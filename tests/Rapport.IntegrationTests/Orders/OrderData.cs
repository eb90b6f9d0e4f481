using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Customers;
using Rapport.Core.Delivery;
using Rapport.Core.Orders;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Orders;

internal sealed record TestCustomer(Guid Id, string Name, Guid RecipientId, string RecipientName, Guid CardId);

/// <summary>
/// Customers, locations, windows, orders and stops written straight to the database of one business, as placing
/// an order leaves them, so the tests do not depend on the demo's own orders.
/// </summary>
internal sealed class OrderData(RapportApp app, Guid business)
{
    public Guid Business => business;

    public static async Task<OrderData> ForAsync(RapportApp app, string slug = DemoData.Bloom) =>
        new(app, await app.BusinessIdAsync(slug));

    public Task<T> DbAsync<T>(Func<Core.Data.RapportDb, Task<T>> work) => app.WithDbAsync(business, work);

    public Task<TestCustomer> CustomerAsync(string name, string? notes = null, string? internalNotes = null) => DbAsync(async db =>
    {
        var customer = new Customer
        {
            Name = name,
            Preferences = new Preferences { Notes = notes, InternalNotes = internalNotes },
            ContactPoints = { ContactPoint.Phone("(816) 555-0199", "1", primary: true)! },
        };
        var recipient = new Recipient { Name = $"{name.Split(' ')[0]}'s friend", Phone = "(816) 555-0177" };
        var card = new PaymentMethod { Provider = "demo-pay", Token = "tok_secret_test", Brand = "Visa", Last4 = "4242", ExpMonth = 12, ExpYear = DateTime.UtcNow.Year + 2 };
        customer.Recipients.Add(recipient);
        customer.PaymentMethods.Add(card);
        db.Customers.Add(customer);
        await db.SaveChangesAsync(Ct);
        return new TestCustomer(customer.Id, name, recipient.Id, recipient.Name, card.Id);
    });

    public Task<Location> LocationAsync(string name) => DbAsync(async db =>
    {
        var location = new Location
        {
            Name = name,
            TimeZone = "America/Chicago",
            Address = new PostalAddress { Line1 = "1 Test St", City = "Kansas City", Region = "MO", PostalCode = "64105" },
        };
        db.Locations.Add(location);
        await db.SaveChangesAsync(Ct);
        return location;
    });

    public Task<DeliveryWindow> WindowAsync(Location location, DateOnly date, int startHour, int endHour, int capacity, int booked) => DbAsync(async db =>
    {
        var window = DeliveryCalendar.Make(location, BusinessClock.Zone(location.TimeZone), date, new TimeOnly(startHour, 0), new TimeOnly(endHour, 0), capacity, 0);
        window.Booked = booked;
        db.DeliveryWindows.Add(window);
        await db.SaveChangesAsync(Ct);
        return window;
    });

    public Task<Partner> PartnerAsync(string name, DateOnly date, int capacity, int booked) => DbAsync(async db =>
    {
        var partner = new Partner { Name = name, DailyCapacity = capacity, Fee = 12m };
        db.Partners.Add(partner);
        db.PartnerDays.Add(new PartnerDay { PartnerId = partner.Id, Date = date, Capacity = capacity, Booked = booked });
        await db.SaveChangesAsync(Ct);
        return partner;
    });

    /// <summary>A second driver of this business (no sign-in needed to be given stops).</summary>
    public Task<StaffMember> DriverAsync(string name) => DbAsync(async db =>
    {
        var mailbox = TestNames.Email("driver");
        var driver = new StaffMember { BusinessId = business, UserName = mailbox, Email = mailbox, DisplayName = name, Role = StaffRole.Delivery };
        db.Staff.Add(driver);
        await db.SaveChangesAsync(Ct);
        return driver;
    });

    /// <summary>
    /// A placed delivery order for the customer's recipient with one line and the card on file; in the window when
    /// given (promised for it), and on a driver's run when a driver is given. <paramref name="shape"/> changes the rest.
    /// </summary>
    public Task<Order> OrderAsync(
        TestCustomer customer, DateOnly date, DeliveryWindow? window = null, Guid? driverId = null, int sequence = 0, Action<Order>? shape = null) =>
        DbAsync(async db =>
        {
            var placedAt = DateTime.UtcNow.AddHours(-2);
            var order = new Order
            {
                Number = await NumberAsync(db),
                CustomerId = customer.Id,
                RecipientId = customer.RecipientId,
                RecipientName = customer.RecipientName,
                RecipientPhone = "(816) 555-0177",
                DeliveryAddress = new PostalAddress { Line1 = "4120 W 71st St", City = "Prairie Village", Region = "KS", PostalCode = "66208" },
                Occasion = "Birthday",
                CardMessage = "Happy birthday, with love",
                Channel = OrderChannel.Phone,
                Fulfilment = FulfilmentKind.Delivery,
                FulfilmentDate = date,
                LocationId = window?.LocationId,
                WindowId = window?.Id,
                PromisedFrom = window?.StartsAt,
                PromisedBy = window?.EndsAt,
                Promise = window is null ? "Delivered on the day" : $"Delivered {date:ddd d MMM} {window.Start:HH:mm}–{window.End:HH:mm}",
                Lines = { new OrderLine { Description = "Garden roses", Quantity = 2, UnitPrice = 30m, Total = 60m } },
                Subtotal = 60m,
                DeliveryFee = 8m,
                Total = 68m,
                PaymentMethodId = customer.CardId,
                PlacedAt = placedAt,
                UpdatedAt = placedAt,
                History = { new OrderStatusChange { Status = OrderStatus.Placed, At = placedAt, StaffName = "Jake Morrison" } },
            };
            shape?.Invoke(order);
            db.Orders.Add(order);
            if (driverId is not null || window is not null)
                db.DeliveryStops.Add(new DeliveryStop
                {
                    CustomerId = customer.Id, RecipientId = customer.RecipientId, OrderId = order.Id, DriverId = driverId,
                    Date = date, WindowId = order.WindowId, LocationId = order.LocationId, Sequence = sequence,
                });
            await db.SaveChangesAsync(Ct);
            return order;
        });

    // Taken from the business's next block as the app takes its blocks, so an order placed through the API never gets the same number.
    private async Task<long> NumberAsync(Core.Data.RapportDb db)
    {
        var next = await db.OrderNumberBlocks.Where(b => b.BusinessId == business).Select(b => (long?)b.Next).FirstOrDefaultAsync(Ct);
        if (next is null) return (await db.Orders.MaxAsync(o => (long?)o.Number, Ct) ?? OrderNumbers.First - 1) + 1;
        await db.OrderNumberBlocks.Where(b => b.BusinessId == business).ExecuteUpdateAsync(s => s.SetProperty(b => b.Next, next.Value + 1), Ct);
        return next.Value;
    }

    public Task<Order> ReadOrderAsync(Guid id) =>
        DbAsync(db => db.Orders.AsNoTracking().Include(o => o.History).SingleAsync(o => o.Id == id, Ct));
}
