using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Core.Customers;
using Rapport.Core.Orders;
using Rapport.IntegrationTests.Orders;
using Rapport.IntegrationTests.Shop;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Orders;

/// <summary>Standing orders place themselves ahead, under the same capacity rules as any order.</summary>
public sealed class StandingOrderTests(RapportApp app) : IClassFixture<RapportApp>
{
    private const string Service = "service@bloom.example";

    private sealed record Office(Guid CustomerId, Guid RecipientId, Guid CardId, DateOnly Date, IReadOnlyList<Guid> Windows, Guid Roses);

    /// <summary>An office whose reception gets flowers; a shop delivering there on a day 3 days ahead, at 10:00 and 14:00.</summary>
    private async Task<Office> OfficeAsync(int morningCapacity = 5, int morningBooked = 0)
    {
        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        var date = (await app.TodayAsync(bloom)).AddDays(3);
        var delivery = await app.DeliveringAsync(bloom, new ShopSetup.Window(date, 10, morningCapacity), new ShopSetup.Window(date, 14, 5));
        await app.WithDbAsync(bloom, db => db.DeliveryWindows.Where(w => w.Id == delivery.Windows[0])
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.Booked, morningBooked), Ct));
        var (_, roses) = await app.ProductsAsync(bloom);
        return await app.WithDbAsync(bloom, async db =>
        {
            var customer = new Customer { Name = TestNames.Unique("Office"), Kind = CustomerKind.Organization };
            var reception = new Recipient { Name = "Reception", Address = new PostalAddress { Line1 = "1 Main St", City = "Springfield", PostalCode = delivery.Postcode } };
            var card = new PaymentMethod { Provider = "demo-pay", Token = "tok_office", Brand = "Visa", Last4 = "1881", ExpMonth = 12, ExpYear = DateTime.UtcNow.Year + 2 };
            customer.Recipients.Add(reception);
            customer.PaymentMethods.Add(card);
            db.Customers.Add(customer);
            await db.SaveChangesAsync(Ct);
            return new Office(customer.Id, reception.Id, card.Id, date, delivery.Windows, roses.Id);
        });
    }

    private static object Weekly(Office o, bool takeFirstAlternative = false) => new
    {
        schedule = "weekly", weekday = o.Date.DayOfWeek.ToString().ToLowerInvariant(), recipientId = o.RecipientId, productId = o.Roses,
        quantity = 2, paymentMethodId = o.CardId, preferredStart = "10:00:00", daysAhead = 7, takeFirstAlternative, cardMessage = "Have a good week",
    };

    private async Task<PlaceStandingOrders.Outcome> RunAsync() =>
        await app.WithDbAsync(await app.BusinessIdAsync(DemoData.Bloom), async db =>
            await PlaceStandingOrders.RunAsync(db, app.Services.GetRequiredService<OrderDesk>(), TimeProvider.System, Ct));

    private async Task<List<Order>> OrdersAsync(Guid customerId) => await app.WithDbAsync(await app.BusinessIdAsync(DemoData.Bloom),
        db => db.Orders.AsNoTracking().Where(o => o.CustomerId == customerId).ToListAsync(Ct));

    [Fact]
    public async Task A_weekly_order_is_placed_days_ahead_in_the_wanted_window_once()
    {
        var office = await OfficeAsync();
        var client = await app.ClientAsync(Service);
        var created = await (await client.PostAsJsonAsync($"/api/customers/{office.CustomerId}/standing-orders", Weekly(office), Ct))
            .ShouldBeJsonAsync(HttpStatusCode.Created);
        created.Str("nextDate").ShouldBe(office.Date.ToString("yyyy-MM-dd"));
        created.Str("description").ShouldBe($"Every {office.Date.DayOfWeek}");

        (await app.RunJobAsync("standing-orders")).ShouldBeTrue();
        await RunAsync();

        var order = (await OrdersAsync(office.CustomerId)).ShouldHaveSingleItem();
        (order.FulfilmentDate, order.Channel, order.RecipientId, order.CardMessage).ShouldBe((office.Date, OrderChannel.Standing, office.RecipientId, "Have a good week"));
        (await app.WindowAsync(await app.BusinessIdAsync(DemoData.Bloom), office.Windows[0])).Booked.ShouldBe(1);
        var listed = (await client.GetJsonAsync($"/api/customers/{office.CustomerId}/standing-orders")).EnumerateArray().ShouldHaveSingleItem();
        listed.GetProperty("active").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task When_the_wanted_window_is_full_the_first_alternative_is_taken_if_allowed()
    {
        var office = await OfficeAsync(morningCapacity: 1, morningBooked: 1);
        var client = await app.ClientAsync(Service);
        (await client.PostAsJsonAsync($"/api/customers/{office.CustomerId}/standing-orders", Weekly(office, takeFirstAlternative: true), Ct))
            .StatusCode.ShouldBe(HttpStatusCode.Created);

        (await RunAsync()).Alternatives.ShouldBeGreaterThanOrEqualTo(1);

        var order = (await OrdersAsync(office.CustomerId)).ShouldHaveSingleItem();
        (await app.WindowAsync(await app.BusinessIdAsync(DemoData.Bloom), office.Windows[0])).Booked.ShouldBe(1, "the full window stays full");
        order.WindowId.ShouldBe(office.Windows[1]);
    }

    [Fact]
    public async Task When_the_wanted_window_is_full_and_no_alternative_was_allowed_staff_get_a_task_with_the_alternatives()
    {
        var office = await OfficeAsync(morningCapacity: 1, morningBooked: 1);
        var client = await app.ClientAsync(Service);
        (await client.PostAsJsonAsync($"/api/customers/{office.CustomerId}/standing-orders", Weekly(office), Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);

        (await RunAsync()).ForStaff.ShouldBeGreaterThanOrEqualTo(1);
        await RunAsync();

        (await OrdersAsync(office.CustomerId)).ShouldBeEmpty();
        var task = (await client.GetJsonAsync("/api/tasks?limit=50")).EnumerateArray()
            .Where(t => t.Str("customerId") == office.CustomerId.ToString()).ShouldHaveSingleItem();
        task.Str("title").ShouldContain("choose an alternative");
        task.Str("detail").ShouldContain("What can be promised instead");
    }

    [Fact]
    public async Task A_stopped_standing_order_places_nothing()
    {
        var office = await OfficeAsync();
        var client = await app.ClientAsync(Service);
        var created = await (await client.PostAsJsonAsync($"/api/customers/{office.CustomerId}/standing-orders", Weekly(office), Ct))
            .ShouldBeJsonAsync(HttpStatusCode.Created);

        (await (await app.ClientAsync("owner@harbor.example")).DeleteAsync($"/api/standing-orders/{created.Id()}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.DeleteAsync($"/api/standing-orders/{created.Id()}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await RunAsync();

        (await OrdersAsync(office.CustomerId)).ShouldBeEmpty();
        (await client.GetJsonAsync($"/api/customers/{office.CustomerId}/standing-orders")).EnumerateArray().Single()
            .GetProperty("active").GetBoolean().ShouldBeFalse();
    }

    [Theory]
    [InlineData("""{ "productId": "PRODUCT", "paymentMethodId": "CARD" }""", "schedule")]
    [InlineData("""{ "schedule": "weekly", "productId": "PRODUCT", "paymentMethodId": "CARD" }""", "weekday")]
    [InlineData("""{ "schedule": "monthly", "dayOfMonth": 32, "productId": "PRODUCT", "paymentMethodId": "CARD" }""", "dayOfMonth")]
    [InlineData("""{ "schedule": "occasion", "productId": "PRODUCT", "paymentMethodId": "CARD" }""", "occasionId")]
    [InlineData("""{ "schedule": "weekly", "weekday": "monday", "paymentMethodId": "CARD" }""", "productId")]
    [InlineData("""{ "schedule": "weekly", "weekday": "monday", "productId": "PRODUCT" }""", "paymentMethodId")]
    [InlineData("""{ "schedule": "weekly", "weekday": "monday", "productId": "PRODUCT", "paymentMethodId": "CARD", "daysAhead": 0 }""", "daysAhead")]
    public async Task Bad_input_is_422_naming_the_field_and_nothing_is_set_up(string body, string field)
    {
        var office = await OfficeAsync();
        var client = await app.ClientAsync(Service);
        var json = body.Replace("PRODUCT", office.Roses.ToString(), StringComparison.Ordinal).Replace("CARD", office.CardId.ToString(), StringComparison.Ordinal);

        await (await client.PostAsync($"/api/customers/{office.CustomerId}/standing-orders", Json(json), Ct))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, field);
        (await client.GetJsonAsync($"/api/customers/{office.CustomerId}/standing-orders")).EnumerateArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task Another_business_and_drivers_cannot_set_one_up()
    {
        var office = await OfficeAsync();
        (await (await app.ClientAsync("owner@harbor.example")).PostAsJsonAsync($"/api/customers/{office.CustomerId}/standing-orders", Weekly(office), Ct))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await app.ClientAsync("driver@bloom.example")).PostAsJsonAsync($"/api/customers/{office.CustomerId}/standing-orders", Weekly(office), Ct))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_page_sets_one_up_and_the_customer_page_lists_it()
    {
        var office = await OfficeAsync();
        var staff = await StaffPages.SignInAsync(app, Service);
        var page = $"/app/customers/{office.CustomerId}/standing-orders";

        var posted = await staff.PostAsync(page, page, ("Form.Schedule", "Monthly"), ("Form.DayOfMonth", "1"), ("Form.ProductId", office.Roses.ToString()),
            ("Form.Quantity", "1"), ("Form.PaymentMethodId", office.CardId.ToString()), ("Form.RecipientId", office.RecipientId.ToString()), ("Form.DaysAhead", "5"));
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await staff.HtmlAsync($"{page}?handler=Card")).ShouldContain("Every month on the 1st");
        var refused = await staff.PostAsync(page, page, ("Form.Schedule", "Monthly"), ("Form.DayOfMonth", "40"), ("Form.ProductId", office.Roses.ToString()),
            ("Form.PaymentMethodId", office.CardId.ToString()));
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await StaffPages.TextAsync(refused)).ShouldContain("A day of the month from 1 to 31.");
    }
}
