using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Customers;
using Rapport.Core.Data;
using Rapport.Core.Health;
using Rapport.Web.Hosting;
using Rapport.Web.Shared;

namespace Rapport.Web.Health;

/// <summary>Who is at risk: customers by band, most at stake first, with the distribution and this week's biggest drops.</summary>
[Authorize(Policy = Policies.SeesHealth)]
public sealed class IndexModel(RapportDb db, Actor actor, TimeProvider time) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)] public HealthBand? Band { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? OwnerId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Factor { get; set; }
    [BindProperty(SupportsGet = true)] public CustomerKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Cursor { get; set; }

    public Page<HealthRow> Rows { get; private set; } = new([], null);
    public HealthOverview Overview { get; private set; } = new(0, 0, 0, []);
    public IReadOnlyList<(Guid Id, string Name)> Staff { get; private set; } = [];
    public string Currency { get; private set; } = "USD";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var rows = await HealthViews.ListAsync(db, actor, new(Band, OwnerId, Factor, Kind, Cursor, PageSize), ct);
        if (!rows.Succeeded)
        {
            if (this.Refusal(rows.Failure) is { } refused) return refused;
            this.ShowOnForm(rows.Failure);
        }
        else Rows = rows.Value;
        Overview = (await HealthViews.OverviewAsync(db, actor, time, ct)).Value!;
        Staff = (await db.Staff.AsNoTracking().Where(s => s.BusinessId == actor.BusinessId && s.Role != StaffRole.Delivery)
            .OrderBy(s => s.DisplayName).Select(s => new { s.Id, s.DisplayName }).ToListAsync(ct)).Select(s => (s.Id, s.DisplayName)).ToList();
        Currency = await db.Businesses.Where(b => b.Id == actor.BusinessId).Select(b => b.Currency).FirstAsync(ct);
        return Page();
    }

    /// <summary>Badges for the customers shown on another page (deal cards, the phone order), read by health.js in one request.</summary>
    public async Task<IActionResult> OnGetBadgesAsync([FromQuery] Guid[] ids, CancellationToken ct)
    {
        if (ids.Length > 200) return BadRequest();
        var badges = await HealthViews.BadgesAsync(db, actor, ids, ct);
        return new JsonResult(badges.Select(b =>
        {
            var badge = new HealthBadge(b.Value.Score, b.Value.Band);
            return new { customerId = b.Key, label = badge.Label, css = badge.Css, band = b.Value.Band.ToString() };
        }));
    }

    public string DistributionJson() => JsonSerializer.Serialize(new
    {
        type = "bar",
        label = "Customers",
        labels = new[] { "Healthy", "Watch", "At risk" },
        data = new[] { Overview.Healthy, Overview.Watch, Overview.AtRisk },
        colors = new[] { "#198754", "#ffc107", "#dc3545" },
    }, JsonSerializerOptions.Web);

    /// <summary>This page's address with the filters and another cursor.</summary>
    public string Link(string? cursor) => "/app/health" + QueryString.Create(new Dictionary<string, string?>
    {
        ["band"] = Band is { } b ? JsonNamingPolicy.CamelCase.ConvertName(b.ToString()) : null,
        ["ownerId"] = OwnerId?.ToString(),
        ["factor"] = Factor,
        ["kind"] = Kind?.ToString(),
        ["cursor"] = cursor,
    }.Where(p => p.Value is not null)).ToUriComponent();
}
