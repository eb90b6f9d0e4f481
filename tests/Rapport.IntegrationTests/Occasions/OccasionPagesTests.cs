using System.Net;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Occasions;
using Rapport.IntegrationTests.Orders;
using Rapport.IntegrationTests.Shop;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Occasions;

/// <summary>The occasions card on the customer page, the upcoming page, and the shop's own occasions page.</summary>
public sealed class OccasionPagesTests(RapportApp app) : IClassFixture<RapportApp>
{
    private const string Service = "service@bloom.example";

    [Fact]
    public async Task Staff_see_toms_proposals_with_confidence_and_evidence_and_confirm_one_in_place()
    {
        var pages = await StaffPages.SignInAsync(app, Service);
        var tom = await app.CustomerIdAsync(DemoData.Bloom, "Tom Lindqvist");
        var page = $"/app/customers/{tom}";
        var html = await pages.HtmlAsync(page);
        html.ShouldContain("data-testid=\"occasions\"");
        html.ShouldContain("Valentine's Day</span> · Maria Lindqvist");
        html.ShouldContain("Rests on 7 orders");
        html.ShouldContain("% sure");
        var data = await OrderData.ForAsync(app);
        var valentines = await data.DbAsync(db => db.Occasions.SingleAsync(o => o.CustomerId == tom && o.Type == OccasionType.Valentines, Ct));

        var answer = await pages.PostHtmxAsync(page, $"/app/customers/{tom}/occasions?handler=Confirm&occasionId={valentines.Id}");

        answer.StatusCode.ShouldBe(HttpStatusCode.OK);
        var card = await StaffPages.TextAsync(answer);
        card.ShouldStartWith("<div class=\"card\" id=\"occasions\"");
        card.ShouldContain("Valentine's Day confirmed.");
        (await data.DbAsync(db => db.Occasions.SingleAsync(o => o.Id == valentines.Id, Ct))).Status.ShouldBe(OccasionStatus.Confirmed);
        (await (await app.ClientAsync(Service)).GetJsonAsync("/api/occasions/upcoming?days=92")).EnumerateArray()
            .ShouldContain(u => u.GetProperty("occasionId").GetGuid() == valentines.Id);
    }

    [Fact]
    public async Task A_failed_add_answers_the_card_with_the_field_errors_and_an_occasion_of_another_customer_is_404()
    {
        var pages = await StaffPages.SignInAsync(app, Service);
        var data = await OrderData.ForAsync(app);
        var customer = await data.CustomerAsync("Paged Pam");
        var other = await data.CustomerAsync("Paged Pete");
        var page = $"/app/customers/{customer.Id}";

        var failed = await pages.PostHtmxAsync(page, $"/app/customers/{customer.Id}/occasions?handler=Add", ("Form.Type", "Birthday"), ("Form.Month", "2"), ("Form.Day", "30"));
        failed.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await StaffPages.TextAsync(failed)).ShouldContain("A day from 1 to 29.");

        var added = await pages.PostAsync(page, $"/app/customers/{customer.Id}/occasions?handler=Add",
            ("Form.Type", "Birthday"), ("Form.RecipientId", customer.RecipientId.ToString()), ("Form.Month", "2"), ("Form.Day", "29"), ("Form.UsualBudget", "55"));
        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await pages.HtmlAsync(page)).ShouldContain("February 29");

        var occasion = await data.DbAsync(db => db.Occasions.Where(o => o.CustomerId == customer.Id).Select(o => o.Id).SingleAsync(Ct));
        (await pages.PostHtmxAsync(page, $"/app/customers/{other.Id}/occasions?handler=Dismiss&occasionId={occasion}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await data.DbAsync(db => db.Occasions.SingleAsync(o => o.Id == occasion, Ct))).Status.ShouldBe(OccasionStatus.Confirmed);
    }

    [Fact]
    public async Task A_shop_customer_adds_confirms_dismisses_and_budgets_their_own_occasions_only()
    {
        var shopper = await app.ShopperAsync(name: "Olive Occasion");
        var sister = await shopper.AddRecipientAsync("Opal Occasion", DeliverySetup.NewPostcode(), "sister");
        var account = await shopper.AccountAsync();
        var bloom = account.BusinessId;

        (await shopper.SubmitAsync(shopper.Path("/occasions"),
            [("Form.Type", "Birthday"), ("Form.RecipientId", sister.ToString()), ("Form.Month", "7"), ("Form.Day", "4"), ("Form.UsualBudget", "60")]))
            .ShouldRedirectTo(shopper.Path("/occasions"));
        var bad = await shopper.SubmitAsync(shopper.Path("/occasions"), [("Form.Type", "Custom"), ("Form.Month", "7"), ("Form.Day", "4")]);
        bad.ShouldBe(HttpStatusCode.UnprocessableEntity).Text.ShouldContain("Name the occasion");

        // A proposal from the florist's records, as the nightly job leaves it.
        var proposal = await app.WithDbAsync(bloom, async db =>
        {
            var o = new Occasion
            {
                CustomerId = account.CustomerId, RecipientId = sister, Type = OccasionType.Custom, Rule = DateRule.Fixed(9, 1),
                Source = OccasionSource.Inferred, Status = OccasionStatus.Proposed, Confidence = 0.6, CreatedBy = Occasion.InferredBy,
                CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow, Key = Occasion.KeyOf(account.CustomerId, sister, OccasionType.Custom, DateRule.Fixed(9, 1)),
            };
            db.Occasions.Add(o);
            await db.SaveChangesAsync(Ct);
            return o.Id;
        });
        var list = (await shopper.GetAsync(shopper.Path("/occasions"))).ShouldBe(HttpStatusCode.OK);
        list.Text.ShouldContain("Did we get these right?");
        list.Text.ShouldContain("Birthday</span> for Opal Occasion");
        (await shopper.PostAsync(shopper.Path($"/occasions?handler=Confirm&occasionId={proposal}"), list.Token)).ShouldRedirectTo(shopper.Path("/occasions"));
        var birthday = await app.WithDbAsync(bloom, db => db.Occasions.SingleAsync(o => o.CustomerId == account.CustomerId && o.Type == OccasionType.Birthday, Ct));
        birthday.Source.ShouldBe(OccasionSource.Customer);
        (await shopper.PostAsync(shopper.Path($"/occasions?handler=Budget&occasionId={birthday.Id}"), list.Token, ("Budget", "0")))
            .ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await shopper.PostAsync(shopper.Path($"/occasions?handler=Budget&occasionId={birthday.Id}"), list.Token, ("Budget", "75")))
            .ShouldRedirectTo(shopper.Path("/occasions"));
        (await shopper.PostAsync(shopper.Path($"/occasions?handler=Dismiss&occasionId={birthday.Id}"), list.Token)).ShouldRedirectTo(shopper.Path("/occasions"));

        var mine = await app.WithDbAsync(bloom, db => db.Occasions.Where(o => o.CustomerId == account.CustomerId).ToListAsync(Ct));
        mine.Single(o => o.Id == proposal).Status.ShouldBe(OccasionStatus.Confirmed);
        mine.Single(o => o.Id == birthday.Id).ShouldSatisfyAllConditions(o => o.Status.ShouldBe(OccasionStatus.Dismissed), o => o.UsualBudget.ShouldBe(75m));
        (await app.WithDbAsync(bloom, db => db.AuditEntries.CountAsync(a => a.EntityId == proposal && a.ActorName == "Customer (shop)" && a.Action == "confirm", Ct))).ShouldBe(1);

        // Someone else's occasions, Tom's among them: not listed, not found, not changed.
        var tom = await app.CustomerIdAsync(DemoData.Bloom, "Tom Lindqvist");
        var toms = await app.WithDbAsync(bloom, db => db.Occasions.Where(o => o.CustomerId == tom && o.Type == OccasionType.Birthday).Select(o => o.Id).SingleAsync(Ct));
        var stranger = await app.ShopperAsync(name: "Stan Stranger");
        var theirs = (await stranger.GetAsync(stranger.Path("/occasions"))).ShouldBe(HttpStatusCode.OK);
        theirs.Text.ShouldNotContain("Opal Occasion");
        theirs.Text.ShouldNotContain("Maria Lindqvist");
        foreach (var id in new[] { proposal, toms })
        {
            (await stranger.PostAsync(stranger.Path($"/occasions?handler=Dismiss&occasionId={id}"), theirs.Token)).ShouldBe(HttpStatusCode.NotFound);
            (await stranger.PostAsync(stranger.Path($"/occasions?handler=Confirm&occasionId={id}"), theirs.Token)).ShouldBe(HttpStatusCode.NotFound);
            (await stranger.PostAsync(stranger.Path($"/occasions?handler=Budget&occasionId={id}"), theirs.Token, ("Budget", "1"))).ShouldBe(HttpStatusCode.NotFound);
        }
        (await stranger.SubmitAsync(stranger.Path("/occasions"), [("Form.Type", "Birthday"), ("Form.RecipientId", sister.ToString()), ("Form.Month", "7"), ("Form.Day", "4")]))
            .ShouldBe(HttpStatusCode.UnprocessableEntity).Text.ShouldContain("Not one of this customer's recipients.");
        (await app.WithDbAsync(bloom, db => db.Occasions.SingleAsync(o => o.Id == proposal, Ct))).Status.ShouldBe(OccasionStatus.Confirmed);
        (await app.WithDbAsync(bloom, db => db.Occasions.SingleAsync(o => o.Id == toms, Ct))).Status.ShouldBe(OccasionStatus.Proposed);
    }
}
