using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Rapport.IntegrationTests.Orders;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Shop;

/// <summary>A shop customer reaches only their own orders, recipients and cards: anyone else's id is 404 on every route.</summary>
public sealed class ShopIsolationTests(RapportApp app) : IClassFixture<RapportApp>
{
    [Fact]
    public async Task Another_customers_order_is_404_and_not_in_the_list()
    {
        var tomsOrder = await TomsOrderAsync();
        var shopper = await app.ShopperAsync();

        (await shopper.GetAsync($"/shop/bloom/orders/{tomsOrder}")).ShouldBe(HttpStatusCode.NotFound);
        (await shopper.GetAsync($"/shop/bloom/orders/{Guid.NewGuid()}")).ShouldBe(HttpStatusCode.NotFound);
        (await shopper.GetAsync("/shop/bloom/orders/not-an-id")).ShouldBe(HttpStatusCode.NotFound);
        (await shopper.GetAsync("/shop/bloom/orders")).ShouldBe(HttpStatusCode.OK).Html.ShouldNotContain(tomsOrder.ToString());
    }

    [Fact]
    public async Task Another_customers_recipient_is_404_to_read_change_remove_or_order_for()
    {
        var other = await app.ShopperAsync(name: "Olga Other");
        var theirs = await other.AddRecipientAsync("Otto Other", DeliverySetup.NewPostcode(), "husband");
        var maria = await RecipientAsync("Maria Lindqvist");
        var shopper = await app.ShopperAsync();
        var mine = (await shopper.GetAsync("/shop/bloom/recipients")).ShouldBe(HttpStatusCode.OK);

        foreach (var id in new[] { theirs, maria })
        {
            (await shopper.GetAsync($"/shop/bloom/recipients/{id}")).ShouldBe(HttpStatusCode.NotFound);
            (await shopper.PostAsync($"/shop/bloom/recipients/{id}", mine.Token, ("Form.Name", "Taken Over"))).ShouldBe(HttpStatusCode.NotFound);
            (await shopper.PostAsync($"/shop/bloom/recipients/{id}?handler=Remove", mine.Token)).ShouldBe(HttpStatusCode.NotFound);
            (await shopper.GetAsync($"/shop/bloom/order?To={id}")).ShouldBe(HttpStatusCode.NotFound);
            (await shopper.PostAsync("/shop/bloom/order?handler=Times", mine.Token, ("To", id.ToString()))).ShouldBe(HttpStatusCode.NotFound);
            (await shopper.PostAsync("/shop/bloom/order", mine.Token, ("To", id.ToString()), ("Key", TestNames.Key()))).ShouldBe(HttpStatusCode.NotFound);
        }

        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        var names = await app.WithDbAsync(bloom, db => db.Recipients.Where(r => r.Id == theirs || r.Id == maria).Select(r => r.Name).ToListAsync(Ct));
        names.ShouldBe(["Otto Other", "Maria Lindqvist"], ignoreOrder: true);
        (await other.GetAsync("/shop/bloom/recipients")).Text.ShouldContain("Otto Other");
    }

    [Fact]
    public async Task Another_customers_card_is_404_to_remove_or_pay_with()
    {
        var other = await app.ShopperAsync(name: "Olga Other");
        var theirs = await other.AddCardAsync();
        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        var tom = await app.CustomerIdAsync(DemoData.Bloom, "Tom Lindqvist");
        var toms = await app.WithDbAsync(bloom, db => db.PaymentMethods.Where(p => p.CustomerId == tom).Select(p => p.Id).FirstAsync(Ct));
        var shopper = await app.ShopperAsync();
        var cards = (await shopper.GetAsync("/shop/bloom/cards")).ShouldBe(HttpStatusCode.OK);

        foreach (var id in new[] { theirs, toms })
        {
            (await shopper.PostAsync($"/shop/bloom/cards?handler=Remove&cardId={id}", cards.Token)).ShouldBe(HttpStatusCode.NotFound);
            (await shopper.PostAsync("/shop/bloom/order", cards.Token, ("To", "me"), ("Card", id.ToString()), ("Key", TestNames.Key())))
                .ShouldBe(HttpStatusCode.NotFound);
        }

        (await app.WithDbAsync(bloom, db => db.PaymentMethods.CountAsync(p => p.Id == theirs || p.Id == toms, Ct))).ShouldBe(2);
        var account = await shopper.AccountAsync();
        (await app.WithDbAsync(bloom, db => db.Orders.CountAsync(o => o.CustomerId == account.CustomerId, Ct))).ShouldBe(0);
    }

    private async Task<Guid> RecipientAsync(string name)
    {
        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        return await app.WithDbAsync(bloom, db => db.Recipients.Where(r => r.Name == name).Select(r => r.Id).FirstAsync(Ct));
    }

    private async Task<Guid> TomsOrderAsync()
    {
        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        var tom = await app.CustomerIdAsync(DemoData.Bloom, "Tom Lindqvist");
        var setup = await app.LocationAsync(bloom, DeliverySetup.SomeDayAhead(), (9, 5, 0));
        var client = await app.ClientAsync("service@bloom.example");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders")
        {
            Content = JsonContent.Create(new
            {
                customerId = tom, address = DeliverySetup.Address(setup.Postcode), budget = 85m, channel = "phone",
                fulfilment = new { kind = "window", windowId = setup.Windows[0] },
            }),
        };
        request.Headers.Add("Idempotency-Key", TestNames.Key());
        return (await (await client.SendAsync(request, Ct)).ShouldBeJsonAsync(HttpStatusCode.Created)).Id();
    }
}
