namespace Rapport.Core.Delivery;

/// <summary>The kinds of option as the API and the pages spell them: "window", "other-location", ...</summary>
public static class OptionKindNames
{
    public static string Name(this OptionKind kind) => kind switch
    {
        OptionKind.Window => "window",
        OptionKind.OtherLocation => "other-location",
        OptionKind.LoyaltyReserve => "loyalty-reserve",
        OptionKind.Partner => "partner",
        OptionKind.Pickup => "pickup",
        OptionKind.NextDay => "next-day",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static OptionKind? Parse(string? name) =>
        Enum.GetValues<OptionKind>().Cast<OptionKind?>().FirstOrDefault(k => string.Equals(k!.Value.Name(), name?.Trim(), StringComparison.OrdinalIgnoreCase));

    public static string All => string.Join(", ", Enum.GetValues<OptionKind>().Select(k => k.Name()));
}
