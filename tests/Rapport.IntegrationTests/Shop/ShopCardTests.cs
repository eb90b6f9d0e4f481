using System.Net;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Shop;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Shop;

/// <summary>Cards on file come from the payment provider's page as a sealed token; the card number never reaches Rapport's data.</summary>
public sealed class ShopCardTests(RapportApp app) : IClassFixture<RapportApp>
{
    [Fact]
    public async Task A_card_added_through_the_test_provider_is_kept_as_token_brand_last4_and_expiry_and_its_number_nowhere()
    {
        var shopper = await app.ShopperAsync();

        var back = (await shopper.EnterCardAsync("4242 4242 4242 4242", "12", "2031")).ShouldBe(HttpStatusCode.Redirect);

        back.Location!.ShouldStartWith("/shop/bloom/cards/added?result=");
        back.Location.ShouldNotContain("4242424242");
        (await shopper.GetAsync(back.Location)).ShouldRedirectTo("/shop/bloom/cards");
        (await shopper.GetAsync("/shop/bloom/cards")).ShouldBe(HttpStatusCode.OK).Text.ShouldContain("Visa ending 4242");

        var account = await shopper.AccountAsync();
        var card = await app.WithDbAsync(account.BusinessId, db => db.PaymentMethods.AsNoTracking().SingleAsync(p => p.CustomerId == account.CustomerId, Ct));
        card.Provider.ShouldBe("test");
        card.Token.ShouldStartWith("tok_test_");
        (card.Brand, card.Last4, card.ExpMonth, card.ExpYear).ShouldBe(("Visa", "4242", 12, 2031));
        var audit = await app.WithDbAsync(account.BusinessId, db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.EntityId == card.Id, Ct));
        (audit.ActorId, audit.ActorName, audit.Action).ShouldBe((account.Id, ShopCustomer.AuditName, "added"));

        (await app.WhereStoredAsync("4242424242424242")).ShouldBeEmpty();
        (await app.WhereStoredAsync("4242 4242 4242 4242")).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_same_answer_brought_back_twice_is_one_card()
    {
        var shopper = await app.ShopperAsync();
        var back = (await shopper.EnterCardAsync()).ShouldBe(HttpStatusCode.Redirect);

        (await shopper.GetAsync(back.Location!)).ShouldBe(HttpStatusCode.Redirect);
        (await shopper.GetAsync(back.Location!)).ShouldBe(HttpStatusCode.Redirect);

        (await CardCountAsync(shopper)).ShouldBe(1);
    }

    [Fact]
    public async Task A_tampered_or_foreign_card_answer_is_400_with_a_clear_message_and_nothing_is_stored()
    {
        var shopper = await app.ShopperAsync();
        var back = (await shopper.EnterCardAsync()).ShouldBe(HttpStatusCode.Redirect).Location!;
        var sealedResult = Uri.UnescapeDataString(back[(back.IndexOf("result=", StringComparison.Ordinal) + 7)..]);
        var tampered = sealedResult[..^6] + (sealedResult[^6] == 'A' ? 'B' : 'A') + sealedResult[^5..];

        foreach (var result in new[] { tampered, "tok_test_forged" })
        {
            var page = (await shopper.GetAsync($"/shop/bloom/cards/added?result={Uri.EscapeDataString(result)}")).ShouldBe(HttpStatusCode.BadRequest);
            page.Text.ShouldContain("could not be read");
            page.Text.ShouldContain("Nothing was saved.");
        }

        // A sound answer issued for another customer's sign-in is not this customer's card.
        var stranger = await app.ShopperAsync(name: "Stan Stranger");
        (await stranger.GetAsync(back)).ShouldBe(HttpStatusCode.BadRequest).Text.ShouldContain("issued for another sign-in");

        (await CardCountAsync(shopper)).ShouldBe(0);
        (await CardCountAsync(stranger)).ShouldBe(0);
    }

    [Theory]
    [InlineData("4242 4242 4242 4241", "12", "123", "Not a valid card number")]
    [InlineData("4242 4242", "12", "123", "Not a valid card number")]
    [InlineData("4242 4242 4242 4242", "13", "123", "A month from 1 to 12.")]
    [InlineData("4242 4242 4242 4242", "12", "12", "The 3 or 4 digits on the back of the card.")]
    public async Task A_bad_card_is_refused_on_the_providers_page_without_showing_the_number_again(string number, string month, string cvc, string message)
    {
        var shopper = await app.ShopperAsync();

        var page = (await shopper.EnterCardAsync(number, month, cvc: cvc)).ShouldBe(HttpStatusCode.UnprocessableEntity);

        page.Text.ShouldContain(message);
        page.Input("number").ShouldBeEmpty();
        page.Input("cvc").ShouldBeEmpty();
        page.Html.ShouldNotContain(number.Replace(" ", ""));
        (await CardCountAsync(shopper)).ShouldBe(0);
    }

    [Fact]
    public async Task An_expired_card_is_refused()
    {
        var shopper = await app.ShopperAsync();
        var lastYear = (DateTime.UtcNow.Year - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

        (await shopper.EnterCardAsync(year: lastYear)).ShouldBe(HttpStatusCode.UnprocessableEntity).Text.ShouldContain("A year from");
    }

    [Theory]
    [InlineData("https://evil.example/steal")]
    [InlineData("//evil.example/steal")]
    [InlineData("/\\evil.example")]
    public async Task The_provider_sends_customers_back_into_this_site_only(string returnTo)
    {
        var response = await app.CreateApiClient().GetAsync($"/test-pay/cards/new?return={Uri.EscapeDataString(returnTo)}&reference=x", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("The return address must be a path on this site");
    }

    [Fact]
    public async Task The_providers_form_needs_its_antiforgery_token()
    {
        var response = await app.CreateApiClient().PostAsync("/test-pay/cards", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["return"] = "/shop/bloom/cards/added", ["number"] = "4242424242424242", ["expMonth"] = "12", ["expYear"] = "2031", ["cvc"] = "123",
        }), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_card_is_removed_and_the_removal_audited()
    {
        var shopper = await app.ShopperAsync();
        var card = await shopper.AddCardAsync();
        var page = (await shopper.GetAsync("/shop/bloom/cards")).ShouldBe(HttpStatusCode.OK);

        (await shopper.PostAsync($"/shop/bloom/cards?handler=Remove&cardId={card}", page.Token)).ShouldRedirectTo("/shop/bloom/cards");

        (await CardCountAsync(shopper)).ShouldBe(0);
        (await shopper.GetAsync("/shop/bloom/cards")).Text.ShouldContain("No card on file yet.");
        var account = await shopper.AccountAsync();
        (await app.WithDbAsync(account.BusinessId, db => db.AuditEntries.CountAsync(a => a.EntityId == card && a.Action == "removed", Ct))).ShouldBe(1);
    }

    private async Task<int> CardCountAsync(ShopBrowser shopper)
    {
        var account = await shopper.AccountAsync();
        return await app.WithDbAsync(account.BusinessId, db => db.PaymentMethods.CountAsync(p => p.CustomerId == account.CustomerId, Ct));
    }
}
