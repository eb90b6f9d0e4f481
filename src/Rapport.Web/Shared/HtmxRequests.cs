namespace Rapport.Web.Shared;

public static class HtmxRequests
{
    /// <summary>Whether htmx sent the request (and swaps the answer into the page), rather than a plain link or form.</summary>
    public static bool IsHtmx(this HttpRequest request) => request.Headers.ContainsKey("HX-Request");
}
