namespace Rapport.Core.Delivery;

/// <summary>Turns a location's local dates and times into UTC instants and back, daylight-saving changes included.</summary>
public static class LocalClock
{
    public static TimeZoneInfo Zone(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

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
