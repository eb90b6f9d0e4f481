using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Customers;
using Rapport.Core.Data;
using Rapport.Core.Sales;
using Rapport.Web.Hosting;
using Rapport.Web.Sales;
using Rapport.Web.Shared;

namespace Rapport.Web.Sales;

/// <summary>
/// A customer's calls and meetings, on a deal or not: the card on the customer page (loaded over htmx) and its forms to
/// plan one and log how one went. With htmx each form answers the card in place and the page's timeline reloads;
/// without, the browser goes back to the customer page, or this page shows the form again with its messages.
/// </summary>
[Authorize(Policy = Policies.SeesDeals)]
public sealed class CustomerMeetingsModel(RapportDb db, Actor actor, TimeProvider time, BusinessTime businessTime) : PageModel
{
    /// <summary>The event the customer page's timeline reloads on.</summary>
    public const string TimelineChanged = "timeline-changed";

    [FromRoute] public Guid Id { get; set; }
    public string CustomerName { get; private set; } = "";
    public MeetingsCard Card { get; private set; } = null!;
    private readonly FormMessages form = new();

    /// <param name="before">Older meetings without JavaScript: the cursor the "Older meetings" link carries.</param>
    public async Task<IActionResult> OnGetAsync(string? before, CancellationToken ct) => await ShowAsync(before, ct);

    /// <summary>The card alone, for the customer page.</summary>
    public async Task<IActionResult> OnGetCardAsync(CancellationToken ct) => await ShowAsync(null, ct, partial: true);

    /// <summary>The next page of older meetings, in place of the "Older meetings" button.</summary>
    public async Task<IActionResult> OnGetOlderAsync(string? before, CancellationToken ct)
    {
        if (await LoadAsync(before, ct) is { } refused) return refused;
        return Partial("/Sales/_MeetingItems.cshtml", Card);
    }

    public async Task<IActionResult> OnPostPlanMeetingAsync(CancellationToken ct)
    {
        if (await AccessAsync(ct) is { } refused) return refused;
        var result = await MeetingForms.PlanAsync(db, actor, time, businessTime.Zone, form, Request.Form, Id, null, ct);
        return await AfterAsync(result.Failure, "meeting", result.Value?.Id, ct);
    }

    public async Task<IActionResult> OnPostOutcomeAsync(Guid meetingId, CancellationToken ct)
    {
        if (await AccessAsync(ct) is { } refused) return refused;
        if (!await OfThisCustomerAsync(meetingId, ct)) return NotFound();
        var result = await MeetingForms.OutcomeAsync(db, actor, time, form, Request.Form, meetingId, ct);
        return await AfterAsync(result.Failure, $"outcome:{meetingId}", meetingId, ct);
    }

    public async Task<IActionResult> OnPostRecordingAsync(Guid meetingId, IFormFile? file, [FromServices] RecordingStore store, CancellationToken ct)
    {
        if (await AccessAsync(ct) is { } refused) return refused;
        if (!await OfThisCustomerAsync(meetingId, ct)) return NotFound();
        var result = await MeetingForms.RecordingAsync(db, actor, time, file, meetingId, store, ct);
        return await AfterAsync(result.Failure, $"recording:{meetingId}", meetingId, ct);
    }

    // The meeting must be one of the customer whose page this is.
    private Task<bool> OfThisCustomerAsync(Guid meetingId, CancellationToken ct) =>
        db.Meetings.AnyAsync(m => m.Id == meetingId && m.CustomerId == Id, ct);

    private async Task<IActionResult> AfterAsync(Failure? failure, string section, Guid? meetingId, CancellationToken ct)
    {
        var htmx = Request.IsHtmx();
        if (failure is null)
        {
            if (!htmx) return Redirect($"/app/customers/{Id}#{(meetingId is { } m ? $"meeting-{m}" : "meetings")}");
            form.Typed.Clear();
            Response.Headers["HX-Trigger"] = TimelineChanged;
            return await ShowAsync(null, ct, partial: true);
        }
        if (this.Refusal(failure) is { } refused) return refused;
        this.ShowOnForm(form, failure, section);
        // htmx swaps an error answer only when told to: the card carries the messages beside the fields.
        if (htmx) Response.Headers["HX-Reswap"] = "outerHTML";
        return await ShowAsync(null, ct, partial: htmx, keep: meetingId);
    }

    /// <param name="keep">A meeting whose form was refused: shown even when it is older than the first page, so its messages are seen.</param>
    private async Task<IActionResult> ShowAsync(string? before, CancellationToken ct, bool partial = false, Guid? keep = null)
    {
        if (await LoadAsync(before, ct) is { } refused) return refused;
        if (keep is { } id && Card.Meetings.All(m => m.Id != id) && (await MeetingAccess.GetAsync(db, actor, id, ct)).Value is { } kept)
            Card = Card with { Meetings = [.. Card.Meetings, kept] };
        return partial ? Partial("/Sales/_Meetings.cshtml", Card) : Page();
    }

    /// <summary>404 for a customer not seen (a role that does not see meetings is refused by the page's policy).</summary>
    private async Task<IActionResult?> AccessAsync(CancellationToken ct)
    {
        var name = await db.VisibleTo(actor).AsNoTracking().Where(c => c.Id == Id).Select(c => c.Name).FirstOrDefaultAsync(ct);
        if (name is null) return NotFound();
        CustomerName = name;
        return null;
    }

    private async Task<IActionResult?> LoadAsync(string? before, CancellationToken ct)
    {
        if (await AccessAsync(ct) is { } refused) return refused;
        var page = await ListMeetings.HandleAsync(db, actor, new(Id, null, before), ct);
        if (!page.Succeeded) return page.Failure.Kind == FailureKind.Invalid ? BadRequest() : NotFound();
        var stakeholders = await db.Stakeholders.AsNoTracking().Where(s => s.CustomerId == Id)
            .OrderBy(s => s.Name).Select(s => new StakeholderView(s.Id, s.Name, s.Title, s.Role, s.Email, s.Phone)).ToListAsync(ct);
        var deals = await db.VisibleDeals(actor).AsNoTracking().Where(d => d.CustomerId == Id).OrderBy(d => d.Name)
            .Select(d => new MeetingsCard.DealChoice(d.Id, d.Name, d.Stage)).ToListAsync(ct);
        Card = new MeetingsCard($"/app/customers/{Id}/meetings", true, CustomerName, page.Value.Items, stakeholders, new HashSet<Guid>(), deals,
            actor.Role.PlansMeetings(), form, $"No call or meeting with {CustomerName} yet. Every one has an objective: a referral, a testimonial, the next stage.",
            page.Value.Next);
        return null;
    }
}
