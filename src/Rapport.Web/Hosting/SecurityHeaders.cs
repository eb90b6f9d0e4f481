using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Rapport.Web.Hosting;

/// <summary>
/// Headers every answer carries, and the proxy in front of Rapport trusted only where configured: behind a
/// TLS-terminating balancer the scheme and the client's address come from its X-Forwarded-* headers, so cookies keep
/// <c>Secure</c> and the sign-in throttle sees the caller, not the balancer.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Trusted proxies from <c>Proxy:KnownProxies</c> (addresses) and <c>Proxy:KnownNetworks</c> (CIDR, e.g.
    /// <c>10.0.0.0/8</c>), each a comma-separated list. None configured: forwarded headers are ignored.
    /// </summary>
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration config)
    {
        var proxies = List(config["Proxy:KnownProxies"]);
        var networks = List(config["Proxy:KnownNetworks"]);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies) o.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var network in networks) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            // One balancer in front: the last address it appends is the client's.
            o.ForwardLimit = 1;
        });
        return services;
    }

    public static bool HasTrustedProxies(IConfiguration config) =>
        List(config["Proxy:KnownProxies"]).Length > 0 || List(config["Proxy:KnownNetworks"]).Length > 0;

    private static string[] List(string? value) =>
        (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>
    /// What a page may load and run: scripts only from Rapport's own files (no inline script, no event-handler
    /// attributes, no eval: behaviour comes from wwwroot/js through data- attributes), so stored text can never run.
    /// Inline styles stay allowed (htmx's indicator style, a few style attributes): they cannot run script.
    /// </summary>
    public const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
        + "connect-src 'self'; form-action 'self'; base-uri 'self'; object-src 'none'; frame-ancestors 'none'";

    // The API's own documentation page (Swagger UI) is a third-party page with inline script of its own.
    private static bool IsPage(HttpContext http) =>
        http.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true
        && !http.Request.Path.StartsWithSegments("/api/docs");

    /// <summary>
    /// No page is framed (clickjacking; the quote page is opened by link, not embedded), no answer is sniffed into
    /// another type, and no full address leaks to another site in the Referer.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            if (!headers.ContainsKey("Content-Security-Policy"))
                headers.ContentSecurityPolicy = IsPage(http) ? PagePolicy : "frame-ancestors 'none'";
            return Task.CompletedTask;
        });
        return next(http);
    });
}
