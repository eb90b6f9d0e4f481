using Microsoft.Playwright;
using Rapport.BrowserTests.Pages;
using Rapport.Testing;
using static Microsoft.Playwright.Assertions;

namespace Rapport.BrowserTests.Sales;

/// <summary>The sales board in Chromium: a drag runs the stage gate, the missing step is said on the card, and a manager may override it with a reason.</summary>
public sealed class DealBoardTests(BrowserRapportApp app, BrowserFixture browser)
    : BrowserTest(app, browser), IClassFixture<BrowserRapportApp>
{
    [Fact]
    public async Task A_salesperson_drags_a_deal_is_told_the_questionnaire_is_missing_fills_it_and_the_move_succeeds()
    {
        var data = await PlaybookData.ForAsync(App, "Drag line");
        var deal = await data.DealAsync("Grand Pier washers");

        await SignInAsync("sales@harbor.example");
        var board = new SalesBoardPage(Page);
        await board.OpenAsync(data.Playbook.Name);
        await Expect(board.CardIn("Qualify", deal.Name)).ToBeVisibleAsync();
        await Expect(board.Card(deal.Name).GetByTestId("gate")).ToHaveTextAsync("1 missing");

        await MarkPageAsync();
        await board.DragAsync(deal.Name, "Discover");
        await Expect(board.MissingSteps(deal.Name)).ToHaveTextAsync([$"{PlaybookData.Discovery}: answer “{PlaybookData.Volume}” and “{PlaybookData.Floor}”"]);
        await Expect(board.CardIn("Qualify", deal.Name)).ToBeVisibleAsync();
        await Expect(board.Card(deal.Name)).Not.ToContainTextAsync("Override with a reason");
        (await PageWasNotReloadedAsync()).ShouldBeTrue("the refusal comes back on the card, in place");

        var opened = await board.OpenDealAsync(deal.Name);
        await Expect(opened.Gate).ToHaveTextAsync("1 missing");
        await opened.AnswerAsync(($"{PlaybookData.Volume} *", "about a ton"), ($"{PlaybookData.Floor} *", "Basement"));
        await Expect(opened.AnswerError($"{PlaybookData.Volume} *")).ToHaveTextAsync("A number, e.g. 1100 or 12.5.");
        await opened.AnswerAsync(($"{PlaybookData.Volume} *", "1100"));
        await Expect(opened.Gate).ToHaveTextAsync("ready to move on");

        board = await opened.BackToBoardAsync();
        await Expect(board.Card(deal.Name).GetByTestId("gate")).ToHaveTextAsync("ready");
        await MarkPageAsync();
        await board.DragAsync(deal.Name, "Discover");
        await Expect(board.CardIn("Discover", deal.Name)).ToBeVisibleAsync();
        await Expect(board.CardIn("Qualify", deal.Name)).ToHaveCountAsync(0);
        await Expect(board.Count("Discover")).ToHaveTextAsync("1");
        await Expect(board.Count("Qualify")).ToHaveTextAsync("0");
        await Expect(board.Card(deal.Name)).ToBeFocusedAsync();
        (await PageWasNotReloadedAsync()).ShouldBeTrue("the card moves in place");
        (await data.ReadAsync(deal.Id)).Stage.ShouldBe("Discover");
    }

    [Fact]
    public async Task A_manager_overrides_a_gate_with_a_reason_and_the_override_shows_on_the_deal()
    {
        var data = await PlaybookData.ForAsync(App, "Override line");
        var deal = await data.DealAsync("Seaside Inn dryers");

        await SignInAsync("manager@harbor.example");
        var board = new SalesBoardPage(Page);
        await board.OpenAsync(data.Playbook.Name);
        await board.MoveWithKeyboardAsync(deal.Name, "Discover");
        await Expect(board.MissingSteps(deal.Name)).ToHaveCountAsync(1);

        await board.OverrideAsync(deal.Name, "");
        await Expect(board.Card(deal.Name).GetByTestId("reason-error")).ToHaveTextAsync("Write why the gate is overridden.");
        await Expect(board.CardIn("Qualify", deal.Name)).ToBeVisibleAsync();

        await Expect(board.MissingSteps(deal.Name)).ToHaveCountAsync(1);
        await board.OverrideAsync(deal.Name, "Signed letter of intent; volumes follow Monday");
        await Expect(board.CardIn("Discover", deal.Name)).ToBeVisibleAsync();

        var opened = await board.OpenDealAsync(deal.Name);
        await Expect(opened.Stage).ToHaveTextAsync("Discover");
        await Expect(opened.Overrides).ToHaveCountAsync(1);
        await Expect(opened.Overrides).ToContainTextAsync("Denise Walsh moved it from Qualify to Discover");
        await Expect(opened.Overrides).ToContainTextAsync("“Signed letter of intent; volumes follow Monday”");
        await Expect(opened.Overrides).ToContainTextAsync($"{PlaybookData.Discovery}: answer “{PlaybookData.Volume}” and “{PlaybookData.Floor}”");
    }
}
