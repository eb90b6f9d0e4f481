using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Customers;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Payments;

public sealed partial class CardLinkTests(RapportApp app) : IClassFixture<RapportApp>
{
    [Fact]
    public async Task A_link_puts_the_card_on_file_for_that_customer_once_and_keeps_only_the_tokens_hash()
    {
        var staff = await app.ClientAsync("service@bloom.example");
        var customer = await NewCustomerAsync(staff);

        var made = await (await staff.PostAsJsonAsync($"/api/customers/{customer}/card-links", new { send = "none" }, Ct)).ShouldBeJsonAsync(HttpStatusCode.Created);
        var url = made.Str("url");
        url.ShouldContain("/cards/");
        var token = url[(url.LastIndexOf('/') + 1)..];
        var expires = made.GetProperty("expiresAt").GetDateTime();
        (expires - DateTime.UtcNow).TotalHours.ShouldBeInRange(23.9, 24.1);
        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        var stored = await app.WithDbAsync(bloom, db => db.CardLinks.AsNoTracking().SingleAsync(l => l.CustomerId == customer, Ct));
        stored.TokenHash.ShouldBe(CardLinks.Hash(token));
        stored.TokenHash.ShouldNotContain(token);

        var browser = app.CreateApiClient();
        var back = await EnterCardAsync(browser, token);
        var done = await browser.GetAsync(back, Ct);
        done.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await done.Content.ReadAsStringAsync(Ct)).ShouldContain("ending 4242");

        var cards = (await staff.GetJsonAsync($"/api/customers/{customer}")).GetProperty("paymentMethods").EnumerateArray().ToList();
        cards.Select(c => c.Str("last4")).ShouldBe(["4242"]);
        (await app.WithDbAsync(bloom, db => db.AuditEntries.CountAsync(a => a.Entity == nameof(PaymentMethod) && a.Action == "added"
            && a.ActorName!.Contains("(card link)") && a.EntityId == cards[0].Id(), Ct))).ShouldBe(1);

        // Once only: the same answer again, or the link opened again, keeps nothing more.
        (await browser.GetAsync(back, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await browser.GetAsync($"/cards/{token}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.WithDbAsync(bloom, db => db.PaymentMethods.CountAsync(p => p.CustomerId == customer, Ct))).ShouldBe(1);
    }

    [Fact]
    public async Task The_providers_answer_for_another_link_is_refused()
    {
        var staff = await app.ClientAsync("service@bloom.example");
        var first = await NewCustomerAsync(staff);
        var second = await NewCustomerAsync(staff);
        var firstToken = await MakeAsync(staff, first);
        var secondToken = await MakeAsync(staff, second);
        var browser = app.CreateApiClient();

        // The answer the provider gave for the first link, brought to the second.
        var back = await EnterCardAsync(browser, firstToken);
        var result = back[back.IndexOf("result=", StringComparison.Ordinal)..];
        var refused = await browser.GetAsync($"/cards/{secondToken}/done?{result}", Ct);

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        (await app.WithDbAsync(bloom, db => db.PaymentMethods.CountAsync(p => p.CustomerId == first || p.CustomerId == second, Ct))).ShouldBe(0);
        // The first link still works with its own answer.
        (await browser.GetAsync(back, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.WithDbAsync(bloom, db => db.PaymentMethods.CountAsync(p => p.CustomerId == first, Ct))).ShouldBe(1);
    }

    [Fact]
    public async Task A_link_expires_after_24_hours()
    {
        var staff = await app.ClientAsync("service@bloom.example");
        var customer = await NewCustomerAsync(staff);
        var token = await MakeAsync(staff, customer);
        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        var created = await app.WithDbAsync(bloom, db => db.CardLinks.Where(l => l.CustomerId == customer).Select(l => l.CreatedAt).SingleAsync(Ct));

        (await app.WithDbAsync(db => CardLinks.FindOpenAsync(db, token, new FixedClock(created.AddHours(23.9)), Ct))).ShouldNotBeNull();
        (await app.WithDbAsync(db => CardLinks.FindOpenAsync(db, token, new FixedClock(created.AddHours(24)), Ct))).ShouldBeNull();

        // Moved past its expiry, the page refuses it.
        await app.WithDbAsync(bloom, db => db.CardLinks.Where(l => l.CustomerId == customer)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, DateTime.UtcNow.AddMinutes(-1)), Ct));
        (await app.CreateApiClient().GetAsync($"/cards/{token}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task By_email_the_link_goes_through_the_outbox_and_without_an_address_it_is_422()
    {
        var staff = await app.ClientAsync("manager@bloom.example");
        var email = TestNames.Email("cardlink");
        var withEmail = (await (await staff.PostAsJsonAsync("/api/customers", new { kind = "person", name = TestNames.Unique("Card Holder"), emails = new[] { new { value = email, label = "home" } } }, Ct))
            .ShouldBeJsonAsync(HttpStatusCode.Created)).Id();
        var without = await NewCustomerAsync(staff);

        var made = await (await staff.PostAsJsonAsync($"/api/customers/{withEmail}/card-links", new { send = "email" }, Ct)).ShouldBeJsonAsync(HttpStatusCode.Created);
        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        var mail = await app.WithDbAsync(bloom, db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.CustomerId == withEmail, Ct));
        mail.To.ShouldBe(email);
        mail.TextBody.ShouldContain(made.Str("url"));

        await (await staff.PostAsJsonAsync($"/api/customers/{without}/card-links", new { send = "email" }, Ct)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "send");
        await (await staff.PostAsJsonAsync($"/api/customers/{without}/card-links", new { send = "fax" }, Ct)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "send");
        (await app.WithDbAsync(bloom, db => db.CardLinks.CountAsync(l => l.CustomerId == without, Ct))).ShouldBe(0);
    }

    [Fact]
    public async Task Delivery_staff_cannot_make_one_and_another_business_customer_is_404()
    {
        var owner = await app.ClientAsync("owner@bloom.example");
        var customer = await NewCustomerAsync(owner);
        var sales = await app.ClientAsync("sales@bloom.example");
        (await sales.PostAsJsonAsync($"/api/customers/{customer}/card-links", new { send = "none" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var driver = await app.ClientAsync("driver@bloom.example");
        var refused = await driver.PostAsJsonAsync($"/api/customers/{customer}/card-links", new { send = "none" }, Ct);
        refused.IsSuccessStatusCode.ShouldBeFalse();
        refused.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);

        var other = await app.ClientAsync("owner@harbor.example");
        await (await other.PostAsJsonAsync($"/api/customers/{customer}/card-links", new { send = "none" }, Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task From_the_customer_page_staff_make_a_link_to_copy_and_a_driver_sees_no_such_control()
    {
        var api = await app.ClientAsync("service@bloom.example");
        var customer = await NewCustomerAsync(api);
        var page = $"/app/customers/{customer}";
        var staff = await StaffPages.SignInAsync(app, "service@bloom.example");
        (await staff.HtmlAsync(page)).ShouldContain("data-testid=\"card-link-copy\"");

        var made = await staff.PostHtmxAsync(page, $"/app/customers/{customer}/card-link", ("send", "none"));

        made.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await StaffPages.TextAsync(made);
        var url = Regex.Match(html, "data-select-on-focus data-testid=\"card-link-url\"").Success ? Regex.Match(html, "value=\"([^\"]+/cards/[^\"]+)\"").Groups[1].Value : "";
        url.ShouldContain("/cards/");
        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        (await app.WithDbAsync(bloom, db => db.CardLinks.CountAsync(l => l.CustomerId == customer, Ct))).ShouldBe(1);
        (await app.CreateApiClient().GetAsync(new Uri(url).PathAndQuery, Ct)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task On_the_phone_order_a_link_made_is_watched_until_the_card_it_brings_is_offered()
    {
        var api = await app.ClientAsync("service@bloom.example");
        var customer = await NewCustomerAsync(api);
        var order = $"/app/orders/new?customerId={customer}";
        var staff = await StaffPages.SignInAsync(app, "service@bloom.example");
        var form = await staff.HtmlAsync(order);
        form.ShouldContain("No card on file? Send a card link");
        form.ShouldContain("data-testid=\"card-link-copy\"");
        form.ShouldContain("data-waiting=\"false\"");
        var since = Regex.Match(form, "handler=CardWait&customerId=[0-9a-f-]+&since=([0-9]+)").Groups[1].Value;
        since.ShouldNotBeEmpty();
        var watch = $"/app/orders/new?handler=CardWait&customerId={customer}&since={since}";

        // Made from the order page: the answer says so, and the watch then looks every few seconds.
        var made = await staff.PostHtmxAsync(order, $"/app/customers/{customer}/card-link", ("send", "none"));
        made.StatusCode.ShouldBe(HttpStatusCode.OK);
        made.Headers.GetValues("HX-Trigger").ShouldBe(["card-link-made"]);
        var url = Regex.Match(await StaffPages.TextAsync(made), "value=\"([^\"]+/cards/[^\"]+)\"").Groups[1].Value;
        var waiting = await staff.HtmlAsync(watch);
        waiting.ShouldContain("data-waiting=\"true\"");
        waiting.ShouldContain("every 3s");
        waiting.ShouldNotContain("data-card-option");
        waiting.ShouldNotContain("<input");

        var browser = app.CreateApiClient();
        (await browser.GetAsync(await EnterCardAsync(browser, url[(url.LastIndexOf('/') + 1)..]), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The card is there: the watch stops, names it as new, and the order form drawn again chooses it.
        var done = await staff.HtmlAsync(watch);
        done.ShouldContain("data-waiting=\"false\"");
        done.ShouldNotContain("every 3s");
        done.ShouldContain("added Visa ···· 4242 through the link");
        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        var card = await app.WithDbAsync(bloom, db => db.PaymentMethods.AsNoTracking().SingleAsync(p => p.CustomerId == customer, Ct));
        done.ShouldContain($"data-id=\"{card.Id}\"");
        done.ShouldContain("data-new=\"true\"");
        var again = await staff.HtmlAsync(order);
        Regex.IsMatch(again, $"<option value=\"{card.Id}\" selected=\"selected\">Visa ···· 4242").ShouldBeTrue();
        again.ShouldContain("Another card? Send a card link");
    }

    [Fact]
    public async Task The_order_forms_watch_stops_when_the_link_expires_unused()
    {
        var api = await app.ClientAsync("service@bloom.example");
        var customer = await NewCustomerAsync(api);
        var since = DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds();
        await MakeAsync(api, customer);
        var watch = $"/app/orders/new?handler=CardWait&customerId={customer}&since={since}";
        var staff = await StaffPages.SignInAsync(app, "service@bloom.example");
        (await staff.HtmlAsync(watch)).ShouldContain("every 3s");

        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        await app.WithDbAsync(bloom, db => db.CardLinks.Where(l => l.CustomerId == customer)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, DateTime.UtcNow.AddMinutes(-1)), Ct));

        var expired = await staff.HtmlAsync(watch);
        expired.ShouldContain("data-waiting=\"false\"");
        expired.ShouldNotContain("every 3s");
        expired.ShouldContain("The card link expired before");
    }

    [Fact]
    public async Task The_order_forms_watch_refuses_drivers_and_another_business_customer_and_changes_nothing()
    {
        var api = await app.ClientAsync("service@bloom.example");
        var customer = await NewCustomerAsync(api);
        await MakeAsync(api, customer);
        var watch = $"/app/orders/new?handler=CardWait&customerId={customer}&since=0";
        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        async Task<(int Links, int Cards, int Audit)> CountAsync() => await app.WithDbAsync(bloom, async db => (
            await db.CardLinks.CountAsync(l => l.CustomerId == customer, Ct),
            await db.PaymentMethods.CountAsync(p => p.CustomerId == customer, Ct),
            await db.AuditEntries.CountAsync(a => a.Entity == nameof(CardLink), Ct)));
        var before = await CountAsync();

        var service = await StaffPages.SignInAsync(app, "service@bloom.example");
        (await service.HtmlAsync(watch)).ShouldContain("data-waiting=\"true\"");

        var driver = await StaffPages.SignInAsync(app, "driver@bloom.example");
        var refused = await driver.GetAsync(watch);
        refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        refused.Headers.Location!.AbsolutePath.ShouldBe("/denied");
        var post = await driver.PostHtmxAsync("/app", $"/app/customers/{customer}/card-link", ("send", "none"));
        post.IsSuccessStatusCode.ShouldBeFalse();

        var harbor = await StaffPages.SignInAsync(app, "owner@harbor.example");
        (await harbor.GetAsync(watch)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await harbor.GetAsync($"/app/orders/new?customerId={customer}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await harbor.PostHtmxAsync("/app/orders/new", $"/app/customers/{customer}/card-link", ("send", "none"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await CountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task The_api_document_lists_it() =>
        (await (await app.CreateApiClient().GetAsync("/openapi/v1.json", Ct)).Content.ReadAsStringAsync(Ct)).ShouldContain("/api/customers/{id}/card-links");

    private static async Task<Guid> NewCustomerAsync(HttpClient staff) =>
        (await (await staff.PostAsJsonAsync("/api/customers", new { kind = "person", name = TestNames.Unique("Card Holder") }, Ct)).ShouldBeJsonAsync(HttpStatusCode.Created)).Id();

    private static async Task<string> MakeAsync(HttpClient staff, Guid customer)
    {
        var url = (await (await staff.PostAsJsonAsync($"/api/customers/{customer}/card-links", new { send = "none" }, Ct)).ShouldBeJsonAsync(HttpStatusCode.Created)).Str("url");
        return url[(url.LastIndexOf('/') + 1)..];
    }

    /// <summary>Opens the link, follows it to the test provider, enters the test card; returns where the provider sends the customer back.</summary>
    private static async Task<string> EnterCardAsync(HttpClient browser, string token)
    {
        var open = await browser.GetAsync($"/cards/{token}", Ct);
        open.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var form = await browser.GetAsync(open.Headers.Location!.OriginalString, Ct);
        form.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await form.Content.ReadAsStringAsync(Ct);
        string Input(string name) => WebUtility.HtmlDecode(Regex.Match(html, $"name=\"{Regex.Escape(name)}\"[^>]*value=\"([^\"]*)\"").Groups[1].Value);
        var posted = await browser.PostAsync("/test-pay/cards", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Input("__RequestVerificationToken"), ["return"] = Input("return"), ["reference"] = Input("reference"),
            ["number"] = "4242 4242 4242 4242", ["expMonth"] = "12", ["expYear"] = (DateTime.UtcNow.Year + 2).ToString(CultureInfo.InvariantCulture),
            ["cvc"] = "123", ["name"] = "Card Holder",
        }), Ct);
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return posted.Headers.Location!.OriginalString;
    }
}
