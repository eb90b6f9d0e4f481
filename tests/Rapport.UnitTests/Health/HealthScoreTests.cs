using FsCheck;
using FsCheck.Fluent;
using Rapport.Core.Health;
using Rapport.Core.Timeline;

namespace Rapport.UnitTests.Health;

public class HealthScoreTests
{
    private static readonly DateTime Now = new(2026, 6, 15, 12, 0, 0, DateTimeKind.Utc);
    private static readonly HealthWeights W = HealthWeights.Default;

    private static HealthInputs Empty() => new(Now, [], [], [], []);

    private static HealthContact Contact(int daysAgo, Tone tone, string? competitor = null, bool needs = false) =>
        new(Guid.NewGuid(), Now.AddDays(-daysAgo), tone, competitor, needs);

    private static HealthOrder Order(int daysAgo, decimal total = 100, bool failed = false, bool cancelled = false, bool late = false) =>
        new(Guid.NewGuid(), Now.AddDays(-daysAgo), total, failed, cancelled, late);

    private static List<HealthOrder> Monthly(int count, int lastDaysAgo, decimal total = 100) =>
        [.. Enumerable.Range(0, count).Select(i => Order(lastDaysAgo + 30 * i, total))];

    private static HealthFactor? Factor(HealthResult r, string key) => r.Factors.FirstOrDefault(f => f.Key == key);

    [Fact]
    public void A_customer_with_nothing_on_file_scores_the_baseline_and_is_healthy()
    {
        var r = HealthScore.Compute(Empty(), W);
        r.Score.ShouldBe(W.Baseline);
        r.Band.ShouldBe(HealthBand.Healthy);
        r.Factors.Single().Key.ShouldBe(HealthScore.Keys.Baseline);
    }

    [Fact]
    public void Tone_a_negative_contact_today_takes_its_full_weight_and_one_a_year_old_almost_nothing()
    {
        var today = HealthScore.Compute(Empty() with { Contacts = [Contact(0, Tone.Negative), Contact(0, Tone.Positive)] }, W);
        Factor(today, HealthScore.Keys.Tone)!.Points.ShouldBe(W.PositiveContact - W.NegativeContact);
        var old = HealthScore.Compute(Empty() with { Contacts = [Contact(360, Tone.Negative), Contact(359, Tone.Positive)] }, W);
        Factor(old, HealthScore.Keys.Tone).ShouldBeNull();
    }

    [Fact]
    public void Tone_evidence_links_the_contacts()
    {
        var negative = Contact(3, Tone.Negative);
        var r = HealthScore.Compute(Empty() with { Contacts = [negative] }, W);
        Factor(r, HealthScore.Keys.Tone)!.Evidence.ShouldContain(new HealthEvidence("interaction", negative.Id));
    }

    [Fact]
    public void Service_failures_a_failed_delivery_weighs_fully_a_late_one_half()
    {
        var failed = Order(0, failed: true);
        var r = HealthScore.Compute(Empty() with { Orders = [failed] }, W);
        Factor(r, HealthScore.Keys.ServiceFailures)!.Points.ShouldBe(-W.ServiceFailure);
        Factor(r, HealthScore.Keys.ServiceFailures)!.Evidence.ShouldContain(new HealthEvidence("order", failed.Id));
        var late = HealthScore.Compute(Empty() with { Orders = [Order(0, late: true)] }, W);
        Factor(late, HealthScore.Keys.ServiceFailures)!.Points.ShouldBe(-W.ServiceFailure / 2);
    }

    [Fact]
    public void Service_failures_count_missed_promises()
    {
        var r = HealthScore.Compute(Empty() with { MissedMilestones = [Guid.NewGuid(), Guid.NewGuid()] }, W);
        Factor(r, HealthScore.Keys.ServiceFailures)!.Points.ShouldBe(-W.ServiceFailure);
    }

    [Fact]
    public void Open_complaints_a_negative_contact_stays_open_until_a_better_one_is_logged_after_it()
    {
        var open = HealthScore.Compute(Empty() with { Contacts = [Contact(10, Tone.Negative)] }, W);
        Factor(open, HealthScore.Keys.OpenComplaints)!.Points.ShouldBe(-W.OpenComplaint);
        var resolved = HealthScore.Compute(Empty() with { Contacts = [Contact(10, Tone.Negative), Contact(9, Tone.Neutral)] }, W);
        Factor(resolved, HealthScore.Keys.OpenComplaints).ShouldBeNull();
    }

    [Fact]
    public void Turned_away_orders_weigh_and_fade()
    {
        var id = Guid.NewGuid();
        var r = HealthScore.Compute(Empty() with { TurnedAway = [(id, Now)] }, W);
        Factor(r, HealthScore.Keys.TurnedAway)!.Points.ShouldBe(-W.TurnedAway);
        Factor(r, HealthScore.Keys.TurnedAway)!.Evidence.ShouldContain(new HealthEvidence("turnedAway", id));
        var faded = HealthScore.Compute(Empty() with { TurnedAway = [(id, Now.AddDays(-W.HalfLifeDays))] }, W);
        Factor(faded, HealthScore.Keys.TurnedAway)!.Points.ShouldBe(-(int)Math.Round(W.TurnedAway / 2.0));
    }

    [Fact]
    public void Rhythm_a_monthly_customer_silent_for_three_months_weighs()
    {
        var r = HealthScore.Compute(Empty() with { Orders = Monthly(8, 90) }, W);
        Factor(r, HealthScore.Keys.Rhythm)!.Points.ShouldBeLessThan(0);
        Factor(r, HealthScore.Keys.Rhythm)!.Detail.ShouldContain("usual 30 days");
    }

    [Fact]
    public void Rhythm_a_once_a_year_valentines_customer_in_june_does_not()
    {
        var yearly = new List<HealthOrder> { Order(121), Order(121 + 365), Order(121 + 730) };
        var r = HealthScore.Compute(Empty() with { Orders = yearly }, W);
        Factor(r, HealthScore.Keys.Rhythm).ShouldBeNull();
    }

    [Fact]
    public void Competitor_a_mention_or_an_open_deal_with_competitors_weighs_and_names_them()
    {
        var r = HealthScore.Compute(Empty() with { Contacts = [Contact(1, Tone.Neutral, "Tri-State Laundry Supply")] }, W);
        Factor(r, HealthScore.Keys.Competitor)!.Points.ShouldBe(-(int)Math.Round(Math.Pow(0.5, 1.0 / W.HalfLifeDays) * W.Competitor));
        Factor(r, HealthScore.Keys.Competitor)!.Detail.ShouldContain("Tri-State Laundry Supply");
        var deal = new HealthDeal(Guid.NewGuid(), ["CleanCo"]);
        var d = HealthScore.Compute(Empty() with { OpenDeals = [deal] }, W);
        Factor(d, HealthScore.Keys.Competitor)!.Evidence.ShouldContain(new HealthEvidence("deal", deal.Id));
    }

    [Fact]
    public void Complacency_needs_confirmed_longer_ago_than_the_limit_for_an_account_that_bought_this_year()
    {
        var orders = new List<HealthOrder> { Order(20), Order(500) };
        var account = Empty() with { Stakeholders = 3, HasDecisionMaker = true };
        var stale = HealthScore.Compute(account with { Orders = orders, NeedsConfirmedAt = Now.AddDays(-426) }, W);
        Factor(stale, HealthScore.Keys.Complacency)!.Detail.ShouldBe("Needs last confirmed 14 months ago — ask, don't assume");
        Factor(stale, HealthScore.Keys.Complacency)!.Points.ShouldBe(-W.Complacency);
        var fresh = HealthScore.Compute(account with { Orders = orders, Contacts = [Contact(30, Tone.Positive, needs: true)] }, W);
        Factor(fresh, HealthScore.Keys.Complacency).ShouldBeNull();
        var noPurchase = HealthScore.Compute(account with { Orders = [Order(500)] }, W);
        Factor(noPurchase, HealthScore.Keys.Complacency).ShouldBeNull();
        var contract = HealthScore.Compute(account with { ActiveAccount = true }, W);
        Factor(contract, HealthScore.Keys.Complacency)!.Detail.ShouldBe("Needs never confirmed — ask, don't assume");
        // A person buying flowers is not an account to re-qualify.
        Factor(HealthScore.Compute(Empty() with { Orders = orders }, W), HealthScore.Keys.Complacency).ShouldBeNull();
    }

    [Fact]
    public void Single_threaded_an_organisation_known_through_one_person_or_without_a_decision_maker()
    {
        Factor(HealthScore.Compute(Empty() with { Stakeholders = 1, HasDecisionMaker = true }, W), HealthScore.Keys.SingleThreaded)!
            .Detail.ShouldBe("Known through one person only");
        Factor(HealthScore.Compute(Empty() with { Stakeholders = 3 }, W), HealthScore.Keys.SingleThreaded)!
            .Detail.ShouldBe("No decision maker known");
        Factor(HealthScore.Compute(Empty() with { Stakeholders = 3, HasDecisionMaker = true }, W), HealthScore.Keys.SingleThreaded).ShouldBeNull();
        // A person has no committee.
        Factor(HealthScore.Compute(Empty(), W), HealthScore.Keys.SingleThreaded).ShouldBeNull();
    }

    [Fact]
    public void Positive_growing_spend_adds_points()
    {
        var orders = new List<HealthOrder> { Order(30, 300), Order(60, 300), Order(250, 100), Order(280, 100) };
        Factor(HealthScore.Compute(Empty() with { Orders = orders }, W), HealthScore.Keys.Positive)!.Points.ShouldBe(W.GrowingSpend);
    }

    [Fact]
    public void Bands_follow_the_thresholds_and_the_owners_weights()
    {
        HealthScore.BandOf(70, W).ShouldBe(HealthBand.Healthy);
        HealthScore.BandOf(69, W).ShouldBe(HealthBand.Watch);
        HealthScore.BandOf(44, W).ShouldBe(HealthBand.AtRisk);
        var harsh = W with { NegativeContact = 60 };
        HealthScore.Compute(Empty() with { Contacts = [Contact(0, Tone.Negative)] }, harsh).Band.ShouldBe(HealthBand.AtRisk);
    }

    [Fact]
    public void The_score_stays_between_0_and_100_and_says_so()
    {
        var r = HealthScore.Compute(Empty() with { Contacts = [.. Enumerable.Range(0, 5).Select(i => Contact(i, Tone.Negative, "X"))], TurnedAway = [(Guid.NewGuid(), Now)] },
            W with { NegativeContact = 100 });
        r.Score.ShouldBe(0);
        Factor(r, HealthScore.Keys.Limit)!.Points.ShouldBeGreaterThan(0);
        r.Factors.Sum(f => f.Points).ShouldBe(0);
    }

    [Fact]
    public void The_same_inputs_give_the_same_score_and_explanation()
    {
        var input = Empty() with { Contacts = [Contact(3, Tone.Negative)], Orders = Monthly(5, 70) };
        var a = HealthScore.Compute(input, W);
        var b = HealthScore.Compute(input, W);
        a.Score.ShouldBe(b.Score);
        a.Factors.Select(f => (f.Key, f.Points, f.Detail)).ShouldBe(b.Factors.Select(f => (f.Key, f.Points, f.Detail)));
    }

    // Properties over generated histories.

    private static Gen<HealthContact> Contacts(Gen<Tone> tone) =>
        from days in Gen.Choose(0, 720)
        from t in tone
        from competitor in Gen.Elements<string?>(null, null, null, "Tri-State Laundry Supply", "CleanCo")
        from needs in Gen.Elements(false, false, true)
        select new HealthContact(Guid.NewGuid(), Now.AddDays(-days), t, competitor, needs);

    private static Gen<HealthOrder> Orders() =>
        from days in Gen.Choose(0, 720)
        from total in Gen.Choose(10, 2000)
        from kind in Gen.Choose(0, 9)
        select new HealthOrder(Guid.NewGuid(), Now.AddDays(-days), total, Failed: kind == 0, CancelledByUs: kind == 1, Late: kind == 2);

    private static Gen<HealthInputs> Histories() =>
        from contacts in Contacts(Gen.Elements(Tone.Positive, Tone.Neutral, Tone.Negative)).ListOf()
        from orders in Orders().ListOf()
        from turned in Gen.Choose(0, 720).ListOf()
        from competitors in Gen.Elements(0, 0, 1).ListOf()
        from people in Gen.Elements<int?>(null, 0, 1, 3)
        from decision in Gen.Elements(false, true)
        from confirmedDays in Gen.Elements<int?>(null, 10, 400)
        from missed in Gen.Choose(0, 2)
        select new HealthInputs(Now, [.. contacts], [.. orders], [.. turned.Select(d => (Guid.NewGuid(), Now.AddDays(-d)))],
            [.. competitors.Select(c => new HealthDeal(Guid.NewGuid(), c == 1 ? ["CleanCo"] : []))], people, decision,
            confirmedDays is { } cd ? Now.AddDays(-cd) : null, [.. Enumerable.Range(0, missed).Select(_ => Guid.NewGuid())]);

    private static Gen<HealthWeights> Weights() =>
        from neg in Gen.Choose(0, 40)
        from pos in Gen.Choose(0, 20)
        from failure in Gen.Choose(0, 40)
        from rhythm in Gen.Choose(0, 40)
        from baseline in Gen.Choose(30, 100)
        select W with { NegativeContact = neg, PositiveContact = pos, ServiceFailure = failure, Rhythm = rhythm, Baseline = baseline };

    [Fact]
    public void Adding_a_negative_contact_never_raises_the_score() =>
        Prop.ForAll((from h in Histories() from w in Weights() from days in Gen.Choose(0, 400) select (h, w, days)).ToArbitrary(), t =>
        {
            var (h, w, days) = t;
            var more = h with { Contacts = [.. h.Contacts, new HealthContact(Guid.NewGuid(), Now.AddDays(-days), Tone.Negative)] };
            return HealthScore.Compute(more, w).Score <= HealthScore.Compute(h, w).Score;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Adding_a_failed_delivery_never_raises_the_score() =>
        Prop.ForAll((from h in Histories() from w in Weights() from days in Gen.Choose(0, 400) from total in Gen.Choose(1, 500) select (h, w, days, total)).ToArbitrary(), t =>
        {
            var (h, w, days, total) = t;
            var more = h with { Orders = [.. h.Orders, new HealthOrder(Guid.NewGuid(), Now.AddDays(-days), total, Failed: true)] };
            return HealthScore.Compute(more, w).Score <= HealthScore.Compute(h, w).Score;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Adding_a_positive_contact_never_lowers_the_score() =>
        Prop.ForAll((from h in Histories() from w in Weights() from days in Gen.Choose(0, 400) from needs in Gen.Elements(false, true) select (h, w, days, needs)).ToArbitrary(), t =>
        {
            var (h, w, days, needs) = t;
            var more = h with { Contacts = [.. h.Contacts, new HealthContact(Guid.NewGuid(), Now.AddDays(-days), Tone.Positive, null, needs)] };
            return HealthScore.Compute(more, w).Score >= HealthScore.Compute(h, w).Score;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void The_explanations_points_add_up_to_the_score_which_stays_between_0_and_100() =>
        Prop.ForAll((from h in Histories() from w in Weights() select (h, w)).ToArbitrary(), t =>
        {
            var r = HealthScore.Compute(t.h, t.w);
            return r.Factors.Sum(f => f.Points) == r.Score && r.Score is >= 0 and <= 100 && r.Band == HealthScore.BandOf(r.Score, t.w);
        }).QuickCheckThrowOnFailure();
}
