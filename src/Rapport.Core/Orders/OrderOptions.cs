using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Customers;
using Rapport.Core.Data;
using Rapport.Core.Delivery;

namespace Rapport.Core.Orders;

/// <summary>
/// What can be promised for a customer on a date: whether the asked-for window is available, and the
/// ranked alternatives. The phone screen, the shop and a refused order all show this same answer.
/// </summary>
public static class OrderOptions
{
    public sealed record Query(Guid? CustomerId, Guid? RecipientId, PostalAddress? Address, DateOnly? Date, Guid? WindowId);

    public sealed record Requested(bool Available, DateOnly Date, Guid? WindowId, string? Promise, string? Reason);

    public sealed record Option(string Kind, Guid? WindowId, Guid? LocationId, Guid? PartnerId, DateOnly Date, TimeOnly? Start, TimeOnly? End, string Promise, decimal Fee);

    public sealed record Answer(Requested Requested, IReadOnlyList<Option> Options, bool Loyal, IReadOnlyList<string> Script);

    /// <summary>How far ahead the next-day option looks.</summary>
    public const int DaysAhead = 14;

    public static async Task<Result<Answer>> HandleAsync(RapportDb db, Orderer orderer, Query query, TimeProvider time, CancellationToken ct)
    {
        var found = await orderer.FindCustomerAsync(db, query.CustomerId, ct);
        if (!found.Succeeded) return found.Failure;
        var customer = found.Value;
        var now = time.GetUtcNow().UtcDateTime;

        var address = await DeliveryAddressAsync(db, customer.Id, query.RecipientId, query.Address, ct);
        if (!address.Succeeded) return address.Failure;

        var today = await db.TodayAsync(now, ct);
        var date = query.Date ?? today;
        if (query.WindowId is { } windowId)
        {
            var windowDate = await db.DeliveryWindows.Where(w => w.Id == windowId).Select(w => (DateOnly?)w.Date).FirstOrDefaultAsync(ct);
            if (windowDate is null) return Failure.Invalid("windowId", "No such delivery window.");
            date = windowDate.Value;
        }
        if (date < today) return Failure.Invalid("date", "That day has passed.");

        var loyal = IsLoyal(customer, now);
        var situation = await SituationAsync(db, now, today, date, query.WindowId, loyal || orderer.IsManager, address.Value?.Address, ct);
        return Describe(situation, loyal);
    }

    /// <summary>The answer for a situation: the requested window's fate and the ranked options.</summary>
    public static Answer Describe(DeliverySituation situation, bool loyal)
    {
        var requested = situation.RequestedWindowId is { } id ? situation.Windows.FirstOrDefault(w => w.WindowId == id) : null;
        var available = requested is not null && FindAlternatives.IsAvailable(situation, requested);
        var reason = requested is null ? null
            : available ? null
            : !situation.HasAddress ? "There is no delivery address."
            : requested.Fee is null ? $"{requested.LocationName} does not deliver to that address."
            : !requested.OpenAt(situation.Now) ? "That window is past its cutoff."
            : "That window is full.";
        var options = FindAlternatives.Rank(situation)
            .Select(o => new Option(o.Kind.Name(), o.WindowId, o.LocationId, o.PartnerId, o.Date, o.Start, o.End, o.Promise, o.Fee))
            .ToList();
        return new Answer(
            new Requested(available, situation.Date, requested?.WindowId,
                requested is null ? null : FindAlternatives.Promise(situation.Today, requested), reason),
            options, loyal, PhoneScript.For(loyal, requested is null || available, options));
    }

    public static bool IsLoyal(Customer customer, DateTime now) =>
        Loyalty.Assess(customer.CustomerSince, customer.LastActivityAt, now).Tier == LoyaltyTier.Loyal;

    public sealed record Destination(string? RecipientName, string? RecipientPhone, PostalAddress? Address);

    /// <summary>Where it goes: the recipient's address, else the address given, else the customer's own.</summary>
    public static async Task<Result<Destination?>> DeliveryAddressAsync(
        RapportDb db, Guid customerId, Guid? recipientId, PostalAddress? given, CancellationToken ct)
    {
        if (recipientId is { } rid)
        {
            var recipient = await db.Recipients.AsNoTracking().FirstOrDefaultAsync(r => r.Id == rid && r.CustomerId == customerId, ct);
            if (recipient is null) return Failure.Invalid("recipientId", "Not one of this customer's recipients.");
            return new Destination(recipient.Name, recipient.Phone, Usable(given) ?? Usable(recipient.Address));
        }
        if (Usable(given) is { } address) return new Destination(null, null, address);
        var own = await db.CustomerAddresses.AsNoTracking().Where(a => a.CustomerId == customerId).OrderBy(a => a.Id)
            .Select(a => a.Address).FirstOrDefaultAsync(ct);
        return new Destination(null, null, Usable(own));
    }

    private static PostalAddress? Usable(PostalAddress? a) =>
        a is not null && !string.IsNullOrWhiteSpace(a.Line1) && !string.IsNullOrWhiteSpace(a.PostalCode) ? a : null;

    /// <summary>Loads the windows, partners and pick-up points around a date for the ranking.</summary>
    public static async Task<DeliverySituation> SituationAsync(
        RapportDb db, DateTime now, DateOnly today, DateOnly date, Guid? windowId, bool mayUseReserve, PostalAddress? address, CancellationToken ct)
    {
        var windows = await DeliveryCalendar.WindowsAsync(db, date, date.AddDays(DaysAhead - 1), null, ct);
        var locations = await db.Locations.AsNoTracking().Where(l => l.Active)
            .Select(l => new { l.Id, l.Name, l.TimeZone, l.PickupUntil }).ToListAsync(ct);
        var postcode = address?.PostalCode.Trim();
        var fees = postcode is null ? [] : await db.DeliveryZones.AsNoTracking().Where(z => z.PostalCode == postcode)
            .ToDictionaryAsync(z => z.LocationId, z => z.Fee, ct);
        var names = locations.ToDictionary(l => l.Id, l => l.Name);

        var slots = windows.Where(w => names.ContainsKey(w.LocationId))
            .Select(w => new WindowSlot(w.Id, w.LocationId, names[w.LocationId], w.Date, w.Start, w.End,
                w.Capacity, w.Booked, w.LoyaltyReserve, w.Cutoff, fees.TryGetValue(w.LocationId, out var fee) ? fee : null))
            .ToList();

        var partners = await db.Partners.AsNoTracking().Where(p => p.Active)
            .Select(p => new
            {
                p.Id, p.Name, p.Fee, p.DailyCapacity,
                Day = db.PartnerDays.Where(d => d.PartnerId == p.Id && d.Date == date).Select(d => new { d.Capacity, d.Booked }).FirstOrDefault(),
            }).ToListAsync(ct);
        var partnerSlots = partners
            .Select(p => new PartnerSlot(p.Id, p.Name, date, p.Day is null ? p.DailyCapacity : p.Day.Capacity - p.Day.Booked, p.Fee))
            .ToList();

        var blocked = await db.BlockedDates.AsNoTracking().Where(b => b.Date == date).Select(b => b.LocationId).ToListAsync(ct);
        var pickups = blocked.Contains(null) ? [] : locations.Where(l => !blocked.Contains(l.Id))
            .Select(l => new PickupPoint(l.Id, l.Name, date, l.PickupUntil, BusinessClock.ToUtc(date, l.PickupUntil, BusinessClock.Zone(l.TimeZone))))
            .ToList();

        return new DeliverySituation(now, today, date, windowId, mayUseReserve, address is not null, slots, partnerSlots, pickups);
    }
}
