using Rapport.Core.Delivery;

namespace Rapport.Web.Delivery;

/// <summary>The fields of the partner forms, as posted.</summary>
public sealed class PartnerFields
{
    public string? Name { get; set; }
    public string? ContactName { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public int? DailyCapacity { get; set; }
    public decimal? Fee { get; set; }
    public bool Active { get; set; } = true;

    /// <summary>The form sends every field: emptied ones are cleared.</summary>
    public PartnerInput ToInput() => new(Name ?? "", ContactName ?? "", Phone ?? "", Email ?? "", DailyCapacity, Fee ?? 0m, Active);
}
