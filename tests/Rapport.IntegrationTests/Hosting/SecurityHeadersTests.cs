using System.Net;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Hosting;

/// <summary>Rapport on a real port that trusts a balancer on loopback, as behind nginx terminating TLS.</summary>
public sealed class ProxiedRapportApp : BrowserRapportApp
{
    public ProxiedRapportApp() => With("Proxy:KnownProxies", "127.0.0.1, ::1");
}

public sealed class SecurityHeadersTests(ProxiedRapportApp proxied) : IClassFixture<ProxiedRapportApp>, IClassFixture<RapportApp>
{
    [Theory]
    [InlineData("/login")]
    [InlineData("/shop/bloom")]
    [InlineData("/api/customers")]
    [InlineData("/health/live")]
    [InlineData("/no/such/page")]
    public async Task Every_answer_forbids_framing_and_sniffing_and_keeps_the_path_from_other_sites(string path)
    {
        var response = await proxied.CreateApiClient().GetAsync(path, Ct);

        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        response.Headers.GetValues("X-Frame-Options").ShouldBe(["DENY"]);
        response.Headers.GetValues("Referrer-Policy").ShouldBe(["strict-origin-when-cross-origin"]);
        string.Join(";", response.Headers.GetValues("Content-Security-Policy")).ShouldContain("frame-ancestors 'none'");
    }

    [Theory]
    [InlineData("/login")]
    [InlineData("/shop/bloom")]
    public async Task Pages_run_only_rapports_own_scripts(string path)
    {
        var response = await proxied.CreateApiClient().GetAsync(path, Ct);

        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        policy.ShouldContain("script-src 'self';");
        policy.ShouldNotContain("unsafe-eval");
        policy.ShouldNotContain("script-src 'self' 'unsafe-inline'");
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_that_ended_tls_the_request_is_https_and_gets_hsts()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/login");
        request.Headers.Host = "rapport.example";
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");

        var response = await proxied.CreateApiClient().SendAsync(request, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("Strict-Transport-Security").Single().ShouldStartWith("max-age=");
    }

    [Fact]
    public async Task Without_a_configured_proxy_forwarded_headers_are_ignored()
    {
        await using var plain = new BrowserRapportApp();
        await plain.InitializeAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/login");
        request.Headers.Host = "rapport.example";
        request.Headers.Add("X-Forwarded-Proto", "https");

        var response = await plain.CreateApiClient().SendAsync(request, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
    }
}
