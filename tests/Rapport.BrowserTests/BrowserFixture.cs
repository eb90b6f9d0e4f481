using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(Rapport.BrowserTests.BrowserFixture))]

namespace Rapport.BrowserTests;

/// <summary>
/// One headless Debian Chromium for the whole test run, driven by Playwright; each test gets a new
/// context (cookies, storage, viewport) from <see cref="NewContextAsync"/>.
/// Without Chromium the tests skip, except under CI=true, where they fail.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Debian's Chromium; RAPPORT_CHROMIUM points elsewhere (e.g. to check the skip path).</summary>
    public static string ChromiumPath { get; } = Environment.GetEnvironmentVariable("RAPPORT_CHROMIUM") ?? "/usr/bin/chromium";

    private static readonly string[] LaunchArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? playwright;
    private IBrowser? browser;

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath)) return; // reported per test by NewContextAsync
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = LaunchArgs,
        });
    }

    /// <summary>A fresh browser context (no cookies) with the given viewport, desktop-sized by default.</summary>
    public async Task<IBrowserContext> NewContextAsync(Uri baseAddress, int width = 1280, int height = 900, bool isMobile = false)
    {
        if (browser is null)
        {
            var reason = $"Chromium not found at {ChromiumPath} (apt-get install -y chromium).";
            if (IsCi) throw new InvalidOperationException(reason + " Browser tests must run under CI=true.");
            Assert.Skip(reason);
        }
        var context = await browser.NewContextAsync(new()
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new() { Width = width, Height = height },
            IsMobile = isMobile,
            HasTouch = isMobile,
            Locale = "en-US",
        });
        // Generous: on two cores, test classes start their apps in parallel and a first sign-in hashes a password
        // and compiles pages; a slow machine must not read as a broken feature.
        context.SetDefaultTimeout(30_000);
        Microsoft.Playwright.Assertions.SetDefaultExpectTimeout(15_000);
        return context;
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null) await browser.DisposeAsync();
        playwright?.Dispose();
    }
}
