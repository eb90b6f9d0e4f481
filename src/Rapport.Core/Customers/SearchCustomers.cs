using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Data;

namespace Rapport.Core.Customers;

/// <summary>
/// Finds customers by any part of the name (case- and accent-insensitive), by e-mail, or by a phone number
/// in any common format; alphabetical, a page at a time.
/// </summary>
public static class SearchCustomers
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    public sealed record Query(string? Q, int? Limit, string? After);

    public static async Task<Result<Page<CustomerSummary>>> HandleAsync(
        RapportDb db, Actor actor, Query query, TimeProvider time, CancellationToken ct)
    {
        var v = new Validator();
        var limit = query.Limit ?? DefaultLimit;
        if (limit is < 1 or > MaxLimit) v.Add("limit", $"Must be between 1 and {MaxLimit}.");
        v.MaxLength("q", query.Q, 200);
        if (!Cursor.TryDecode(query.After, out var after)) v.Add("after", "Not a cursor returned by this list.");
        if (!v.IsValid) return v.ToFailure();

        var customers = db.VisibleTo(actor);
        var text = query.Q?.Trim() ?? "";
        if (text.Length > 0) customers = await MatchAsync(db, customers, text, actor, ct);

        if (after is { } a)
            customers = customers.Where(c => string.Compare(c.SearchName, a.Key) > 0
                                             || (c.SearchName == a.Key && c.Id.CompareTo(a.Id) > 0));

        var hideEmail = actor.Role.SeesOnlyOwnDeliveries();
        var rows = await customers
            .OrderBy(c => c.SearchName).ThenBy(c => c.Id)
            .Take(limit + 1)
            .Select(c => new
            {
                c.Id, c.Kind, c.Name, c.SearchName, c.CustomerSince, c.LastActivityAt,
                Phone = c.ContactPoints.Where(p => p.Kind == ContactKind.Phone)
                    .OrderByDescending(p => p.IsPrimary).ThenBy(p => p.Id).Select(p => p.Value).FirstOrDefault(),
                Email = hideEmail ? null : c.ContactPoints.Where(p => p.Kind == ContactKind.Email)
                    .OrderByDescending(p => p.IsPrimary).ThenBy(p => p.Id).Select(p => p.Value).FirstOrDefault(),
            })
            .AsNoTracking()
            .ToListAsync(ct);

        var now = time.GetUtcNow().UtcDateTime;
        var items = rows.Take(limit)
            .Select(r => new CustomerSummary(r.Id, r.Kind, r.Name, r.Phone, r.Email, Loyalty.Assess(r.CustomerSince, r.LastActivityAt, now)))
            .ToList();
        var next = rows.Count > limit ? new Cursor(rows[limit - 1].SearchName, rows[limit - 1].Id).Encode() : null;
        return new Page<CustomerSummary>(items, next);
    }

    // A phone or e-mail matches a handful of contact points: the query starts from them (the contact index) and joins
    // their customers, then pages those by name. Asked the other way round (customers WHERE EXISTS a contact, or
    // Id IN (contacts)), SQLite without statistics walks every customer of the business in name order and probes
    // its contacts: 0.6 to 1.3 s a search at 100,000 customers, 33 ms with IN.
    private static async Task<IQueryable<Customer>> MatchAsync(
        RapportDb db, IQueryable<Customer> customers, string text, Actor actor, CancellationToken ct)
    {
        if (PhoneNumber.LooksLikePhone(text))
        {
            var callingCode = await db.CallingCodeAsync(actor, ct);
            var phones = db.ContactPoints.Where(p => p.Kind == ContactKind.Phone);
            if (PhoneNumber.Normalize(text, callingCode) is { } e164)
                return HavingContact(customers, phones.Where(p => p.Normalized == e164));
            // A partial number matches the end of stored numbers: "555-0142".
            var tail = "%" + PhoneNumber.Digits(text);
            return HavingContact(customers, phones.Where(p => EF.Functions.Like(p.Normalized, tail)));
        }
        if (text.Contains('@'))
        {
            // Delivery staff do not see e-mail addresses, so they cannot search by them either.
            if (actor.Role.SeesOnlyOwnDeliveries()) return customers.Where(_ => false);
            var email = SearchText.EscapeLike(text.ToLowerInvariant()) + "%";
            return HavingContact(customers,
                db.ContactPoints.Where(p => p.Kind == ContactKind.Email && EF.Functions.Like(p.Normalized, email, "\\")));
        }
        var pattern = "%" + SearchText.EscapeLike(SearchText.Normalize(text)) + "%";
        return customers.Where(c => EF.Functions.Like(c.SearchName, pattern, "\\"));
    }

    private static IQueryable<Customer> HavingContact(IQueryable<Customer> customers, IQueryable<ContactPoint> matches) =>
        matches.Select(p => p.CustomerId).Distinct().Join(customers, id => id, c => c.Id, (_, c) => c);
}
