using System.Text.Json;

namespace Rapport.Core.Concessions;

/// <summary>The ledger's words: kinds and statuses as the API spells them (camelCase) and as people read them.</summary>
public static class ConcessionWords
{
    public static string Value(ConcessionKind kind) => JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());
    public static string Value(ConcessionStatus status) => JsonNamingPolicy.CamelCase.ConvertName(status.ToString());

    /// <summary>Reads a kind as the API spells it, whatever the case; never a number.</summary>
    public static bool TryParse(string? text, out ConcessionKind kind) =>
        Enum.TryParse(text?.Trim(), ignoreCase: true, out kind) && Enum.IsDefined(kind) && !text!.Trim().All(char.IsAsciiDigit)
        && !text.Contains(',');

    public static bool TryParse(string? text, out ConcessionStatus status) =>
        Enum.TryParse(text?.Trim(), ignoreCase: true, out status) && Enum.IsDefined(status) && !text!.Trim().All(char.IsAsciiDigit)
        && !text.Contains(',');

    public static string Label(ConcessionKind kind) => kind switch
    {
        ConcessionKind.Discount => "Discount",
        ConcessionKind.FreeService => "Free service or call-out",
        ConcessionKind.WaivedFee => "Waived fee",
        ConcessionKind.FreeUpgrade => "Free upgrade",
        ConcessionKind.FreeDelivery => "Free delivery",
        ConcessionKind.ExtraItems => "Extra items",
        ConcessionKind.SkippedPriceIncrease => "Skipped price increase",
        ConcessionKind.ExtendedTerms => "Extended terms",
        _ => "Other",
    };

    public static string Label(ConcessionStatus status) => status switch
    {
        ConcessionStatus.Granted => "Granted",
        ConcessionStatus.AwaitingApproval => "Waiting for approval",
        _ => "Refused",
    };
}
