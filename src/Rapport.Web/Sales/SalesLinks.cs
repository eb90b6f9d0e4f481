using System.Text.Json.Serialization.Metadata;
using Rapport.Core.Sales;

namespace Rapport.Web.Sales;

/// <summary>The addresses of a quote's public page and a meeting's recording: the web layer's routes, not Core's.</summary>
public static class SalesLinks
{
    /// <summary>The page the customer opens; the token is the only key.</summary>
    public static string Quote(string token) => $"/quote/{token}";

    public static string Recording(Guid meetingId) => $"/api/meetings/{meetingId}/recording";

    /// <summary>Shows quotes with their <c>link</c> instead of the bare token, and recordings with their <c>url</c>, in the API's JSON.</summary>
    public static void AddToJson(JsonTypeInfo info)
    {
        if (info.Type == typeof(QuoteView)) Replace(info, "publicToken", "link", o => Quote(((QuoteView)o).PublicToken));
        else if (info.Type == typeof(RecordingView)) Replace(info, "meetingId", "url", o => Recording(((RecordingView)o).MeetingId));
    }

    private static void Replace(JsonTypeInfo info, string hidden, string name, Func<object, string> get)
    {
        var at = info.Properties.IndexOf(info.Properties.Single(p => p.Name == hidden));
        info.Properties.RemoveAt(at);
        var link = info.CreateJsonPropertyInfo(typeof(string), name);
        link.Get = get;
        info.Properties.Insert(at, link);
    }
}
