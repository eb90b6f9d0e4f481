using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Sales;

/// <summary>The quote form on the deal page, over HTTP as a browser posts it: lines, numbers as typed, the payback, and the roles that may write one.</summary>
public sealed class QuoteFormTests(RapportApp app) : IClassFixture<RapportApp>
{
    private static (string, string)[] Lines(params (string Description, string Quantity, string UnitPrice)[] rows) =>
        [.. rows.SelectMany((r, i) => new[] { ($"lines[{i}].description", r.Description), ($"lines[{i}].quantity", r.Quantity), ($"lines[{i}].unitPrice", r.UnitPrice) })];

    /// <summary>A deal of its own on a playbook of its own, its page, and Marcus Reed (sales) signed in.</summary>
    private async Task<(PlaybookData Data, Core.Sales.DealView Deal, string Page, StaffPages Sales)> DealPageAsync(string line, string name)
    {
        var data = await PlaybookData.ForAsync(app, line);
        var deal = await data.DealAsync(name);
        return (data, deal, $"/app/sales/deals/{deal.Id}", await StaffPages.SignInAsync(app, "sales@harbor.example"));
    }

    private Task<int> QuoteCountAsync(Guid business, Guid dealId) =>
        app.WithDbAsync(business, db => db.Quotes.CountAsync(q => q.DealId == dealId, Ct));

    [Fact]
    public async Task A_salesperson_writes_a_quote_with_two_lines_and_sees_its_payback_and_the_customers_link()
    {
        var (data, deal, page, sales) = await DealPageAsync("Quote line", "Quote washer deal");

        var blank = await sales.HtmlAsync(page);
        blank.ShouldContain("Write a quote…");
        blank.ShouldContain("name=\"lines[2].description\"");
        blank.ShouldNotContain("name=\"lines[3].description\"");
        blank.ShouldContain("No quote on this deal yet.");

        // An empty row between two lines is left out; "$" and thousands separators are read as typed.
        var saved = await sales.PostAsync(page, $"{page}?handler=Quote", [("title", "Two WX-100 washer-extractors, installed"),
            .. Lines(("WX-100 washer-extractor", "2", "18,500.00"), ("", "", ""), ("Installation and haul-away", "1", "$2,000")),
            ("expectedAnnualReturn", "37000"), ("returnNote", "water, gas and labour"), ("validUntil", "2030-06-30")]);
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await StaffPages.TextAsync(saved));
        var location = saved.Headers.Location!.OriginalString;
        location.ShouldStartWith($"{page}#quote-");

        var quote = await app.WithDbAsync(data.Business, db => db.Quotes.Include(q => q.Lines).SingleAsync(q => q.DealId == deal.Id, Ct));
        quote.Price.ShouldBe(39_000m);
        quote.Lines.OrderBy(l => l.Position).Select(l => l.Description).ShouldBe(["WX-100 washer-extractor", "Installation and haul-away"]);
        quote.PaybackMonths.ShouldBe(12.6m); // 39,000 / (37,000 / 12)
        location.ShouldEndWith(quote.Id.ToString());

        var html = await sales.HtmlAsync(page);
        html.ShouldContain($"id=\"quote-{quote.Id}\"");
        html.ShouldContain("Saves $37,000 a year (water, gas and labour): pays for itself in 12.6 months.");
        html.ShouldContain("data-testid=\"quote-price\">$39,000<");
        html.ShouldContain($"href=\"/quote/{quote.PublicToken}\"");
        html.ShouldContain("valid until Sun 30 Jun 2030");

        // The customer opens the link without signing in.
        var customer = app.CreateApiClient();
        var opened = await customer.GetAsync($"/quote/{quote.PublicToken}", Ct);
        var text = await StaffPages.TextAsync(opened);
        opened.StatusCode.ShouldBe(HttpStatusCode.OK);
        text.ShouldContain("Two WX-100 washer-extractors, installed");
    }

    [Fact]
    public async Task Bad_lines_are_said_beside_their_fields_keep_what_was_typed_and_write_nothing()
    {
        var (data, deal, page, sales) = await DealPageAsync("Bad quote line", "Bad quote deal");

        // Numbers that are not numbers: said on their own row, the rest kept.
        var words = await sales.PostAsync(page, $"{page}?handler=Quote", [("title", "Dryers"),
            .. Lines(("", "", ""), ("DX-50 dryer", "two", "9500"), ("Vent kit", "1", "about 300")), ("expectedAnnualReturn", "a lot")]);
        words.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var form = await StaffPages.TextAsync(words);
        form.ShouldContain("is-invalid\" id=\"line-1-quantity\" name=\"lines[1].quantity\" inputmode=\"decimal\" value=\"two\"");
        form.ShouldContain("A quantity like 2 or 1.5.");
        form.ShouldContain("is-invalid\" id=\"line-2-unitPrice\" name=\"lines[2].unitPrice\" inputmode=\"decimal\" value=\"about 300\"");
        form.ShouldContain("A price like 18500 or 18,500.00.");
        form.ShouldContain("A sum a year like 37000.");
        form.ShouldContain("value=\"DX-50 dryer\"");
        form.ShouldContain("value=\"Dryers\"");
        form.ShouldContain("<details class=\"card-body border-bottom\" open=\"open\" data-testid=\"write-quote\">");

        // The use case's own rules: a title, a description on a line with figures, a quantity above 0; row 1's error stays on row 1.
        var rules = await sales.PostAsync(page, $"{page}?handler=Quote", [("title", " "),
            .. Lines(("", "", ""), ("", "1", "100"), ("Vent kit", "0", "300"))]);
        rules.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        form = await StaffPages.TextAsync(rules);
        form.ShouldContain("is-invalid\" id=\"quote-title\"");
        form.ShouldContain("This field is required.");
        form.ShouldMatch(@"form-control form-control-sm is-invalid\s*"" id=""line-1-description""");
        form.ShouldContain("is-invalid\" id=\"line-2-quantity\"");
        form.ShouldContain("A quantity above 0, at most 100000.");

        // Only empty rows: no line at all.
        var none = await sales.PostAsync(page, $"{page}?handler=Quote", [("title", "Nothing"), .. Lines(("", "", ""), ("", "", ""), ("", "", ""))]);
        none.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await StaffPages.TextAsync(none)).ShouldContain("data-testid=\"lines-error\">A quote lists at least one line.<");

        (await QuoteCountAsync(data.Business, deal.Id)).ShouldBe(0);
        (await sales.HtmlAsync(page)).ShouldContain("No quote on this deal yet.");
    }

    [Fact]
    public async Task Add_a_line_without_JavaScript_comes_back_with_one_more_line_and_writes_nothing()
    {
        var (data, deal, page, sales) = await DealPageAsync("Add line", "Add line deal");

        var more = await sales.PostAsync(page, $"{page}?handler=Quote", [("title", "Four lines"),
            .. Lines(("A", "1", "1"), ("B", "1", "1"), ("C", "1", "1")), ("addLine", "true")]);
        more.StatusCode.ShouldBe(HttpStatusCode.OK);
        var form = await StaffPages.TextAsync(more);
        form.ShouldContain("name=\"lines[3].description\" maxlength=\"200\" />");
        form.ShouldContain("name=\"lines[2].description\" maxlength=\"200\" value=\"C\"");
        (await QuoteCountAsync(data.Business, deal.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task A_quote_is_recorded_as_sent_for_the_stages_document_step_and_the_step_is_done()
    {
        var (data, deal, page, sales) = await DealPageAsync("Sent line", "Sent quote deal");
        (await sales.PostAsync(page, $"{page}?handler=Quote", [("title", "One WX-100"), .. Lines(("WX-100", "1", "18500"))]))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        // In Qualify there is no document step to record it against.
        (await sales.HtmlAsync(page)).ShouldNotContain("data-testid=\"quote-sent-form\"");

        var manager = await StaffPages.SignInAsync(app, "manager@harbor.example");
        (await manager.PostAsync(page, $"{page}?handler=Advance", ("toStage", "Propose"), ("override", "true"), ("reason", "Walked the site at the trade show")))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var html = await sales.HtmlAsync(page);
        html.ShouldContain("Record as sent: “Send the quote”");
        html.ShouldContain("Not sent yet");

        var quote = await app.WithDbAsync(data.Business, db => db.Quotes.SingleAsync(q => q.DealId == deal.Id, Ct));
        var step = data.Playbook.Stages[2].Steps[0].Id;
        (await sales.PostAsync(page, $"{page}?handler=Document", ("stepId", step.ToString()), ("quoteId", quote.Id.ToString())))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        html = await sales.HtmlAsync(page);
        html.ShouldNotContain("Not sent yet");
        html.ShouldNotContain("data-testid=\"quote-sent-form\"");
        html.ShouldContain("Sent One WX-100 by Marcus Reed");
        (await data.ReadAsync(deal.Id)).GateOpen.ShouldBeTrue();
    }

    [Fact]
    public async Task Service_reads_quotes_but_may_not_write_one_and_another_business_gets_404()
    {
        var data = await PlaybookData.ForAsync(app, "Roles quote line");
        var deal = await data.DealAsync("Roles quote deal");
        var page = $"/app/sales/deals/{deal.Id}";
        (string, string)[] fields = [("title", "Forged"), .. Lines(("WX-100", "1", "18500"))];

        var service = await StaffPages.SignInAsync(app, "service@harbor.example");
        var html = await service.HtmlAsync(page);
        html.ShouldContain("data-testid=\"quotes\"");
        html.ShouldNotContain("data-testid=\"quote-form\"");
        var denied = await service.PostAsync(page, $"{page}?handler=Quote", fields);
        denied.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        denied.Headers.Location!.OriginalString.ShouldContain("/denied");
        var deniedWords = await service.PostAsync(page, $"{page}?handler=Quote", ("title", "Forged"), ("lines[0].description", "WX-100"), ("lines[0].quantity", "two"));
        deniedWords.Headers.Location!.OriginalString.ShouldContain("/denied");

        var florist = await StaffPages.SignInAsync(app, "owner@bloom.example");
        (await florist.PostAsync("/app", $"{page}?handler=Quote", fields)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await QuoteCountAsync(data.Business, deal.Id)).ShouldBe(0);
    }
}

/// <summary>
/// Meetings and calls from the customer page: the card (loaded over htmx), planning one on a deal or not, logging how
/// it went; it lands on the timeline and the lists; roles and tenancy hold.
/// </summary>
public sealed class CustomerMeetingsTests(RapportApp app) : IClassFixture<RapportApp>
{
    private static string Card(Guid customer) => $"/app/customers/{customer}/meetings";

    /// <summary>The time as the form's datetime-local field sends it, in the business's zone (Harbor's unless said).</summary>
    private static string Local(DateTime utc, string zone = "America/New_York") =>
        TimeZoneInfo.ConvertTimeFromUtc(utc, TimeZoneInfo.FindSystemTimeZoneById(zone)).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_meeting_planned_on_the_customer_page_lands_on_the_timeline_the_deal_and_the_list_and_its_outcome_is_logged()
    {
        var data = await PlaybookData.ForAsync(app, "Customer meeting line");
        var deal = await data.DealAsync("Pier laundry refit");
        var pier = await data.GrandPierAsync();
        var richard = await app.WithDbAsync(data.Business, db => db.Stakeholders.Where(s => s.Name == "Richard Hale").Select(s => s.Id).SingleAsync(Ct));
        var customerPage = $"/app/customers/{pier}";
        var sales = await StaffPages.SignInAsync(app, "sales@harbor.example");

        var details = await sales.HtmlAsync(customerPage);
        details.ShouldContain($"hx-get=\"{Card(pier)}?handler=Card\" hx-trigger=\"load\"");
        details.ShouldContain("hx-trigger=\"timeline-changed from:body\"");
        var card = await sales.HtmlAsync($"{Card(pier)}?handler=Card");
        card.ShouldStartWith("<section class=\"card\" id=\"meetings\"");
        card.ShouldContain("Plan a meeting or call…");
        card.ShouldContain($"<option value=\"{deal.Id}\">Pier laundry refit (Qualify)</option>");
        card.ShouldContain($"id=\"invite-{richard}\"");

        // Refused: each message beside its field, what was chosen kept, and nothing planned.
        var before = await MeetingsAsync(data.Business, pier);
        var refused = await sales.PostHtmxAsync(customerPage, $"{Card(pier)}?handler=PlanMeeting",
            ("kind", "Call"), ("objective", "other"), ("objectiveText", ""), ("scheduledAt", ""), ("dealId", deal.Id.ToString()), ("invitees", richard.ToString()));
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        refused.Headers.GetValues("HX-Reswap").ShouldBe(["outerHTML"]);
        var errors = await StaffPages.TextAsync(refused);
        errors.ShouldStartWith("<section class=\"card\" id=\"meetings\"");
        errors.ShouldContain("Say when it is planned (date and time).");
        errors.ShouldContain("Say the objective in words.");
        errors.ShouldContain("<option value=\"Call\" selected=\"selected\">call</option>");
        errors.ShouldContain($"<option value=\"{deal.Id}\" selected=\"selected\">");
        errors.ShouldContain($"id=\"invite-{richard}\" name=\"invitees\" value=\"{richard}\" checked=\"checked\"");
        (await MeetingsAsync(data.Business, pier)).ShouldBe(before);

        var planned = await sales.PostHtmxAsync(customerPage, $"{Card(pier)}?handler=PlanMeeting",
            ("kind", "Meeting"), ("objective", "askForReferral"), ("objectiveText", "Who else on the pier runs a laundry"),
            ("scheduledAt", Local(DateTime.UtcNow.AddHours(-3))), ("dealId", deal.Id.ToString()), ("invitees", richard.ToString()));
        var answer = await StaffPages.TextAsync(planned);
        planned.StatusCode.ShouldBe(HttpStatusCode.OK, answer);
        planned.Headers.GetValues("HX-Trigger").ShouldBe(["timeline-changed"]);
        answer.ShouldContain("Ask for a referral: Who else on the pier runs a laundry");
        answer.ShouldContain($"On the deal <a href=\"/app/sales/deals/{deal.Id}\" data-testid=\"meeting-deal\">Pier laundry refit</a>");
        answer.ShouldContain("Invited: Richard Hale");
        answer.ShouldNotContain("is-invalid");

        var meeting = await app.WithDbAsync(data.Business, db => db.Meetings.SingleAsync(m => m.CustomerId == pier && m.ObjectiveText == "Who else on the pier runs a laundry", Ct));
        meeting.DealId.ShouldBe(deal.Id);
        meeting.Invitees.ShouldBe([richard]);
        (await sales.HtmlAsync($"{customerPage}?handler=Timeline")).ShouldContain("Objective: Ask for a referral: Who else on the pier runs a laundry. Invited: Richard Hale.");
        (await sales.HtmlAsync($"/app/sales/deals/{deal.Id}")).ShouldContain("Ask for a referral: Who else on the pier runs a laundry");
        var listed = await (await app.ClientAsync("sales@harbor.example")).GetJsonAsync($"/api/meetings?customerId={pier}&limit=100");
        listed.Items().ShouldContain(m => m.Id() == meeting.Id);

        // The outcome: refused without one, then logged; it lands on the timeline with the next step.
        var noOutcome = await sales.PostHtmxAsync(customerPage, $"{Card(pier)}?handler=Outcome",
            ("meetingId", meeting.Id.ToString()), ("nextStep", "Call the Harbor Lights manager"), ("nextStepOn", "2030-01-10"));
        noOutcome.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var outcomeErrors = await StaffPages.TextAsync(noOutcome);
        outcomeErrors.ShouldContain("Say how it went against the objective");
        outcomeErrors.ShouldContain("value=\"Call the Harbor Lights manager\"");
        outcomeErrors.ShouldContain("value=\"2030-01-10\"");

        var logged = await sales.PostHtmxAsync(customerPage, $"{Card(pier)}?handler=Outcome", ("meetingId", meeting.Id.ToString()), ("outcome", "Achieved"),
            ("attendees", richard.ToString()), ("nextStep", "Call the Harbor Lights manager"), ("nextStepOn", "2030-01-10"), ("notes", "Gave two names"));
        var after = await StaffPages.TextAsync(logged);
        logged.StatusCode.ShouldBe(HttpStatusCode.OK, after);
        after.ShouldContain("Attended: Richard Hale");
        after.ShouldContain("Next: Call the Harbor Lights manager by Thu 10 Jan 2030");
        after.ShouldContain("data-state=\"held\"");
        (await sales.HtmlAsync($"{customerPage}?handler=Timeline"))
            .ShouldContain("Meeting: Ask for a referral: Who else on the pier runs a laundry, achieved. Attended: Richard Hale");
        var again = await sales.PostHtmxAsync(customerPage, $"{Card(pier)}?handler=Outcome", ("meetingId", meeting.Id.ToString()), ("outcome", "NotAchieved"));
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await StaffPages.TextAsync(again)).ShouldContain("The outcome of this meeting is already logged.");
    }

    [Fact]
    public async Task Without_JavaScript_the_forms_go_back_to_the_customer_page_or_show_the_card_again_with_its_messages()
    {
        var pier = await (await PlaybookData.ForAsync(app, "Plain meeting line")).GrandPierAsync();
        var business = await app.BusinessIdAsync(DemoData.Harbor);
        var customerPage = $"/app/customers/{pier}";
        var manager = await StaffPages.SignInAsync(app, "manager@harbor.example");

        var planned = await manager.PostAsync(customerPage, $"{Card(pier)}?handler=PlanMeeting",
            ("kind", "Call"), ("objective", "resolveIssue"), ("objectiveText", "The dryer that trips the breaker"), ("scheduledAt", Local(DateTime.UtcNow.AddDays(-1))));
        planned.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var meeting = await app.WithDbAsync(business, db => db.Meetings.SingleAsync(m => m.ObjectiveText == "The dryer that trips the breaker", Ct));
        planned.Headers.Location!.OriginalString.ShouldBe($"{customerPage}#meeting-{meeting.Id}");
        meeting.DealId.ShouldBeNull();
        (await manager.HtmlAsync(customerPage)).ShouldContain("Planned call for");

        var wrongDay = await manager.PostAsync(customerPage, $"{Card(pier)}?handler=Outcome",
            ("meetingId", meeting.Id.ToString()), ("outcome", "Partly"), ("nextStep", "Send the electrician"), ("nextStepOn", "next Tuesday"));
        wrongDay.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var page = await StaffPages.TextAsync(wrongDay);
        page.ShouldContain("<main");
        page.ShouldContain("Back to Grand Pier Hotel");
        page.ShouldContain("A day like 2026-06-30.");
        page.ShouldContain("value=\"Send the electrician\"");
        (await app.WithDbAsync(business, db => db.Meetings.SingleAsync(m => m.Id == meeting.Id, Ct))).Outcome.ShouldBeNull();

        // Someone else's deal or stakeholder is refused, and nothing is planned.
        var florist = await app.CustomerIdAsync(DemoData.Bloom, "Tom Lindqvist");
        var stranger = await manager.PostAsync(customerPage, $"{Card(pier)}?handler=PlanMeeting",
            ("objective", "discoverNeeds"), ("scheduledAt", Local(DateTime.UtcNow.AddDays(2))), ("dealId", Guid.NewGuid().ToString()));
        stranger.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await StaffPages.TextAsync(stranger)).ShouldContain("Not a deal with this customer.");
        var strangerInvite = await manager.PostAsync(customerPage, $"{Card(pier)}?handler=PlanMeeting",
            ("objective", "discoverNeeds"), ("scheduledAt", Local(DateTime.UtcNow.AddDays(2))), ("invitees", florist.ToString()));
        (await StaffPages.TextAsync(strangerInvite)).ShouldContain("Invite the customer's stakeholders only.");
        (await app.WithDbAsync(business, db => db.Meetings.CountAsync(m => m.CustomerId == pier && m.Objective == Core.Sales.MeetingObjective.DiscoverNeeds
            && m.ScheduledAt > DateTime.UtcNow.AddDays(1), Ct))).ShouldBe(0);
    }

    [Fact]
    public async Task A_florist_plans_a_call_to_ask_a_person_customer_for_a_referral()
    {
        var tom = await app.CustomerIdAsync(DemoData.Bloom, "Tom Lindqvist");
        var sales = await StaffPages.SignInAsync(app, "sales@bloom.example");
        var card = await sales.HtmlAsync($"{Card(tom)}?handler=Card");
        card.ShouldContain("No stakeholders on file for Tom Lindqvist.");
        card.ShouldContain("<option value=\"\">no deal: the customer as a whole</option>");

        var planned = await sales.PostHtmxAsync($"/app/customers/{tom}", $"{Card(tom)}?handler=PlanMeeting",
            ("kind", "Call"), ("objective", "askForReferral"), ("scheduledAt", Local(DateTime.UtcNow.AddDays(1), "America/Chicago")));
        var answer = await StaffPages.TextAsync(planned);
        planned.StatusCode.ShouldBe(HttpStatusCode.OK, answer);
        answer.ShouldContain("Ask for a referral");
        answer.ShouldContain("data-state=\"planned\"");
        (await sales.HtmlAsync($"/app/customers/{tom}?handler=Timeline")).ShouldContain("Planned call for");
    }

    [Fact]
    public async Task A_driver_gets_no_card_and_403_and_another_business_gets_404()
    {
        var tom = await app.CustomerIdAsync(DemoData.Bloom, "Tom Lindqvist");
        var driver = await StaffPages.SignInAsync(app, "driver@bloom.example");
        var page = await driver.HtmlAsync($"/app/customers/{tom}");
        page.ShouldContain("Tom Lindqvist");
        page.ShouldNotContain("id=\"meetings\"");
        var plain = await driver.GetAsync($"{Card(tom)}?handler=Card");
        plain.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        plain.Headers.Location!.OriginalString.ShouldContain("/denied");
        var htmx = await driver.PostHtmxAsync($"/app/customers/{tom}", $"{Card(tom)}?handler=PlanMeeting",
            ("objective", "askForReferral"), ("scheduledAt", Local(DateTime.UtcNow.AddDays(1))));
        htmx.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await (await (await app.ClientAsync("driver@bloom.example")).GetAsync($"/api/meetings?customerId={tom}", Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        var harbor = await StaffPages.SignInAsync(app, "owner@harbor.example");
        (await harbor.GetAsync($"{Card(tom)}?handler=Card")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await harbor.GetAsync(Card(tom))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await harbor.PostAsync("/app", $"{Card(tom)}?handler=PlanMeeting", ("objective", "askForReferral"), ("scheduledAt", Local(DateTime.UtcNow.AddDays(1)))))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var harborApi = await app.ClientAsync("owner@harbor.example");
        await (await harborApi.GetAsync($"/api/meetings?customerId={tom}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await harborApi.GetAsync("/api/meetings", Ct)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "customerId");
        await (await harborApi.GetAsync($"/api/meetings?customerId={tom}&before=nonsense", Ct)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "before");
    }

    [Fact]
    public async Task The_list_pages_through_a_customers_meetings_latest_first()
    {
        var business = await app.BusinessIdAsync(DemoData.Harbor);
        var account = await app.WithDbAsync(business, async db =>
        {
            var customer = new Core.Customers.Customer { Kind = Core.Customers.CustomerKind.Organization, Name = "Paging Marina" };
            db.Customers.Add(customer);
            await db.SaveChangesAsync(Ct);
            return customer.Id;
        });
        var client = await app.ClientAsync("sales@harbor.example");
        var start = DateTime.UtcNow.Date.AddDays(-20).AddHours(15);
        for (var i = 0; i < 12; i++)
            await (await client.PostAsJsonAsync("/api/meetings", new { customerId = account, objective = "discoverNeeds", objectiveText = $"Visit {i}", scheduledAt = start.AddDays(i) }, Ct))
                .ShouldBeJsonAsync(HttpStatusCode.Created);

        var all = await client.WalkAsync($"/api/meetings?customerId={account}&limit=5", "before");
        all.Select(m => m.Str("objectiveText")).ShouldBe(Enumerable.Range(0, 12).Reverse().Select(i => $"Visit {i}"));

        var sales = await StaffPages.SignInAsync(app, "sales@harbor.example");
        var card = await sales.HtmlAsync($"{Card(account)}?handler=Card");
        StaffPages.CountOf(card, "data-testid=\"meeting\"").ShouldBe(10);
        var older = Regex.Match(card, "hx-get=\"([^\"]+handler=Older[^\"]+)\"").Groups[1].Value;
        older.ShouldNotBeEmpty();
        var rest = await sales.HtmlAsync(older);
        StaffPages.CountOf(rest, "data-testid=\"meeting\"").ShouldBe(2);
        rest.ShouldContain("Discover needs: Visit 0");
        rest.ShouldNotContain("Older meetings");

        // Without JavaScript "Older meetings" is a link to the full page at the same cursor.
        var link = WebUtility.HtmlDecode(Regex.Match(card, "<a class=\"btn[^\"]*\" href=\"([^\"]+before=[^\"]+)\"").Groups[1].Value);
        link.ShouldStartWith($"{Card(account)}?before=");
        var plain = await sales.HtmlAsync(link);
        plain.ShouldContain("<main");
        StaffPages.CountOf(plain, "data-testid=\"meeting\"").ShouldBe(2);

        // A refused outcome of a meeting older than the first page still shows, with its message.
        var oldest = await app.WithDbAsync(business, db => db.Meetings.Where(m => m.CustomerId == account && m.ObjectiveText == "Visit 0").Select(m => m.Id).SingleAsync(Ct));
        var refused = await sales.PostHtmxAsync($"/app/customers/{account}", $"{Card(account)}?handler=Outcome", ("meetingId", oldest.ToString()));
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var errors = await StaffPages.TextAsync(refused);
        errors.ShouldContain("Discover needs: Visit 0");
        errors.ShouldContain("Say how it went against the objective");
    }

    private Task<int> MeetingsAsync(Guid business, Guid customer) => app.WithDbAsync(business, db => db.Meetings.CountAsync(m => m.CustomerId == customer, Ct));
}
