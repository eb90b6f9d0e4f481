using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Rapport.BrowserTests.Pages;

/// <summary>/app/sales/deals/{id}: the deal with its stage's checklist, committee, milestones, overrides and meetings.</summary>
public sealed partial class DealPage(IPage page)
{
    public static Regex UrlPattern { get; } = DealUrl();

    public ILocator Stage => page.GetByTestId("deal-stage");
    public ILocator Gate => page.GetByTestId("stage-panel").GetByTestId("gate");
    public ILocator Questionnaire => page.GetByTestId("checklist").GetByTestId("questionnaire");
    public ILocator Overrides => page.GetByTestId("override");

    /// <summary>Answers the questionnaire's fields by their labels (a text box is filled, a list is chosen from) and saves.</summary>
    public async Task AnswerAsync(params (string Question, string Answer)[] answers)
    {
        foreach (var (question, answer) in answers)
        {
            var field = Questionnaire.GetByLabel(question);
            if (await field.EvaluateAsync<string>("e => e.tagName") == "SELECT")
                await field.SelectOptionAsync(new SelectOptionValue { Label = answer });
            else await field.FillAsync(answer);
        }
        await Questionnaire.GetByRole(AriaRole.Button, new() { Name = "Save answers" }).ClickAsync();
    }

    public ILocator AnswerError(string question) =>
        Questionnaire.Locator("div.mb-2").Filter(new() { HasText = question }).GetByTestId("answer-error");

    public ILocator QuoteForm => page.GetByTestId("quote-form");
    public ILocator Quotes => page.GetByTestId("quote");

    public async Task OpenAsync(Guid dealId)
    {
        await page.GotoAsync($"/app/sales/deals/{dealId}");
        await page.WaitForURLAsync(UrlPattern);
    }

    /// <summary>Opens "Write a quote…" and gives it a title.</summary>
    public async Task StartQuoteAsync(string title)
    {
        await page.GetByTestId("write-quote").Locator("summary").ClickAsync();
        await QuoteForm.GetByLabel("Title").FillAsync(title);
    }

    /// <summary>A field of the quote's line by its number from 1, e.g. ("2", "quantity").</summary>
    public ILocator QuoteLine(int line, string field) => QuoteForm.GetByLabel($"Line {line}: {field}", new() { Exact = true });

    public async Task FillQuoteLineAsync(int line, string description, string quantity, string unitPrice)
    {
        await QuoteLine(line, "description").FillAsync(description);
        await QuoteLine(line, "quantity").FillAsync(quantity);
        await QuoteLine(line, "unit price").FillAsync(unitPrice);
    }

    public async Task AddQuoteLineAsync() => await QuoteForm.GetByRole(AriaRole.Button, new() { Name = "Add a line" }).ClickAsync();

    public async Task<SalesBoardPage> BackToBoardAsync()
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Board", Exact = true }).Last.ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/app/sales?", StringComparison.Ordinal));
        return new SalesBoardPage(page);
    }

    [GeneratedRegex(@"/app/sales/deals/[0-9a-f-]{36}")]
    private static partial Regex DealUrl();
}
