using System.Globalization;
using Rapport.Core.Orders;

namespace Rapport.Web.Pages.Shop;

/// <summary>An option offered on the order form, written into one form value and read back as the fulfilment to place.</summary>
public static class OptionChoice
{
    public static string Key(OrderOptions.Option o) =>
        string.Join('|', o.Kind, o.WindowId, o.PartnerId, o.LocationId, o.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>The fulfilment named by a key, or null for anything else; what it names is checked when the order is placed.</summary>
    public static PlaceOrder.FulfilmentInput? Parse(string? key)
    {
        var parts = key?.Split('|');
        if (parts is not { Length: 5 }) return null;
        static Guid? Id(string s) => Guid.TryParse(s, out var id) ? id : null;
        var date = DateOnly.TryParseExact(parts[4], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : (DateOnly?)null;
        return new PlaceOrder.FulfilmentInput(parts[0], Id(parts[1]), Id(parts[2]), Id(parts[3]), date);
    }
}
