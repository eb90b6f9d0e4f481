using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Customers;
using Rapport.Core.Data;
using Rapport.Core.Delivery;
using Rapport.Core.Orders;
using Rapport.Core.Shop;

namespace Rapport.Core.Occasions;

/// <summary>
/// Private iCalendar feeds: a staff member's (the business's upcoming occasions and deliveries they may see) and a
/// shop customer's (their own occasions). The URL's token is the only key; issuing a new one revokes the old.
/// </summary>
public static class CalendarFeeds
{
    /// <summary>How far ahead occasions are listed: each one's next date within the year.</summary>
    public const int OccasionDays = 366;
    /// <summary>How far ahead deliveries are listed.</summary>
    public const int DeliveryDays = 31;
    /// <summary>Keeps a large business's feed to what a calendar app reads happily.</summary>
    public const int MaxEvents = 2000;

    /// <summary>Who a feed belongs to, found by its token.</summary>
    public sealed record Owner(Guid BusinessId, Guid? StaffId, Guid? AccountId);

    public static Task<string> IssueForStaffAsync(RapportDb db, Actor actor, TimeProvider time, CancellationToken ct) =>
        IssueAsync(db, f => f.StaffId == actor.StaffId, new CalendarFeed { StaffId = actor.StaffId, TokenHash = "" }, time, ct);

    public static Task<string> IssueForShopAsync(RapportDb db, ShopCustomer who, TimeProvider time, CancellationToken ct) =>
        IssueAsync(db, f => f.AccountId == who.AccountId, new CalendarFeed { AccountId = who.AccountId, TokenHash = "" }, time, ct);

    public static Task<bool> RevokeForStaffAsync(RapportDb db, Actor actor, CancellationToken ct) =>
        RevokeAsync(db, f => f.StaffId == actor.StaffId, ct);

    public static Task<bool> RevokeForShopAsync(RapportDb db, ShopCustomer who, CancellationToken ct) =>
        RevokeAsync(db, f => f.AccountId == who.AccountId, ct);

    /// <summary>When the feed was made, or null when there is none.</summary>
    public static Task<DateTime?> IssuedForStaffAsync(RapportDb db, Actor actor, CancellationToken ct) =>
        db.CalendarFeeds.Where(f => f.StaffId == actor.StaffId).Select(f => (DateTime?)f.CreatedAt).FirstOrDefaultAsync(ct);

    public static Task<DateTime?> IssuedForShopAsync(RapportDb db, ShopCustomer who, CancellationToken ct) =>
        db.CalendarFeeds.Where(f => f.AccountId == who.AccountId).Select(f => (DateTime?)f.CreatedAt).FirstOrDefaultAsync(ct);

    /// <summary>
    /// The feed of a token, whichever business it belongs to: it is read before any tenant is known, so this one
    /// query looks past the tenancy filter, by the token's hash only.
    /// </summary>
    public static async Task<Owner?> FindAsync(RapportDb db, string? token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100) return null;
        var hash = Hash(token);
        return await db.CalendarFeeds.IgnoreQueryFilters().AsNoTracking().Where(f => f.TokenHash == hash)
            .Select(f => new Owner(f.BusinessId, f.StaffId, f.AccountId)).FirstOrDefaultAsync(ct);
    }

    /// <summary>The feed's text, RFC 5545; null when its owner no longer exists. The database must be scoped to the owner's business.</summary>
    public static async Task<string?> RenderAsync(RapportDb db, Owner owner, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var business = await db.Businesses.AsNoTracking().Where(b => b.Id == owner.BusinessId).Select(b => new { b.Name, b.TimeZone }).FirstAsync(ct);
        var today = BusinessClock.Today(now, BusinessClock.Zone(business.TimeZone));
        var calendar = new CalendarFeedWriter(business.Name, now, business.TimeZone);
        if (owner.StaffId is { } staffId)
        {
            var member = await db.Staff.AsNoTracking().FirstOrDefaultAsync(s => s.Id == staffId && s.BusinessId == owner.BusinessId, ct);
            if (member is null) return null;
            var actor = new Actor(member.Id, member.BusinessId, member.DisplayName, member.Role);
            calendar.Name = $"{business.Name}: occasions and deliveries";
            if (!actor.Role.SeesOnlyOwnDeliveries())
                foreach (var u in await UpcomingOccasions.ForAsync(db, db.VisibleTo(actor), today, today.AddDays(OccasionDays - 1), ct))
                    calendar.AllDay($"occasion-{u.OccasionId:N}-{u.NextDate.Year}", u.NextDate,
                        $"{u.Name}: {u.CustomerName}{(u.RecipientName is null ? "" : $" for {u.RecipientName}")}",
                        (u.OrderPlaced ? $"Order {u.OrderNumber} placed." : "No order yet.") + (u.UsualBudget is { } b ? $" Usual budget {b.ToString("0.##", CultureInfo.InvariantCulture)}." : ""));
            await AddDeliveriesAsync(db, actor, calendar, today, ct);
        }
        else if (owner.AccountId is { } accountId)
        {
            var who = await ShopCustomer.FindAsync(db, accountId, ct);
            if (who is null) return null;
            calendar.Name = $"My occasions at {business.Name}";
            foreach (var o in await ListOccasions.ForShopAsync(db, who, time, ct))
            {
                if (o.Status != OccasionStatus.Confirmed) continue;
                calendar.AllDay($"occasion-{o.Id:N}-{o.NextDate.Year}", o.NextDate,
                    o.RecipientName is null ? o.Name : $"{o.Name}: {o.RecipientName}", $"Order flowers from {business.Name} in time.");
            }
        }
        else return null;

        await db.CalendarFeeds.IgnoreQueryFilters().Where(f => f.BusinessId == owner.BusinessId
                && (owner.StaffId != null ? f.StaffId == owner.StaffId : f.AccountId == owner.AccountId))
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.LastReadAt, now), ct);
        return calendar.ToString();
    }

    // Deliveries promised in a window, the driver's own stops for a driver; pick-ups and partner orders as all-day entries.
    private static async Task AddDeliveriesAsync(RapportDb db, Actor actor, CalendarFeedWriter calendar, DateOnly today, CancellationToken ct)
    {
        var last = today.AddDays(DeliveryDays - 1);
        var orders = db.Orders.AsNoTracking()
            .Where(o => o.FulfilmentDate >= today && o.FulfilmentDate <= last && o.Status != OrderStatus.Cancelled && o.Status != OrderStatus.Delivered
                        && o.Status != OrderStatus.Failed);
        orders = actor.Role.SeesOnlyOwnDeliveries()
            ? orders.Where(o => db.DeliveryStops.Any(s => s.OrderId == o.Id && s.DriverId == actor.StaffId))
            : orders.Where(o => db.VisibleTo(actor).Any(c => c.Id == o.CustomerId));
        var rows = await orders.OrderBy(o => o.FulfilmentDate).ThenBy(o => o.PromisedFrom).ThenBy(o => o.Number)
            .Take(MaxEvents - calendar.Count)
            .Select(o => new { o.Id, o.Number, o.RecipientName, o.FulfilmentDate, o.PromisedFrom, o.PromisedBy, o.Promise, o.DeliveryAddress })
            .ToListAsync(ct);
        foreach (var o in rows)
        {
            var summary = $"Order {o.Number}{(o.RecipientName is null ? "" : $" for {o.RecipientName}")}";
            var where = o.DeliveryAddress is { } a ? $"{a.Line1}, {a.City}" : null;
            if (o.PromisedFrom is { } from && o.PromisedBy is { } by) calendar.Timed($"order-{o.Id:N}", from, by, summary, o.Promise, where);
            else calendar.AllDay($"order-{o.Id:N}", o.FulfilmentDate, summary, o.Promise);
        }
    }

    private static async Task<string> IssueAsync(RapportDb db, System.Linq.Expressions.Expression<Func<CalendarFeed, bool>> mine, CalendarFeed feed,
        TimeProvider time, CancellationToken ct)
    {
        await db.CalendarFeeds.Where(mine).ExecuteDeleteAsync(ct);
        var token = Base64UrlToken();
        feed.TokenHash = Hash(token);
        feed.CreatedAt = time.GetUtcNow().UtcDateTime;
        db.CalendarFeeds.Add(feed);
        await db.SaveChangesAsync(ct);
        return token;
    }

    private static async Task<bool> RevokeAsync(RapportDb db, System.Linq.Expressions.Expression<Func<CalendarFeed, bool>> mine, CancellationToken ct) =>
        await db.CalendarFeeds.Where(mine).ExecuteDeleteAsync(ct) > 0;

    private static string Base64UrlToken() => System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

/// <summary>
/// One feed as Ical.Net writes it (RFC 5545): all-day occasions, timed deliveries in the business's zone with that
/// zone's VTIMEZONE (its current daylight-saving rules), and every event stamped with the app's clock.
/// </summary>
public sealed class CalendarFeedWriter
{
    private readonly Ical.Net.Calendar calendar = new() { ProductId = "-//Rapport//Occasions//EN", Method = "PUBLISH", Scale = "GREGORIAN" };
    private readonly CalDateTime stamp;
    private readonly TimeZoneInfo zone;
    private bool zoneWritten;

    public CalendarFeedWriter(string name, DateTime stampUtc, string zoneId)
    {
        Name = name;
        stamp = new CalDateTime(DateTime.SpecifyKind(stampUtc, DateTimeKind.Utc));
        zone = BusinessClock.Zone(zoneId);
    }

    public string Name { get; set; }
    public int Count => calendar.Events.Count;

    public void AllDay(string uid, DateOnly date, string summary, string? description = null) =>
        Add(new CalendarEvent
        {
            DtStart = new CalDateTime(date),
            DtEnd = new CalDateTime(date.AddDays(1)),
            Transparency = TransparencyType.Transparent,
        }, uid, summary, description, null);

    /// <summary>
    /// A timed event; the times are UTC instants, written as the business's local times with its TZID (in UTC when the
    /// business keeps UTC or its zone is unknown).
    /// </summary>
    public void Timed(string uid, DateTime startUtc, DateTime endUtc, string summary, string? description, string? location)
    {
        var utc = zone.Equals(TimeZoneInfo.Utc);
        if (!utc && !zoneWritten)
        {
            // The rules in force from this year on: enough for a feed of the coming weeks, and what calendar apps read.
            var year = BusinessClock.ToLocal(stamp.Value, zone).Year;
            calendar.AddTimeZone(VTimeZone.FromDateTimeZone(zone.Id, new DateTime(year, 1, 1), includeHistoricalData: false));
            zoneWritten = true;
        }
        Add(new CalendarEvent { DtStart = At(startUtc), DtEnd = At(endUtc) }, uid, summary, description, location);

        CalDateTime At(DateTime t) => utc
            ? new CalDateTime(DateTime.SpecifyKind(t, DateTimeKind.Utc))
            : new CalDateTime(DateTime.SpecifyKind(BusinessClock.ToLocal(t, zone), DateTimeKind.Unspecified), zone.Id);
    }

    private void Add(CalendarEvent e, string uid, string summary, string? description, string? location)
    {
        e.Uid = $"{uid}@rapport";
        e.DtStamp = stamp;
        e.Summary = summary;
        if (!string.IsNullOrWhiteSpace(description)) e.Description = description;
        if (!string.IsNullOrWhiteSpace(location)) e.Location = location;
        calendar.Events.Add(e);
    }

    public override string ToString()
    {
        calendar.Properties.Set("X-WR-CALNAME", Name);
        return new CalendarSerializer().SerializeToString(calendar)!;
    }
}
