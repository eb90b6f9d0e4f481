using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Core.Customers;
using Rapport.Core.Data;
using Rapport.Web.Payments.TestProvider;

namespace Rapport.Web.Payments.CardLinks;

/// <summary>
/// The card link a customer was sent: it sends them to the payment provider's card page and, when the provider sends
/// them back, keeps the card for the link's customer. No sign-in; the link is the secret, used once.
/// </summary>
[AllowAnonymous]
public sealed class CardLinkModel(IServiceScopeFactory scopes, TestCardResults results, TimeProvider time) : PageModel
{
    public string? BusinessName { get; private set; }
    public string? Problem { get; private set; }
    public string? Saved { get; private set; }
    public bool Cancelled { get; private set; }
    public string Token { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string token, string? step, string? result, CancellationToken ct)
    {
        Response.Headers["Referrer-Policy"] = "no-referrer";
        Response.Headers["X-Robots-Tag"] = "noindex";
        Response.Headers.CacheControl = "no-store";
        Token = token;
        // A scope of its own acting for the link's business, whoever else is signed in on this browser.
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RapportDb>();
        var link = await Core.Customers.CardLinks.FindOpenAsync(db, token, time, ct);
        if (link is null || step is not (null or "done"))
            return Refused(StatusCodes.Status404NotFound, "This link has been used already, has expired or is not a card link. Ask for a new one.");
        BusinessName = link.BusinessName;
        if (step is null)
            return Redirect(TestProviderEndpoints.CardFormUrl($"/cards/{Uri.EscapeDataString(token)}/done", link.Id.ToString("N")));

        if (result is null)
        {
            Cancelled = true;
            return Page();
        }
        var card = results.Unprotect(result);
        if (card is null)
            return Refused(StatusCodes.Status400BadRequest, "The card details from the payment provider could not be read: they were changed on the way or are too old. Nothing was saved.");
        if (card.Reference != link.Id.ToString("N"))
            return Refused(StatusCodes.Status400BadRequest, "These card details were issued for another link. Nothing was saved.");
        scope.ServiceProvider.GetRequiredService<Tenant>().Set(link.BusinessId);
        var kept = await Core.Customers.CardLinks.CompleteAsync(db,
            link, new PaymentMethodInput(TestCardResults.Provider, card.Token, card.Brand, card.Last4, card.ExpMonth, card.ExpYear), time, ct);
        if (!kept.Succeeded)
            return Refused(StatusCodes.Status409Conflict, string.Join(" ", kept.Failure.Errors?.SelectMany(e => e.Value) ?? [kept.Failure.Title]));
        Saved = $"{kept.Value.Brand} ending {kept.Value.Last4}";
        return Page();
    }

    private PageResult Refused(int status, string why)
    {
        Problem = why;
        Response.StatusCode = status;
        return Page();
    }
}
