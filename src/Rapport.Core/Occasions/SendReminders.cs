using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Data;
using Rapport.Core.Delivery;
using Rapport.Core.Notifications;
using Rapport.Core.Orders;
using Rapport.Core.Tasks;
using Rapport.Core.Timeline;

namespace Rapport.Core.Occasions;

/// <summary>
/// Ahead of every confirmed occasion the customer gets an e-mail with a one-click reorder link, or, without an
/// e-mail address, staff get a task to call. Run by a scheduled job for one business at a time; running it again,
/// on another process or after a crash, reminds nobody twice (one reminder per occasion, date and lead time).
/// </summary>
public static class SendReminders
{
    public sealed record Outcome(int Emailed, int CallTasks, int AlreadyOrdered);

    /// <param name="reorderLink">The public address of a reorder link from its token, e.g. https://rapport.example/shop/bloom/reorder/{token}.</param>
    public static async Task<Outcome> RunAsync(RapportDb db, Func<string, string> reorderLink, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var business = await db.Businesses.AsNoTracking().FirstAsync(b => b.Id == db.CurrentBusinessId, ct);
        var zone = BusinessClock.Zone(business.TimeZone);
        var today = BusinessClock.Today(now, zone);
        var leads = LeadDays.Parse(business.ReminderLeadDays);
        var furthest = Math.Max(business.PeakReminderLeadDays, leads.DefaultIfEmpty(0).Max());

        // Only the months a reminder can be due for: from tomorrow to the furthest lead time ahead.
        var months = new HashSet<int>();
        for (var d = new DateOnly(today.Year, today.Month, 1); d <= today.AddDays(furthest + 1); d = d.AddMonths(1)) months.Add(d.Month);
        var monthList = months.ToList();
        var confirmed = await db.Occasions.AsNoTracking()
            .Where(o => o.Status == OccasionStatus.Confirmed && o.Yearly && monthList.Contains(o.Month)).ToListAsync(ct);
        int emailed = 0, calls = 0, ordered = 0;
        foreach (var occasion in confirmed)
        {
            // Only occasions still ahead: a reminder on the day or after it would be late.
            var date = occasion.NextDate(today.AddDays(1));
            var lead = DueLead(LeadsFor(occasion.Type, leads, business.PeakReminderLeadDays), today, date);
            if (lead is null || date.DayNumber - today.DayNumber > furthest) continue;
            if (await db.Reminders.AnyAsync(r => r.OccasionId == occasion.Id && r.OccasionDate == date && r.LeadDays == lead, ct)) continue;
            if (await AlreadyOrderedAsync(db, occasion, date, ct)) { ordered++; continue; }

            var sent = await RemindAsync(db, occasion, date, lead.Value, reorderLink, zone, time, ct);
            try
            {
                await db.SaveChangesAsync(ct);
                if (sent == ReminderChannel.Email) emailed++; else calls++;
                RapportMetrics.ReminderSent(sent == ReminderChannel.Email ? "email" : "callTask");
            }
            // Another process reminded at the same moment: theirs stands.
            catch (DbUpdateException e) when (e.IsUniqueViolation()) { }
            finally { db.ChangeTracker.Clear(); }
        }
        return new Outcome(emailed, calls, ordered);
    }

    /// <summary>Peak days are reminded earlier too, so their capacity is booked early.</summary>
    public static IReadOnlyList<int> LeadsFor(OccasionType type, IReadOnlyList<int> leads, int peakLead) =>
        Occasion.HolidayRule(type) is null ? leads : [.. leads.Append(peakLead).Distinct().OrderDescending()];

    /// <summary>
    /// The lead time whose reminder is due today: the latest one whose day has come. After downtime that skipped
    /// several, only the latest goes; one whose occasion has passed never does.
    /// </summary>
    public static int? DueLead(IReadOnlyList<int> leads, DateOnly today, DateOnly occasionDate)
    {
        if (occasionDate <= today) return null;
        var daysLeft = occasionDate.DayNumber - today.DayNumber;
        var due = leads.Where(l => l >= daysLeft).ToList();
        return due.Count == 0 ? null : due.Min();
    }

    private static Task<bool> AlreadyOrderedAsync(RapportDb db, Occasion occasion, DateOnly date, CancellationToken ct)
    {
        var from = date.AddDays(-7);
        return db.Orders.AnyAsync(o => o.CustomerId == occasion.CustomerId && o.RecipientId == occasion.RecipientId
            && o.FulfilmentDate >= from && o.FulfilmentDate <= date && o.Status != OrderStatus.Cancelled, ct);
    }

    private static async Task<ReminderChannel> RemindAsync(
        RapportDb db, Occasion occasion, DateOnly date, int lead, Func<string, string> reorderLink, TimeZoneInfo zone, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var customer = await db.Customers.Include(c => c.ContactPoints).FirstAsync(c => c.Id == occasion.CustomerId, ct);
        var recipient = occasion.RecipientId is { } rid ? await db.Recipients.AsNoTracking().FirstOrDefaultAsync(r => r.Id == rid, ct) : null;
        var what = Describe(occasion, recipient?.Name);
        var day = date.ToString("dddd d MMMM", CultureInfo.GetCultureInfo("en-US"));
        var key = $"reminder:{occasion.Id:N}:{date:yyyyMMdd}:{lead}";
        var reminder = new Reminder { OccasionId = occasion.Id, CustomerId = customer.Id, OccasionDate = date, LeadDays = lead, SentAt = now };

        if (customer.PrimaryEmail is { } email)
        {
            // The link lasts until the end of the occasion's day where the business is.
            var (link, token) = ReorderLink.Create(customer.Id, occasion.Id, date, now, BusinessClock.ToUtc(date.AddDays(1), TimeOnly.MinValue, zone));
            db.ReorderLinks.Add(link);
            var url = reorderLink(token);
            var first = customer.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? customer.Name;
            var budget = occasion.UsualBudget is { } b ? $" Your usual {b.ToString("0.##", CultureInfo.InvariantCulture)} is filled in." : "";
            var text = $"""
                Hello {first},

                {Capitalize(what)} is on {day}, in {lead} days.{budget}

                Order in one click: {url}

                Everything is filled in from your last order: the address, the card on file and the earliest delivery we can promise. Check it and confirm.
                The link is yours alone, works once, and until the day itself.
                """;
            var html = $"""
                <p>Hello {WebUtility.HtmlEncode(first)},</p>
                <p>{WebUtility.HtmlEncode(Capitalize(what))} is on <strong>{WebUtility.HtmlEncode(day)}</strong>, in {lead} days.{WebUtility.HtmlEncode(budget)}</p>
                <p><a href="{WebUtility.HtmlEncode(url)}" style="display:inline-block;padding:10px 18px;background:#2f6f4f;color:#fff;text-decoration:none;border-radius:6px">Order in one click</a></p>
                <p style="color:#666;font-size:13px">Everything is filled in from your last order. The link is yours alone, works once, and until the day itself.</p>
                """;
            await Outbox.EnqueueOnceAsync(db, new OutgoingMail(key, email.Value, customer.Name, $"{Capitalize(what)} is on {day}", text, html, customer.Id),
                time, ct);
            TimelineEntries.Record(db, customer.Id, now, now, Channel.Email, Direction.Outbound, Tone.Neutral,
                $"Reminder e-mailed: {what} on {date.ToString("ddd d MMM yyyy", CultureInfo.GetCultureInfo("en-US"))}, with a one-click reorder link.",
                new EntryAuthor(null, "Rapport (reminder)", null));
            reminder.Channel = ReminderChannel.Email;
            reminder.ReorderLinkId = link.Id;
        }
        else
        {
            await StaffTasks.AddOnceAsync(db, new StaffTask
            {
                Title = $"Call {customer.Name}: {what} on {date.ToString("ddd d MMM", CultureInfo.GetCultureInfo("en-US"))}",
                Detail = customer.PrimaryPhone is { } phone
                    ? $"No e-mail on file. Call {phone.Value} and offer to take the order{(occasion.UsualBudget is { } ub ? $" (usual budget {ub.ToString("0.##", CultureInfo.InvariantCulture)})" : "")}."
                    : "No e-mail or phone on file: reach the customer another way, and add their e-mail.",
                CustomerId = customer.Id, DueOn = BusinessClock.Today(now, zone), CreatedAt = now, Source = "reminder", SourceKey = key,
            }, ct);
            reminder.Channel = ReminderChannel.CallTask;
        }
        customer.NoteActivity(now);
        db.Reminders.Add(reminder);
        return reminder.Channel;
    }

    /// <summary>"Maria's birthday", "Valentine's Day for Maria", "your anniversary".</summary>
    public static string Describe(Occasion occasion, string? recipientName)
    {
        var name = Occasion.Name(occasion.Type, occasion.Label);
        if (recipientName is null) return occasion.Type is OccasionType.Anniversary ? "your anniversary" : name;
        var first = recipientName.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? recipientName;
        return occasion.Type switch
        {
            OccasionType.Anniversary => "your anniversary",
            OccasionType.Birthday or OccasionType.Custom => $"{first}'s {name.ToLowerInvariant()}",
            _ => $"{name} for {first}",
        };
    }

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}

/// <summary>A business's reminder lead times, written "10,3".</summary>
public static class LeadDays
{
    public const int Most = 90;

    public static IReadOnlyList<int> Parse(string? value) =>
        (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d : -1)
            .Where(d => d is >= 1 and <= Most).Distinct().OrderDescending().ToList();

    public static string Format(IEnumerable<int> days) => string.Join(',', days.Distinct().OrderDescending());
}
