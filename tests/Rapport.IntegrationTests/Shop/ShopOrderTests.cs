using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Orders;
using Rapport.IntegrationTests.Orders;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Shop;

/// <summary>The catalogue, and ordering in the shop under the same rules as every channel.</summary>
public sealed partial class ShopOrderTests(RapportApp app) : IClassFixture<RapportApp>
{
    private const string ShopCatalogueOther = Core.Shop.ShopCatalogue.Other;

    [Fact]
    public async Task The_catalogue_lists_active_products_by_category_with_price_or_starting_budget_without_any_script()
    {
        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        var (bouquet, roses) = await app.ProductsAsync(bloom);
        var retired = TestNames.Unique("Retired vase");
        await app.WithDbAsync(bloom, async db =>
        {
            db.Products.Add(new Core.Catalog.Product { Name = retired, Category = "Vases", Price = 20m, Active = false });
            return await db.SaveChangesAsync(Ct);
        });

        var page = (await new ShopBrowser(app).GetAsync("/shop/bloom")).ShouldBe(HttpStatusCode.OK);

        page.Html.ShouldNotContain("<script");
        var text = page.Text;
        text.ShouldContain(bouquet.Name);
        text.ShouldContain("from $45.00");
        text.ShouldContain("Seasonal flowers, arranged by our florists.");
        text.ShouldContain(roses.Name);
        text.ShouldContain("$60.00");
        page.Html.ShouldContain("src=\"/img/roses.jpg\"");
        text.ShouldNotContain(retired);
        var headings = CategoryPattern().Matches(page.Html).Select(m => m.Groups[1].Value).ToList();
        headings.ShouldContain("Bouquets");
        headings.ShouldContain("Roses");
        // Bouquets first, add-ons last, the others by name between.
        headings[0].ShouldBe("Bouquets");
        headings[^1].ShouldBe("Add-ons");
        headings[1..^1].Where(h => h != ShopCatalogueOther).ShouldBe(headings[1..^1].Where(h => h != ShopCatalogueOther).Order(StringComparer.OrdinalIgnoreCase).ToList());
        page.Html.ShouldContain($"href=\"/shop/bloom/order?item={roses.Id}\"");
        // Ordering asks a visitor to sign in first, and brings them back.
        (await new ShopBrowser(app).GetAsync($"/shop/bloom/order?item={roses.Id}"))
            .ShouldRedirectTo($"/shop/bloom/signin?returnUrl={Uri.EscapeDataString($"/shop/bloom/order?item={roses.Id}")}");
    }

    [Fact]
    public async Task An_order_placed_in_the_shop_lands_with_channel_web_on_the_customers_timeline()
    {
        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        var (bouquet, _) = await app.ProductsAsync(bloom);
        var date = DeliverySetup.SomeDayAhead();
        var setup = await app.DeliveringAsync(bloom, new ShopSetup.Window(date, 12, 5));
        var shopper = await app.ShopperAsync(name: "Walt Webber");
        var maria = await shopper.AddRecipientAsync("Maria Webber", setup.Postcode);
        var card = await shopper.AddCardAsync();

        var form = (await shopper.GetAsync($"/shop/bloom/order?item={bouquet.Id}&To={maria}&Date={date:yyyy-MM-dd}")).ShouldBe(HttpStatusCode.OK);
        var choice = form.Input("Choice").First(c => c.Contains(setup.Windows[0].ToString(), StringComparison.Ordinal));
        form.Text.ShouldContain("12:00–15:00 by Shop test");
        var placed = await shopper.PostAsync("/shop/bloom/order", form.Token,
            ("Item", bouquet.Id.ToString()), ("Budget", "85"), ("To", maria.ToString()), ("Date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("Occasion", "Birthday"), ("Choice", choice), ("CardMessage", "Happy birthday, love Walt"), ("Card", card.ToString()), ("Key", form.Input("Key").Single()));

        placed.ShouldBe(HttpStatusCode.Redirect).Location!.ShouldStartWith("/shop/bloom/orders/");
        var details = (await shopper.GetAsync(placed.Location!)).ShouldBe(HttpStatusCode.OK);
        details.Text.ShouldContain("Thank you: your order is placed.");
        details.Text.ShouldContain("12:00–15:00 by Shop test");
        details.Text.ShouldContain("Maria Webber");
        details.Text.ShouldContain("$97.50");

        var account = await shopper.AccountAsync();
        var order = await app.WithDbAsync(bloom, db => db.Orders.AsNoTracking().SingleAsync(o => o.CustomerId == account.CustomerId, Ct));
        (order.Channel, order.PlacedByAccountId, order.RecipientId, order.PaymentMethodId, order.WindowId)
            .ShouldBe((OrderChannel.Web, (Guid?)account.Id, (Guid?)maria, (Guid?)card, (Guid?)setup.Windows[0]));
        (order.Budget, order.Total, order.CardMessage, order.Occasion).ShouldBe(((decimal?)85m, 97.50m, "Happy birthday, love Walt", "Birthday"));
        (await app.WindowAsync(bloom, setup.Windows[0])).Booked.ShouldBe(1);

        var staff = await app.ClientAsync("service@bloom.example");
        var entry = (await staff.GetJsonAsync($"/api/customers/{account.CustomerId}/timeline")).Items().First();
        entry.Str("channel").ShouldBe("web");
        entry.Str("summary").ShouldContain($"Order {order.Number} placed");
        entry.Str("summary").ShouldContain("for Maria Webber");

        var list = (await shopper.GetAsync("/shop/bloom/orders")).ShouldBe(HttpStatusCode.OK);
        list.Text.ShouldContain($"Order {order.Number}");
        list.Text.ShouldContain("Placed");
        list.Text.ShouldContain(order.Promise);
    }

    [Fact]
    public async Task The_same_order_form_sent_twice_places_one_order()
    {
        var (shopper, form, fields, _) = await ReadyToOrderAsync(DeliverySetup.SomeDayAhead(), 5);

        var first = (await shopper.PostAsync("/shop/bloom/order", form.Token, fields)).ShouldBe(HttpStatusCode.Redirect);
        var again = (await shopper.PostAsync("/shop/bloom/order", form.Token, fields)).ShouldBe(HttpStatusCode.Redirect);

        again.Location.ShouldBe(first.Location);
        var account = await shopper.AccountAsync();
        (await app.WithDbAsync(account.BusinessId, db => db.Orders.CountAsync(o => o.CustomerId == account.CustomerId, Ct))).ShouldBe(1);
    }

    [Fact]
    public async Task Showing_the_delivery_times_places_nothing_and_the_form_still_places_the_order()
    {
        var (shopper, form, fields, _) = await ReadyToOrderAsync(DeliverySetup.SomeDayAhead(), 5);

        var times = (await shopper.PostAsync("/shop/bloom/order?handler=Times", form.Token, fields)).ShouldBe(HttpStatusCode.OK);

        times.Html.ShouldContain("<form method=\"post\" action=\"/shop/bloom/order\"");
        var account = await shopper.AccountAsync();
        (await app.WithDbAsync(account.BusinessId, db => db.Orders.CountAsync(o => o.CustomerId == account.CustomerId, Ct))).ShouldBe(0);
        var again = fields.Where(f => f.Name != "Key").Append(("Key", times.Input("Key").Single()));
        (await shopper.PostAsync("/shop/bloom/order", times.Token, again)).ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Before_the_cutoff_the_order_page_says_how_long_is_left_for_delivery_today()
    {
        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        await app.ProductsAsync(bloom);
        var today = await app.TodayAsync(bloom);
        var setup = await app.DeliveringAsync(bloom, new ShopSetup.Window(today, 15, 5, DateTime.UtcNow.AddMinutes(90)));
        var shopper = await app.ShopperAsync();
        var to = await shopper.AddRecipientAsync("Rita Recipient", setup.Postcode, "mother");

        var page = (await shopper.GetAsync($"/shop/bloom/order?To={to}")).ShouldBe(HttpStatusCode.OK);

        Countdown(page).ShouldMatch(@"^Order within 1 h (29|30) min for delivery today$");
        page.Input("Choice").ShouldContain(c => c.StartsWith($"window|{setup.Windows[0]}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task After_the_cutoff_it_says_todays_deliveries_are_closed_and_when_the_next_is()
    {
        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        await app.ProductsAsync(bloom);
        var today = await app.TodayAsync(bloom);
        var setup = await app.DeliveringAsync(bloom,
            new ShopSetup.Window(today, 15, 5, DateTime.UtcNow.AddMinutes(-1)), new ShopSetup.Window(today.AddDays(1), 9, 5));
        var shopper = await app.ShopperAsync();
        var to = await shopper.AddRecipientAsync("Rita Recipient", setup.Postcode, "mother");

        var page = (await shopper.GetAsync($"/shop/bloom/order?To={to}")).ShouldBe(HttpStatusCode.OK);

        // The demo's partner florist still has room today, and the page says so before the next day of its own.
        Countdown(page).ShouldStartWith("Today's deliveries are closed — a partner florist can still deliver today, or tomorrow from 9:00");
        page.Input("Choice").ShouldNotContain(c => c.Contains(setup.Windows[0].ToString(), StringComparison.Ordinal));
        page.Input("Choice").ShouldContain(c => c.StartsWith($"next-day|{setup.Windows[1]}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_window_that_fills_up_meanwhile_offers_the_same_alternatives_as_staff_get_and_one_of_them_is_placed()
    {
        var date = DeliverySetup.SomeDayAhead(12);
        var (shopper, form, fields, setup) = await ReadyToOrderAsync(date, 1, 12);
        await app.WithDbAsync(setup.Business, db => db.DeliveryWindows.Where(w => w.Id == setup.Windows[0])
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.Booked, 1), Ct));

        var refused = (await shopper.PostAsync("/shop/bloom/order", form.Token, fields)).ShouldBe(HttpStatusCode.Conflict);

        refused.Text.ShouldContain("That window is full or past its cutoff. Here is what we can do instead:");
        var alternatives = refused.Input("Choice");
        alternatives.ShouldContain(a => a.StartsWith($"window|{setup.Windows[1]}", StringComparison.Ordinal));
        alternatives.ShouldContain(a => a.StartsWith("pickup|", StringComparison.Ordinal));
        alternatives.ShouldNotContain(a => a.StartsWith("loyalty-reserve|", StringComparison.Ordinal));
        alternatives.ShouldNotContain(a => a.Contains(setup.Windows[0].ToString(), StringComparison.Ordinal));
        var staff = await app.ClientAsync("service@bloom.example");
        var account = await shopper.AccountAsync();
        var staffOptions = await (await staff.SendJsonAsync(HttpMethod.Post, "/api/orders/options",
            new { customerId = account.CustomerId, recipientId = setup.Recipient, date, windowId = setup.Windows[0] })).ShouldBeJsonAsync(HttpStatusCode.OK);
        alternatives.Select(a => a.Split('|')[0]).ShouldBe(staffOptions.GetProperty("options").EnumerateArray().Select(o => o.Str("kind")));

        var chosen = alternatives.First(a => a.StartsWith($"window|{setup.Windows[1]}", StringComparison.Ordinal));
        var placed = await shopper.PostAsync("/shop/bloom/order", refused.Token,
            fields.Where(f => f.Name is not ("Choice" or "Key")).Append(("Choice", chosen)).Append(("Key", refused.Input("Key").Single())));
        placed.ShouldBe(HttpStatusCode.Redirect);
        (await app.WindowAsync(setup.Business, setup.Windows[1])).Booked.ShouldBe(1);
    }

    [Fact]
    public async Task Bad_order_input_is_shown_beside_its_field_and_nothing_is_placed()
    {
        var (shopper, form, fields, _) = await ReadyToOrderAsync(DeliverySetup.SomeDayAhead(), 5);
        (string, string?)[] With(string name, string? value) => fields.Where(f => f.Name != name).Append((name, value)).ToArray();

        var low = (await shopper.PostAsync("/shop/bloom/order", form.Token, With("Budget", "20"))).ShouldBe(HttpStatusCode.UnprocessableEntity);
        low.Text.ShouldContain("starts at 45.00");
        var noCard = (await shopper.PostAsync("/shop/bloom/order", form.Token, With("Card", null))).ShouldBe(HttpStatusCode.UnprocessableEntity);
        noCard.Text.ShouldContain("Choose a card to pay with, or add one.");
        var cardNumber = (await shopper.PostAsync("/shop/bloom/order", form.Token, With("CardMessage", "pay with 4111 1111 1111 1111"))).ShouldBe(HttpStatusCode.UnprocessableEntity);
        cardNumber.Text.ShouldContain("Card numbers are never stored");
        var garbled = (await shopper.PostAsync("/shop/bloom/order", form.Token, With("Budget", "lots"))).ShouldBe(HttpStatusCode.UnprocessableEntity);
        garbled.Text.ShouldContain("is not valid for Budget");
        var noChoice = (await shopper.PostAsync("/shop/bloom/order", form.Token, With("Choice", "window|nonsense|||"))).ShouldBe(HttpStatusCode.UnprocessableEntity);
        noChoice.Text.ShouldContain("Say how the order is fulfilled");

        (await shopper.GetAsync("/shop/bloom/order?Date=2001-01-01")).ShouldBe(HttpStatusCode.OK).Text.ShouldContain("That day has passed.");
        (await shopper.GetAsync("/shop/bloom/order?Date=soon")).ShouldBe(HttpStatusCode.OK);
        (await shopper.GetAsync($"/shop/bloom/order?Date={DateTime.UtcNow.AddYears(2):yyyy-MM-dd}")).Text.ShouldContain("up to 90 days ahead");

        var account = await shopper.AccountAsync();
        (await app.WithDbAsync(account.BusinessId, db => db.Orders.CountAsync(o => o.CustomerId == account.CustomerId, Ct))).ShouldBe(0);
    }

    private sealed record Delivering(Guid Business, Guid Recipient, IReadOnlyList<Guid> Windows);

    /// <summary>A signed-up customer with a recipient in a zone with windows on the date, a card, and the order form filled for the first window.</summary>
    private async Task<(ShopBrowser Shopper, ShopPage Form, (string Name, string? Value)[] Fields, Delivering Setup)> ReadyToOrderAsync(
        DateOnly date, int capacity, params int[] moreStarts)
    {
        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        var (bouquet, _) = await app.ProductsAsync(bloom);
        var setup = await app.DeliveringAsync(bloom, [new ShopSetup.Window(date, 9, capacity), .. moreStarts.Select(s => new ShopSetup.Window(date, s, 5))]);
        var shopper = await app.ShopperAsync();
        var to = await shopper.AddRecipientAsync("Maria Example", setup.Postcode);
        var card = await shopper.AddCardAsync();
        var form = (await shopper.GetAsync($"/shop/bloom/order?item={bouquet.Id}&To={to}&Date={date:yyyy-MM-dd}")).ShouldBe(HttpStatusCode.OK);
        var choice = form.Input("Choice").First(c => c.Contains(setup.Windows[0].ToString(), StringComparison.Ordinal));
        return (shopper, form,
        [
            ("Item", bouquet.Id.ToString()), ("Budget", "85"), ("To", to.ToString()), ("Date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("Choice", choice), ("CardMessage", "With love"), ("Card", card.ToString()), ("Key", form.Input("Key").Single()),
        ], new Delivering(bloom, to, setup.Windows));
    }

    private static string Countdown(ShopPage page) =>
        CountdownPattern().Match(page.Html) is { Success: true } m ? System.Net.WebUtility.HtmlDecode(m.Groups[1].Value).Trim()
            : throw new ShouldAssertException("The page says nothing about today's deliveries.");

    [GeneratedRegex("""data-testid="promise-countdown">([^<]*)<""")]
    private static partial Regex CountdownPattern();

    [GeneratedRegex("""<section[^>]*data-testid="category">\s*<h2[^>]*>([^<]+)</h2>""")]
    private static partial Regex CategoryPattern();
}
