using System.Text.Json;
using Rapport.Core.Health;

namespace Rapport.Web.Health;

/// <summary>The health badge beside the loyalty badge: band and score.</summary>
public sealed record HealthBadge(int Score, HealthBand Band)
{
    public string Label => $"{BandLabel(Band)} · {Score}";
    public string Css => Band switch
    {
        HealthBand.Healthy => "text-bg-success",
        HealthBand.Watch => "text-bg-warning",
        _ => "text-bg-danger",
    };

    public static HealthBadge? Of((int Score, HealthBand Band)? stored) => stored is { } s ? new(s.Score, s.Band) : null;

    public static string BandLabel(HealthBand band) => band switch
    {
        HealthBand.Healthy => "Healthy",
        HealthBand.Watch => "Watch",
        _ => "At risk",
    };

    /// <summary>Where a factor's evidence leads on the staff pages.</summary>
    public static string? Link(HealthEvidence e, Guid customerId) => e.Kind switch
    {
        "interaction" => $"/app/customers/{customerId}#entry-{e.Id}",
        "order" => $"/app/orders/{e.Id}",
        "deal" => $"/app/sales/deals/{e.Id}",
        "turnedAway" => $"/app/customers/{customerId}",
        _ => null,
    };

    public static string EvidenceLabel(HealthEvidence e) => e.Kind switch
    {
        "interaction" => "contact",
        "order" => "order",
        "deal" => "deal",
        "turnedAway" => "turned away",
        "milestone" => "promise",
        _ => e.Kind,
    };

    public static string FactorLabel(string key) => key switch
    {
        HealthScore.Keys.Baseline => "Starting point",
        HealthScore.Keys.Tone => "Tone of recent contacts",
        HealthScore.Keys.ServiceFailures => "Service failures",
        HealthScore.Keys.OpenComplaints => "Open complaints",
        HealthScore.Keys.TurnedAway => "Turned away",
        HealthScore.Keys.Rhythm => "Rhythm",
        HealthScore.Keys.Competitor => "Competitor circling",
        HealthScore.Keys.Complacency => "Complacency",
        HealthScore.Keys.SingleThreaded => "Single-threaded",
        HealthScore.Keys.Positive => "Positive signals",
        HealthScore.Keys.Limit => "Limit",
        _ => key,
    };

    /// <summary>The figures for a line chart (health.js draws canvas[data-health-chart]).</summary>
    public static string TrendJson(IReadOnlyList<HealthPoint> history) => JsonSerializer.Serialize(new
    {
        type = "line",
        labels = history.Select(h => h.Date.ToString("d MMM yy", System.Globalization.CultureInfo.InvariantCulture)),
        data = history.Select(h => h.Score),
        max = 100,
    }, JsonSerializerOptions.Web);
}
