using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Customers;
using Rapport.Core.Data;
using Rapport.Core.Forecasting;
using Rapport.Core.Health;
using Rapport.Core.Reports;
using Rapport.Core.Tasks;
using Rapport.Core.Timeline;

namespace Rapport.Web.Home;

public sealed class HomeModel(RapportDb db, Actor actor, TimeProvider time, Hosting.BusinessTime businessTime) : PageModel
{
    public Actor Actor => actor;
    public string BusinessName { get; private set; } = "";
    public int CustomerCount { get; private set; }
    public int ContactsThisWeek { get; private set; }
    public int NegativeThisWeek { get; private set; }
    public int LoyalCount { get; private set; }
    public IReadOnlyList<RecentContact> Recent { get; private set; } = [];
    public IReadOnlyList<Stop>? Stops { get; private set; }
    /// <summary>For owners and managers: customers turned away who wanted today, and how yesterday's promises were kept.</summary>
    public int? TurnedAwayToday { get; private set; }
    public OnTimeFigures? OnTimeYesterday { get; private set; }
    public IReadOnlyList<StaffTaskView> Tasks { get; private set; } = [];
    /// <summary>For owners and managers: the coming days' forecast against capacity, and the days short of it soon.</summary>
    public ForecastDay[]? Forecast { get; private set; }
    public IReadOnlyList<ForecastDay> Shortfalls { get; private set; } = [];
    /// <summary>For the owner: how many customers are at risk and the five with most at stake, with their reason.</summary>
    public AtRiskSummary? AtRisk { get; private set; }
    /// <summary>Concessions waiting for an owner's or manager's approval; null for those who do not decide them.</summary>
    public int? ConcessionsWaiting { get; private set; }

    public sealed record AtRiskSummary(int Count, IReadOnlyList<HealthRow> Top, string Currency);

    /// <summary>The peak days of the next 120 days with their forecast against capacity, nearest first.</summary>
    public IReadOnlyList<PeakForecast> Peaks { get; private set; } = [];

    public sealed record RecentContact(Guid CustomerId, string CustomerName, DateTime OccurredAt, Channel Channel, Tone Tone, string Summary, string? StaffName, StaffRole? StaffRole);
    public sealed record Stop(Guid CustomerId, string CustomerName, string RecipientName, DateOnly Date, string Address);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var business = await db.Businesses.FirstAsync(b => b.Id == actor.BusinessId, ct);
        BusinessName = business.Name;
        var customers = db.VisibleTo(actor);
        CustomerCount = await customers.CountAsync(ct);
        var loyalSince = now.AddYears(-Loyalty.LoyalAfterYears);
        var activeSince = now - Loyalty.LapsedAfter;
        LoyalCount = await customers.CountAsync(c => c.CustomerSince <= loyalSince && c.LastActivityAt >= activeSince, ct);

        Tasks = (await StaffTasks.OpenAsync(db, actor, 10, ct)).Value ?? [];

        var weekAgo = now.AddDays(-7);
        // Only delivery staff need the visibility subquery; everyone else sees the whole business.
        var interactions = actor.Role.SeesOnlyOwnDeliveries()
            ? db.Interactions.Where(i => customers.Select(c => c.Id).Contains(i.CustomerId))
            : db.Interactions;
        if (!actor.Role.SeesInternalNotes()) interactions = interactions.Where(i => !i.Internal);
        ContactsThisWeek = await interactions.CountAsync(i => i.OccurredAt >= weekAgo, ct);
        NegativeThisWeek = await interactions.CountAsync(i => i.OccurredAt >= weekAgo && i.Tone == Tone.Negative, ct);
        Recent = await interactions.OrderByDescending(i => i.OccurredAt).Take(12)
            .Join(db.Customers, i => i.CustomerId, c => c.Id, (i, c) => new RecentContact(c.Id, c.Name, i.OccurredAt, i.Channel, i.Tone, i.Summary, i.StaffName, i.StaffRole))
            .ToListAsync(ct);

        if (actor.Role.SeesReports())
        {
            var today = BusinessClock.Today(now, businessTime.Zone);
            TurnedAwayToday = (await TurnedAwayReport.HandleAsync(db, actor, today, today, time, ct)).Value?.Total;
            OnTimeYesterday = (await OnTimeReport.HandleAsync(db, actor, today.AddDays(-1), today.AddDays(-1), time, ct)).Value is { } yesterday
                ? new OnTimeFigures(yesterday.Delivered, yesterday.OnTime)
                : null;
            Forecast = (await GetForecast.ComingDaysAsync(db, actor, time, ct)).Value;
            Shortfalls = Forecast?.Take(GetForecast.WarningDays).Where(d => d.Shortfall > 0).ToList() ?? [];
            Peaks = (await GetForecast.ComingPeaksAsync(db, actor, time, ct)).Value ?? [];
        }

        if (actor.Role is StaffRole.Owner or StaffRole.Manager)
        {
            var overview = await HealthViews.OverviewAsync(db, actor, time, ct);
            var top = await HealthViews.ListAsync(db, actor, new(HealthBand.AtRisk, null, null, null, null, 5), ct);
            if (overview.Succeeded && top.Succeeded) AtRisk = new AtRiskSummary(overview.Value.AtRisk, top.Value.Items, business.Currency);
            ConcessionsWaiting = await db.Concessions.CountAsync(c => c.Status == Core.Concessions.ConcessionStatus.AwaitingApproval, ct);
        }

        if (actor.Role.SeesOnlyOwnDeliveries())
        {
            var today = BusinessClock.Today(now, businessTime.Zone);
            var tomorrow = today.AddDays(1);
            var stops = await db.DeliveryStops.Where(s => s.DriverId == actor.StaffId && s.Date >= today && s.Date <= tomorrow)
                .Join(db.Customers, s => s.CustomerId, c => c.Id, (s, c) => new { s.Date, s.RecipientId, c.Id, c.Name })
                .ToListAsync(ct);
            var recipientIds = stops.Where(s => s.RecipientId != null).Select(s => s.RecipientId!.Value).ToList();
            var recipients = await db.Recipients.Where(r => recipientIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
            Stops = stops.OrderBy(s => s.Date).Select(s =>
            {
                var r = s.RecipientId is { } rid ? recipients.GetValueOrDefault(rid) : null;
                return new Stop(s.Id, s.Name, r?.Name ?? s.Name, s.Date, r?.Address?.ToString() ?? "");
            }).ToList();
        }
    }

    public async Task<IActionResult> OnPostDoneAsync(Guid id, CancellationToken ct)
    {
        var done = await StaffTasks.CompleteAsync(db, actor, id, time, ct);
        if (!done.Succeeded) return NotFound();
        return RedirectToPage();
    }
    /// <summary>"Feb 14: forecast 640, capacity 450".</summary>
    public static string Warning(ForecastDay day) =>
        $"{day.Date.ToString("MMM d", System.Globalization.CultureInfo.GetCultureInfo("en-US"))}: forecast {day.Forecast}, capacity {day.Capacity}";

    /// <summary>Daily forecast and capacity for the chart, read by forecast-chart.js.</summary>
    public object ForecastChart() => new
    {
        labels = Forecast!.Select(d => d.Date.ToString("ddd d MMM", System.Globalization.CultureInfo.GetCultureInfo("en-US"))),
        forecast = Forecast!.Select(d => d.Forecast),
        capacity = Forecast!.Select(d => d.Capacity),
        shortfall = Forecast!.Select(d => d.Shortfall),
    };
}
