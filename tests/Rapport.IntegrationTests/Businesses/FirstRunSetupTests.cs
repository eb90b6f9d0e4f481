using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Rapport.IntegrationTests.Hosting;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Businesses;

/// <summary>On an empty database the first business is created once, on the set-up page.</summary>
[Collection(EmptyDatabase.Name)]
public sealed partial class FirstRunSetupTests(EmptyRapportApp app)
{
    [Fact]
    public async Task The_setup_page_creates_the_first_business_and_then_is_gone()
    {
        var browser = app.CreateApiClient();

        var home = await browser.GetAsync("/", Ct);
        home.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        home.Headers.Location!.OriginalString.ShouldBe("/setup");

        // Without the antiforgery token the form is refused.
        var forged = await browser.PostAsync("/setup", Form(null, "Corner Shop", "ines@corner.example", "Corner!2026"), Ct);
        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await BusinessCountAsync()).ShouldBe(0);

        // A weak password is shown on the page, and nothing is created.
        var weak = await browser.PostAsync("/setup", Form(await TokenAsync(browser), "Corner Shop", "ines@corner.example", "short"), Ct);
        weak.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await BusinessCountAsync()).ShouldBe(0);

        // So is a name too long to keep.
        var longName = await browser.PostAsync("/setup",
            Form(await TokenAsync(browser), "Corner Shop", "ines@corner.example", "Corner!2026", ownerName: new string('I', 121)), Ct);
        longName.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await longName.Content.ReadAsStringAsync(Ct)).ShouldContain("At most 120 characters.");
        (await BusinessCountAsync()).ShouldBe(0);

        var created = await browser.PostAsync("/setup", Form(await TokenAsync(browser), "Corner Shop", "ines@corner.example", "Corner!2026"), Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        created.Headers.Location!.OriginalString.ShouldBe("/login");

        var business = await app.WithDbAsync(db => db.Businesses.SingleAsync(Ct));
        business.Name.ShouldBe("Corner Shop");
        business.Slug.ShouldBe("corner-shop");
        var owner = await app.WithDbAsync(db => db.Staff.SingleAsync(Ct));
        owner.Email.ShouldBe("ines@corner.example");
        owner.Role.ShouldBe(Core.Businesses.StaffRole.Owner);
        owner.DisplayName.ShouldBe("Inès Duarte");
        owner.BusinessId.ShouldBe(business.Id);

        (await browser.GetAsync("/setup", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var second = await browser.PostAsync("/setup", Form(await FormTokenFromLoginAsync(browser), "Rival Shop", "eve@rival.example", "Rival!2026"), Ct);
        second.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await BusinessCountAsync()).ShouldBe(1);
        (await browser.GetAsync("/", Ct)).Headers.Location!.OriginalString.ShouldBe("/login");

        var api = await app.SignInAsync("ines@corner.example", "Corner!2026");
        var me = await api.GetJsonAsync("/api/auth/me");
        me.Str("role").ShouldBe("owner");
        me.Str("businessName").ShouldBe("Corner Shop");
        (await api.GetJsonAsync("/api/customers")).Items().ShouldBeEmpty();
    }

    private Task<int> BusinessCountAsync() => app.WithDbAsync(db => db.Businesses.CountAsync(Ct));

    private static async Task<string> TokenAsync(HttpClient browser)
    {
        var page = await browser.GetAsync("/setup", Ct);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        return ReadToken(await page.Content.ReadAsStringAsync(Ct));
    }

    // Once set-up is over, a valid token comes from another form, so that the 404 is about set-up, not antiforgery.
    private static async Task<string> FormTokenFromLoginAsync(HttpClient browser)
    {
        var page = await browser.GetAsync("/login", Ct);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        return ReadToken(await page.Content.ReadAsStringAsync(Ct));
    }

    private static string ReadToken(string html)
    {
        var match = TokenInput().Match(html);
        match.Success.ShouldBeTrue("the form carries an antiforgery token");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    private static FormUrlEncodedContent Form(string? token, string business, string email, string password, string ownerName = "Inès Duarte")
    {
        var fields = new Dictionary<string, string>
        {
            ["BusinessName"] = business, ["OwnerName"] = ownerName, ["OwnerEmail"] = email, ["OwnerPassword"] = password,
        };
        if (token is not null) fields["__RequestVerificationToken"] = token;
        return new FormUrlEncodedContent(fields);
    }

    [GeneratedRegex("""<input name="__RequestVerificationToken" type="hidden" value="([^"]+)" />""")]
    private static partial Regex TokenInput();
}
