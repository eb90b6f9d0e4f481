using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Core.Businesses;
using Rapport.Core.Customers;
using Rapport.Core.Data;

namespace Rapport.Web.Payments.CardLinks;

/// <summary>The buttons that make a card link for a customer (<c>_CardLinkControls</c>); e-mail only when they have an address.</summary>
public sealed record CardLinkControls(Guid CustomerId, bool HasEmail);

/// <summary>
/// Staff make a card link for a customer, from the customer page or the phone order: e-mailed, or shown to copy into a
/// text message. A link made raises <see cref="MadeEvent"/> on the page, so an open order form starts looking for the card.
/// </summary>
public sealed class SendModel(RapportDb db, Actor actor, TimeProvider time) : PageModel
{
    public const string MadeEvent = "card-link-made";

    public Guid CustomerId { get; private set; }
    public CardLinkMade? Made { get; private set; }
    public string? LinkUrl { get; private set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnPostAsync(Guid id, string? send, CancellationToken ct)
    {
        CustomerId = id;
        var how = send == "email" ? CardLinkSend.Email : CardLinkSend.None;
        var made = await Core.Customers.CardLinks.CreateAsync(db, actor, id, how, t => CardLinkEndpoints.UrlOf(Request, t), time, ct);
        if (!made.Succeeded)
        {
            if (made.Failure.Kind == Core.Common.FailureKind.NotFound) return NotFound();
            if (made.Failure.Kind == Core.Common.FailureKind.Forbidden) return Forbid();
            Problem = string.Join(" ", made.Failure.Errors?.SelectMany(e => e.Value) ?? [made.Failure.Title]);
        }
        else
        {
            Made = made.Value;
            Response.Headers["HX-Trigger"] = MadeEvent;
            LinkUrl = CardLinkEndpoints.UrlOf(Request, made.Value.Token);
        }
        return Partial("/Payments/CardLinks/_CardLinkMade.cshtml", this);
    }
}
