using Rapport.Core.Occasions;

namespace Rapport.Web.Occasions;

/// <summary>An occasion as typed into a form: by staff on the customer page, or by the customer in the shop.</summary>
public sealed class OccasionForm
{
    public OccasionType? Type { get; set; }
    public Guid? RecipientId { get; set; }
    public string? Label { get; set; }
    public int? Month { get; set; }
    public int? Day { get; set; }
    public string? Rule { get; set; }
    public decimal? UsualBudget { get; set; }

    public OccasionInput Input() => new(Type, RecipientId, Label, Month, Day, string.IsNullOrWhiteSpace(Rule) ? null : Rule, UsualBudget);
}
