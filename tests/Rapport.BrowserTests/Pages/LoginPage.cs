using Microsoft.Playwright;

namespace Rapport.BrowserTests.Pages;

/// <summary>/login: e-mail, password, "Sign in".</summary>
public sealed class LoginPage(IPage page)
{
    public ILocator Email => page.Locator("#email");
    public ILocator Password => page.Locator("#password");
    public ILocator SubmitButton => page.GetByRole(AriaRole.Button, new() { Name = "Sign in" });
    public ILocator Error => page.Locator("[data-testid=login-error]");

    public async Task GotoAsync() => await page.GotoAsync("/login");

    /// <summary>Fills the form and submits it; the caller checks where that led.</summary>
    public async Task SignInAsync(string email, string password)
    {
        await Email.FillAsync(email);
        await Password.FillAsync(password);
        await SubmitButton.ClickAsync();
    }
}
