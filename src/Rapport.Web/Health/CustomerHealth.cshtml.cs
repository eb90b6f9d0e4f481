using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Data;
using Rapport.Core.Health;
using Rapport.Core.Tasks;
using Rapport.Core.Timeline;
using Rapport.Web.Hosting;
using Rapport.Web.Shared;

namespace Rapport.Web.Health;

/// <summary>
/// Why a relationship is as healthy as it is: each factor with its points and evidence, the 12-month trend, when the
/// needs were last confirmed, and the open recovery tasks, closed by logging the contact made. The card on the
/// customer page is this page's Card handler.
/// </summary>
[Authorize(Policy = Policies.SeesHealth)]
public sealed class CustomerHealthModel(RapportDb db, Actor actor, TimeProvider time) : PageModel
{
    [FromRoute] public Guid Id { get; set; }
    public Actor Actor => actor;
    public string CustomerName { get; private set; } = "";
    public CustomerHealthView Health { get; private set; } = null!;
    public IReadOnlyList<StaffTaskView> RecoveryTasks { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Staff { get; private set; } = [];
    /// <summary>Shown as the card on the customer page rather than as this page.</summary>
    public bool IsCard { get; private set; }

    [BindProperty] public RecoveryForm Recovery { get; set; } = new();
    [BindProperty] public string? NeedsNote { get; set; }
    [BindProperty] public Guid? AccountOwnerId { get; set; }

    public sealed class RecoveryForm
    {
        public Guid TaskId { get; set; }
        public Channel? Channel { get; set; } = Core.Timeline.Channel.Phone;
        public Tone? Tone { get; set; }
        public string? Summary { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync(false, ct);

    public async Task<IActionResult> OnGetCardAsync(CancellationToken ct) => await ShowAsync(true, ct);

    public async Task<IActionResult> OnPostRecoverAsync(CancellationToken ct)
    {
        var result = await CompleteRecoveryTask.HandleAsync(db, actor, Recovery.TaskId,
            new(Recovery.Channel, Recovery.Tone, Recovery.Summary), time, ct);
        if (result.Succeeded) return Redirect($"/app/customers/{Id}");
        if (this.Refusal(result.Failure) is { } refused) return refused;
        this.ShowOnForm(result.Failure, new Dictionary<string, string>
        {
            ["channel"] = "Recovery.Channel", ["tone"] = "Recovery.Tone", ["summary"] = "Recovery.Summary",
        });
        return await ShowAsync(false, ct);
    }

    public async Task<IActionResult> OnPostNeedsAsync(CancellationToken ct)
    {
        var result = await ConfirmNeeds.HandleAsync(db, actor, Id, new(NeedsNote), time, ct);
        if (result.Succeeded) return Redirect($"/app/customers/{Id}");
        if (this.Refusal(result.Failure) is { } refused) return refused;
        this.ShowOnForm(result.Failure, new Dictionary<string, string> { ["note"] = nameof(NeedsNote) });
        return await ShowAsync(false, ct);
    }

    public async Task<IActionResult> OnPostOwnerAsync(CancellationToken ct)
    {
        var result = await AssignAccountOwner.HandleAsync(db, actor, Id, new(AccountOwnerId), time, ct);
        if (result.Succeeded) return Redirect($"/app/customers/{Id}/health");
        if (this.Refusal(result.Failure) is { } refused) return refused;
        this.ShowOnForm(result.Failure, new Dictionary<string, string> { ["staffId"] = nameof(AccountOwnerId) });
        return await ShowAsync(false, ct);
    }

    private async Task<IActionResult> ShowAsync(bool partial, CancellationToken ct)
    {
        var health = await HealthViews.GetAsync(db, actor, Id, time, ct);
        if (!health.Succeeded) return this.Refused(health.Failure);
        Health = health.Value;
        CustomerName = await db.Customers.Where(c => c.Id == Id).Select(c => c.Name).FirstAsync(ct);
        RecoveryTasks = await Core.Health.RecoveryTasks.OpenForCustomerAsync(db, actor, Id, ct);
        if (actor.Role is StaffRole.Owner or StaffRole.Manager)
            Staff = (await db.Staff.AsNoTracking().Where(s => s.BusinessId == actor.BusinessId && s.Role != StaffRole.Delivery)
                .OrderBy(s => s.DisplayName).Select(s => new { s.Id, s.DisplayName }).ToListAsync(ct)).Select(s => (s.Id, s.DisplayName)).ToList();
        IsCard = partial;
        return partial ? Partial("/Health/_HealthCard.cshtml", this) : Page();
    }
}
