using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Core.Notifications;
using Rapport.Core.Orders;
using Rapport.Core.Touches;
using Rapport.IntegrationTests.Orders;
using Rapport.IntegrationTests.Shop;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Touches;

/// <summary>
/// The business's own touch rules: every order placed (on any channel) or delivered gets each active rule once, as a
/// task or an e-mail; the rules are written by owners and managers over the API, and the touches report counts them.
/// </summary>
public sealed class TouchRuleTests(RapportApp app) : IClassFixture<RapportApp>
{
    private const string Manager = "manager@bloom.example";
    private const string Service = "service@bloom.example";

    private Task<Guid> BloomAsync() => app.BusinessIdAsync(DemoData.Bloom);

    /// <summary>The demo's rule of that title: "Care card" (every order, task) or "Care tips" (delivered, e-mail).</summary>
    private async Task<Guid> DemoRuleAsync(string title) =>
        await app.WithDbAsync(await BloomAsync(), db => db.BusinessTouchRules.Where(r => r.Title == title).Select(r => r.Id).SingleAsync(Ct));

    private static HttpRequestMessage PostOrder(Guid customerId, string postcode, Guid windowId, string key) =>
        new(HttpMethod.Post, "/api/orders")
        {
            Content = JsonContent.Create(new
            {
                customerId, address = DeliverySetup.Address(postcode), budget = 85m, occasion = "Birthday", channel = "phone",
                fulfilment = new { kind = "window", windowId },
            }),
            Headers = { { "Idempotency-Key", key } },
        };

    /// <summary>A phone order for the customer through the API, in a window of its own; returns its id and number.</summary>
    private async Task<(Guid Id, long Number)> PlaceAsync(Guid customerId, string? key = null)
    {
        var setup = await app.LocationAsync(await BloomAsync(), DeliverySetup.SomeDayAhead(), (9, 5, 0));
        var placed = await (await (await app.ClientAsync(Service)).SendAsync(PostOrder(customerId, setup.Postcode, setup.Windows[0], key ?? TestNames.Key()), Ct))
            .ShouldBeJsonAsync(HttpStatusCode.Created);
        return (placed.Id(), placed.GetProperty("number").GetInt64());
    }

    private async Task<JsonElement> CreateRuleAsync(object body, string who = Manager) =>
        await (await (await app.ClientAsync(who)).PostAsJsonAsync("/api/touch-rules", body, Ct)).ShouldBeJsonAsync(HttpStatusCode.Created);

    private async Task<List<Core.Tasks.StaffTask>> TasksAsync(Guid orderId, Guid ruleId) =>
        await app.WithDbAsync(await BloomAsync(), db => db.StaffTasks.AsNoTracking().Where(t => t.SourceKey == OrderTouches.KeyOf(orderId, ruleId)).ToListAsync(Ct));

    /// <summary>Every task and e-mail any business holds for the order, whichever business's rule made it.</summary>
    private Task<int> TouchesOfOrderAsync(Guid orderId) => app.WithDbAsync(async db =>
    {
        var prefix = $"{OrderTouches.KeyPrefix}{orderId:N}:";
        return await db.StaffTasks.IgnoreQueryFilters().CountAsync(t => t.SourceKey!.StartsWith(prefix), Ct)
            + await db.OutboxMessages.IgnoreQueryFilters().CountAsync(m => m.DedupeKey.StartsWith(prefix), Ct);
    });

    [Fact]
    public async Task An_order_placed_through_the_api_gets_exactly_one_care_card_and_the_same_key_again_adds_none()
    {
        var tom = await app.CustomerIdAsync(DemoData.Bloom, "Tom Lindqvist");
        var careCard = await DemoRuleAsync("Care card");
        var setup = await app.LocationAsync(await BloomAsync(), DeliverySetup.SomeDayAhead(), (9, 5, 0));
        var client = await app.ClientAsync(Service);
        var key = TestNames.Key();

        var placed = await (await client.SendAsync(PostOrder(tom, setup.Postcode, setup.Windows[0], key), Ct)).ShouldBeJsonAsync(HttpStatusCode.Created);
        var again = await (await client.SendAsync(PostOrder(tom, setup.Postcode, setup.Windows[0], key), Ct)).ShouldBeJsonAsync(HttpStatusCode.Created);
        again.Id().ShouldBe(placed.Id());

        var number = placed.GetProperty("number").GetInt64();
        var task = (await TasksAsync(placed.Id(), careCard)).ShouldHaveSingleItem();
        task.Title.ShouldBe($"Care card \u2014 order {number} for Tom Lindqvist");
        (task.CustomerId, task.OrderId, task.DoneAt, task.AssigneeId).ShouldBe(((Guid?)tom, (Guid?)placed.Id(), (DateTime?)null, (Guid?)null));
        task.DueOn.ShouldBe(DateOnly.Parse(placed.Str("date"), CultureInfo.InvariantCulture));
        (await TouchesOfOrderAsync(placed.Id())).ShouldBe(1, "one active every-order rule in the demo: one touch");

        // Unassigned, so everyone who answers the customers has it, with the order to open.
        var todo = await client.GetJsonAsync("/api/tasks?limit=50");
        var listed = todo.EnumerateArray().Single(t => t.Id() == task.Id);
        listed.GetProperty("orderId").GetGuid().ShouldBe(placed.Id());
    }

    [Fact]
    public async Task A_shop_order_and_a_standing_order_get_it_too()
    {
        var bloom = await BloomAsync();
        var careCard = await DemoRuleAsync("Care card");
        var date = (await app.TodayAsync(bloom)).AddDays(3);
        var (bouquet, roses) = await app.ProductsAsync(bloom);
        var setup = await app.DeliveringAsync(bloom, new ShopSetup.Window(date, 10, 5), new ShopSetup.Window(date, 14, 5));

        // The shop: a signed-up customer orders for Maria.
        var shopper = await app.ShopperAsync(name: "Carla Cardwell");
        var maria = await shopper.AddRecipientAsync("Maria Cardwell", setup.Postcode);
        var card = await shopper.AddCardAsync();
        var form = (await shopper.GetAsync($"/shop/bloom/order?item={bouquet.Id}&To={maria}&Date={date:yyyy-MM-dd}")).ShouldBe(HttpStatusCode.OK);
        (await shopper.PostAsync("/shop/bloom/order", form.Token,
            ("Item", bouquet.Id.ToString()), ("Budget", "85"), ("To", maria.ToString()), ("Date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("Choice", form.Input("Choice").First(c => c.Contains(setup.Windows[0].ToString(), StringComparison.Ordinal))),
            ("CardMessage", "With love"), ("Card", card.ToString()), ("Key", form.Input("Key").Single()))).ShouldBe(HttpStatusCode.Redirect);
        var account = await shopper.AccountAsync();
        var shopOrder = await app.WithDbAsync(bloom, db => db.Orders.AsNoTracking().SingleAsync(o => o.CustomerId == account.CustomerId, Ct));
        shopOrder.Channel.ShouldBe(OrderChannel.Web);
        (await TasksAsync(shopOrder.Id, careCard)).ShouldHaveSingleItem().Title.ShouldBe($"Care card \u2014 order {shopOrder.Number} for Maria Cardwell");

        // A standing order places itself through the same door.
        var customer = await app.WithDbAsync(bloom, async db =>
        {
            var office = new Core.Customers.Customer { Name = TestNames.Unique("Office"), Kind = Core.Customers.CustomerKind.Organization };
            office.Recipients.Add(new Core.Customers.Recipient { Name = "Reception", Address = new() { Line1 = "1 Main St", City = "Springfield", PostalCode = setup.Postcode } });
            office.PaymentMethods.Add(new Core.Customers.PaymentMethod { Provider = "demo-pay", Token = "tok_office", Brand = "Visa", Last4 = "1881", ExpMonth = 12, ExpYear = DateTime.UtcNow.Year + 2 });
            db.Customers.Add(office);
            await db.SaveChangesAsync(Ct);
            return office;
        });
        (await (await app.ClientAsync(Service)).PostAsJsonAsync($"/api/customers/{customer.Id}/standing-orders", new
        {
            schedule = "weekly", weekday = date.DayOfWeek.ToString().ToLowerInvariant(), recipientId = customer.Recipients[0].Id, productId = roses.Id,
            quantity = 1, paymentMethodId = customer.PaymentMethods[0].Id, preferredStart = "10:00:00", daysAhead = 7,
        }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        await app.WithDbAsync(bloom, db => PlaceStandingOrders.RunAsync(db, app.Services.GetRequiredService<OrderDesk>(), TimeProvider.System, Ct));
        await app.WithDbAsync(bloom, db => PlaceStandingOrders.RunAsync(db, app.Services.GetRequiredService<OrderDesk>(), TimeProvider.System, Ct));

        var standing = await app.WithDbAsync(bloom, db => db.Orders.AsNoTracking().SingleAsync(o => o.CustomerId == customer.Id, Ct));
        standing.Channel.ShouldBe(OrderChannel.Standing);
        (await TasksAsync(standing.Id, careCard)).ShouldHaveSingleItem().Title.ShouldBe($"Care card \u2014 order {standing.Number} for Reception");
    }

    [Fact]
    public async Task A_stopped_rule_gives_nothing_until_started_again_and_another_business_rule_never_fires()
    {
        var tom = await app.CustomerIdAsync(DemoData.Bloom, "Tom Lindqvist");
        var manager = await app.ClientAsync(Manager);
        var rule = await CreateRuleAsync(new { title = TestNames.Unique("Ribbon", 16), trigger = "everyOrder", action = "task" });
        var harbor = await CreateRuleAsync(new { title = "Harbor thank-you", trigger = "everyOrder", action = "task" }, "owner@harbor.example");

        var stopped = await (await manager.PatchAsJsonAsync($"/api/touch-rules/{rule.Id()}", new { active = false }, Ct)).ShouldBeJsonAsync(HttpStatusCode.OK);
        (stopped.GetProperty("active").GetBoolean(), stopped.HasValue("stoppedAt")).ShouldBe((false, true));
        var first = await PlaceAsync(tom);
        (await TasksAsync(first.Id, rule.Id())).ShouldBeEmpty();
        (await TasksAsync(first.Id, harbor.Id())).ShouldBeEmpty();
        (await TouchesOfOrderAsync(first.Id)).ShouldBe(1, "only the demo's care card");

        // Another business's rule is not there to read or change.
        await (await manager.GetAsync($"/api/touch-rules/{harbor.Id()}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await manager.PatchAsJsonAsync($"/api/touch-rules/{harbor.Id()}", new { active = false }, Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await manager.GetJsonAsync("/api/touch-rules?limit=100")).Items().ShouldAllBe(r => r.Id() != harbor.Id());

        var started = await (await manager.PatchAsJsonAsync($"/api/touch-rules/{rule.Id()}", new { active = true }, Ct)).ShouldBeJsonAsync(HttpStatusCode.OK);
        (started.GetProperty("active").GetBoolean(), started.HasValue("stoppedAt")).ShouldBe((true, false));
        var second = await PlaceAsync(tom);
        (await TasksAsync(second.Id, rule.Id())).ShouldHaveSingleItem();
        (await TouchesOfOrderAsync(second.Id)).ShouldBe(2);
        (await TasksAsync(first.Id, rule.Id())).ShouldBeEmpty("an order placed while the rule was stopped stays without it");

        var audits = await app.WithDbAsync(await BloomAsync(), db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityId == rule.Id()).OrderBy(a => a.At).Select(a => a.Action).ToListAsync(Ct));
        audits.ShouldBe(["created", "stopped", "started"]);

        // Stop it again, so that the other tests' orders count only their own rules.
        (await manager.PatchAsJsonAsync($"/api/touch-rules/{rule.Id()}", new { active = false }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_delivered_email_rule_queues_one_message_and_a_customer_without_an_address_gets_a_task()
    {
        var bloom = await BloomAsync();
        var careTips = await DemoRuleAsync("Care tips");
        var tom = await app.CustomerIdAsync(DemoData.Bloom, "Tom Lindqvist");
        var service = await app.ClientAsync(Service);
        var order = await PlaceAsync(tom);
        (await app.WithDbAsync(bloom, db => db.OutboxMessages.CountAsync(m => m.DedupeKey == OrderTouches.KeyOf(order.Id, careTips), Ct))).ShouldBe(0);

        (await service.PostAsJsonAsync($"/api/orders/{order.Id}/status", new { status = "delivered" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await service.PostAsJsonAsync($"/api/orders/{order.Id}/status", new { status = "delivered" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);

        var mail = await app.WithDbAsync(bloom, db => db.OutboxMessages.AsNoTracking().Where(m => m.DedupeKey == OrderTouches.KeyOf(order.Id, careTips)).ToListAsync(Ct));
        var message = mail.ShouldHaveSingleItem();
        (message.To, message.Subject, message.Status, message.CustomerId).ShouldBe(("tom.lindqvist@example.com", "Keeping your flowers fresh", OutboxStatus.Pending, (Guid?)tom));
        (await TasksAsync(order.Id, careTips)).ShouldBeEmpty();

        // A customer with only a phone number: the same rule makes a task with the words to pass on.
        var data = await OrderData.ForAsync(app);
        var phoneOnly = await data.CustomerAsync("Petra Phoneonly");
        var theirs = await PlaceAsync(phoneOnly.Id);
        (await service.PostAsJsonAsync($"/api/orders/{theirs.Id}/status", new { status = "delivered" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var task = (await TasksAsync(theirs.Id, careTips)).ShouldHaveSingleItem();
        task.Title.ShouldBe($"Care tips \u2014 order {theirs.Number} for Petra Phoneonly");
        task.Detail!.ShouldStartWith("No e-mail address on file to send \u201cKeeping your flowers fresh\u201d");
        (await app.WithDbAsync(bloom, db => db.OutboxMessages.CountAsync(m => m.CustomerId == phoneOnly.Id, Ct))).ShouldBe(0);

        // The outbox sends it, and the report counts it as received.
        (await app.RunJobAsync("outbox")).ShouldBeTrue();
        (await app.WithDbAsync(bloom, db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == message.Id, Ct))).Status.ShouldBe(OutboxStatus.Sent);
    }

    [Fact]
    public async Task An_every_order_email_rule_queues_one_message_per_order()
    {
        var tom = await app.CustomerIdAsync(DemoData.Bloom, "Tom Lindqvist");
        var rule = await CreateRuleAsync(new
        {
            title = "Thank you for ordering", trigger = "everyOrder", action = "email", subject = "Thank you, from Bloom & Stem",
            body = "We are making your flowers now.",
        });
        var key = TestNames.Key();
        var order = await PlaceAsync(tom, key);

        var mail = await app.WithDbAsync(await BloomAsync(), db => db.OutboxMessages.AsNoTracking()
            .Where(m => m.DedupeKey == OrderTouches.KeyOf(order.Id, rule.Id())).ToListAsync(Ct));
        (mail.ShouldHaveSingleItem().Subject, mail[0].TextBody).ShouldBe(("Thank you, from Bloom & Stem", "We are making your flowers now."));
        (await (await app.ClientAsync(Manager)).PatchAsJsonAsync($"/api/touch-rules/{rule.Id()}", new { active = false }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_report_counts_each_rule_applied_and_received_with_the_share_and_shows_rules_that_applied_to_nobody()
    {
        var bloom = await BloomAsync();
        var today = await app.TodayAsync(bloom);
        var period = $"from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}";
        var tag = TestNames.Token(6);
        var rule = await CreateRuleAsync(new { title = $"Hand-tied bow {tag}", trigger = "everyOrder", action = "task", audience = "everyone" });
        var idle = await CreateRuleAsync(new { title = $"Loyalty card {tag}", trigger = "orderDelivered", action = "task", audience = "loyalCustomers" });
        (await (await app.ClientAsync(Manager)).PatchAsJsonAsync($"/api/touch-rules/{idle.Id()}", new { title = $"Loyalty card {tag}!" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var data = await OrderData.ForAsync(app);
        var first = await PlaceAsync((await data.CustomerAsync($"Rhea Report {tag}")).Id);
        await PlaceAsync((await data.CustomerAsync($"Otto Report {tag}")).Id);

        JsonElement Row(JsonElement report, Guid id) => report.GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("touchId").GetGuid() == id);
        var owner = await app.ClientAsync("owner@bloom.example");
        var before = Row(await owner.GetJsonAsync($"/api/reports/touches?{period}"), rule.Id());
        (before.Str("trigger"), before.HasValue("playbook"), before.HasValue("stage"), before.Str("action")).ShouldBe(("Every order", false, false, "task"));
        (before.GetProperty("applied").GetInt32(), before.GetProperty("received").GetInt32(), before.GetProperty("share").GetDouble()).ShouldBe((2, 0, 0d));

        var task = (await TasksAsync(first.Id, rule.Id())).ShouldHaveSingleItem();
        (await (await app.ClientAsync(Service)).PostAsync($"/api/tasks/{task.Id}/done", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var report = await owner.GetJsonAsync($"/api/reports/touches?{period}");
        var after = Row(report, rule.Id());
        (after.GetProperty("applied").GetInt32(), after.GetProperty("received").GetInt32(), after.GetProperty("share").GetDouble()).ShouldBe((2, 1, 0.5));
        (after.GetProperty("customers").GetInt32(), after.GetProperty("customersReached").GetInt32(), after.GetProperty("customerShare").GetDouble()).ShouldBe((2, 1, 0.5));
        var nobody = Row(report, idle.Id());
        (nobody.Str("rule"), nobody.Str("trigger"), nobody.GetProperty("applied").GetInt32()).ShouldBe(($"Loyalty card {tag}!", "Every order of a loyal customer, delivered", 0));
        report.GetProperty("rules").EnumerateArray().ShouldContain(r => r.Str("rule") == "Care card");

        // A stopped rule that gave something still counts; one that gave nothing leaves the report.
        var manager = await app.ClientAsync(Manager);
        (await manager.PatchAsJsonAsync($"/api/touch-rules/{rule.Id()}", new { active = false }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await manager.PatchAsJsonAsync($"/api/touch-rules/{idle.Id()}", new { active = false }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var later = await owner.GetJsonAsync($"/api/reports/touches?{period}");
        Row(later, rule.Id()).GetProperty("received").GetInt32().ShouldBe(1);
        later.GetProperty("rules").EnumerateArray().ShouldNotContain(r => r.GetProperty("touchId").GetGuid() == idle.Id());
    }

    [Fact]
    public async Task The_demo_care_card_was_given_to_recent_orders_and_not_all_received_it()
    {
        var report = await (await app.ClientAsync("owner@bloom.example")).GetJsonAsync("/api/reports/touches");
        foreach (var title in new[] { "Care card", "Care tips" })
        {
            var row = report.GetProperty("rules").EnumerateArray().Single(r => r.Str("rule") == title);
            row.GetProperty("applied").GetInt32().ShouldBeGreaterThan(5, title);
            row.GetProperty("received").GetInt32().ShouldBeGreaterThan(0, title);
            row.GetProperty("share").GetDouble().ShouldBeLessThan(1, title);
        }
    }

    [Fact]
    public async Task Bad_input_is_422_naming_each_field_and_creates_nothing()
    {
        var bloom = await BloomAsync();
        var manager = await app.ClientAsync(Manager);
        var count = () => app.WithDbAsync(bloom, db => db.BusinessTouchRules.CountAsync(Ct));
        var before = await count();

        await (await manager.PostAsJsonAsync("/api/touch-rules", new { }, Ct)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "title", "trigger", "action");
        await (await manager.PostAsJsonAsync("/api/touch-rules", new { title = "Tips", trigger = "orderDelivered", action = "email" }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "subject", "body");
        await (await manager.PostAsJsonAsync("/api/touch-rules", new { title = new string('x', 121), trigger = "everyOrder", action = "task", subject = "Hello" }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "title", "subject");
        await (await manager.PostAsJsonAsync("/api/touch-rules", new { title = "Card", trigger = "everyOrder", action = "task", assigneeId = Guid.NewGuid() }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "assigneeId");
        var driver = await app.StaffAsync("driver@bloom.example");
        await (await manager.PostAsJsonAsync("/api/touch-rules", new { title = "Card", trigger = "everyOrder", action = "task", assigneeId = driver.Id }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "assigneeId");
        var harborStaff = await app.StaffAsync("sales@harbor.example");
        await (await manager.PostAsJsonAsync("/api/touch-rules", new { title = "Card", trigger = "everyOrder", action = "task", assigneeId = harborStaff.Id }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "assigneeId");
        await (await manager.PostAsync("/api/touch-rules", Json("""{"title":"Card","trigger":"whenever","action":"task"}"""), Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "trigger");
        await (await manager.PostAsJsonAsync("/api/touch-rules", new { title = "Card 4111 1111 1111 1111", trigger = "everyOrder", action = "task" }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "title");
        (await count()).ShouldBe(before);

        var rule = await CreateRuleAsync(new { title = "Thank-you note", trigger = "everyOrder", action = "task" });
        await (await manager.PatchAsJsonAsync($"/api/touch-rules/{rule.Id()}", new { title = " " }, Ct)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "title");
        await (await manager.PatchAsJsonAsync($"/api/touch-rules/{rule.Id()}", new { action = "email" }, Ct)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "subject", "body");
        await (await manager.PatchAsJsonAsync($"/api/touch-rules/{Guid.NewGuid()}", new { active = false }, Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await manager.GetJsonAsync($"/api/touch-rules/{rule.Id()}")).Str("title").ShouldBe("Thank-you note");
        await (await manager.GetAsync("/api/touch-rules?limit=0", Ct)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "limit");
        await (await manager.GetAsync("/api/touch-rules?after=nonsense", Ct)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "after");

        // Changing it into an e-mail with its words, and giving the tasks to one person, is fine.
        var changed = await (await manager.PatchAsJsonAsync($"/api/touch-rules/{rule.Id()}",
            new { action = "email", subject = "Thank you", body = "For your order.", active = false }, Ct)).ShouldBeJsonAsync(HttpStatusCode.OK);
        (changed.Str("action"), changed.Str("subject"), changed.GetProperty("active").GetBoolean()).ShouldBe(("email", "Thank you", false));
        var service = await app.StaffAsync(Service);
        var assigned = await (await manager.PatchAsJsonAsync($"/api/touch-rules/{rule.Id()}", new { assigneeId = service.Id }, Ct)).ShouldBeJsonAsync(HttpStatusCode.OK);
        assigned.Str("assigneeName").ShouldBe(service.DisplayName);
        var cleared = await (await manager.PatchAsJsonAsync($"/api/touch-rules/{rule.Id()}", new { assigneeId = Guid.Empty }, Ct)).ShouldBeJsonAsync(HttpStatusCode.OK);
        cleared.HasValue("assigneeId").ShouldBeFalse();
    }

    [Fact]
    public async Task Salespeople_and_drivers_read_the_rules_but_cannot_write_them()
    {
        var rule = await CreateRuleAsync(new { title = "Vase card", trigger = "everyOrder", action = "task", active = false });
        foreach (var who in new[] { "sales@bloom.example", "driver@bloom.example", Service })
        {
            var client = await app.ClientAsync(who);
            await (await client.PostAsJsonAsync("/api/touch-rules", new { title = "Mine", trigger = "everyOrder", action = "task" }, Ct))
                .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
            await (await client.PatchAsJsonAsync($"/api/touch-rules/{rule.Id()}", new { active = true }, Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
            (await client.GetJsonAsync("/api/touch-rules?limit=100")).Items().ShouldContain(r => r.Id() == rule.Id());
        }
        (await app.WithDbAsync(await BloomAsync(), db => db.BusinessTouchRules.CountAsync(r => r.Title == "Mine", Ct))).ShouldBe(0);
        (await (await app.ClientAsync("owner@bloom.example")).GetJsonAsync($"/api/touch-rules/{rule.Id()}")).GetProperty("active").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task The_list_pages_active_rules_first_by_title()
    {
        var manager = await app.ClientAsync(Manager);
        var tag = TestNames.Token(6);
        foreach (var (title, active) in new[] { ($"A {tag}", false), ($"B {tag}", true), ($"C {tag}", true) })
            await CreateRuleAsync(new { title, trigger = "orderDelivered", action = "task", active });

        var all = await manager.WalkAsync("/api/touch-rules?limit=2", "after");
        all.Select(r => r.Id()).Distinct().Count().ShouldBe(all.Count);
        var mine = all.Select(r => r.Str("title")).Where(t => t.EndsWith(tag, StringComparison.Ordinal)).ToList();
        mine.ShouldBe([$"B {tag}", $"C {tag}", $"A {tag}"]);
        all.SkipWhile(r => r.GetProperty("active").GetBoolean()).ShouldAllBe(r => !r.GetProperty("active").GetBoolean());
        (await manager.GetJsonAsync("/api/touch-rules?active=false&limit=100")).Items().ShouldAllBe(r => !r.GetProperty("active").GetBoolean());
        foreach (var rule in all.Where(r => r.Str("title").EndsWith(tag, StringComparison.Ordinal) && r.GetProperty("active").GetBoolean()))
            (await manager.PatchAsJsonAsync($"/api/touch-rules/{rule.Id()}", new { active = false }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Every_endpoint_is_in_the_openapi_document_by_name()
    {
        var paths = JsonDocument.Parse(await app.CreateApiClient().GetStringAsync("/openapi/v1.json", Ct)).RootElement.GetProperty("paths");
        paths.GetProperty("/api/touch-rules").GetProperty("get").Str("operationId").ShouldBe("ListTouchRules");
        paths.GetProperty("/api/touch-rules").GetProperty("post").Str("operationId").ShouldBe("CreateTouchRule");
        paths.GetProperty("/api/touch-rules/{id}").GetProperty("get").Str("operationId").ShouldBe("GetTouchRule");
        paths.GetProperty("/api/touch-rules/{id}").GetProperty("patch").Str("operationId").ShouldBe("UpdateTouchRule");
    }
}
