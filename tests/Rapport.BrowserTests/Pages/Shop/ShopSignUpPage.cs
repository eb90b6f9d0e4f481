using Microsoft.Playwright;

namespace Rapport.BrowserTests.Pages.Shop;

/// <summary>/shop/{business}/signup: name, e-mail, password, "Create account".</summary>
public sealed class ShopSignUpPage(IPage page)
{
    public ILocator SignedInAs => page.Locator("[data-testid=shop-customer]");

    public async Task GotoAsync(string shop) => await page.GotoAsync($"/shop/{shop}/signup");

    public async Task SignUpAsync(string name, string email, string password)
    {
        await page.GetByLabel("Your name").FillAsync(name);
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
    }
}
