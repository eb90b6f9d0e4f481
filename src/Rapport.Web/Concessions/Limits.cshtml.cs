using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Core.Businesses;
using Rapport.Core.Concessions;
using Rapport.Core.Data;
using Rapport.Web.Hosting;
using Rapport.Web.Shared;

namespace Rapport.Web.Concessions;

/// <summary>The owner sets the most one concession may be worth per role before it waits for approval; empty for no limit.</summary>
[Authorize(Policy = Policies.ManagesConcessionLimits)]
public sealed class LimitsModel(RapportDb db, Actor actor) : PageModel
{
    [BindProperty] public string? Manager { get; set; }
    [BindProperty] public string? Sales { get; set; }
    [BindProperty] public string? Service { get; set; }
    public bool Saved { get; private set; }
    public FormMessages Form { get; } = new();

    public async Task<IActionResult> OnGetAsync(bool saved, CancellationToken ct)
    {
        var limits = await ChangeConcessionLimits.GetAsync(db, actor, ct);
        if (!limits.Succeeded) return this.Refused(limits.Failure);
        (Manager, Sales, Service) = (Text(limits.Value.Manager), Text(limits.Value.Sales), Text(limits.Value.Service));
        Saved = saved;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var unread = new Dictionary<string, string[]>();
        var manager = Read("manager", Manager, unread);
        var sales = Read("sales", Sales, unread);
        var service = Read("service", Service, unread);
        var result = unread.Count > 0
            ? Core.Common.Failure.Invalid(unread)
            : (await ChangeConcessionLimits.HandleAsync(db, actor, new(manager, sales, service), ct)).Failure;
        if (result is null) return Redirect("/app/settings/concession-limits?saved=true");
        if (this.Refusal(result) is { } refused) return refused;
        this.ShowOnForm(Form, result, "limits");
        return Page();
    }

    private static decimal? Read(string field, string? text, Dictionary<string, string[]> unread)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (decimal.TryParse(text.Trim().TrimStart('$'), NumberStyles.Number, CultureInfo.GetCultureInfo("en-US"), out var value)) return value;
        unread[field] = ["A number of dollars and cents, e.g. 25.00, or empty for no limit."];
        return null;
    }

    private static string? Text(decimal? value) => value?.ToString("0.00", CultureInfo.InvariantCulture);
}
