using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Catalog;
using Rapport.Core.Occasions;
using Rapport.Core.Shop;
using Rapport.IntegrationTests.Orders;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Shop;

/// <summary>
/// A basket of several items in one order (a bouquet, a vase, truffles) through the same intake and capacity rules,
/// its confirmation page and e-mail (over a real SMTP server), and "Remind me next year".
/// </summary>
public sealed class ShopBasketTests : IAsyncLifetime
{
    private SmtpSink smtp = null!;
    private RapportApp app = null!;
    private Guid bloom;

    public async ValueTask InitializeAsync()
    {
        smtp = await SmtpSink.StartAsync();
        app = new RapportApp();
        foreach (var (key, value) in smtp.Settings) app.With(key, value);
        await app.InitializeAsync();
        bloom = await app.BusinessIdAsync(DemoData.Bloom);
    }

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        await smtp.DisposeAsync();
    }

    private Task<(Product Vase, Product Truffles)> AddOnsAsync() => app.WithDbAsync(bloom, async db =>
    {
        var tag = TestNames.Token(6);
        var vase = new Product { Name = $"Glass vase {tag}", Category = "Add-ons", Price = 15m };
        var truffles = new Product { Name = $"Truffles {tag}", Category = "Add-ons", Price = 24m };
        db.Products.AddRange(vase, truffles);
        await db.SaveChangesAsync(Ct);
        return (vase, truffles);
    });

    /// <summary>The extras of the form with the quantities wanted, by product.</summary>
    private static List<(string, string?)> Extras(ShopPage form, IReadOnlyDictionary<Guid, int> wanted)
    {
        var ids = form.Input("Extras[0].ProductId").Count == 0 ? [] : Enumerable.Range(0, 200)
            .Select(i => form.Input($"Extras[{i}].ProductId").FirstOrDefault()).TakeWhile(id => id is not null).ToList();
        var fields = new List<(string, string?)>();
        for (var i = 0; i < ids.Count; i++)
        {
            fields.Add(($"Extras[{i}].ProductId", ids[i]));
            fields.Add(($"Extras[{i}].Quantity", wanted.TryGetValue(Guid.Parse(ids[i]!), out var q) ? q.ToString(CultureInfo.InvariantCulture) : "0"));
        }
        return fields;
    }

    [Fact]
    public async Task A_bouquet_a_vase_and_truffles_are_one_order_one_delivery_priced_at_order_time_confirmed_by_email_and_remembered_in_one_click()
    {
        var (bouquet, _) = await app.ProductsAsync(bloom);
        var (vase, truffles) = await AddOnsAsync();
        var date = DeliverySetup.SomeDayAhead();
        var setup = await app.DeliveringAsync(bloom, new ShopSetup.Window(date, 12, 5));
        var shopper = await app.ShopperAsync(name: "Basil Basket");
        var maria = await shopper.AddRecipientAsync("Maria Basket", setup.Postcode);
        var card = await shopper.AddCardAsync();

        var form = (await shopper.GetAsync($"/shop/bloom/order?item={bouquet.Id}&To={maria}&Date={date:yyyy-MM-dd}")).ShouldBe(HttpStatusCode.OK);
        form.Html.ShouldContain("data-testid=\"add-ons\"");
        form.Text.ShouldContain(vase.Name);
        // The vase costs more by the time the order is sent: the order takes today's price, not the form's.
        await app.WithDbAsync(bloom, db => db.Products.Where(p => p.Id == vase.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Price, 16m), Ct));
        var choice = form.Input("Choice").First(c => c.Contains(setup.Windows[0].ToString(), StringComparison.Ordinal));
        var fields = new List<(string, string?)>
        {
            ("Item", bouquet.Id.ToString()), ("Budget", "85"), ("To", maria.ToString()), ("Date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("Occasion", "Birthday"), ("Choice", choice), ("CardMessage", "Happy birthday"), ("Card", card.ToString()), ("Key", form.Input("Key").Single()),
        };
        fields.AddRange(Extras(form, new Dictionary<Guid, int> { [vase.Id] = 1, [truffles.Id] = 2 }));

        var placed = (await shopper.PostAsync("/shop/bloom/order", form.Token, fields)).ShouldBe(HttpStatusCode.Redirect);
        var again = (await shopper.PostAsync("/shop/bloom/order", form.Token, fields)).ShouldBe(HttpStatusCode.Redirect);
        again.Location.ShouldBe(placed.Location, "the same form twice is one order");

        var account = await shopper.AccountAsync();
        var order = await app.WithDbAsync(bloom, db => db.Orders.AsNoTracking().Include(o => o.Lines).SingleAsync(o => o.CustomerId == account.CustomerId, Ct));
        order.Lines.Where(l => l.ProductId == vase.Id || l.ProductId == truffles.Id).Select(l => (l.ProductId, l.Quantity, l.UnitPrice, l.Total))
            .ShouldBe([(vase.Id, 1, 16m, 16m), (truffles.Id, 2, 24m, 48m)], ignoreOrder: true);
        order.Lines.Count.ShouldBe(3);
        (order.Budget, order.Lines.Single(l => l.ProductId != vase.Id && l.ProductId != truffles.Id).Total).ShouldBe(((decimal?)85m, 85m));
        (order.Subtotal, order.Total, order.WindowId).ShouldBe((149m, 149m + setup.Fee, (Guid?)setup.Windows[0]));
        (await app.WindowAsync(bloom, setup.Windows[0])).Booked.ShouldBe(1, "one delivery, one reservation");
        (await app.WithDbAsync(bloom, db => db.DeliveryStops.CountAsync(s => s.OrderId == order.Id, Ct))).ShouldBe(1);

        var details = (await shopper.GetAsync(placed.Location!)).ShouldBe(HttpStatusCode.OK);
        details.Text.ShouldContain("Thank you: your order is placed.");
        details.Text.ShouldContain($"1 × {vase.Name}");
        details.Text.ShouldContain($"2 × {truffles.Name}");
        details.Text.ShouldContain(", your budget");

        (await app.RunJobAsync("outbox")).ShouldBeTrue();
        var mail = (await smtp.WaitForAsync(1, TimeSpan.FromSeconds(10))).Where(m => m.EnvelopeTo.Contains(shopper.Email)).ShouldHaveSingleItem();
        mail.Subject.ShouldBe($"Your order {order.Number} is placed");
        mail.Text.ShouldContain($"2 × {truffles.Name}: 48.00 USD");
        mail.Text.ShouldContain($"/shop/bloom/orders/{order.Id}");
        (await app.WithDbAsync(bloom, db => db.OutboxMessages.CountAsync(m => m.DedupeKey == OrderConfirmation.KeyOf(order.Id), Ct))).ShouldBe(1);

        // Remind me next year: one click puts Maria's birthday on file, on the day of the order.
        details.Html.ShouldContain("data-testid=\"remember-offer\"");
        var remembered = (await shopper.PostAsync($"{placed.Location!.Split('?')[0]}?handler=Remember", details.Token)).ShouldBe(HttpStatusCode.Redirect);
        (await shopper.GetAsync(remembered.Location!)).Text.ShouldContain("We will remind you before Birthday next year.");
        var occasion = await app.WithDbAsync(bloom, db => db.Occasions.AsNoTracking().SingleAsync(o => o.CustomerId == account.CustomerId, Ct));
        (occasion.Type, occasion.RecipientId, occasion.Month, occasion.Day, occasion.Status, occasion.Source, occasion.UsualBudget)
            .ShouldBe((OccasionType.Birthday, (Guid?)maria, date.Month, date.Day, OccasionStatus.Confirmed, OccasionSource.Customer, (decimal?)85m), "the bouquet's budget is the usual one");
        (await shopper.GetAsync(placed.Location!.Split('?')[0])).Html.ShouldNotContain("data-testid=\"remember-offer\"");
    }

    [Fact]
    public async Task A_refused_line_names_its_place_in_the_shop_and_in_the_api_and_nothing_is_booked()
    {
        var (bouquet, roses) = await app.ProductsAsync(bloom);
        var (vase, _) = await AddOnsAsync();
        var date = DeliverySetup.SomeDayAhead();
        var setup = await app.DeliveringAsync(bloom, new ShopSetup.Window(date, 12, 5));
        var shopper = await app.ShopperAsync(name: "Rita Refused");
        var maria = await shopper.AddRecipientAsync("Maria Refused", setup.Postcode);
        var card = await shopper.AddCardAsync();
        var form = (await shopper.GetAsync($"/shop/bloom/order?item={roses.Id}&To={maria}&Date={date:yyyy-MM-dd}")).ShouldBe(HttpStatusCode.OK);
        await app.WithDbAsync(bloom, db => db.Products.Where(p => p.Id == vase.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Active, false), Ct));
        var fields = new List<(string, string?)>
        {
            ("Item", roses.Id.ToString()), ("Quantity", "1"), ("To", maria.ToString()), ("Date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("Choice", form.Input("Choice").First()), ("Card", card.ToString()), ("Key", form.Input("Key").Single()),
        };
        fields.AddRange(Extras(form, new Dictionary<Guid, int> { [vase.Id] = 1 }));

        var refused = (await shopper.PostAsync("/shop/bloom/order", form.Token, fields)).ShouldBe(HttpStatusCode.UnprocessableEntity);
        refused.Text.ShouldContain("Not a product on sale.");
        refused.Html.ShouldContain("data-valmsg-for=\"Extras[");
        (await app.WindowAsync(bloom, setup.Windows[0])).Booked.ShouldBe(0);

        var tom = await app.CustomerIdAsync(DemoData.Bloom, "Tom Lindqvist");
        var client = await app.ClientAsync("service@bloom.example");
        var body = new
        {
            customerId = tom, address = DeliverySetup.Address(setup.Postcode), budget = 85m, occasion = "Birthday", channel = "phone",
            fulfilment = new { kind = "window", windowId = setup.Windows[0] },
            lines = new object[] { new { productId = roses.Id, quantity = 1 }, new { productId = vase.Id, quantity = 1 } },
        };
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", TestNames.Key());
        await (await client.SendAsync(request, Ct)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "lines[1].productId");
        (await app.WindowAsync(bloom, setup.Windows[0])).Booked.ShouldBe(0);

        // A budget and lines together are one basket through the API too.
        var basket = new HttpRequestMessage(HttpMethod.Post, "/api/orders")
        {
            Content = JsonContent.Create(body with { lines = new object[] { new { productId = roses.Id, quantity = 2 } } }),
        };
        basket.Headers.Add("Idempotency-Key", TestNames.Key());
        var placed = await (await client.SendAsync(basket, Ct)).ShouldBeJsonAsync(HttpStatusCode.Created);
        placed.GetProperty("subtotal").GetDecimal().ShouldBe(85m + 120m);
        (await app.WindowAsync(bloom, setup.Windows[0])).Booked.ShouldBe(1);
    }
}
