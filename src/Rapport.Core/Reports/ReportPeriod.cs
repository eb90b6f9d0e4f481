using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Data;
using Rapport.Core.Delivery;

namespace Rapport.Core.Reports;

/// <summary>The days a report covers, both included, in the business's own calendar.</summary>
public readonly record struct ReportPeriod(DateOnly From, DateOnly To)
{
    public const int DefaultDays = 30;
    public const int MaxDays = 366;

    /// <summary>Checks who asks and the days asked for; without them, the last <see cref="DefaultDays"/> days up to today.</summary>
    public static async Task<Result<ReportPeriod>> ReadAsync(
        RapportDb db, Actor actor, DateOnly? from, DateOnly? to, TimeProvider time, CancellationToken ct)
    {
        if (!actor.Role.SeesReports()) return Failure.Forbidden($"The {actor.Role.Label()} role does not see reports.");
        var last = to ?? from?.AddDays(DefaultDays - 1) ?? BusinessClock.Today(time.GetUtcNow().UtcDateTime, await db.TimeZoneAsync(ct));
        var first = from ?? last.AddDays(-(DefaultDays - 1));
        var v = new Validator();
        if (first > last) v.Add("from", "Not after 'to'.");
        else if (last.DayNumber - first.DayNumber >= MaxDays) v.Add("to", $"At most {MaxDays} days from 'from'.");
        if (!v.IsValid) return v.ToFailure();
        return new ReportPeriod(first, last);
    }

    public IEnumerable<DateOnly> Days()
    {
        for (var day = From; day <= To; day = day.AddDays(1)) yield return day;
    }
}

/// <summary>Deliveries made and how many of them kept their promise.</summary>
public record OnTimeFigures(int Delivered, int OnTime)
{
    /// <summary>The share delivered on time, 0 to 1.</summary>
    public double Rate => Delivered == 0 ? 0 : Math.Round((double)OnTime / Delivered, 4);
}
