using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Shop;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Shop;

/// <summary>A page as a browser gets it: status, where it redirects, its HTML.</summary>
internal sealed partial record ShopPage(HttpResponseMessage Response, string Html)
{
    public HttpStatusCode Status => Response.StatusCode;
    public string? Location => Response.Headers.Location?.OriginalString;
    /// <summary>The text with HTML entities decoded, to look for words in.</summary>
    public string Text => WebUtility.HtmlDecode(Html);

    public string Token => Input("__RequestVerificationToken").FirstOrDefault()
        ?? throw new ShouldAssertException($"No antiforgery token on {Response.RequestMessage?.RequestUri}.");

    /// <summary>The values of the inputs with this name, in page order.</summary>
    public IReadOnlyList<string> Input(string name) =>
        InputPattern().Matches(Html).Where(m => m.Groups["name"].Value == name).Select(m => WebUtility.HtmlDecode(m.Groups["value"].Value)).ToList();

    /// <summary>The href of the first link with this data-testid.</summary>
    public string Link(string testId) =>
        LinkPattern().Matches(Html).FirstOrDefault(m => m.Groups["id"].Value == testId) is { } m
            ? WebUtility.HtmlDecode(m.Groups["href"].Value)
            : throw new ShouldAssertException($"No link {testId} on {Response.RequestMessage?.RequestUri}.");

    public ShopPage ShouldBe(HttpStatusCode status)
    {
        Status.ShouldBe(status, $"{Response.RequestMessage?.Method} {Response.RequestMessage?.RequestUri} answered {(int)Status} {Location}: {Text[..Math.Min(Text.Length, 3000)]}");
        return this;
    }

    public ShopPage ShouldRedirectTo(string location)
    {
        ShouldBe(HttpStatusCode.Redirect);
        Location.ShouldBe(location);
        return this;
    }

    [GeneratedRegex("""<(?:input|button)\b[^>]*?\bname="(?<name>[^"]+)"[^>]*?\bvalue="(?<value>[^"]*)"[^>]*>""")]
    private static partial Regex InputPattern();

    [GeneratedRegex("""<a\b[^>]*?\bhref="(?<href>[^"]+)"[^>]*?\bdata-testid="(?<id>[^"]+)"[^>]*>""")]
    private static partial Regex LinkPattern();
}

/// <summary>
/// A customer's browser on a shop, through HTTP: it keeps its cookies, does not follow redirects, and posts
/// forms with the antiforgery token of the page that holds them.
/// </summary>
internal sealed class ShopBrowser(RapportApp app, string slug = DemoData.Bloom)
{
    public const string Password = "Secret!2026";

    public HttpClient Client { get; } = app.CreateApiClient();
    public string Slug => slug;
    public string Email { get; private set; } = "";

    public string Path(string rest = "") => $"/shop/{slug}{rest}";

    public async Task<ShopPage> GetAsync(string url)
    {
        var response = await Client.GetAsync(url, Ct);
        return new ShopPage(response, await response.Content.ReadAsStringAsync(Ct));
    }

    public async Task<ShopPage> PostAsync(string url, string? token, params IEnumerable<(string Name, string? Value)> fields)
    {
        var form = fields.Where(f => f.Value is not null).Select(f => new KeyValuePair<string, string>(f.Name, f.Value!)).ToList();
        if (token is not null) form.Add(new("__RequestVerificationToken", token));
        var response = await Client.PostAsync(url, new FormUrlEncodedContent(form), Ct);
        return new ShopPage(response, await response.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>Opens the page holding a form, then posts the fields to it (or to <paramref name="action"/>).</summary>
    public async Task<ShopPage> SubmitAsync(string formPage, IEnumerable<(string Name, string? Value)> fields, string? action = null)
    {
        var page = (await GetAsync(formPage)).ShouldBe(HttpStatusCode.OK);
        return await PostAsync(action ?? formPage, page.Token, fields);
    }

    public Task<ShopPage> SignUpAsync(string name, string email, string password = Password)
    {
        Email = email;
        return SubmitAsync(Path("/signup"), [("Name", name), ("Email", email), ("Password", password)]);
    }

    public Task<ShopPage> SignInAsync(string email, string password, string? returnUrl = null)
    {
        Email = email;
        return SubmitAsync(Path("/signin"), [("Email", email), ("Password", password), ("ReturnUrl", returnUrl)]);
    }

    public async Task<ShopPage> SignOutAsync()
    {
        var page = (await GetAsync(Path("/orders"))).ShouldBe(HttpStatusCode.OK);
        return await PostAsync(Path("/signout"), page.Token);
    }

    /// <summary>Adds someone to the address book through the form; returns their id.</summary>
    public async Task<Guid> AddRecipientAsync(string name, string postcode, string relationship = "wife")
    {
        (await SubmitAsync(Path("/recipients"),
        [
            ("Form.Name", name), ("Form.Relationship", relationship), ("Form.Phone", "(913) 555-0199"),
            ("Form.Line1", "12 Elm Street"), ("Form.City", "Springfield"), ("Form.Region", "KS"), ("Form.PostalCode", postcode),
        ])).ShouldRedirectTo(Path("/recipients"));
        var account = await AccountAsync();
        return await app.WithDbAsync(account.BusinessId, db => db.Recipients
            .Where(r => r.CustomerId == account.CustomerId && r.Name == name).Select(r => r.Id).SingleAsync(Ct));
    }

    /// <summary>
    /// Goes from the cards page to the test provider, enters the card and posts it; returns the provider's answer
    /// (the redirect back to the shop with the sealed result), not yet followed.
    /// </summary>
    public async Task<ShopPage> EnterCardAsync(string number = "4242 4242 4242 4242", string? month = "12", string? year = null, string cvc = "123")
    {
        var cards = (await GetAsync(Path("/cards"))).ShouldBe(HttpStatusCode.OK);
        var provider = (await GetAsync(cards.Link("add-card"))).ShouldBe(HttpStatusCode.OK);
        return await PostAsync("/test-pay/cards", provider.Token,
            ("return", provider.Input("return").Single()), ("reference", provider.Input("reference").Single()),
            ("number", number), ("expMonth", month), ("expYear", year ?? (DateTime.UtcNow.Year + 2).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("cvc", cvc), ("name", "Sam Shopper"));
    }

    /// <summary>Adds the test card through the provider and comes back; returns the card's id.</summary>
    public async Task<Guid> AddCardAsync()
    {
        var back = (await EnterCardAsync()).ShouldBe(HttpStatusCode.Redirect);
        (await GetAsync(back.Location!)).ShouldRedirectTo(Path("/cards"));
        var account = await AccountAsync();
        return await app.WithDbAsync(account.BusinessId, db => db.PaymentMethods
            .Where(p => p.CustomerId == account.CustomerId).OrderByDescending(p => p.CreatedAt).Select(p => p.Id).FirstAsync(Ct));
    }

    public async Task<ShopAccount> AccountAsync()
    {
        var business = await app.BusinessIdAsync(slug);
        var email = Email;
        return await app.WithDbAsync(business, db => db.ShopAccounts.AsNoTracking().SingleAsync(a => a.Email == email, Ct));
    }
}

internal static class ShopBrowsers
{
    /// <summary>A new customer signed up (and so signed in) to the shop.</summary>
    public static async Task<ShopBrowser> ShopperAsync(this RapportApp app, string slug = DemoData.Bloom, string name = "Sam Shopper")
    {
        var browser = new ShopBrowser(app, slug);
        (await browser.SignUpAsync(name, TestNames.Email("shopper", "example.com"))).ShouldRedirectTo(browser.Path());
        return browser;
    }
}
