using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Data;
using Rapport.Core.Sales;
using Rapport.Web.Hosting;
using Rapport.Web.Shared;

namespace Rapport.Web.Sales;

/// <summary>
/// The board: one playbook's deals by stage. A deal moves by dragging its card to another column or with the card's
/// "Move to" control; both post the same form to <see cref="OnPostMoveAsync"/>, which runs <see cref="AdvanceDeal"/>
/// and its gate, and shows what is missing next to the card when the move is refused.
/// </summary>
[Authorize(Policy = Policies.SeesDeals)]
public sealed class SalesBoardModel(RapportDb db, Actor actor, TimeProvider time) : PageModel
{
    /// <summary>"all", or a salesperson's id; salespeople see their own deals when it is left out.</summary>
    [BindProperty(SupportsGet = true)] public string? Owner { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Playbook { get; set; }

    public Actor Actor => actor;
    public DealBoard.Board Board { get; private set; } = null!;
    public BoardContext Context { get; private set; } = null!;
    public IReadOnlyList<Seller> Sellers { get; private set; } = [];
    /// <summary>A move refused without JavaScript: the card shows it when the whole board comes back.</summary>
    public CardRefusal? Refused { get; private set; }
    public string? Error { get; private set; }

    public sealed record Seller(Guid Id, string Name);

    /// <summary>What every card needs from its board: the stages to move to, the filters to keep, what the role may do.</summary>
    public sealed record BoardContext(IReadOnlyList<string> Stages, string? Owner, Guid? PlaybookId, bool CanMove, bool CanOverride, string Currency)
    {
        public string Query => $"owner={Uri.EscapeDataString(Owner ?? "")}&playbook={PlaybookId}";
    }

    /// <summary>A move that did not happen: the steps missing (in words), or why the move itself was not accepted.</summary>
    /// <param name="Errors">Field ("toStage", "override.reason") to message.</param>
    public sealed record CardRefusal(Guid DealId, string ToStage, string Title, IReadOnlyList<MissingStep> Missing, IReadOnlyDictionary<string, string> Errors, string? Reason);

    public sealed record CardView(DealSummary Deal, BoardContext Context, CardRefusal? Refusal, bool JustMoved = false);

    /// <summary>A column's further cards, appended in place of its "Show more" button.</summary>
    public sealed record MoreView(int Index, string Stage, IReadOnlyList<CardView> Cards, string? Next, BoardContext Context);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnGetColumnAsync(int index, string? stage, string? after, CancellationToken ct)
    {
        var context = await ContextAsync(ct);
        if (context is null) return BadRequest();
        var page = await SearchDeals.HandleAsync(db, actor, new(stage, OwnerId, null, Playbook, DealBoard.DefaultPerColumn, after), time, ct);
        // A cursor that cannot be read is the request's fault (400), not a missing page.
        if (!page.Succeeded) return page.Failure.Kind == FailureKind.Forbidden ? Forbid() : BadRequest();
        return Partial("_ColumnMore", new MoreView(index, stage ?? "", page.Value.Items.Select(d => new CardView(d, context, null)).ToList(), page.Value.Next, context));
    }

    /// <param name="override">Set by the "Override with a reason" form: move despite missing steps (owners and managers).</param>
    public async Task<IActionResult> OnPostMoveAsync(Guid dealId, string? toStage, string? reason, bool @override, CancellationToken ct)
    {
        var moved = await AdvanceDeal.HandleAsync(db, actor, dealId, new(toStage, @override ? new AdvanceDeal.Override(reason) : null), time, ct);
        if (moved.Succeeded)
        {
            if (!Request.IsHtmx()) return Redirect($"/app/sales?owner={Uri.EscapeDataString(Owner ?? "")}&playbook={Playbook}");
            var context = await ContextAsync(ct);
            if (context is null) return BadRequest();
            var deal = DealBoard.Summary(moved.Value);
            var counts = await DealBoard.CountsAsync(db, actor, deal.PlaybookId, OwnerId, ct);
            return Partial("_Moved", new MovedView(new CardView(deal, context, null, JustMoved: true), context, counts));
        }
        var failure = moved.Failure;
        if (this.Refusal(failure) is { } refused) return refused;
        var missing = failure.Extensions?.GetValueOrDefault(AdvanceDeal.MissingStepsMember) as IReadOnlyList<MissingStep> ?? [];
        // Missing steps are listed one by one; the errors that remain are about the move or the reason.
        var errors = missing.Count > 0 ? new Dictionary<string, string>()
            : failure.Errors?.ToDictionary(e => e.Key, e => string.Join(" ", e.Value)) ?? new() { ["toStage"] = failure.Title };
        Refused = new CardRefusal(dealId, toStage ?? "", failure.Title, missing, errors, reason);
        if (Request.IsHtmx())
        {
            var context = await ContextAsync(ct);
            var found = await GetDeal.HandleAsync(db, actor, dealId, time, ct);
            if (context is null || !found.Succeeded) return NotFound();
            // A reason left out is refused before the gate runs: the card still lists what the override would skip.
            if (missing.Count == 0 && errors.Keys.All(k => k == "override.reason") && found.Value.NextStage == toStage)
                Refused = Refused with { Missing = found.Value.MissingSteps };
            return Partial("_DealCard", new CardView(DealBoard.Summary(found.Value), context, Refused));
        }
        // 422 also for a conflict: the board shows the refusal on the card.
        this.SetFormStatus();
        // The board comes back on the refused deal's playbook, so its card and the refusal are on it.
        if (Playbook is null && (await GetDeal.HandleAsync(db, actor, dealId, time, ct)).Value is { } refusedDeal)
            Playbook = DealBoard.Summary(refusedDeal).PlaybookId;
        return await LoadAsync(ct) ?? Page();
    }

    public sealed record MovedView(CardView Card, BoardContext Context, IReadOnlyDictionary<string, int> Counts);

    public CardView Card(DealSummary deal) => new(deal, Context, Refused?.DealId == deal.Id ? Refused : null);

    /// <summary>The owner filter as an id: the one chosen, or the salesperson's own when nothing was chosen.</summary>
    public Guid? OwnerId => Owner == "all" ? null
        : Guid.TryParse(Owner, out var id) ? id
        : actor.Role == StaffRole.Sales ? actor.StaffId : null;

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var board = await DealBoard.HandleAsync(db, actor, new(Playbook, OwnerId, null), time, ct);
        if (!board.Succeeded)
        {
            // A playbook that is gone (or another business's) shows the first one, saying so.
            if (board.Failure.Kind != FailureKind.Invalid) return Forbid();
            Error = "That playbook was not found; showing the first one.";
            Playbook = null;
            board = await DealBoard.HandleAsync(db, actor, new(null, OwnerId, null), time, ct);
            if (!board.Succeeded) return Forbid();
        }
        Board = board.Value;
        Playbook = Board.Playbook?.Id;
        Context = (await ContextAsync(ct))!;
        Sellers = await db.Staff.Where(s => s.BusinessId == actor.BusinessId
                && (s.Role == StaffRole.Owner || s.Role == StaffRole.Manager || s.Role == StaffRole.Sales))
            .OrderBy(s => s.DisplayName).Select(s => new Seller(s.Id, s.DisplayName)).ToListAsync(ct);
        return null;
    }

    private async Task<BoardContext?> ContextAsync(CancellationToken ct)
    {
        var stages = Board?.Columns.Select(c => c.Stage).ToList();
        if (stages is null)
        {
            var playbooks = await ManagePlaybooks.ListAsync(db, actor, ct);
            if (!playbooks.Succeeded) return null;
            var playbook = Playbook is { } pid ? playbooks.Value.FirstOrDefault(p => p.Id == pid) : playbooks.Value.FirstOrDefault();
            if (playbook is null) return null;
            Playbook = playbook.Id;
            stages = playbook.Stages.ToList();
        }
        var currency = await db.Businesses.Where(b => b.Id == actor.BusinessId).Select(b => b.Currency).FirstAsync(ct);
        return new BoardContext(stages, Owner, Playbook, actor.Role.WorksDeals(), actor.Role.ManagesSales(), currency);
    }
}
