using Microsoft.Playwright;
using Rapport.Testing;
using static Microsoft.Playwright.Assertions;

namespace Rapport.BrowserTests.Auth;

public sealed class SignInTests(BrowserRapportApp app, BrowserFixture browser)
    : BrowserTest(app, browser), IClassFixture<BrowserRapportApp>
{
    [Fact]
    public async Task Service_signs_in_and_lands_on_the_home_page()
    {
        await SignInAsync("service@bloom.example");

        await Expect(Page.Locator("[data-testid=signed-in-as]")).ToContainTextAsync("service", new() { IgnoreCase = true });
        await Expect(Page.Locator("main h1")).ToHaveTextAsync("Bloom & Stem");
    }

    [Fact]
    public async Task A_wrong_password_is_refused_and_the_app_stays_closed()
    {
        await Login.GotoAsync();
        await Login.SignInAsync("service@bloom.example", "Wrong!2026");

        await Expect(Login.Error).ToHaveTextAsync("Wrong e-mail or password.");
        new Uri(Page.Url).AbsolutePath.ShouldBe("/login");
        await Expect(Login.Email).ToHaveValueAsync("service@bloom.example");
        await Expect(Login.Password).ToHaveValueAsync("");
        (await Context.CookiesAsync()).ShouldNotContain(c => c.Name.Contains("Identity.Application"));

        await Page.GotoAsync("/app");
        await Page.WaitForURLAsync(u => new Uri(u).AbsolutePath == "/login");
        await Expect(Login.SubmitButton).ToBeVisibleAsync();
    }
}
