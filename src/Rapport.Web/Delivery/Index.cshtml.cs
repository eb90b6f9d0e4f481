using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Data;
using Rapport.Core.Delivery;
using Rapport.Core.Orders;
using Rapport.Core.Timeline;
using Rapport.Web.Shared;

namespace Rapport.Web.Delivery;

/// <summary>
/// The run sheet: a day's stops by window, made for a phone at the door. Drivers see and record their own stops;
/// owners and managers see every driver's, give stops to drivers and put them in order.
/// </summary>
public sealed class RunSheetModel(RapportDb db, Actor actor, WriteGate gate, TimeProvider time) : PageModel
{
    public Actor Actor => actor;
    [BindProperty(SupportsGet = true)] public DateOnly? Date { get; set; }
    /// <summary>Whose run to show (owners and managers); everyone's when absent.</summary>
    [BindProperty(SupportsGet = true)] public Guid? DriverId { get; set; }

    public RunSheet Sheet { get; private set; } = null!;
    public DateOnly Today { get; private set; }
    public IReadOnlyList<RunSheetDriver> Drivers { get; private set; } = [];
    public bool Assigns => actor.Role.ManagesDelivery();
    public bool OwnRunOnly => actor.Role.SeesOnlyOwnDeliveries();

    /// <summary>What the last action on one stop said: an error beside the form it came from, or that it was done.</summary>
    /// <param name="Form">"step", "failed", "contact" or "assign".</param>
    public sealed record StopMessage(Guid StopId, string Form, string Text, bool IsError);

    public StopMessage? Message { get; private set; }

    /// <summary>One stop card with what it needs from the sheet around it.</summary>
    public sealed record StopCard(RunSheetStop Stop, RunSheetModel Sheet)
    {
        public StopMessage? Message => Sheet.Message?.StopId == Stop.Id ? Sheet.Message : null;
        public string? Error(string form) => Message is { IsError: true } m && m.Form == form ? m.Text : null;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    /// <summary>Records the order of the stop delivered, now.</summary>
    public Task<IActionResult> OnPostDeliveredAsync(Guid stopId, CancellationToken ct) =>
        StepAsync(stopId, OrderStatus.Delivered, null, "step", ct);

    public Task<IActionResult> OnPostOutAsync(Guid stopId, CancellationToken ct) =>
        StepAsync(stopId, OrderStatus.OutForDelivery, null, "step", ct);

    /// <param name="pick">One of the quick reasons; wins over what was typed.</param>
    public Task<IActionResult> OnPostFailedAsync(Guid stopId, string? reason, string? pick, CancellationToken ct) =>
        StepAsync(stopId, OrderStatus.Failed, string.IsNullOrWhiteSpace(pick) ? reason : pick, "failed", ct);

    /// <summary>A contact at the door goes on the customer's timeline with the delivery channel, linked to the stop's order.</summary>
    public async Task<IActionResult> OnPostContactAsync(Guid stopId, Tone? tone, string? summary, CancellationToken ct)
    {
        var stop = await VisibleStopAsync(stopId, ct);
        if (stop is null) return NotFound();
        var logged = await LogInteraction.HandleAsync(db, actor, stop.Customer.Id,
            new(Channel.Delivery, Direction.Outbound, summary, tone, null, false, stop.OrderId), time, ct);
        if (logged.Failure is { Kind: FailureKind.NotFound }) return NotFound();
        return await AfterAsync(stopId, logged.Failure, "contact", "Contact logged on the customer's timeline.", ct);
    }

    /// <param name="assignTo">The driver who takes the stop.</param>
    /// <param name="sequence">Its place in the window's run.</param>
    public async Task<IActionResult> OnPostAssignAsync(Guid stopId, Guid? assignTo, int? sequence, CancellationToken ct)
    {
        var assigned = await AssignStop.HandleAsync(db, actor, stopId, new(assignTo, sequence), ct);
        if (assigned.Failure is { } failure && this.Refusal(failure) is { } refused) return refused;
        Message = assigned.Succeeded
            ? new StopMessage(stopId, "assign", $"Given to {assigned.Value!.Driver?.Name}, place {assigned.Value.Sequence}.", false)
            : new StopMessage(stopId, "assign", Text(assigned.Failure!), true);
        if (!Request.IsHtmx() && assigned.Succeeded) return Redirect(Back(stopId));
        // A new driver or place moves the stop: the whole sheet comes back in its new order.
        if (await LoadAsync(ct) is { } problem) return problem;
        if (Request.IsHtmx()) return Partial("_RunSheet", this);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<IActionResult> StepAsync(Guid stopId, OrderStatus to, string? reason, string form, CancellationToken ct)
    {
        var stop = await VisibleStopAsync(stopId, ct);
        if (stop?.OrderId is not { } orderId) return NotFound();
        var changed = await ChangeOrderStatus.HandleAsync(db, actor, orderId, new(to, reason, null), gate, time, ct);
        if (changed.Failure is { Kind: FailureKind.NotFound }) return NotFound();
        return await AfterAsync(stopId, changed.Failure, form, null, ct);
    }

    /// <summary>
    /// After an action on a stop: htmx gets the stop card again (with the error beside its form, or a word that it
    /// was done); a plain post goes back to the sheet at the stop, or shows the sheet with the error.
    /// </summary>
    private async Task<IActionResult> AfterAsync(Guid stopId, Failure? failure, string form, string? done, CancellationToken ct)
    {
        Message = failure is not null ? new StopMessage(stopId, form, Text(failure), true)
            : done is not null ? new StopMessage(stopId, form, done, false)
            : null;
        if (!Request.IsHtmx() && failure is null) return Redirect(Back(stopId));
        if (Request.IsHtmx())
        {
            var stop = await VisibleStopAsync(stopId, ct);
            if (stop is null) return NotFound();
            Drivers = Assigns ? await Core.Delivery.Drivers.ListAsync(db, ct) : [];
            return Partial("_Stop", new StopCard(stop, this));
        }
        if (await LoadAsync(ct) is { } problem) return problem;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    /// <returns>Null when the sheet is loaded; otherwise what to answer instead.</returns>
    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        // A driver reads his own run whatever the address says.
        if (OwnRunOnly) DriverId = null;
        var sheet = await GetRunSheet.HandleAsync(db, actor, new(Date, DriverId), time, ct);
        if (!sheet.Succeeded)
        {
            if (sheet.Failure.Kind == FailureKind.Forbidden) return Forbid();
            // An unknown driver in the address: show everyone's run instead.
            DriverId = null;
            sheet = await GetRunSheet.HandleAsync(db, actor, new(Date, null), time, ct);
        }
        Sheet = sheet.Value!;
        Today = await db.TodayAsync(time, ct);
        if (Assigns) Drivers = await Core.Delivery.Drivers.ListAsync(db, ct);
        return null;
    }

    // Drivers reach their own stops only, as the run sheet gives them.
    private async Task<RunSheetStop?> VisibleStopAsync(Guid stopId, CancellationToken ct)
    {
        var stop = await GetRunSheet.StopAsync(db, stopId, ct);
        return stop is null || (OwnRunOnly && stop.Driver?.Id != actor.StaffId) ? null : stop;
    }

    /// <summary>The sheet's address for a day and driver, e.g. for the day before or a driver filter.</summary>
    public string SheetUrl(DateOnly? date, Guid? driverId) => QueryHelpers.AddQueryString("/app/delivery",
        new Dictionary<string, string?>
        {
            ["date"] = date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["driverId"] = driverId?.ToString(),
        }.Where(p => p.Value is not null));

    /// <summary>Where a form on a stop posts: the handler, with the day and driver shown so the answer keeps them.</summary>
    public string Action(string handler, RunSheetStop stop) => QueryHelpers.AddQueryString(SheetUrl(stop.Date, DriverId),
        new Dictionary<string, string?> { ["handler"] = handler, ["stopId"] = stop.Id.ToString() });

    private string Back(Guid stopId) => $"{SheetUrl(Date, DriverId)}#stop-{stopId}";

    private static string Text(Failure failure) => string.Join(" ", failure.Errors?.SelectMany(e => e.Value) ?? [failure.Title]);
}
