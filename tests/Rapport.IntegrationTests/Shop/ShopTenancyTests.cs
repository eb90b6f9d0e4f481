using System.Net;
using Microsoft.EntityFrameworkCore;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Shop;

/// <summary>A shop is its business's: the slug decides, and an account of one shop is nobody in another.</summary>
public sealed class ShopTenancyTests(RapportApp app) : IClassFixture<RapportApp>
{
    [Theory]
    [InlineData("/shop/nowhere")]
    [InlineData("/shop/nowhere/orders")]
    [InlineData("/shop/nowhere/signin")]
    [InlineData("/shop/BLOOM-nope/cards")]
    public async Task An_unknown_shop_is_404(string url) =>
        (await new ShopBrowser(app).GetAsync(url)).ShouldBe(HttpStatusCode.NotFound);

    [Fact]
    public async Task A_bloom_account_is_signed_out_on_harbors_shop()
    {
        var bloom = await app.ShopperAsync(DemoData.Bloom, "Bea Bloom");

        (await bloom.GetAsync("/shop/harbor/orders")).ShouldRedirectTo("/shop/harbor/signin?returnUrl=%2Fshop%2Fharbor%2Forders");
        (await bloom.GetAsync("/shop/harbor/recipients")).ShouldBe(HttpStatusCode.Redirect);
        var harbor = (await bloom.GetAsync("/shop/harbor")).ShouldBe(HttpStatusCode.OK);
        harbor.Text.ShouldContain("Harbor Laundry Systems");
        harbor.Text.ShouldNotContain("Bea Bloom");
        harbor.Text.ShouldContain("Sign in");

        // Accounts belong to one business: Bloom's e-mail and password open nothing at Harbor.
        var atHarbor = new ShopBrowser(app, DemoData.Harbor);
        (await atHarbor.SignInAsync(bloom.Email, ShopBrowser.Password)).ShouldBe(HttpStatusCode.Unauthorized);

        // The Bloom sign-in still stands at Bloom.
        (await bloom.GetAsync("/shop/bloom/orders")).ShouldBe(HttpStatusCode.OK).Text.ShouldContain("Bea Bloom");
    }

    [Fact]
    public async Task The_same_e_mail_opens_separate_accounts_and_customers_in_two_shops()
    {
        var bloom = await app.ShopperAsync(DemoData.Bloom);
        var harbor = new ShopBrowser(app, DemoData.Harbor);

        (await harbor.SignUpAsync("Sam at Harbor", bloom.Email)).ShouldRedirectTo("/shop/harbor");

        var (bloomAccount, harborAccount) = (await bloom.AccountAsync(), await harbor.AccountAsync());
        harborAccount.BusinessId.ShouldNotBe(bloomAccount.BusinessId);
        harborAccount.CustomerId.ShouldNotBe(bloomAccount.CustomerId);
        var customer = await app.WithDbAsync(harborAccount.BusinessId, db => db.Customers.AsNoTracking().SingleAsync(c => c.Id == harborAccount.CustomerId, Ct));
        customer.BusinessId.ShouldBe(harborAccount.BusinessId);
    }

    [Fact]
    public async Task A_shops_catalogue_shows_its_own_products_only()
    {
        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        var (bouquet, roses) = await app.ProductsAsync(bloom);

        var harbor = (await new ShopBrowser(app, DemoData.Harbor).GetAsync("/shop/harbor")).ShouldBe(HttpStatusCode.OK);

        harbor.Text.ShouldNotContain(bouquet.Name);
        harbor.Text.ShouldNotContain(roses.Name);
        (await new ShopBrowser(app).GetAsync("/shop/bloom")).Text.ShouldContain(roses.Name);
        // An order link carrying another business's product finds nothing to order there.
        var shopper = await app.ShopperAsync(DemoData.Harbor);
        (await shopper.GetAsync($"/shop/harbor/order?item={roses.Id}")).ShouldBe(HttpStatusCode.OK).Text.ShouldNotContain(roses.Name);
    }
}
