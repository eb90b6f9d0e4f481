using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Core.Data;
using Rapport.Core.Sales;

namespace Rapport.Web.Sales;

/// <summary>The quote as the customer sees it, opened by its unguessable link; no sign-in.</summary>
[AllowAnonymous]
public sealed class QuoteModel(IServiceScopeFactory scopes, TimeProvider time) : PageModel
{
    public PublicQuote? Quote { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        // The link is a secret: keep it out of other sites' logs and out of search engines.
        Response.Headers["Referrer-Policy"] = "no-referrer";
        Response.Headers["X-Robots-Tag"] = "noindex";
        // A scope of its own acting for the quote's business, whoever else is signed in on this browser.
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RapportDb>();
        if (await OpenQuote.BusinessOfAsync(db, token, ct) is not { } businessId) return NotFound();
        scope.ServiceProvider.GetRequiredService<Tenant>().Set(businessId);
        Quote = await OpenQuote.HandleAsync(db, token, time, ct);
        return Quote is null ? NotFound() : Page();
    }
}
