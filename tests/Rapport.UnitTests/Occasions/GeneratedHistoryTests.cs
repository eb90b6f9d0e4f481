using Rapport.Core.Occasions;
using static Rapport.Core.Occasions.OccasionInference;

namespace Rapport.UnitTests.Occasions;

/// <summary>
/// Inference against a history whose true occasions are known: thousands of customers who keep a few yearly
/// occasions (tagged in some years, not in others, delivered a few days early or on a Saturday) among one-off
/// orders on random days.
/// </summary>
public class GeneratedHistoryTests(ITestOutputHelper output)
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly string?[] OneOffTags = [null, null, "Thank you", "Get well", "Sympathy", "Congratulations", "Just because", "Housewarming"];

    private sealed record Truth(Guid CustomerId, Guid RecipientId, OccasionType Type, DateRule Rule);

    [Fact]
    public void Precision_and_recall_are_at_least_nine_in_ten()
    {
        var random = new Random(4);
        var truths = new List<Truth>();
        var orders = new List<OrderFact>();
        for (var c = 0; c < 5000; c++)
        {
            var customer = Guid.NewGuid();
            var recipients = Enumerable.Range(0, random.Next(1, 4)).Select(_ => Guid.NewGuid()).ToArray();
            foreach (var recipient in recipients)
            {
                var kept = new List<DateRule>();
                var kinds = new List<OccasionType>();
                var roll = random.NextDouble();
                if (roll < 0.35) kinds.Add(OccasionType.Birthday);
                if (roll is > 0.2 and < 0.45) kinds.Add(OccasionType.Valentines);
                if (roll is > 0.4 and < 0.55) kinds.Add(OccasionType.MothersDay);
                if (roll is > 0.5 and < 0.65) kinds.Add(OccasionType.Anniversary);
                if (roll is > 0.6 and < 0.72) kinds.Add(OccasionType.Custom);
                if (roll > 0.95) kinds.Add(OccasionType.Christmas);
                foreach (var type in kinds)
                {
                    var rule = Occasion.HolidayRule(type) ?? RandomDay(random);
                    // Two occasions of one person within a fortnight are one occasion to anyone reading the orders.
                    if (kept.Any(k => Near(k, rule, 14))) continue;
                    kept.Add(rule);
                    truths.Add(new Truth(customer, recipient, type, rule));
                    orders.AddRange(Kept(random, customer, recipient, type, rule));
                }
            }
            // Noise: one-off orders on random days for anyone on file.
            for (var n = random.Next(0, 5); n > 0; n--)
                orders.Add(new OrderFact(Guid.NewGuid(), customer, recipients[random.Next(recipients.Length)],
                    Today.AddDays(-random.Next(0, 5 * 365)), OneOffTags[random.Next(OneOffTags.Length)], random.Next(40, 150)));
        }

        Infer(orders, Today);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var proposals = Infer(orders, Today);
        clock.Stop();

        var byRecipient = truths.ToLookup(t => (t.CustomerId, t.RecipientId));
        var found = new HashSet<Truth>();
        var right = 0;
        foreach (var p in proposals)
        {
            var match = byRecipient[(p.CustomerId, p.RecipientId!.Value)]
                .FirstOrDefault(t => !found.Contains(t) && Near(t.Rule, p.Rule, 7) && (p.Type == OccasionType.Custom || p.Type == t.Type));
            if (match is null) continue;
            found.Add(match);
            right++;
        }
        var precision = (double)right / proposals.Count;
        var recall = (double)found.Count / truths.Count;
        output.WriteLine($"{truths.Count} true occasions, {orders.Count} orders, {proposals.Count} proposals in {clock.ElapsedMilliseconds} ms: precision {precision:P1}, recall {recall:P1}");
        TestContext.Current.SendDiagnosticMessage($"Occasion inference: precision {precision:P1}, recall {recall:P1} ({truths.Count} true occasions, {proposals.Count} proposals)");

        truths.Count.ShouldBeGreaterThan(3000);
        precision.ShouldBeGreaterThanOrEqualTo(0.9);
        recall.ShouldBeGreaterThanOrEqualTo(0.9);
    }

    private static DateRule RandomDay(Random random)
    {
        var day = new DateOnly(2000, 1, 1).AddDays(random.Next(366));
        return DateRule.Fixed(day.Month, day.Day);
    }

    /// <summary>
    /// The orders of an occasion the customer keeps: at least two of the last three years, most older years;
    /// delivered on the day or up to four days early (a Sunday moves to Saturday), tagged in about half of them.
    /// </summary>
    private static IEnumerable<OrderFact> Kept(Random random, Guid customer, Guid recipient, OccasionType type, DateRule rule)
    {
        var latest = rule.In(Today.Year) <= Today ? Today.Year : Today.Year - 1;
        var recent = Enumerable.Range(latest - 2, 3).Where(_ => random.NextDouble() < 0.75).ToList();
        while (recent.Count < 2) recent = Enumerable.Range(latest - 2, 3).OrderBy(_ => random.Next()).Take(2).ToList();
        var older = Enumerable.Range(latest - 7, 5).Where(_ => random.NextDouble() < 0.5);
        var tagged = random.NextDouble() < 0.6;
        foreach (var year in recent.Concat(older))
        {
            var day = rule.In(year).AddDays(-random.Next(0, 5));
            if (day.DayOfWeek == DayOfWeek.Sunday) day = day.AddDays(-1);
            var tag = type == OccasionType.Custom || !tagged || random.NextDouble() < 0.3 ? null : Occasion.Name(type, null);
            yield return new OrderFact(Guid.NewGuid(), customer, recipient, day, tag, random.Next(40, 150));
        }
    }

    private static bool Near(DateRule a, DateRule b, int days)
    {
        var apart = Math.Abs(a.In(2001).DayNumber - b.In(2001).DayNumber);
        return Math.Min(apart, 365 - apart) <= days;
    }
}
