using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Rapport.Core.Data;
using Xunit;

namespace Rapport.Testing;

/// <summary>
/// Rapport running in the test process over its own database (see <see cref="TestDatabase"/>).
/// Use as a class fixture; with <c>realServer</c> it listens on a real port for the browser.
/// </summary>
public class RapportApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly bool demo;
    private readonly bool realServer;
    private string? connectionString;
    private readonly bool ownsDatabase;

    public RapportApp() : this(demo: true, realServer: false) { }

    protected RapportApp(bool demo, bool realServer)
    {
        this.demo = demo;
        this.realServer = realServer;
        ownsDatabase = true;
    }

    /// <summary>
    /// Over an empty database of its own, seeding the demo on start at the moment <paramref name="clock"/> gives,
    /// which stays the app's clock: for what depends on the date (a peak day within the coming weeks).
    /// </summary>
    protected RapportApp(TimeProvider clock, bool realServer)
    {
        demo = false;
        this.realServer = realServer;
        ownsDatabase = true;
        seedOnStart = true;
        this.clock = clock;
    }

    private readonly TimeProvider? clock;

    /// <summary>Over a given database, seeding the demo on start: used to build templates.</summary>
    internal RapportApp(string connectionString, bool seedDemo)
    {
        this.connectionString = connectionString;
        demo = seedDemo;
        seedOnStart = seedDemo;
    }

    private readonly bool seedOnStart;
    private readonly List<Dictionary<string, string?>> settings = [];

    /// <summary>Configuration on top of the test defaults; call before the first request.</summary>
    public RapportApp With(string key, string? value)
    {
        settings.Add(new Dictionary<string, string?> { [key] = value });
        return this;
    }

    /// <summary>Runs a background job now, as the scheduler would (under its lease); true when it ran.</summary>
    public async Task<bool> RunJobAsync(string name)
    {
        var job = Services.GetServices<Rapport.Core.Scheduling.IScheduledJob>().Single(j => j.Name == name);
        return await Services.GetRequiredService<Rapport.Web.Hosting.Scheduler>().RunIfDueAsync(job, CancellationToken.None);
    }

    public string ConnectionString => connectionString ?? throw new InvalidOperationException("Not initialized.");

    /// <summary>The address of the real server (browser tests).</summary>
    public Uri BaseAddress => realServer ? ClientOptions.BaseAddress : Server.BaseAddress;

    public async ValueTask InitializeAsync()
    {
        connectionString ??= await TestDatabase.CreateAsync(demo);
        if (realServer)
        {
            UseKestrel(0);
            StartServer();
        }
        else
        {
            _ = Server;
        }
    }

    internal void StartAndMigrate() => _ = Server;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // The Testing environment also maps the built-in test payment provider (see RapportOptions.TestPaymentProvider).
        builder.UseEnvironment(Rapport.Web.Hosting.RapportOptions.TestingEnvironment);
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = TestDatabase.Provider.ToString(),
            ["ConnectionStrings:Rapport"] = ConnectionString,
            ["Database:MigrateOnStart"] = "true",
            ["Demo"] = seedOnStart ? "true" : "false",
            // Tests run jobs themselves (see RunJobAsync) unless a test turns the scheduler on.
            ["Jobs:Enabled"] = "false",
            ["Mail:Folder"] = Path.Combine(Path.GetTempPath(), "rapport-test-mail"),
        }));
        foreach (var configure in settings) builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(configure));
        builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        if (clock is not null) builder.ConfigureTestServices(services => services.RemoveAll<TimeProvider>().AddSingleton(clock));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (ownsDatabase && connectionString is not null) await TestDatabase.DropAsync(connectionString);
        GC.SuppressFinalize(this);
    }

    /// <summary>An API client signed in as the given staff member (bearer token).</summary>
    public async Task<HttpClient> SignInAsync(string email, string password = "Demo!2026")
    {
        var client = CreateApiClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    /// <summary>An API client that is not signed in.</summary>
    public HttpClient CreateApiClient() =>
        realServer ? new HttpClient { BaseAddress = BaseAddress } : CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>Runs work against the database as the given business sees it.</summary>
    public async Task<T> WithDbAsync<T>(Guid businessId, Func<RapportDb, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<Tenant>().Set(businessId);
        return await work(scope.ServiceProvider.GetRequiredService<RapportDb>());
    }

    /// <summary>Runs work against the database with no business set (only unfiltered tables are visible).</summary>
    public async Task<T> WithDbAsync<T>(Func<RapportDb, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<RapportDb>());
    }

    public sealed record TokenResponse(string TokenType, string AccessToken, long ExpiresIn, string RefreshToken);
}

/// <summary>Rapport on an empty database (no demo data, no business).</summary>
public class EmptyRapportApp() : RapportApp(demo: false, realServer: false);

/// <summary>Rapport with the demo data on a real port, for the browser.</summary>
public class BrowserRapportApp : RapportApp
{
    public BrowserRapportApp() : base(demo: true, realServer: true) { }

    /// <summary>The demo seeded at the moment <paramref name="clock"/> gives, which stays the app's clock.</summary>
    protected BrowserRapportApp(TimeProvider clock) : base(clock, realServer: true) { }
}

/// <summary>A clock that stands still at one moment.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
