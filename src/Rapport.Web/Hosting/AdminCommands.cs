using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Data;
using Rapport.Core.Forecasting;

namespace Rapport.Web.Hosting;

/// <summary>
/// Commands for whoever hosts Rapport, run instead of the web server:
/// <c>migrate</c> applies migrations; <c>business add --name N --owner-email E --owner-password P [--slug S] [--time-zone Z]</c>
/// opens a further business with its first owner; <c>forecast-backtest --business SLUG</c> prints how the forecast
/// would have done on the business's past peak days.
/// </summary>
public static class AdminCommands
{
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "migrate" or "business" or "forecast-backtest";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        switch (args)
        {
            case ["migrate", ..]:
                await DatabaseStartup.MigrateAsync(app.Services, CancellationToken.None);
                Console.WriteLine("Migrations applied.");
                return 0;
            case ["business", "add", .. var rest]:
                var flags = Flags(rest);
                var created = await CreateBusiness.HandleAsync(app.Services, new CreateBusiness.Command(
                    flags.GetValueOrDefault("name"), flags.GetValueOrDefault("slug"),
                    flags.GetValueOrDefault("owner-email"), flags.GetValueOrDefault("owner-password"),
                    flags.GetValueOrDefault("owner-name"), flags.GetValueOrDefault("time-zone")), CancellationToken.None);
                if (created.Succeeded)
                {
                    Console.WriteLine($"Created business '{created.Value.Name}' at slug '{created.Value.Slug}'.");
                    return 0;
                }
                foreach (var (field, messages) in created.Failure.Errors ?? new Dictionary<string, string[]>())
                    Console.Error.WriteLine($"--{Kebab(field)}: {string.Join(" ", messages)}");
                return 2;
            case ["forecast-backtest", .. var rest]:
                return await BacktestAsync(app.Services, Flags(rest).GetValueOrDefault("business"));
            default:
                Console.Error.WriteLine("Usage: rapport migrate | rapport forecast-backtest --business SLUG | rapport business add --name NAME --owner-email EMAIL --owner-password PASSWORD [--slug SLUG] [--owner-name NAME] [--time-zone IANA-ID]");
                return 2;
        }
    }

    /// <summary>Each past peak, forecast from the orders before it, against its orders; then the mean absolute percentage error.</summary>
    private static async Task<int> BacktestAsync(IServiceProvider services, string? slug)
    {
        if (string.IsNullOrWhiteSpace(slug))
        {
            Console.Error.WriteLine("--business: say which business, by its slug (e.g. --business bloom).");
            return 2;
        }
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RapportDb>();
        var business = await db.Businesses.AsNoTracking().FirstOrDefaultAsync(b => b.Slug == slug.Trim().ToLowerInvariant());
        if (business is null)
        {
            Console.Error.WriteLine($"--business: no business has the slug '{slug}'.");
            return 2;
        }
        scope.ServiceProvider.GetRequiredService<Tenant>().Set(business.Id);
        var report = await ForecastBacktest.RunAsync(db, business, scope.ServiceProvider.GetRequiredService<TimeProvider>(), CancellationToken.None);

        var en = CultureInfo.GetCultureInfo("en-US");
        Console.WriteLine($"Forecast backtest for {report.BusinessName}: each past peak forecast from the orders before it.");
        Console.WriteLine($"{"Peak",-16} {"Days",-27} {"Forecast",8} {"Actual",8} {"Error",8}");
        foreach (var row in report.Rows)
        {
            var days = row.From == row.To ? row.From.ToString("ddd d MMM yyyy", en) : $"{row.From.ToString("d MMM", en)} – {row.To.ToString("d MMM yyyy", en)}";
            var error = row.ErrorPercent is { } e ? e.ToString("+0.0;-0.0;0.0", en) + " %" : "n/a";
            Console.WriteLine($"{PeakDays.Name(row.Peak),-16} {days,-27} {row.Forecast,8} {row.Actual,8} {error,8}");
        }
        Console.WriteLine(report.MeanAbsolutePercentError is { } mape
            ? $"Mean absolute percentage error: {mape.ToString("0.0", en)} % over {report.Rows.Count(r => r.ErrorPercent is not null)} peaks."
            : "Mean absolute percentage error: n/a (no past peak with a year of history before it had orders).");
        return 0;
    }

    private static Dictionary<string, string> Flags(string[] args)
    {
        var flags = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i += 2)
            if (args[i].StartsWith("--", StringComparison.Ordinal)) flags[args[i][2..]] = args[i + 1];
        return flags;
    }

    private static string Kebab(string field) =>
        string.Concat(field.Select(c => char.IsUpper(c) ? "-" + char.ToLowerInvariant(c) : c.ToString()));
}
