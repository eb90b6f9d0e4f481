namespace Rapport.Core.Orders;

/// <summary>What to say on the phone when the asked-for window cannot be promised: never a flat no.</summary>
public static class PhoneScript
{
    public static IReadOnlyList<string> For(bool loyal, bool requestedAvailable, IReadOnlyList<OrderOptions.Option> options)
    {
        if (requestedAvailable) return [];
        var lines = new List<string>();
        if (loyal)
        {
            lines.Add("A loyal customer: never refuse. Thank them for coming back.");
            if (options.Any(o => o.Kind == "loyalty-reserve")) lines.Add("Offer the loyalty reserve first: it is kept for customers like them.");
        }
        if (options.Count == 0)
        {
            lines.Add("We are closed for the coming days. Apologise, offer to call back when we open, and note it.");
            return lines;
        }
        lines.Add($"Say what we can do instead: \"{options[0].Promise}\".");
        if (options.Count > 1) lines.Add("If that does not suit, go down the list; every option is a promise we can keep.");
        lines.Add("Only if they decline everything, record it as turned away.");
        return lines;
    }
}
