using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Data;
using Rapport.Core.Orders;
using Rapport.Web.Shared;

namespace Rapport.Web.Orders;

/// <summary>One order whole, its steps so far, and the buttons for the steps it may take next.</summary>
public sealed class OrderDetailsModel(RapportDb db, Actor actor, WriteGate gate, TimeProvider time) : PageModel
{
    public Actor Actor => actor;
    public OrderView Order { get; private set; } = null!;
    public ProgressView Progress { get; private set; } = null!;

    /// <summary>The order's status, on-time verdict, next steps and history: what changes when a step is taken.</summary>
    /// <param name="Errors">Field ("status", "reason") to message, shown beside the controls.</param>
    public sealed record ProgressView(OrderView Order, IReadOnlyList<OrderStatus> NextSteps, IReadOnlyDictionary<string, string> Errors, string? Reason);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, null, null, ct) ? Page() : NotFound();

    /// <param name="status">The step, as the API spells it ("outForDelivery").</param>
    /// <param name="reason">Why it failed, typed.</param>
    /// <param name="pick">Why it failed, one of the quick picks; wins over what was typed.</param>
    public async Task<IActionResult> OnPostStepAsync(Guid id, string? status, string? reason, string? pick, CancellationToken ct)
    {
        var to = OrderLifecycle.TryParse(status, out var parsed) ? parsed : (OrderStatus?)null;
        var why = string.IsNullOrWhiteSpace(pick) ? reason : pick;
        var result = await ChangeOrderStatus.HandleAsync(db, actor, id, new(to, why, null), gate, time, ct);
        if (result.Succeeded)
        {
            if (!Request.IsHtmx()) return Redirect($"/app/orders/{id}");
            return Partial("_OrderProgress", ProgressOf(result.Value, null, null));
        }
        var failure = result.Failure;
        if (failure.Kind == FailureKind.NotFound) return NotFound();
        var errors = failure.Errors?.ToDictionary(e => e.Key, e => string.Join(" ", e.Value)) ?? new() { ["status"] = failure.Title };
        if (!await LoadAsync(id, errors, reason, ct)) return NotFound();
        // htmx swaps only successful answers: the errors come back as the panel, beside the buttons.
        if (Request.IsHtmx()) return Partial("_OrderProgress", Progress);
        this.SetFormStatus(failure);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, IReadOnlyDictionary<string, string>? errors, string? reason, CancellationToken ct)
    {
        var found = await GetOrder.HandleAsync(db, actor, id, ct);
        if (!found.Succeeded) return false;
        Order = found.Value;
        Progress = ProgressOf(Order, errors, reason);
        return true;
    }

    private ProgressView ProgressOf(OrderView order, IReadOnlyDictionary<string, string>? errors, string? reason) => new(
        order, OrderLifecycle.NextSteps(order.Status, order.Fulfilment.Kind, actor.Role.SeesOnlyOwnDeliveries()),
        errors ?? new Dictionary<string, string>(), reason);

}
