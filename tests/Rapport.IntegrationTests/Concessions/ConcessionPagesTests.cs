using System.Net;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Concessions;
using Rapport.Core.Orders;
using Rapport.IntegrationTests.Orders;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Concessions;

/// <summary>The ledger's pages as staff use them, and an order's concession written in the order's own unit of work.</summary>
public sealed class ConcessionPagesTests(RapportApp app) : IClassFixture<RapportApp>
{
    [Fact]
    public async Task The_card_records_over_htmx_and_shows_a_refused_form_beside_its_fields_changing_nothing()
    {
        var data = await OrderData.ForAsync(app);
        var customer = await data.CustomerAsync(TestNames.Unique("Maryann"));
        var pages = await StaffPages.SignInAsync(app, "service@bloom.example");
        var page = $"/app/customers/{customer.Id}";
        var action = $"/app/customers/{customer.Id}/concessions?handler=Record";
        (await pages.HtmlAsync(page)).ShouldContain($"/app/customers/{customer.Id}/concessions?handler=Card");
        (await pages.HtmlAsync($"/app/customers/{customer.Id}/concessions?handler=Card")).ShouldContain("Nothing given away on record");

        var refused = await pages.PostHtmxAsync(page, action, ("Record.Kind", "discount"), ("Record.ListValue", "-3"), ("Record.Reason", ""));
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        refused.Headers.GetValues("HX-Reswap").ShouldBe(["outerHTML"]);
        var html = await StaffPages.TextAsync(refused);
        html.ShouldContain("Zero or more.");
        html.ShouldContain("This field is required.");
        var unread = await pages.PostHtmxAsync(page, action, ("Record.Kind", "discount"), ("Record.ListValue", "lots"), ("Record.Reason", "x"));
        unread.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await data.DbAsync(db => db.Concessions.CountAsync(c => c.CustomerId == customer.Id, Ct))).ShouldBe(0);

        var recorded = await pages.PostHtmxAsync(page, action, ("Record.Kind", "freeDelivery"), ("Record.ListValue", "$14.95"), ("Record.Reason", "Her birthday"));
        recorded.StatusCode.ShouldBe(HttpStatusCode.OK);
        var card = await StaffPages.TextAsync(recorded);
        card.ShouldContain("$14.95");
        card.ShouldContain("Her birthday");
        var waits = await StaffPages.TextAsync(await pages.PostHtmxAsync(page, action, ("Record.Kind", "discount"), ("Record.ListValue", "60"), ("Record.Reason", "Wilted")));
        waits.ShouldContain("1 waiting for approval");
        waits.ShouldContain("$14.95"); // only what was given counts in the year's total
    }

    [Fact]
    public async Task Drivers_get_no_ledger_and_only_the_owner_opens_the_limits()
    {
        var driver = await StaffPages.SignInAsync(app, "driver@bloom.example");
        var refused = await driver.GetAsync("/app/concessions");
        refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        refused.Headers.Location!.OriginalString.ShouldContain("/denied");
        (await (await StaffPages.SignInAsync(app, "manager@bloom.example")).GetAsync("/app/settings/concession-limits"))
            .Headers.Location!.OriginalString.ShouldContain("/denied");
        var owner = await StaffPages.SignInAsync(app, "owner@bloom.example");
        (await owner.HtmlAsync("/app/settings/concession-limits")).ShouldContain("Concession limits");
        var bad = await owner.PostAsync("/app/settings/concession-limits", "/app/settings/concession-limits", ("Manager", ""), ("Sales", "-1"), ("Service", "25"));
        bad.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await StaffPages.TextAsync(bad)).ShouldContain("Zero or more.");
        (await (await app.ClientAsync("owner@bloom.example")).GetJsonAsync("/api/settings/concession-limits")).GetProperty("sales").GetDecimal().ShouldBe(500m);
        (await owner.HtmlAsync("/app/concessions?status=nonsense", HttpStatusCode.UnprocessableEntity)).ShouldContain("One of granted");
    }

    [Fact]
    public async Task An_order_records_its_concession_in_its_own_unit_of_work()
    {
        var data = await OrderData.ForAsync(app);
        var customer = await data.CustomerAsync(TestNames.Unique("Maryann"));
        var template = await data.OrderAsync(customer, DateOnly.FromDateTime(DateTime.UtcNow));
        var service = await app.StaffAsync("service@bloom.example");
        var actor = new Actor(service.Id, data.Business, service.DisplayName, StaffRole.Service);

        // A new order not yet saved: its concession is checked against it and written by the same save.
        var (orderId, status) = await data.DbAsync(async db =>
        {
            var order = await db.Orders.AsNoTracking().SingleAsync(o => o.Id == template.Id, Ct);
            var fresh = new Order
            {
                Number = await db.Orders.MaxAsync(o => o.Number, Ct) + 1, CustomerId = customer.Id, RecipientId = order.RecipientId, RecipientName = order.RecipientName,
                RecipientPhone = order.RecipientPhone, Fulfilment = FulfilmentKind.Pickup, FulfilmentDate = order.FulfilmentDate, LocationId = order.LocationId,
                Promise = order.Promise, PlacedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow, Channel = order.Channel,
            };
            db.Orders.Add(fresh);
            var added = await RecordConcession.AddAsync(db, actor,
                new(customer.Id, "waivedFee", 9.95m, fresh.Id, null, "Same-day fee waived"), DateTime.UtcNow, Ct);
            added.Succeeded.ShouldBeTrue();
            (await db.Concessions.CountAsync(c => c.OrderId == fresh.Id, Ct)).ShouldBe(0);
            await db.SaveChangesAsync(Ct);
            return (fresh.Id, added.Value.Status);
        });
        status.ShouldBe(ConcessionStatus.Granted);
        (await data.DbAsync(db => db.Concessions.CountAsync(c => c.OrderId == orderId, Ct))).ShouldBe(1);
        (await data.DbAsync(db => db.AuditEntries.CountAsync(a => a.Entity == nameof(Concession) && a.Action == "concession granted", Ct))).ShouldBeGreaterThan(0);
    }
}
