using Microsoft.Playwright;

namespace Rapport.BrowserTests.Pages.Shop;

/// <summary>/shop/{business}/recipients: the people the customer sends to, and the form to add one.</summary>
public sealed class ShopAddressBookPage(IPage page)
{
    public ILocator Recipients => page.Locator("[data-testid=recipients] [data-testid=recipient]");
    public ILocator Recipient(string name) => Recipients.Filter(new() { HasText = name });

    public async Task GotoAsync(string shop) => await page.GotoAsync($"/shop/{shop}/recipients");

    public async Task AddAsync(string name, string relationship, string street, string city, string state, string zip, string phone)
    {
        var form = page.Locator("[data-testid=add-recipient]");
        await form.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await form.GetByLabel("Relationship").FillAsync(relationship);
        await form.GetByLabel("Street address").FillAsync(street);
        await form.GetByLabel("City").FillAsync(city);
        await form.GetByLabel("State").FillAsync(state);
        await form.GetByLabel("ZIP").FillAsync(zip);
        await form.GetByLabel("Phone").FillAsync(phone);
        await form.GetByRole(AriaRole.Button, new() { Name = "Add to address book" }).ClickAsync();
    }
}
