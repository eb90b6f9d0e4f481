using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Customers;
using Rapport.Core.Data;
using Rapport.Core.Orders;
using Rapport.Core.Timeline;
using Rapport.Core.Health;
using Rapport.Web.Health;
using Rapport.Web.Hosting;
using Rapport.Web.Occasions;
using Rapport.Web.Shared;
using Rapport.Web.Timeline;

namespace Rapport.Web.Customers;

/// <summary>The customer page: everything a person at the phone needs, and the shared timeline.</summary>
public sealed class DetailsModel(RapportDb db, Actor actor, TimeProvider time) : PageModel
{
    public Actor Actor => actor;
    public CustomerFile Customer { get; private set; } = null!;
    public TimelineView Timeline { get; private set; } = null!;
    public RecentOrdersView RecentOrders { get; private set; } = null!;
    public OccasionsSection Occasions { get; private set; } = null!;
    /// <summary>The health badge; none for drivers or before the first score.</summary>
    public HealthBadge? Health { get; private set; }

    [BindProperty] public LogForm Log { get; set; } = new();
    [BindProperty] public RecipientForm NewRecipient { get; set; } = new();
    [BindProperty] public StakeholderForm NewStakeholder { get; set; } = new();


    /// <param name="More">Whether there are older orders than those shown.</param>
    public sealed record RecentOrdersView(IReadOnlyList<OrderSummary> Orders, bool More, string Currency);

    public const int RecentOrderCount = 5;

    public sealed class LogForm
    {
        public Channel? Channel { get; set; } = Core.Timeline.Channel.Phone;
        public Direction? Direction { get; set; } = Core.Timeline.Direction.Inbound;
        public Tone? Tone { get; set; } = Core.Timeline.Tone.Neutral;
        public string? Summary { get; set; }
        public bool Internal { get; set; }
    }

    public sealed class RecipientForm
    {
        public string? Name { get; set; }
        public string? Relationship { get; set; }
        public string? Phone { get; set; }
        public string? Line1 { get; set; }
        public string? City { get; set; }
        public string? Region { get; set; }
        public string? PostalCode { get; set; }
    }

    public sealed class StakeholderForm
    {
        public string? Name { get; set; }
        public string? Title { get; set; }
        public BuyingRole? Role { get; set; }
        public string? Email { get; set; }
        public string? Phone { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>Older timeline entries, appended in place of the "older" button.</summary>
    public async Task<IActionResult> OnGetTimelineAsync(Guid id, string? before, CancellationToken ct)
    {
        var page = await GetTimeline.HandleAsync(db, actor, new(id, GetTimeline.DefaultLimit, before), ct);
        if (!page.Succeeded) return page.Failure.Kind == FailureKind.NotFound ? NotFound() : BadRequest();
        return Partial("/Timeline/_TimelineEntries.cshtml", new TimelineView(id, page.Value));
    }

    /// <summary>Logs a contact; htmx puts the new entry on top of the timeline without reloading the page.</summary>
    public async Task<IActionResult> OnPostLogAsync(Guid id, CancellationToken ct)
    {
        var result = await LogInteraction.HandleAsync(db, actor, id,
            new(Log.Channel, Log.Direction, Log.Summary, Log.Tone, null, Log.Internal), time, ct);
        if (result.Succeeded)
        {
            if (Request.IsHtmx()) return Partial("/Timeline/_TimelineEntry.cshtml", result.Value!);
            return Redirect($"/app/customers/{id}");
        }
        if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        if (Request.IsHtmx())
        {
            Response.Headers["HX-Retarget"] = "#log-errors";
            Response.Headers["HX-Reswap"] = "innerHTML";
            return Partial("/Timeline/_LogErrors.cshtml", Messages(result.Failure));
        }
        ModelState.AddFailure(result.Failure, Prefix("Log", "channel", "direction", "tone", "summary", "internal"));
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostRecipientAsync(Guid id, CancellationToken ct)
    {
        var r = NewRecipient;
        var address = new AddressInput(null, r.Line1, null, r.City, r.Region, r.PostalCode, null);
        var result = await ManageRecipients.AddAsync(db, actor, id, new(r.Name, r.Relationship, r.Phone, address), ct);
        return await AfterChangeAsync(id, result.Failure, "NewRecipient", ct);
    }

    public async Task<IActionResult> OnPostRemoveRecipientAsync(Guid id, Guid recipientId, CancellationToken ct) =>
        await AfterChangeAsync(id, (await ManageRecipients.RemoveAsync(db, actor, id, recipientId, ct)).Failure, "", ct);

    public async Task<IActionResult> OnPostStakeholderAsync(Guid id, CancellationToken ct)
    {
        var s = NewStakeholder;
        var result = await ManageStakeholders.AddAsync(db, actor, id, new(s.Name, s.Title, s.Role, s.Email, s.Phone), ct);
        return await AfterChangeAsync(id, result.Failure, "NewStakeholder", ct);
    }

    public async Task<IActionResult> OnPostRemoveStakeholderAsync(Guid id, Guid stakeholderId, CancellationToken ct) =>
        await AfterChangeAsync(id, (await ManageStakeholders.RemoveAsync(db, actor, id, stakeholderId, ct)).Failure, "", ct);

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        var result = await DeleteCustomer.HandleAsync(db, actor, id, time, ct);
        if (!result.Succeeded) return this.Refused(result.Failure!);
        // The list offers undo for the customer just deleted.
        return Redirect($"/app/customers?deleted={id}");
    }

    public async Task<IActionResult> OnPostRestoreAsync(Guid id, CancellationToken ct)
    {
        var result = await RestoreCustomer.HandleAsync(db, actor, id, ct);
        if (!result.Succeeded) return this.Refused(result.Failure!);
        return Redirect($"/app/customers/{id}");
    }

    private async Task<IActionResult> AfterChangeAsync(Guid id, Failure? failure, string prefix, CancellationToken ct)
    {
        if (failure is null) return Redirect($"/app/customers/{id}");
        if (this.Refusal(failure) is { } refused) return refused;
        foreach (var (field, messages) in failure.Errors ?? new Dictionary<string, string[]>())
            foreach (var m in messages)
                ModelState.AddModelError($"{prefix}.{Pascal(field.Replace("address.", ""))}", m);
        this.SetFormStatus(failure);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var customer = await db.FindFileAsync(actor, id, ct);
        if (customer is null) return false;
        Customer = customer.ToFile(actor, time.GetUtcNow().UtcDateTime, await db.VisibleRecipientsAsync(actor, id, ct));
        var page = await GetTimeline.HandleAsync(db, actor, new(id, GetTimeline.DefaultLimit, null), ct);
        Timeline = new TimelineView(id, page.Value!);
        var orders = (await SearchOrders.HandleAsync(db, actor, new(id, null, null, null, RecentOrderCount, null), ct)).Value!;
        var currency = await db.Businesses.Where(b => b.Id == actor.BusinessId).Select(b => b.Currency).FirstAsync(ct);
        RecentOrders = new RecentOrdersView(orders.Items, orders.Next is not null, currency);
        Occasions = (await OccasionsSection.LoadAsync(db, actor, id, time, ct))!;
        Health = HealthBadge.Of((await HealthViews.BadgesAsync(db, actor, [id], ct)).TryGetValue(id, out var h) ? h : null);
        return true;
    }

    private static string Messages(Failure f) =>
        string.Join(" ", f.Errors?.SelectMany(e => e.Value) ?? [f.Title]);

    private static Dictionary<string, string> Prefix(string prefix, params string[] fields) =>
        fields.ToDictionary(f => f, f => $"{prefix}.{Pascal(f)}");

    private static string Pascal(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
