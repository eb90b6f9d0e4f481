using Microsoft.AspNetCore.Mvc;
using Rapport.Core.Businesses;
using Rapport.Core.Data;
using Rapport.Core.Delivery;

namespace Rapport.Web.Delivery;

/// <summary>Booked against capacity per window and day; peak days stand out. A day opens to override or close it.</summary>
public sealed class CalendarModel(RapportDb db, Actor actor, TimeProvider time) : SetupPage(actor)
{
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? LocationId { get; set; }

    public CalendarView? Calendar { get; private set; }
    public string? Problem { get; private set; }
    public IReadOnlyList<(Guid Id, string Name)> Locations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            Problem = "Those dates could not be read; showing the next two weeks.";
            (From, To) = (null, null);
        }
        var result = await CapacityCalendar.LoadAsync(db, Actor, From, To, LocationId, time, ct);
        if (!result.Succeeded)
        {
            Problem = string.Join(" ", result.Failure.Errors?.SelectMany(e => e.Value) ?? [result.Failure.Title]);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            result = await CapacityCalendar.LoadAsync(db, Actor, null, null, null, time, ct);
        }
        Calendar = result.Value!;
        Locations = Calendar.Locations;
        (From, To) = (Calendar.From, Calendar.To);
        return Page();
    }

    public static string FillClass(FillLevel fill) => "fill-" + fill.ToString().ToLowerInvariant();

    /// <summary>Daily booked and capacity for the chart, read by capacity-calendar.js.</summary>
    public object ChartData() => new
    {
        labels = Calendar!.Days.Select(d => d.Date.ToString("ddd d MMM", System.Globalization.CultureInfo.GetCultureInfo("en-US"))),
        booked = Calendar.Days.Select(d => d.Booked),
        capacity = Calendar.Days.Select(d => d.Capacity),
        fill = Calendar.Days.Select(d => d.Fill.ToString().ToLowerInvariant()),
    };
}
