namespace Rapport.Core.Occasions;

/// <summary>
/// Proposes the occasions a customer's order history shows but nobody typed in: the same recipient ordered for
/// around the same calendar date (or the same holiday, which may move, like Mother's Day) in at least two of
/// the last three years, or orders tagged with an occasion that comes back every year. A pure function over
/// plain data, so it runs the same for one customer and for a whole business.
/// </summary>
public static class OccasionInference
{
    /// <summary>An order as inference reads it: whose, for whom, the day it was for, and its occasion tag.</summary>
    public readonly record struct OrderFact(Guid OrderId, Guid CustomerId, Guid? RecipientId, DateOnly Date, string? Tag, decimal? Amount);

    /// <summary>A proposed occasion with how sure it is (0 to 1) and the orders it rests on.</summary>
    public sealed record Proposal(
        Guid CustomerId, Guid? RecipientId, OccasionType Type, string? Label, DateRule Rule, double Confidence,
        IReadOnlyList<Guid> Evidence, decimal? UsualBudget);

    /// <summary>Orders up to this many days before the day count for it (people order ahead; closed Sundays move a delivery to Saturday).</summary>
    public const int DaysBefore = 6;
    /// <summary>... and this many after (a late delivery, a belated birthday).</summary>
    public const int DaysAfter = 2;
    /// <summary>Untagged orders around the same date must come back in this many of the last <see cref="RecentYears"/> years.</summary>
    public const int YearsNeeded = 2;
    public const int RecentYears = 3;
    /// <summary>Below this a proposal would be more noise than help.</summary>
    public const double MinimumConfidence = 0.4;

    private const int Width = DaysBefore + DaysAfter;

    /// <summary>Proposals for every customer in <paramref name="orders"/>, in no particular order.</summary>
    /// <param name="today">The business's today: only orders for days up to it are history.</param>
    public static List<Proposal> Infer(IEnumerable<OrderFact> orders, DateOnly today)
    {
        var proposals = new List<Proposal>();
        // Tags are read once per order, not once per question asked of it.
        var tags = new Dictionary<string, OccasionType?>(StringComparer.Ordinal);
        var facts = orders.Where(o => o.Date <= today).Select(o =>
        {
            OccasionType? kind = null;
            if (o.Tag is { } tag && !tags.TryGetValue(tag, out kind)) tags[tag] = kind = Occasion.TypeOfTag(tag);
            return new Fact(o, kind, DayOfYear(o.Date));
        });
        foreach (var group in facts.GroupBy(f => (f.Order.CustomerId, f.Order.RecipientId)))
            InferFor(group.Key.CustomerId, group.Key.RecipientId, group.ToList(), today, proposals);
        return proposals;
    }

    private readonly record struct Fact(OrderFact Order, OccasionType? Kind, int DayOfYear)
    {
        public DateOnly Date => Order.Date;
    }

    private static void InferFor(Guid customerId, Guid? recipientId, List<Fact> orders, DateOnly today, List<Proposal> into)
    {
        var left = orders;
        // Holidays first: their day is known, and Mother's Day moves, so a calendar date would miss it.
        foreach (var type in Holidays)
        {
            var rule = Occasion.HolidayRule(type)!.Value;
            // Orders around the day tagged for something else (a birthday on Feb 13) are that other occasion.
            var near = left.Where(o => (o.Kind is null || o.Kind == type) && Offset(rule, o.Date) is >= -DaysBefore and <= DaysAfter).ToList();
            if (near.Count == 0) continue;
            if (Propose(customerId, recipientId, type, null, rule, near, near.Any(o => o.Kind == type), today, into) is { } used)
                left = Without(left, used);
        }

        // Birthdays and anniversaries tagged as such: the date is theirs; the tag says what it is, and the
        // untagged orders around the same date are the same occasion in the years nobody said so.
        foreach (var type in new[] { OccasionType.Birthday, OccasionType.Anniversary })
        {
            if (!left.Any(o => o.Kind == type)) continue;
            foreach (var cluster in Clusters(left.Where(o => o.Kind == type).ToList()))
            {
                var candidates = left.Where(o => o.Kind is null || o.Kind == type).ToList();
                if (Propose(customerId, recipientId, type, null, Day(cluster), candidates, tagged: true, today, into) is { } used)
                    left = Without(left, used);
            }
        }

        // Whatever else comes back around the same date every year.
        var untagged = left.Where(o => o.Kind is null).ToList();
        if (untagged.Count < YearsNeeded) return;
        foreach (var cluster in Clusters(untagged))
        {
            if (cluster.Count < YearsNeeded) continue;
            var label = cluster.Where(o => !string.IsNullOrWhiteSpace(o.Order.Tag)).GroupBy(o => o.Order.Tag!.Trim(), StringComparer.OrdinalIgnoreCase)
                .OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
            Propose(customerId, recipientId, OccasionType.Custom, label, Day(cluster), cluster, tagged: false, today, into);
        }
    }

    private static readonly OccasionType[] Holidays = [OccasionType.Valentines, OccasionType.MothersDay, OccasionType.Christmas];

    private static List<Fact> Without(List<Fact> all, List<Fact> used)
    {
        var ids = used.Select(f => f.Order.OrderId).ToHashSet();
        return all.Where(f => !ids.Contains(f.Order.OrderId)).ToList();
    }

    /// <summary>Adds the proposal when the orders bear it out; returns the orders it rests on, or null.</summary>
    private static List<Fact>? Propose(Guid customerId, Guid? recipientId, OccasionType type, string? label, DateRule rule,
        List<Fact> cluster, bool tagged, DateOnly today, List<Proposal> into)
    {
        var evidence = cluster.Where(o => Offset(rule, o.Date) is >= -DaysBefore and <= DaysAfter).ToList();
        if (evidence.Count == 0) return null;
        var years = evidence.Select(o => rule.Nearest(o.Date).Year).ToHashSet();
        var latest = rule.In(today.Year) <= today ? today.Year : today.Year - 1;
        var recent = Enumerable.Range(latest - RecentYears + 1, RecentYears).Count(years.Contains);
        var confidence = Confidence(tagged, recent, years.Count);
        if (confidence < MinimumConfidence || (!tagged && recent < YearsNeeded) || (tagged && recent == 0)) return null;

        var amounts = evidence.Where(o => o.Order.Amount is > 0).OrderBy(o => o.Date).TakeLast(RecentYears).Select(o => o.Order.Amount!.Value).Order().ToList();
        decimal? budget = amounts.Count == 0 ? null : amounts[amounts.Count / 2];
        into.Add(new Proposal(customerId, recipientId, type, label, rule, confidence,
            evidence.OrderBy(o => o.Date).Select(o => o.Order.OrderId).ToList(), budget));
        return evidence;
    }

    /// <summary>
    /// A tag says what the day is; each of the last three years that has it says it is still kept; older years
    /// add a little more.
    /// </summary>
    public static double Confidence(bool tagged, int recentYears, int allYears)
    {
        var score = (tagged ? 0.35 : 0.0) + 0.2 * Math.Min(recentYears, RecentYears) + 0.05 * Math.Min(allYears - recentYears, 4);
        return Math.Round(Math.Min(score, 0.99), 2);
    }

    /// <summary>Days from the occurrence of the rule nearest to the date (negative: before it).</summary>
    private static int Offset(DateRule rule, DateOnly date) => date.DayNumber - rule.Nearest(date).DayNumber;

    /// <summary>
    /// Groups orders whose day of the year lies within <see cref="Width"/> days of each other (across New Year too),
    /// the group with the most years first.
    /// </summary>
    private static IEnumerable<List<Fact>> Clusters(List<Fact> orders)
    {
        var left = orders.OrderBy(o => o.DayOfYear).ThenBy(o => o.Date).ToList();
        while (left.Count > 0)
        {
            List<Fact>? best = null;
            (int Years, int Count, int Span) bestScore = default;
            foreach (var anchor in left)
            {
                var start = anchor.DayOfYear;
                var members = left.Where(o => (o.DayOfYear - start + 365) % 365 <= Width).ToList();
                // An order just after New Year belongs to the year the cluster started in.
                var years = members.Select(o => o.Date.Year - (o.DayOfYear < start ? 1 : 0)).Distinct().Count();
                var span = members.Max(o => (o.DayOfYear - start + 365) % 365);
                if (best is null || years > bestScore.Years || (years == bestScore.Years
                    && (members.Count > bestScore.Count || (members.Count == bestScore.Count && span < bestScore.Span))))
                {
                    best = members;
                    bestScore = (years, members.Count, span);
                }
            }
            yield return best!;
            left = Without(left, best!);
        }
    }

    /// <summary>The day of a non-leap year, so Mar 1 is day 60 in every year; Feb 29 counts as Feb 28.</summary>
    private static int DayOfYear(DateOnly d) => new DateOnly(2001, d.Month, d is { Month: 2, Day: 29 } ? 28 : d.Day).DayOfYear - 1;

    /// <summary>
    /// The occasion's own day: orders arrive on it or shortly before, so the latest day of the most recent
    /// orders; a later one only if it came back too.
    /// </summary>
    private static DateRule Day(List<Fact> cluster)
    {
        var byDay = cluster.GroupBy(o => (o.Date.Month, Day: o.Date.Day))
            .Select(g => (g.Key.Month, g.Key.Day, Count: g.Select(o => o.Date.Year).Distinct().Count(), Latest: g.Max(o => o.Date)))
            .OrderByDescending(x => x.Count).ThenByDescending(x => x.Latest).First();
        return DateRule.Fixed(byDay.Month, byDay.Day);
    }

    /// <summary>Whether an occasion on file (whatever its status) already covers a proposal, so it is not proposed again.</summary>
    public static bool Covers(Guid? recipientId, OccasionType type, DateRule rule, Proposal proposal)
    {
        if (recipientId != proposal.RecipientId) return false;
        if (type == proposal.Type && type != OccasionType.Custom) return true;
        // The same day under another name (a custom "Maria's day" near her birthday): the date decides.
        var a = rule.In(2001);
        var b = proposal.Rule.In(2001);
        var apart = Math.Abs(a.DayNumber - b.DayNumber);
        return Math.Min(apart, 365 - apart) <= Width;
    }
}
