using Rapport.Core.Timeline;

namespace Rapport.Core.Health;

public enum HealthBand { Healthy, Watch, AtRisk }

/// <summary>A contact as health reads it: when, how it went, a competitor named, whether the customer's needs were confirmed.</summary>
public sealed record HealthContact(Guid Id, DateTime At, Tone Tone, string? Competitor = null, bool NeedsConfirmed = false);

/// <summary>An order as health reads it; <paramref name="Late"/> is a delivery after its promised time.</summary>
public sealed record HealthOrder(Guid Id, DateTime PlacedAt, decimal Total, bool Failed = false, bool CancelledByUs = false, bool Late = false);

/// <summary>Competitors named on one of the customer's open deals.</summary>
public sealed record HealthDeal(Guid Id, IReadOnlyList<string> Competitors);

/// <summary>Everything the score reads about one customer, as plain data.</summary>
/// <param name="Stakeholders">Known people of an organisation; null for a person.</param>
/// <param name="HasDecisionMaker">Whether one of them is known as the decision maker.</param>
/// <param name="NeedsConfirmedAt">The last time the needs were confirmed other than by a contact (a meeting, a click).</param>
/// <param name="MissedMilestones">Promises on the customer's deals past their date and not kept.</param>
/// <param name="ActiveAccount">Did business with us in the last year other than by orders (a deal, a service contract), for complacency.</param>
public sealed record HealthInputs(
    DateTime Now,
    IReadOnlyList<HealthContact> Contacts,
    IReadOnlyList<HealthOrder> Orders,
    IReadOnlyList<(Guid Id, DateTime At)> TurnedAway,
    IReadOnlyList<HealthDeal> OpenDeals,
    int? Stakeholders = null,
    bool HasDecisionMaker = false,
    DateTime? NeedsConfirmedAt = null,
    IReadOnlyList<Guid>? MissedMilestones = null,
    bool ActiveAccount = false);

/// <summary>
/// How much each factor weighs; the owner may change them. Penalties are points taken off at full strength (a
/// contact today), bonuses points added; each factor is capped at its weight times its cap.
/// </summary>
public sealed record HealthWeights
{
    public int Baseline { get; init; } = 75;
    public int NegativeContact { get; init; } = 12;
    public int PositiveContact { get; init; } = 4;
    public int ServiceFailure { get; init; } = 10;
    public int OpenComplaint { get; init; } = 10;
    public int TurnedAway { get; init; } = 15;
    public int Rhythm { get; init; } = 20;
    public int Competitor { get; init; } = 12;
    public int Complacency { get; init; } = 8;
    public int SingleThreaded { get; init; } = 8;
    public int GrowingSpend { get; init; } = 6;
    /// <summary>A score at or above this is healthy.</summary>
    public int HealthyFrom { get; init; } = 70;
    /// <summary>A score below this is at risk; between the two, watch.</summary>
    public int AtRiskBelow { get; init; } = 45;
    /// <summary>Needs confirmed longer ago than this count as complacency.</summary>
    public int ComplacencyDays { get; init; } = 180;
    /// <summary>Days over which a contact or failure loses half its weight.</summary>
    public int HalfLifeDays { get; init; } = 60;

    public static readonly HealthWeights Default = new();

    /// <summary>Field name and message for each value out of range; empty when all are fine.</summary>
    public IEnumerable<(string Field, string Message)> Problems()
    {
        foreach (var (name, value) in new (string, int)[]
        {
            ("baseline", Baseline), ("negativeContact", NegativeContact), ("positiveContact", PositiveContact),
            ("serviceFailure", ServiceFailure), ("openComplaint", OpenComplaint), ("turnedAway", TurnedAway), ("rhythm", Rhythm),
            ("competitor", Competitor), ("complacency", Complacency), ("singleThreaded", SingleThreaded), ("growingSpend", GrowingSpend),
        })
            if (value is < 0 or > 100) yield return (name, "Between 0 and 100.");
        if (HealthyFrom is < 1 or > 100) yield return ("healthyFrom", "Between 1 and 100.");
        if (AtRiskBelow < 1 || AtRiskBelow > HealthyFrom) yield return ("atRiskBelow", "Between 1 and the healthy threshold.");
        if (ComplacencyDays is < 7 or > 3650) yield return ("complacencyDays", "Between 7 and 3650 days.");
        if (HalfLifeDays is < 1 or > 730) yield return ("halfLifeDays", "Between 1 and 730 days.");
    }
}

public sealed record HealthEvidence(string Kind, Guid Id);

public sealed record HealthFactor(string Key, int Points, string Detail, IReadOnlyList<HealthEvidence> Evidence);

public sealed record HealthResult(int Score, HealthBand Band, IReadOnlyList<HealthFactor> Factors);

/// <summary>
/// The health of one relationship, 0–100, as a pure function of plain data: the same inputs give the same score and
/// the same explanation, whose points add up to the score. Bad news never raises it, good news never lowers it.
/// </summary>
public static class HealthScore
{
    public static class Keys
    {
        public const string Baseline = "baseline";
        public const string Tone = "tone";
        public const string ServiceFailures = "serviceFailures";
        public const string OpenComplaints = "openComplaints";
        public const string TurnedAway = "turnedAway";
        public const string Rhythm = "rhythm";
        public const string Competitor = "competitor";
        public const string Complacency = "complacency";
        public const string SingleThreaded = "singleThreaded";
        public const string Positive = "positive";
        public const string Limit = "limit";

        public static readonly IReadOnlyList<string> All =
            [Tone, ServiceFailures, OpenComplaints, TurnedAway, Rhythm, Competitor, Complacency, SingleThreaded, Positive];
    }

    /// <summary>How far back contacts, failures and turned-away orders count.</summary>
    public const int WindowDays = 365;

    public static HealthResult Compute(HealthInputs input, HealthWeights w)
    {
        var factors = new List<HealthFactor> { new(Keys.Baseline, w.Baseline, "Where every relationship starts", []) };
        Add(factors, Tone(input, w));
        Add(factors, ServiceFailures(input, w));
        Add(factors, OpenComplaints(input, w));
        Add(factors, TurnedAway(input, w));
        Add(factors, Rhythm(input, w));
        Add(factors, Competitor(input, w));
        Add(factors, Complacency(input, w));
        Add(factors, SingleThreaded(input, w));
        Add(factors, Positive(input, w));

        var raw = factors.Sum(f => f.Points);
        var score = Math.Clamp(raw, 0, 100);
        if (score != raw) factors.Add(new(Keys.Limit, score - raw, "The score stays between 0 and 100", []));
        return new HealthResult(score, BandOf(score, w), factors);
    }

    public static HealthBand BandOf(int score, HealthWeights w) =>
        score >= w.HealthyFrom ? HealthBand.Healthy : score < w.AtRiskBelow ? HealthBand.AtRisk : HealthBand.Watch;

    /// <summary>When the customer's needs were last confirmed, by a contact or otherwise.</summary>
    public static DateTime? NeedsConfirmedAt(HealthInputs input)
    {
        var byContact = input.Contacts.Where(c => c.NeedsConfirmed && c.Tone != Timeline.Tone.Negative && c.At <= input.Now)
            .Select(c => (DateTime?)c.At).Max();
        return Max(byContact, input.NeedsConfirmedAt);
    }

    private static void Add(List<HealthFactor> factors, HealthFactor? factor)
    {
        if (factor is not null && factor.Points != 0) factors.Add(factor);
    }

    private static double Decay(DateTime at, DateTime now, HealthWeights w)
    {
        var days = Math.Max(0, (now - at).TotalDays);
        return Math.Pow(0.5, days / w.HalfLifeDays);
    }

    private static IEnumerable<HealthContact> Recent(HealthInputs input) =>
        input.Contacts.Where(c => c.At <= input.Now && (input.Now - c.At).TotalDays <= WindowDays);

    // Negative weighs more than positive; penalties and bonuses are rounded apart so adding either moves the score one way.
    private static HealthFactor? Tone(HealthInputs input, HealthWeights w)
    {
        var negative = Recent(input).Where(c => c.Tone == Timeline.Tone.Negative).ToList();
        var positive = Recent(input).Where(c => c.Tone == Timeline.Tone.Positive).ToList();
        var minus = (int)Math.Round(Math.Min(3.0, negative.Sum(c => Decay(c.At, input.Now, w))) * w.NegativeContact);
        var plus = (int)Math.Round(Math.Min(3.0, positive.Sum(c => Decay(c.At, input.Now, w))) * w.PositiveContact);
        if (negative.Count == 0 && positive.Count == 0) return null;
        return new(Keys.Tone, plus - minus,
            $"{positive.Count} positive and {negative.Count} negative contact(s) in the last year, recent ones weighing most",
            [.. negative.Concat(positive).OrderByDescending(c => c.At).Take(10).Select(c => new HealthEvidence("interaction", c.Id))]);
    }

    private static HealthFactor? ServiceFailures(HealthInputs input, HealthWeights w)
    {
        var failures = input.Orders.Where(o => (o.Failed || o.CancelledByUs || o.Late) && o.PlacedAt <= input.Now
            && (input.Now - o.PlacedAt).TotalDays <= WindowDays).ToList();
        var missed = input.MissedMilestones ?? [];
        if (failures.Count == 0 && missed.Count == 0) return null;
        var weight = failures.Sum(o => Decay(o.PlacedAt, input.Now, w) * (o.Failed || o.CancelledByUs ? 1.0 : 0.5)) + 0.5 * missed.Count;
        var points = -(int)Math.Round(Math.Min(3.0, weight) * w.ServiceFailure);
        var parts = new List<string>();
        if (failures.Count(o => o.Failed) is > 0 and var f) parts.Add($"{f} failed deliver{(f == 1 ? "y" : "ies")}");
        if (failures.Count(o => o.Late && !o.Failed) is > 0 and var l) parts.Add($"{l} late");
        if (failures.Count(o => o.CancelledByUs) is > 0 and var c) parts.Add($"{c} cancelled by us");
        if (missed.Count > 0) parts.Add($"{missed.Count} promise(s) missed");
        return new(Keys.ServiceFailures, points, string.Join(", ", parts),
            [.. failures.OrderByDescending(o => o.PlacedAt).Take(10).Select(o => new HealthEvidence("order", o.Id)),
             .. missed.Take(5).Select(id => new HealthEvidence("milestone", id))]);
    }

    // A negative contact stays open until a contact that went better is logged after it.
    private static HealthFactor? OpenComplaints(HealthInputs input, HealthWeights w)
    {
        var recent = Recent(input).ToList();
        var open = recent.Where(n => n.Tone == Timeline.Tone.Negative && (input.Now - n.At).TotalDays <= 180
            && !recent.Any(r => r.Tone != Timeline.Tone.Negative && r.At > n.At)).OrderByDescending(c => c.At).ToList();
        if (open.Count == 0) return null;
        return new(Keys.OpenComplaints, -Math.Min(3, open.Count) * w.OpenComplaint,
            $"{open.Count} negative contact(s) with nothing better logged since",
            [.. open.Take(10).Select(c => new HealthEvidence("interaction", c.Id))]);
    }

    private static HealthFactor? TurnedAway(HealthInputs input, HealthWeights w)
    {
        var turned = input.TurnedAway.Where(t => t.At <= input.Now && (input.Now - t.At).TotalDays <= WindowDays).ToList();
        if (turned.Count == 0) return null;
        var points = -(int)Math.Round(Math.Min(2.0, turned.Sum(t => Decay(t.At, input.Now, w))) * w.TurnedAway);
        return new(Keys.TurnedAway, points, $"Turned away {turned.Count} time(s) in the last year",
            [.. turned.OrderByDescending(t => t.At).Take(10).Select(t => new HealthEvidence("turnedAway", t.Id))]);
    }

    /// <summary>The customer's own usual interval between orders (median gap), from three good orders on.</summary>
    public static double? UsualIntervalDays(HealthInputs input)
    {
        var dates = input.Orders.Where(o => !o.Failed && !o.CancelledByUs && o.PlacedAt <= input.Now)
            .Select(o => o.PlacedAt).Order().ToList();
        if (dates.Count < 3) return null;
        var gaps = dates.Zip(dates.Skip(1), (a, b) => (b - a).TotalDays).Where(g => g >= 1).Order().ToList();
        if (gaps.Count == 0) return null;
        return Math.Max(7, gaps[gaps.Count / 2]);
    }

    // Silence is measured from the last good order or a contact that was not a complaint: bad news is not a sign of life.
    private static HealthFactor? Rhythm(HealthInputs input, HealthWeights w)
    {
        if (UsualIntervalDays(input) is not { } usual) return null;
        var lastOrder = input.Orders.Where(o => !o.Failed && !o.CancelledByUs && o.PlacedAt <= input.Now).Max(o => (DateTime?)o.PlacedAt);
        var lastContact = input.Contacts.Where(c => c.Tone != Timeline.Tone.Negative && c.At <= input.Now).Max(c => (DateTime?)c.At);
        var last = Max(lastOrder, lastContact);
        if (last is null) return null;
        var silence = (input.Now - last.Value).TotalDays;
        var ratio = silence / usual;
        if (ratio <= 1.5) return null;
        var points = -(int)Math.Round(Math.Min(1.0, (ratio - 1.5) / 2.5) * w.Rhythm);
        return new(Keys.Rhythm, points,
            $"Silent for {Math.Round(silence)} days against a usual {Math.Round(usual)} days between orders", []);
    }

    private static HealthFactor? Competitor(HealthInputs input, HealthWeights w)
    {
        var mentions = Recent(input).Where(c => !string.IsNullOrWhiteSpace(c.Competitor) && (input.Now - c.At).TotalDays <= 180)
            .OrderByDescending(c => c.At).ToList();
        var deals = input.OpenDeals.Where(d => d.Competitors.Count > 0).ToList();
        if (mentions.Count == 0 && deals.Count == 0) return null;
        var names = mentions.Select(m => m.Competitor!.Trim()).Concat(deals.SelectMany(d => d.Competitors))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var weight = Math.Min(1.5, mentions.Sum(c => Decay(c.At, input.Now, w)) + 0.5 * deals.Count);
        var points = -(int)Math.Round(weight * w.Competitor);
        return new(Keys.Competitor, points, $"Competitor circling: {string.Join(", ", names)}",
            [.. mentions.Take(10).Select(c => new HealthEvidence("interaction", c.Id)), .. deals.Select(d => new HealthEvidence("deal", d.Id))]);
    }

    // Complacency counts for accounts (organisations) that bought in the last year: we stop asking and start assuming.
    private static HealthFactor? Complacency(HealthInputs input, HealthWeights w)
    {
        if (input.Stakeholders is null || !BoughtThisYear(input)) return null;
        var confirmed = NeedsConfirmedAt(input);
        var days = confirmed is { } at ? (input.Now - at).TotalDays : double.MaxValue;
        if (days <= w.ComplacencyDays) return null;
        var detail = confirmed is null ? "Needs never confirmed" : $"Needs last confirmed {Ago(days)}";
        return new(Keys.Complacency, -w.Complacency, detail + " — ask, don't assume", []);
    }

    /// <summary>Bought in the last year: a good order, or business done otherwise (a deal, a contract).</summary>
    public static bool BoughtThisYear(HealthInputs input) => input.ActiveAccount
        || input.Orders.Any(o => !o.Failed && o.PlacedAt <= input.Now && (input.Now - o.PlacedAt).TotalDays <= 365);

    private static HealthFactor? SingleThreaded(HealthInputs input, HealthWeights w)
    {
        if (input.Stakeholders is not { } people) return null;
        if (people > 1 && input.HasDecisionMaker) return null;
        var detail = people <= 1 ? $"Known through {(people == 0 ? "nobody" : "one person")} only" : "No decision maker known";
        return new(Keys.SingleThreaded, -w.SingleThreaded, detail, []);
    }

    // Growing spend: the last six months' good orders against the six before, by more than a tenth.
    private static HealthFactor? Positive(HealthInputs input, HealthWeights w)
    {
        var good = input.Orders.Where(o => !o.Failed && !o.CancelledByUs && o.PlacedAt <= input.Now).ToList();
        var recent = good.Where(o => (input.Now - o.PlacedAt).TotalDays <= 182).Sum(o => o.Total);
        var before = good.Where(o => (input.Now - o.PlacedAt).TotalDays is > 182 and <= 365).Sum(o => o.Total);
        if (before <= 0 || recent <= before * 1.1m) return null;
        return new(Keys.Positive, w.GrowingSpend, $"Spend growing: {recent:0} in the last six months against {before:0} before", []);
    }

    public static string Ago(double days) => days switch
    {
        < 45 => $"{Math.Round(days)} days ago",
        < 365 * 2 => $"{Math.Round(days / 30.44)} months ago",
        _ => $"{Math.Round(days / 365.25)} years ago",
    };

    private static DateTime? Max(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
