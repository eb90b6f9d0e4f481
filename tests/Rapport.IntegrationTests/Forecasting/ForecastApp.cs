using System.Globalization;
using Rapport.Testing;

namespace Rapport.IntegrationTests.Forecasting;

/// <summary>
/// Rapport with the demo seeded on Friday 22 January 2027, 09:00 in Kansas City, and its clock standing there:
/// Valentine's Day is 23 days ahead, within the owner's warning.
/// </summary>
public sealed class ForecastApp() : RapportApp(new FixedClock(Now), realServer: false)
{
    public static readonly DateTimeOffset Now = DateTimeOffset.Parse("2027-01-22T15:00:00Z", CultureInfo.InvariantCulture);
    public static readonly DateOnly Today = new(2027, 1, 22);
    public static readonly DateOnly Valentines = new(2027, 2, 14);
}
