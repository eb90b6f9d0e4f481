using Microsoft.Playwright;
using Rapport.BrowserTests.Pages;
using Rapport.Testing;

namespace Rapport.BrowserTests;

/// <summary>
/// Base of a browser test class: Rapport on a real port (one per class, with its own database) and a
/// new browser context and page per test. A failed test leaves a full-page screenshot in TestResults/.
/// </summary>
public abstract class BrowserTest(BrowserRapportApp app, BrowserFixture browser) : IAsyncLifetime
{
    public const string Password = "Demo!2026";

    protected BrowserRapportApp App => app;
    /// <summary>The browser, for a second person's context (e.g. a customer on their phone) beside the test's own.</summary>
    protected BrowserFixture Browser => browser;
    protected IBrowserContext Context { get; private set; } = null!;
    protected IPage Page { get; private set; } = null!;

    /// <summary>Viewport of this class's tests; override for a phone.</summary>
    protected virtual (int Width, int Height, bool Mobile) Viewport => (1280, 900, false);

    public virtual async ValueTask InitializeAsync()
    {
        var (w, h, mobile) = Viewport;
        Context = await browser.NewContextAsync(app.BaseAddress, w, h, mobile);
        Page = await Context.NewPageAsync();
        // Every page must work under its Content-Security-Policy: a refused script or handler fails the test.
        Page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) lock (refused) refused.Add(message.Text);
        };
    }

    private readonly List<string> refused = [];

    public virtual async ValueTask DisposeAsync()
    {
        if (Context is null) return; // skipped before a context was made
        try
        {
            if (TestContext.Current.TestState?.Result == TestResult.Failed && !Page.IsClosed)
            {
                var path = Path.Combine(ResultsFolder, $"{GetType().Name}.{TestContext.Current.TestMethod?.MethodName ?? "test"}.png");
                await Page.ScreenshotAsync(new() { Path = path, FullPage = true });
                TestContext.Current.SendDiagnosticMessage($"Screenshot of the failed test: {path}");
            }
        }
        catch (PlaywrightException) { /* a screenshot is a courtesy; never hide the real failure */ }
        await Context.CloseAsync();
        GC.SuppressFinalize(this);
        lock (refused)
            if (refused.Count > 0)
                throw new InvalidOperationException("The page broke its Content-Security-Policy:\n" + string.Join("\n", refused.Distinct()));
    }

    protected LoginPage Login => new(Page);

    /// <summary>Signs in through the form and waits for the home page.</summary>
    protected async Task SignInAsync(string email)
    {
        await Login.GotoAsync();
        await Login.SignInAsync(email, Password);
        await Page.WaitForURLAsync(u => new Uri(u).AbsolutePath == "/app");
    }

    /// <summary>
    /// Puts a marker on the window; <see cref="PageWasNotReloadedAsync"/> then tells whether the same
    /// document is still showing (a full page load would have wiped it).
    /// </summary>
    protected async Task MarkPageAsync() => await Page.EvaluateAsync("() => { window.__rapportNoReload = 'still here'; }");

    protected async Task<bool> PageWasNotReloadedAsync() =>
        await Page.EvaluateAsync<bool>("() => window.__rapportNoReload === 'still here'");

    /// <summary>The test project's TestResults folder (where <c>dotnet test</c> puts its results).</summary>
    public static string ResultsFolder { get; } = FindResultsFolder();

    private static string FindResultsFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Rapport.BrowserTests.csproj")))
                return Directory.CreateDirectory(Path.Combine(dir.FullName, "TestResults")).FullName;
        return Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "TestResults")).FullName;
    }
}
