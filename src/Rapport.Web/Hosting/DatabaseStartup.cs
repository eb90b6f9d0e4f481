using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Data;
using Rapport.Demo;

namespace Rapport.Web.Hosting;

/// <summary>What happens to the database before the first request: migrations, WAL, the first business.</summary>
public static class DatabaseStartup
{
    public static async Task InitializeDatabaseAsync(this WebApplication app, CancellationToken ct = default)
    {
        var options = app.Services.GetRequiredService<RapportOptions>();
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Rapport.Startup");
        if (options.MigrateOnStart) await MigrateAsync(app.Services, ct);

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RapportDb>();
        if (await db.Businesses.AnyAsync(ct)) return;

        if (options.Demo)
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            await DemoSeeder.SeedAsync(app.Services, app.Services.GetRequiredService<TimeProvider>(), ct);
            log.LogInformation("Seeded the demo businesses in {Elapsed} ms. Sign in as owner@bloom.example / {Password}.",
                started.ElapsedMilliseconds, DemoSeeder.Password);
            return;
        }

        var config = app.Configuration;
        var email = config["RAPPORT_OWNER_EMAIL"];
        var password = config["RAPPORT_OWNER_PASSWORD"];
        if (!string.IsNullOrWhiteSpace(email) && !string.IsNullOrEmpty(password))
        {
            var name = config["RAPPORT_BUSINESS_NAME"] ?? "My business";
            var created = await CreateBusiness.HandleAsync(app.Services, new(name, null, email, password), ct);
            if (!created.Succeeded)
                throw new InvalidOperationException("Could not create the first business: " +
                    string.Join("; ", created.Failure.Errors?.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}")) ?? [created.Failure.Title]));
            log.LogInformation("Created business {Business} with owner {Email}.", name, email);
            return;
        }
        log.LogWarning("No business yet: open /setup to create the first one.");
    }

    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RapportDb>();
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            // WAL lets readers go on while one request writes; the setting stays with the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            // SQLite gathers no statistics by itself; without them it misjudges which index to use.
            await db.Database.ExecuteSqlRawAsync("PRAGMA optimize=0x10002;", ct);
        }
    }
}
