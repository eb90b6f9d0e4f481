using Microsoft.EntityFrameworkCore;
using Rapport.BrowserTests.Pages;
using Rapport.Core.Businesses;
using Rapport.Testing;
using static Microsoft.Playwright.Assertions;

namespace Rapport.BrowserTests.Delivery;

/// <summary>The manager's morning: give today's stops to drivers and put them in order.</summary>
public sealed class AssignStopsTests(BrowserRapportApp app, BrowserFixture browser)
    : BrowserTest(app, browser), IClassFixture<BrowserRapportApp>
{
    [Fact]
    public async Task A_manager_gives_two_stops_to_a_driver_and_reorders_them()
    {
        var today = await TodaysDeliveries.OpenAsync(App);
        var driverName = TestNames.Unique("Dana Wheeler", 18);
        var driverId = await App.WithDbAsync(today.Business, async db =>
        {
            var mailbox = TestNames.Email("driver");
            var driver = new StaffMember { BusinessId = today.Business, UserName = mailbox, Email = mailbox, DisplayName = driverName, Role = StaffRole.Delivery };
            db.Staff.Add(driver);
            await db.SaveChangesAsync();
            return driver.Id;
        });
        var customer = await today.CustomerAsync(TestNames.Unique("Assign Run", 19), "Ines Varga");
        var first = await today.PlaceAsync(customer, "For the new house");
        var second = await today.PlaceAsync(customer, "Congratulations");

        await SignInAsync("manager@bloom.example");
        var run = new RunSheetPage(Page);
        await run.GotoAsync();
        var window = run.Window(today.Shop);
        await Expect(window.Locator("[data-testid=stop]")).ToHaveCountAsync(2);
        await Expect(run.Stop(first.Number)).ToContainTextAsync("no driver yet");

        await MarkPageAsync();
        await run.AssignAsync(run.Stop(first.Number), driverName, place: 2);
        await Expect(run.Stop(first.Number).Locator("[data-testid=assign-message]")).ToHaveTextAsync($"Given to {driverName}, place 2.");
        await run.AssignAsync(run.Stop(second.Number), driverName, place: 1);
        await Expect(run.Stop(second.Number).Locator("[data-testid=assign-message]")).ToHaveTextAsync($"Given to {driverName}, place 1.");
        (await PageWasNotReloadedAsync()).ShouldBeTrue("assigning updates the sheet in place");

        // The second stop now comes first in its window.
        await Expect(window.Locator("[data-testid=stop]")).ToHaveCountAsync(2);
        (await window.Locator("[data-testid=stop]").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.orderNumber)"))
            .ShouldBe([second.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), first.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await Expect(run.Stop(first.Number)).ToContainTextAsync(driverName);

        // The driver's own run holds both, in that order.
        await Page.Locator("#driverId").SelectOptionAsync(new Microsoft.Playwright.SelectOptionValue { Label = driverName });
        await Page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Expect(run.Stops).ToHaveCountAsync(2);
        var stops = await App.WithDbAsync(today.Business, db => db.DeliveryStops.AsNoTracking()
            .Where(s => s.OrderId == first.Id || s.OrderId == second.Id).OrderBy(s => s.Sequence).Select(s => new { s.OrderId, s.DriverId }).ToListAsync());
        stops.Select(s => s.OrderId).ShouldBe([second.Id, first.Id]);
        stops.ShouldAllBe(s => s.DriverId == driverId);
    }
}
