using Rapport.Core.Common;

namespace Rapport.Core.Occasions;

/// <summary>
/// An occasion as a person types it. The date is a month and day, or a rule such as "second Sunday of May";
/// Valentine's Day, Mother's Day and Christmas bring their own.
/// </summary>
public sealed record OccasionInput(OccasionType? Type, Guid? RecipientId, string? Label, int? Month, int? Day, string? Rule, decimal? UsualBudget)
{
    /// <summary>Checks the fields; on success the date rule the occasion falls on.</summary>
    public DateRule? Validate(Validator v)
    {
        v.MaxLength("label", Label, OccasionLimits.Label);
        Budget(v, UsualBudget);
        if (Type is not { } type || !Enum.IsDefined(type))
        {
            v.Add("type", "Say which occasion: birthday, anniversary, valentines, mothersDay, christmas or custom.");
            return null;
        }
        if (type == OccasionType.Custom && string.IsNullOrWhiteSpace(Label)) v.Add("label", "Name the occasion, e.g. \"Shop anniversary\".");
        if (Occasion.HolidayRule(type) is { } holiday) return holiday;

        if (!string.IsNullOrWhiteSpace(Rule))
        {
            if (Month is not null || Day is not null) v.Add("rule", "Give either a month and day or a rule, not both.");
            if (DateRule.TryParse(Rule, out var rule)) return rule;
            v.Add("rule", "Write the rule as \"second Sunday of May\" or \"last Friday of June\".");
            return null;
        }
        if (Month is null && Day is null)
        {
            v.Add("month", "Say when: a month and day, or a rule such as \"second Sunday of May\".");
            return null;
        }
        if (Month is not (>= 1 and <= 12)) v.Add("month", "A month from 1 to 12.");
        else if (Day is not { } day || day < 1 || day > DateTime.DaysInMonth(2000, Month.Value)) v.Add("day", $"A day from 1 to {DateTime.DaysInMonth(2000, Month.Value)}.");
        return v.IsValid ? DateRule.Fixed(Month!.Value, Day!.Value) : null;
    }

    public static void Budget(Validator v, decimal? budget)
    {
        if (budget is { } b && (b <= 0 || b > OccasionLimits.MaxBudget || decimal.Round(b, 2) != b))
            v.Add("usualBudget", $"An amount above 0 and at most {OccasionLimits.MaxBudget:0}, in cents at most.");
    }
}
