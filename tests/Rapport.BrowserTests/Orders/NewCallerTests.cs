using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Rapport.BrowserTests.Pages;
using Rapport.Testing;
using static Microsoft.Playwright.Assertions;

namespace Rapport.BrowserTests.Orders;

/// <summary>A caller Rapport has never heard of: the number typed into the order search, Enter, their name, and back to the order.</summary>
public sealed partial class NewCallerTests(BrowserRapportApp app, BrowserFixture browser)
    : BrowserTest(app, browser), IClassFixture<BrowserRapportApp>
{
    private const string Service = "service@bloom.example";

    [GeneratedRegex(@"/app/customers/new\?")]
    private static partial Regex NewCustomerUrl { get; }

    [GeneratedRegex(@"/app/orders/new\?customerId=[0-9a-f-]+$")]
    private static partial Regex OrderForCustomerUrl { get; }

    [Fact]
    public async Task A_new_caller_created_from_the_order_page_and_ordered_for()
    {
        var ct = TestContext.Current.CancellationToken;
        var bloom = await App.BloomAsync();
        var today = await App.TodayAsync(bloom);
        await App.LocationAsync(bloom, "New caller shop", DeliverySetup.MariaPostcode,
            (today, 9, 10, 0, 0), (today, 15, 10, 0, 0), (today.AddDays(1), 9, 10, 0, 0));
        var name = TestNames.Unique("Nadia");

        await SignInAsync(Service);
        var order = new NewOrderPage(Page);
        await order.GotoAsync();
        await order.TypeCallerAsync("(202) 555-0163");
        await Expect(order.NoCallers).ToBeVisibleAsync();
        await Expect(order.NewCaller).ToContainTextAsync("Add “(202) 555-0163” as a new customer");

        // Enter opens the one thing offered: a new customer, with the number as typed.
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page).ToHaveURLAsync(NewCustomerUrl);
        await Expect(Page.Locator("#Form_Phone")).ToHaveValueAsync("(202) 555-0163");
        await Expect(Page.Locator("[data-testid=for-order]")).ToBeVisibleAsync();
        await Expect(Page.Locator("#Form_Name")).ToBeFocusedAsync();
        await Page.Keyboard.TypeAsync(name, new() { Delay = 30 });
        await Page.Locator("#Form_Line1").FillAsync("4105 W 71st St");
        await Page.Locator("input[name='Form.City']").FillAsync("Prairie Village");
        await Page.Locator("input[name='Form.PostalCode']").FillAsync(DeliverySetup.MariaPostcode);
        await Page.Locator("[data-testid=add-customer]").ClickAsync();

        // Back at the order, with them chosen and the budget to say.
        await Expect(Page).ToHaveURLAsync(OrderForCustomerUrl);
        await Expect(order.CustomerName).ToHaveTextAsync(name);
        await Expect(order.Destination).ToContainTextAsync("4105 W 71st St");
        await Expect(order.Budget).ToBeFocusedAsync();
        await Page.Keyboard.TypeAsync("65", new() { Delay = 50 });
        await Page.Keyboard.PressAsync("Enter");

        await Expect(order.Placed).ToBeVisibleAsync();
        var number = long.Parse((await order.OrderNumber.TextContentAsync())!, System.Globalization.CultureInfo.InvariantCulture);
        var (placed, customer) = await App.WithDbAsync(bloom, async db =>
        {
            var o = await db.Orders.AsNoTracking().SingleAsync(x => x.Number == number, ct);
            var c = await db.Customers.AsNoTracking().Include(x => x.ContactPoints).SingleAsync(x => x.Id == o.CustomerId, ct);
            return (o, c);
        });
        customer.Name.ShouldBe(name);
        customer.PrimaryPhone!.Normalized.ShouldBe("+12025550163");
        placed.Budget.ShouldBe(65m);
        placed.Channel.ShouldBe(Core.Orders.OrderChannel.Phone);
    }

    [Fact]
    public async Task A_name_typed_into_the_search_goes_along_to_New_customer_on_a_phone()
    {
        await Page.SetViewportSizeAsync(375, 812);
        await SignInAsync(Service);
        var order = new NewOrderPage(Page);
        await order.GotoAsync();
        await order.TypeCallerAsync("Quentin Abernathy");
        await Expect(order.NoCallers).ToBeVisibleAsync();

        await order.NewCustomerLink.ClickAsync();
        await Expect(Page).ToHaveURLAsync(NewCustomerUrl);
        await Expect(Page.Locator("#Form_Name")).ToHaveValueAsync("Quentin Abernathy");
        await Expect(Page.Locator("#Form_Phone")).ToHaveValueAsync("");
        await Page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Cancel" }).ClickAsync();
        await Expect(order.CallerBox).ToBeFocusedAsync();
    }
}
