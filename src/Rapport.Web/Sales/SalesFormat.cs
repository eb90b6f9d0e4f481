using System.Globalization;
using Rapport.Core.Customers;
using Rapport.Core.Sales;

namespace Rapport.Web.Sales;

/// <summary>Deals as the staff pages show them: amounts, days, roles, relationship strengths and step kinds in words.</summary>
public static class SalesFormat
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    /// <summary>"$48,500" in dollars (deals are whole sums), "48,500 EUR" in any other currency.</summary>
    public static string Money(decimal? amount, string currency) => amount is not { } a ? "—"
        : currency == "USD" ? a.ToString(a == decimal.Round(a) ? "C0" : "C2", English) : $"{a.ToString("N0", English)} {currency}";

    public static string Day(DateOnly? date) => date?.ToString("ddd d MMM yyyy", English) ?? "—";

    public static string Days(int days) => days == 1 ? "1 day" : $"{days} days";

    public static string Role(BuyingRole role) => StageGate.RoleName(role);

    public static string Strength(RelationshipStrength s) => s switch
    {
        RelationshipStrength.Met => "met",
        RelationshipStrength.Ally => "ally",
        RelationshipStrength.Champion => "champion",
        RelationshipStrength.Sceptic => "sceptic",
        _ => "unknown",
    };

    public static string StrengthBadge(RelationshipStrength s) => s switch
    {
        RelationshipStrength.Champion => "text-bg-success",
        RelationshipStrength.Ally => "text-bg-primary",
        RelationshipStrength.Met => "text-bg-info",
        RelationshipStrength.Sceptic => "text-bg-danger",
        _ => "text-bg-secondary",
    };

    public static string Kind(StepKind kind) => kind switch
    {
        StepKind.Questionnaire => "Questionnaire",
        StepKind.StakeholdersMapped => "Buying committee",
        StepKind.MeetingHeld => "Meeting held",
        StepKind.DocumentSent => "Document sent",
        StepKind.Checklist => "Checklist",
        _ => "Manager approval",
    };

    /// <summary>The camelCase the API and the forms use for an enum value, e.g. "decisionMaker".</summary>
    public static string Value<T>(T value) where T : struct, Enum
    {
        var s = value.ToString();
        return char.ToLowerInvariant(s[0]) + s[1..];
    }

    public static string Milestone(MilestoneState state) => state switch
    {
        MilestoneState.KeptOnTime => "kept on time",
        MilestoneState.Late => "kept late",
        MilestoneState.Overdue => "overdue",
        _ => "open",
    };
}
