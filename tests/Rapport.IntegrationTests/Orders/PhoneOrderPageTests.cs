using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Orders;

/// <summary>The phone order page's handlers through HTTP, as the browser (cookie, antiforgery, htmx) calls them.</summary>
public sealed partial class PhoneOrderPageTests(RapportApp app) : IClassFixture<RapportApp>
{
    [Fact]
    public async Task A_double_submit_of_one_rendered_form_places_one_order()
    {
        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        var tom = await app.CustomerIdAsync(DemoData.Bloom, "Tom Lindqvist");
        var setup = await app.LocationAsync(bloom, DeliverySetup.SomeDayAhead(12), (9, 5, 0));
        var browser = await SignInAsync("service@bloom.example");
        var form = await OpenAsync(browser, tom, setup.Postcode, DeliverySetup.SomeDayAhead(12));

        var first = await PlaceAsync(browser, form);
        var again = await PlaceAsync(browser, form);

        first.ShouldContain("data-testid=\"placed\"");
        Number(again).ShouldBe(Number(first));
        (await app.WindowAsync(bloom, setup.Windows[0])).Booked.ShouldBe(1);
        var orders = await app.WithDbAsync(bloom, db => db.Orders.CountAsync(o => o.Number == Number(first), Ct));
        orders.ShouldBe(1);
    }

    [Fact]
    public async Task A_card_number_in_the_card_message_is_shown_beside_it_and_nothing_is_booked()
    {
        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        var tom = await app.CustomerIdAsync(DemoData.Bloom, "Tom Lindqvist");
        var setup = await app.LocationAsync(bloom, DeliverySetup.SomeDayAhead(13), (9, 5, 0));
        var browser = await SignInAsync("service@bloom.example");
        var form = await OpenAsync(browser, tom, setup.Postcode, DeliverySetup.SomeDayAhead(13));
        form["Form.CardMessage"] = "Pay with 4111 1111 1111 1111";

        var answer = await PlaceAsync(browser, form);

        answer.ShouldNotContain("data-testid=\"placed\"");
        CardMessageError().Match(answer).Groups[1].Value.ShouldContain("card number");
        (await app.WindowAsync(bloom, setup.Windows[0])).Booked.ShouldBe(0);
    }

    [Fact]
    public async Task Drivers_do_not_take_orders()
    {
        var browser = await SignInAsync("driver@bloom.example");

        var page = await browser.GetAsync("/app/orders/new", Ct);

        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Headers.Location!.AbsolutePath.ShouldBe("/denied");
    }

    /// <summary>A cookie-holding client signed in through the login form, as a browser is.</summary>
    private async Task<HttpClient> SignInAsync(string email)
    {
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var login = await browser.GetStringAsync("/login", Ct);
        var response = await browser.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email, ["password"] = "Demo!2026", ["__RequestVerificationToken"] = Field(login, "__RequestVerificationToken"),
        }), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return browser;
    }

    /// <summary>Opens the page for the customer and returns the form as it was rendered, with an address and day set.</summary>
    private static async Task<Dictionary<string, string>> OpenAsync(HttpClient browser, Guid customer, string postcode, DateOnly day)
    {
        var page = await browser.GetStringAsync($"/app/orders/new?customerId={customer}", Ct);
        var date = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var query = $"/app/orders/new?handler=Delivery&Form.CustomerId={customer}&Form.Line1=12+Elm+Street&Form.City=Springfield&Form.PostalCode={postcode}&Form.Date={date}";
        var delivery = await browser.GetStringAsync(query, Ct);
        return new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Field(page, "__RequestVerificationToken"),
            ["Form.CustomerId"] = customer.ToString(),
            ["Form.IdempotencyKey"] = Field(page, "Form.IdempotencyKey"),
            ["Form.Budget"] = "85",
            ["Form.Line1"] = "12 Elm Street",
            ["Form.City"] = "Springfield",
            ["Form.PostalCode"] = postcode,
            ["Form.Date"] = date,
            ["Form.Choice"] = WebUtility.HtmlDecode(ChosenWindow().Match(delivery).Groups[1].Value),
            ["Form.Channel"] = "Phone",
        };
    }

    private static async Task<string> PlaceAsync(HttpClient browser, Dictionary<string, string> form)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/app/orders/new?handler=Place") { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("HX-Request", "true");
        var response = await browser.SendAsync(request, Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        return html;
    }

    private static string Field(string html, string name)
    {
        var match = new Regex($"""name="{Regex.Escape(name)}"[^>]*?value="([^"]+)"|value="([^"]+)"[^>]*?name="{Regex.Escape(name)}" """.TrimEnd()).Match(html);
        match.Success.ShouldBeTrue($"the page has a {name} field");
        return WebUtility.HtmlDecode(match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value);
    }

    private static long Number(string placed) => long.Parse(OrderNumber().Match(placed).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex("""name="Form.Choice" id="choice-[^"]+" value="([^"]+)" checked""")]
    private static partial Regex ChosenWindow();

    [GeneratedRegex("""data-testid="order-number">(\d+)<""")]
    private static partial Regex OrderNumber();

    [GeneratedRegex("""data-testid="error-card-message">([^<]*)<""")]
    private static partial Regex CardMessageError();
}
