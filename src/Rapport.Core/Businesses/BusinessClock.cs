using Microsoft.EntityFrameworkCore;
using Rapport.Core.Data;

namespace Rapport.Core.Businesses;

/// <summary>
/// The one answer to "what day and time is it where the business is": the business's time zone, today there,
/// and turning its local dates and times into UTC instants and back, daylight-saving changes included.
/// </summary>
public static class BusinessClock
{
    /// <summary>The time zone of that id, or UTC when this machine does not know it.</summary>
    public static TimeZoneInfo Zone(string? id) =>
        id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>The current business's time zone (UTC when this machine does not know its id).</summary>
    public static async Task<TimeZoneInfo> TimeZoneAsync(this RapportDb db, CancellationToken ct) =>
        Zone(await db.Businesses.Where(b => b.Id == db.CurrentBusinessId).Select(b => b.TimeZone).FirstAsync(ct));

    /// <summary>Today in the current business's time zone, at the instant <paramref name="utcNow"/>.</summary>
    public static async Task<DateOnly> TodayAsync(this RapportDb db, DateTime utcNow, CancellationToken ct) =>
        Today(utcNow, await db.TimeZoneAsync(ct));

    /// <summary>Today in the current business's time zone.</summary>
    public static Task<DateOnly> TodayAsync(this RapportDb db, TimeProvider time, CancellationToken ct) =>
        db.TodayAsync(time.GetUtcNow().UtcDateTime, ct);

    public static DateTime ToUtc(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        // A time skipped by a spring-forward change means the first moment after the gap.
        for (var guard = 0; zone.IsInvalidTime(local) && guard < 24 * 60; guard++) local = local.AddMinutes(1);
        // An hour lived twice by a fall-back change means its first occurrence (the larger offset).
        if (zone.IsAmbiguousTime(local))
            return DateTime.SpecifyKind(local - zone.GetAmbiguousTimeOffsets(local).Max(), DateTimeKind.Utc);
        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    public static DateTime ToLocal(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);

    public static DateOnly Today(DateTime utcNow, TimeZoneInfo zone) => DateOnly.FromDateTime(ToLocal(utcNow, zone));
}
