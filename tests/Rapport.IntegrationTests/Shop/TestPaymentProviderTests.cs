using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Shop;

/// <summary>
/// The built-in test payment provider takes card numbers, so it is there only for the demo, in Development and under
/// the test host: in production without the demo, its card page at <c>/test-pay/cards/new</c> answers 404.
/// </summary>
public sealed class TestPaymentProviderInProductionTests(TestPaymentProviderInProductionTests.ProductionApp app)
    : IClassFixture<TestPaymentProviderInProductionTests.ProductionApp>
{
    /// <summary>Rapport as production runs it: the Production environment, no demo.</summary>
    public class ProductionApp : RapportApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment(Environments.Production);
        }
    }

    [Fact]
    public async Task The_card_page_is_not_there()
    {
        var response = await app.CreateApiClient().GetAsync(TestPaymentProvider.CardForm, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_card_posted_to_it_is_refused_as_at_any_path_the_app_does_not_have()
    {
        var client = app.CreateApiClient();
        var response = await client.PostAsync("/test-pay/cards", TestPaymentProvider.Card(), Ct);
        // Rapport answers a POST to a path it does not have with 405 (a GET-only route matches any path), not 404.
        var nowhere = await client.PostAsync("/no-such-provider/cards", TestPaymentProvider.Card(), Ct);

        response.IsSuccessStatusCode.ShouldBeFalse();
        response.StatusCode.ShouldNotBe(HttpStatusCode.Redirect);
        response.StatusCode.ShouldBe(nowhere.StatusCode);
    }

    [Fact]
    public async Task A_shop_customer_is_told_card_payments_are_not_set_up_instead_of_given_a_dead_link()
    {
        var shopper = await app.ShopperAsync();

        foreach (var page in new[] { "/cards", "/order" })
        {
            var html = (await shopper.GetAsync(shopper.Path(page))).ShouldBe(HttpStatusCode.OK).Html;
            html.ShouldNotContain("data-testid=\"add-card\"");
            html.ShouldNotContain("/test-pay");
            html.ShouldContain("Paying by card online isn&#x27;t set up for this shop yet.");
        }
    }

    [Fact]
    public async Task The_rest_of_the_app_answers() =>
        (await app.CreateApiClient().GetAsync("/health", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
}

/// <summary>With the demo (<c>--demo</c>, or Demo=true), the test provider is there in production too, and says what it is.</summary>
public sealed class TestPaymentProviderInTheDemoTests(TestPaymentProviderInTheDemoTests.ProductionDemoApp app)
    : IClassFixture<TestPaymentProviderInTheDemoTests.ProductionDemoApp>
{
    /// <summary>The Production environment with the demo on (its database already holds the demo businesses).</summary>
    public sealed class ProductionDemoApp : TestPaymentProviderInProductionTests.ProductionApp
    {
        public ProductionDemoApp() => With("Demo", "true");
    }

    [Fact]
    public async Task The_card_page_is_there_and_says_it_is_the_demos_test_provider()
    {
        var response = await app.CreateApiClient().GetAsync(TestPaymentProvider.CardForm, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync(Ct);
        html.ShouldContain("<h1 class=\"h4 mb-1\">Test payment provider</h1>");
        html.ShouldContain("not a real payment provider");
    }
}

internal static class TestPaymentProvider
{
    public const string CardForm = "/test-pay/cards/new?return=%2Fshop%2Fbloom%2Fcards%2Fadded&reference=x";

    public static FormUrlEncodedContent Card() => new(new Dictionary<string, string>
    {
        ["return"] = "/shop/bloom/cards/added", ["number"] = "4242424242424242", ["expMonth"] = "12", ["expYear"] = "2031", ["cvc"] = "123",
    });
}
