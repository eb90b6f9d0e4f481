using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Customers;
using Rapport.Core.Data;
using Rapport.Core.Occasions;

namespace Rapport.Web.Occasions;

/// <summary>Upcoming occasions: who is due flowers soon, what they usually spend, and whether the order is already in.</summary>
public sealed class IndexModel(RapportDb db, Actor actor, TimeProvider time) : PageModel
{
    public const int PageSize = 50;
    public static readonly int[] Spans = [7, 14, 30, 60, 92];

    public int Days { get; private set; }
    public int PageNumber { get; private set; }
    public int Total { get; private set; }
    public bool OnlyOpen { get; private set; }
    public IReadOnlyList<UpcomingOccasion> Items { get; private set; } = [];
    public string Currency { get; private set; } = "USD";
    public Actor Actor => actor;
    /// <summary>How many proposals wait in the queue, for those who decide them; 0 for the others.</summary>
    public int Proposed { get; private set; }

    /// <summary>When the staff member's calendar feed was made; null without one.</summary>
    public DateTime? FeedIssuedAt { get; private set; }
    /// <summary>The feed URL, shown once, right after it is made.</summary>
    public string? FeedUrl { get; private set; }
    public bool FeedRevoked { get; private set; }

    public async Task<IActionResult> OnPostFeedAsync(CancellationToken ct)
    {
        FeedUrl = Rapport.Web.Occasions.CalendarEndpoints.FeedUrl(Request, await CalendarFeeds.IssueForStaffAsync(db, actor, time, ct));
        return await OnGetAsync(null, null, false, ct);
    }

    public async Task<IActionResult> OnPostRevokeFeedAsync(CancellationToken ct)
    {
        FeedRevoked = await CalendarFeeds.RevokeForStaffAsync(db, actor, ct);
        return await OnGetAsync(null, null, false, ct);
    }

    public async Task<IActionResult> OnGetAsync(int? days, int? page, bool open, CancellationToken ct)
    {
        FeedIssuedAt = await CalendarFeeds.IssuedForStaffAsync(db, actor, ct);
        Days = days is { } d && Spans.Contains(d) ? d : UpcomingOccasions.DefaultDays;
        OnlyOpen = open;
        var all = (await UpcomingOccasions.HandleAsync(db, actor, Days, time, ct)).Value!;
        var shown = OnlyOpen ? all.Where(u => !u.OrderPlaced).ToList() : all;
        Total = shown.Count;
        PageNumber = Math.Clamp(page ?? 1, 1, Math.Max(1, (Total + PageSize - 1) / PageSize));
        Items = shown.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToList();
        if (actor.Role.DecidesOccasions())
            Proposed = await db.Occasions.CountAsync(o => o.Status == OccasionStatus.Proposed && db.VisibleTo(actor).Any(c => c.Id == o.CustomerId), ct);
        Currency = await db.Businesses.Where(b => b.Id == actor.BusinessId).Select(b => b.Currency).FirstAsync(ct);
        return Page();
    }

    public string Link(int page) => $"/app/occasions?days={Days}&page={page}{(OnlyOpen ? "&open=true" : "")}";
}
