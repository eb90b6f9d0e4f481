using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Rapport.Core.Common;
using Rapport.Core.Data;
using Rapport.Core.Occasions;
using Rapport.Core.Orders;
using Rapport.Web.Shop;

namespace Rapport.Web.Shop;

/// <summary>
/// Where a reminder's link lands: the order filled in for the occasion, placed with one click. The link itself
/// identifies the customer (it was sent to their address); someone else signed in on this browser is refused.
/// </summary>
// Open to everyone: the catalogue, signing in and up, and the reminder's one-click link.
[AllowAnonymous]
public sealed class ReorderModel(ShopContext shop, RapportDb db, OrderDesk desk, TimeProvider time) : ShopPageModel(shop)
{
    [FromRoute] public string Token { get; set; } = "";
    [BindProperty] public string? Choice { get; set; }
    [BindProperty] public string? CardMessage { get; set; }

    public ReorderByLink.Offer? Offer { get; private set; }
    public string? Problem { get; private set; }
    public IReadOnlyList<OrderOptions.Option> Alternatives { get; private set; } = [];
    public PlaceOrder.Placed? Placed { get; private set; }

    private Guid? SignedInCustomer => SignedIn ? Customer.CustomerId : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var placed = await ReorderByLink.PlaceAsync(db, Token, SignedInCustomer, DeliveryChoice.Parse(Choice), CardMessage, desk, time, ct);
        if (placed.Succeeded)
        {
            Placed = placed.Value;
            return await LoadAsync(ct);
        }
        var failure = placed.Failure;
        if (failure.Kind is FailureKind.NotFound or FailureKind.Forbidden) return await LoadAsync(ct);
        Problem = failure.Errors is { Count: > 0 } errors ? string.Join(" ", errors.Values.SelectMany(v => v)) : failure.Title;
        Alternatives = failure.Extensions?.GetValueOrDefault("alternatives") as IReadOnlyList<OrderOptions.Option> ?? [];
        var page = await LoadAsync(ct);
        if (Response.StatusCode == StatusCodes.Status200OK)
            Response.StatusCode = failure.Kind == FailureKind.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        return page;
    }

    private async Task<IActionResult> LoadAsync(CancellationToken ct)
    {
        var opened = await ReorderByLink.OpenAsync(db, Token, SignedInCustomer, time, ct);
        if (!opened.Succeeded)
        {
            var failure = opened.Failure;
            if (failure.Kind == FailureKind.NotFound) return NotFound();
            Problem ??= failure.Title;
            Response.StatusCode = failure.Kind == FailureKind.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status410Gone;
            return Page();
        }
        Offer = opened.Value;
        var options = Offer.Options?.Options ?? [];
        if (Choice is null || !options.Any(o => DeliveryChoice.Of(o).Value == Choice))
            Choice = options.Count > 0 ? DeliveryChoice.Of(options[0]).Value : null;
        return Page();
    }
}
