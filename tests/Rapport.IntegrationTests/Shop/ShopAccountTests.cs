using System.Net;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Customers;
using Rapport.Core.Shop;
using Rapport.Core.Timeline;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Shop;

public sealed class ShopAccountTests(RapportApp app) : IClassFixture<RapportApp>
{
    [Fact]
    public async Task Signing_up_opens_a_new_customer_file_and_signs_in_with_the_shops_own_cookie()
    {
        var browser = new ShopBrowser(app);
        var email = $"Ada.{TestNames.Token()}@Example.com";

        var signedUp = await browser.SignUpAsync("Ada Shopper", email);

        signedUp.ShouldRedirectTo("/shop/bloom");
        var cookie = signedUp.Response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("rapport.shop=", StringComparison.Ordinal));
        cookie.ShouldContain("path=/shop");
        cookie.ShouldContain("httponly");
        cookie.ShouldContain("samesite=lax");
        (await browser.GetAsync("/shop/bloom/orders")).ShouldBe(HttpStatusCode.OK).Text.ShouldContain("Ada Shopper");

        var account = await browser.AccountAsync();
        account.NormalizedEmail.ShouldBe(email.ToUpperInvariant());
        account.PasswordHash.ShouldNotContain(ShopBrowser.Password);
        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        var customer = await app.WithDbAsync(bloom, db => db.Customers.Include(c => c.ContactPoints).AsNoTracking().SingleAsync(c => c.Id == account.CustomerId, Ct));
        customer.Name.ShouldBe("Ada Shopper");
        customer.Kind.ShouldBe(CustomerKind.Person);
        customer.PrimaryEmail!.Value.ShouldBe(email);
        var entry = await app.WithDbAsync(bloom, db => db.Interactions.SingleAsync(i => i.CustomerId == customer.Id, Ct));
        entry.Channel.ShouldBe(Channel.Web);
    }

    [Fact]
    public async Task Signing_up_with_a_regulars_e_mail_opens_a_file_of_its_own_and_shows_nothing_of_theirs()
    {
        var tom = await app.CustomerIdAsync(DemoData.Bloom, "Tom Lindqvist");
        var browser = new ShopBrowser(app);

        (await browser.SignUpAsync("Tom Lindqvist", "tom.lindqvist@example.com")).ShouldRedirectTo("/shop/bloom");

        (await browser.AccountAsync()).CustomerId.ShouldNotBe(tom);
        (await browser.GetAsync("/shop/bloom/recipients")).ShouldBe(HttpStatusCode.OK).Text.ShouldNotContain("Maria Lindqvist");
        (await browser.GetAsync("/shop/bloom/cards")).Text.ShouldNotContain("4242");
        (await browser.GetAsync("/shop/bloom/orders")).Text.ShouldContain("No orders yet.");
    }

    [Fact]
    public async Task Bad_sign_up_input_is_shown_beside_its_field_and_nothing_is_created()
    {
        var browser = new ShopBrowser(app);
        var before = await AccountCountAsync();

        var page = (await browser.SignUpAsync("", "not-an-e-mail", "short")).ShouldBe(HttpStatusCode.UnprocessableEntity);

        page.Text.ShouldContain("This field is required.");
        page.Text.ShouldContain("Not an e-mail address.");
        page.Text.ShouldContain("At least 8 characters.");
        page.Html.ShouldNotContain("value=\"short\"");
        (await AccountCountAsync()).ShouldBe(before);
        (await browser.SignUpAsync("Card Holder", "4111 1111 1111 1111")).ShouldBe(HttpStatusCode.UnprocessableEntity)
            .Text.ShouldContain("Card numbers are never stored");
        (await AccountCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task An_e_mail_already_signed_up_is_refused_whatever_its_case()
    {
        var first = await app.ShopperAsync();

        var page = (await new ShopBrowser(app).SignUpAsync("Someone Else", $"  {first.Email.ToUpperInvariant()} ")).ShouldBe(HttpStatusCode.UnprocessableEntity);

        page.Text.ShouldContain(OpenShopAccount.Taken);
    }

    [Fact]
    public async Task Signing_out_and_in_again_with_the_same_words_for_an_unknown_e_mail_and_a_wrong_password()
    {
        var browser = await app.ShopperAsync();
        var email = browser.Email;
        (await browser.SignOutAsync()).ShouldRedirectTo("/shop/bloom");
        (await browser.GetAsync("/shop/bloom/orders")).ShouldRedirectTo("/shop/bloom/signin?returnUrl=%2Fshop%2Fbloom%2Forders");

        var wrong = (await browser.SignInAsync(email, "Wrong!2026")).ShouldBe(HttpStatusCode.Unauthorized);
        var unknown = (await browser.SignInAsync(TestNames.Email("nobody", "example.com"), ShopBrowser.Password)).ShouldBe(HttpStatusCode.Unauthorized);
        wrong.Text.ShouldContain("Wrong e-mail or password.");
        unknown.Text.ShouldContain("Wrong e-mail or password.");

        (await browser.SignInAsync(email, ShopBrowser.Password, "/shop/bloom/orders")).ShouldRedirectTo("/shop/bloom/orders");
        (await browser.GetAsync("/shop/bloom/orders")).ShouldBe(HttpStatusCode.OK);
        (await browser.AccountAsync()).FailedSignIns.ShouldBe(0);
    }

    [Theory]
    [InlineData("https://evil.example/phish")]
    [InlineData("//evil.example")]
    [InlineData("/app/customers")]
    [InlineData("/shop/harbor/orders")]
    [InlineData("/shop/bloom/../../app")]
    public async Task After_signing_in_the_customer_stays_in_this_shop(string returnUrl)
    {
        var browser = await app.ShopperAsync();
        await browser.SignOutAsync();

        (await browser.SignInAsync(browser.Email, ShopBrowser.Password, returnUrl)).ShouldRedirectTo("/shop/bloom");
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_for_five_minutes()
    {
        var browser = await app.ShopperAsync();
        await browser.SignOutAsync();

        for (var i = 1; i < SignInToShop.MaxFailures; i++)
            (await browser.SignInAsync(browser.Email, $"Wrong!{i}xyz")).ShouldBe(HttpStatusCode.Unauthorized);
        var fifth = (await browser.SignInAsync(browser.Email, "Wrong!5xyz")).ShouldBe(HttpStatusCode.TooManyRequests);
        fifth.Text.ShouldContain("Too many failed attempts. Try again in 5 minute(s).");

        // Locked: even the right password is refused until the time is up.
        (await browser.SignInAsync(browser.Email, ShopBrowser.Password)).ShouldBe(HttpStatusCode.TooManyRequests);
        var account = await browser.AccountAsync();
        account.LockedUntil.ShouldNotBeNull();
        account.LockedUntil.Value.ShouldBeInRange(DateTime.UtcNow.AddMinutes(4), DateTime.UtcNow.AddMinutes(5));

        await app.WithDbAsync(account.BusinessId, db => db.ShopAccounts.Where(a => a.Id == account.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.LockedUntil, DateTime.UtcNow.AddSeconds(-1)), Ct));
        (await browser.SignInAsync(browser.Email, ShopBrowser.Password)).ShouldRedirectTo("/shop/bloom");
        (await browser.AccountAsync()).LockedUntil.ShouldBeNull();
    }

    [Fact]
    public async Task A_staff_sign_in_does_not_open_the_shop_and_a_shop_sign_in_does_not_open_staff_pages_or_the_api()
    {
        var staff = new ShopBrowser(app);
        var login = (await staff.GetAsync("/login")).ShouldBe(HttpStatusCode.OK);
        (await staff.PostAsync("/login", login.Token, ("email", "owner@bloom.example"), ("password", "Demo!2026"))).ShouldRedirectTo("/app");
        (await staff.GetAsync("/app")).ShouldBe(HttpStatusCode.OK);

        (await staff.GetAsync("/shop/bloom/orders")).ShouldRedirectTo("/shop/bloom/signin?returnUrl=%2Fshop%2Fbloom%2Forders");
        (await staff.GetAsync("/shop/bloom")).ShouldBe(HttpStatusCode.OK).Text.ShouldContain("Create an account");

        var shopper = await app.ShopperAsync();
        (await shopper.GetAsync("/app")).ShouldBe(HttpStatusCode.Redirect).Location.ShouldEndWith("/login?ReturnUrl=%2Fapp");
        (await shopper.Client.GetAsync("/api/customers", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        // Even sent where the browser would not send it, the shop's cookie is nobody outside the shop.
        var shopCookie = (await new ShopBrowser(app).SignUpAsync("Cookie Carrier", TestNames.Email("carrier", "example.com")))
            .Response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("rapport.shop=", StringComparison.Ordinal)).Split(';')[0];
        var bare = app.CreateApiClient();
        foreach (var url in new[] { "/app", "/api/customers" })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Add("Cookie", shopCookie);
            (await bare.SendAsync(request, Ct)).StatusCode.ShouldBeOneOf(HttpStatusCode.Redirect, HttpStatusCode.Unauthorized);
        }
    }

    private async Task<int> AccountCountAsync()
    {
        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        return await app.WithDbAsync(bloom, db => db.ShopAccounts.CountAsync(Ct));
    }
}
