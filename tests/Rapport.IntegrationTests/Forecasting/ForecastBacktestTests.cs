using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Forecasting;
using Rapport.Core.Orders;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Forecasting;

/// <summary><c>rapport forecast-backtest --business SLUG</c> on the demo florist's years of orders.</summary>
public sealed partial class ForecastBacktestTests(RapportApp app) : IClassFixture<RapportApp>
{
    [Fact]
    public async Task Each_past_peak_is_printed_with_its_forecast_and_actual_orders_and_the_mean_error_is_a_number()
    {
        var (exit, output, errors) = await RapportProcess.RunCommandAsync(app.ConnectionString, ["forecast-backtest", "--business", "bloom"], Ct);

        exit.ShouldBe(0, errors);
        output.ShouldContain("Forecast backtest for Bloom & Stem");
        var rows = Row().Matches(output).Select(m => (Peak: m.Groups["peak"].Value.Trim(), Days: m.Groups["days"].Value.Trim(),
            Forecast: int.Parse(m.Groups["forecast"].Value, CultureInfo.InvariantCulture), Actual: int.Parse(m.Groups["actual"].Value, CultureInfo.InvariantCulture))).ToList();
        rows.ShouldNotBeEmpty(output);

        // The actual figures are the orders of those days, not cancelled; every Valentine's Day is there.
        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        var counts = await app.WithDbAsync(bloom, db => db.Orders.Where(o => o.Status != OrderStatus.Cancelled)
            .GroupBy(o => o.FulfilmentDate).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, Ct));
        var first = counts.Keys.Min();
        var valentines = rows.Where(r => r.Peak == "Valentine's Day").ToList();
        foreach (var row in valentines)
        {
            var day = DateOnly.ParseExact(row.Days, "ddd d MMM yyyy", CultureInfo.GetCultureInfo("en-US"));
            row.Actual.ShouldBe(counts.GetValueOrDefault(day), row.Days);
        }
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(-6));
        var expectedYears = Enumerable.Range(first.Year + 1, today.Year - first.Year)
            .Where(y => new DateOnly(y, 2, 14) < today.AddDays(-1) && new DateOnly(y - 1, 2, 14) >= first).ToList();
        valentines.Count.ShouldBeGreaterThanOrEqualTo(expectedYears.Count);
        rows.Where(r => r.Peak == "Mother's Day").ShouldNotBeEmpty();
        rows.Where(r => r.Peak == "Christmas").ShouldAllBe(r => r.Days.StartsWith("19 Dec", StringComparison.Ordinal));

        var mape = Mape().Match(output);
        mape.Success.ShouldBeTrue(output);
        var error = double.Parse(mape.Groups["mape"].Value, CultureInfo.InvariantCulture);
        double.IsFinite(error).ShouldBeTrue();
        var measured = ForecastBacktestCheck(rows);
        error.ShouldBe(measured, 0.1);
    }

    [Fact]
    public async Task An_unknown_or_missing_business_is_refused_naming_the_flag()
    {
        var (exit, _, errors) = await RapportProcess.RunCommandAsync(app.ConnectionString, ["forecast-backtest", "--business", "nobody"], Ct);
        exit.ShouldBe(2);
        errors.ShouldContain("--business");
        (exit, _, errors) = await RapportProcess.RunCommandAsync(app.ConnectionString, ["forecast-backtest"], Ct);
        exit.ShouldBe(2);
        errors.ShouldContain("--business");
    }

    /// <summary>The mean absolute percentage error over the printed rows that had orders.</summary>
    private static double ForecastBacktestCheck(IEnumerable<(string Peak, string Days, int Forecast, int Actual)> rows) =>
        rows.Where(r => r.Actual > 0).Select(r => new BacktestRow(PeakDay.ValentinesDay, default, default, r.Forecast, r.Actual).ErrorPercent!.Value)
            .Select(Math.Abs).Average();

    [GeneratedRegex(@"^(?<peak>Valentine's Day|Mother's Day|Christmas)\s+(?<days>.+?)\s+(?<forecast>\d+)\s+(?<actual>\d+)\s+(?:[+-]?\d+\.\d %|n/a)\s*$", RegexOptions.Multiline)]
    private static partial Regex Row();

    [GeneratedRegex(@"Mean absolute percentage error: (?<mape>\d+(?:\.\d+)?) % over \d+ peaks\.")]
    private static partial Regex Mape();
}
