using Microsoft.Playwright;
using Rapport.BrowserTests.Pages;
using Rapport.Testing;
using static Microsoft.Playwright.Assertions;

namespace Rapport.BrowserTests.Sales;

/// <summary>The quote form in Chromium: a line added in place with "Add a line", typed by keyboard, saved with Enter, and the payback shown.</summary>
public sealed class QuoteFormTests(BrowserRapportApp app, BrowserFixture browser)
    : BrowserTest(app, browser), IClassFixture<BrowserRapportApp>
{
    [Fact]
    public async Task A_salesperson_writes_a_quote_with_two_lines_using_add_a_line_and_sees_the_payback()
    {
        var data = await PlaybookData.ForAsync(App, "Quote line");
        var deal = await data.DealAsync("Grand Pier washer-extractors");

        await SignInAsync("sales@harbor.example");
        var page = new DealPage(Page);
        await page.OpenAsync(deal.Id);
        await Expect(page.Quotes).ToHaveCountAsync(0);
        await page.StartQuoteAsync("Two WX-100 washer-extractors, installed");
        await page.FillQuoteLineAsync(1, "WX-100 washer-extractor", "2", "18,500");

        // Three rows to start; a fourth comes in place, with the cursor in it, and the two left empty are skipped.
        await MarkPageAsync();
        await page.AddQuoteLineAsync();
        await Expect(page.QuoteLine(4, "description")).ToBeFocusedAsync();
        (await PageWasNotReloadedAsync()).ShouldBeTrue("the line is added in place");
        await Page.Keyboard.TypeAsync("Installation and haul-away");
        await Page.Keyboard.PressAsync("Tab");
        await Page.Keyboard.TypeAsync("1");
        await Page.Keyboard.PressAsync("Tab");
        await Page.Keyboard.TypeAsync("2000");
        await page.QuoteForm.GetByLabel("Expected return a year").FillAsync("37000");
        await page.QuoteForm.GetByLabel("Where it comes from").FillAsync("water, gas and labour");
        await page.QuoteForm.GetByLabel("Where it comes from").PressAsync("Enter");

        await Expect(page.Quotes).ToHaveCountAsync(1);
        var quote = page.Quotes.First;
        await Expect(quote.GetByTestId("quote-title")).ToHaveTextAsync("Two WX-100 washer-extractors, installed");
        await Expect(quote.Locator("tbody tr")).ToHaveCountAsync(2);
        await Expect(quote.GetByTestId("quote-price")).ToHaveTextAsync("$39,000");
        await Expect(quote.GetByTestId("payback")).ToHaveTextAsync("Saves $37,000 a year (water, gas and labour): pays for itself in 12.6 months.");
        var link = await quote.GetByTestId("quote-link").GetAttributeAsync("href");
        link.ShouldNotBeNull();
        link.ShouldStartWith("/quote/");

        // The customer's page opens from the link.
        await Page.GotoAsync(link);
        await Expect(Page.GetByTestId("quote-title")).ToHaveTextAsync("Two WX-100 washer-extractors, installed");
    }
}
