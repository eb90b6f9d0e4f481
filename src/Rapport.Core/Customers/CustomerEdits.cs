using Microsoft.EntityFrameworkCore;
using Rapport.Core.Audit;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Data;

namespace Rapport.Core.Customers;

internal static class CustomerEdits
{
    public static Task<string> CallingCodeAsync(this RapportDb db, Actor actor, CancellationToken ct) =>
        db.Businesses.Where(b => b.Id == actor.BusinessId).Select(b => b.DefaultCallingCode).FirstAsync(ct);

    public static void Apply(Customer c, CustomerInput input, string callingCode, RapportDb? db = null)
    {
        if (input.Phones is not null) Replace(c, ContactKind.Phone, input.Phones.Select((p, i) => ContactPoint.Phone(p.Value, callingCode, AddressInput.Blank(p.Label), i == 0)), db);
        if (input.Emails is not null) Replace(c, ContactKind.Email, input.Emails.Select((p, i) => ContactPoint.Email(p.Value, AddressInput.Blank(p.Label), i == 0)), db);
        if (input.Phone is not null) SetPrimary(c, ContactKind.Phone, ContactPoint.Phone(input.Phone, callingCode, primary: true), db);
        if (input.Email is not null) SetPrimary(c, ContactKind.Email, ContactPoint.Email(input.Email, primary: true), db);
        if (input.Addresses is not null)
        {
            foreach (var old in c.Addresses.ToList()) { c.Addresses.Remove(old); db?.Remove(old); }
            foreach (var a in input.Addresses.Where(a => !a.IsEmpty))
                AddNew(c.Addresses, new CustomerAddress { Label = AddressInput.Blank(a.Label), Address = a.ToAddress() }, db);
        }
        if (input.Preferences is { } p)
        {
            if (p.StandingBudget is not null) c.Preferences.StandingBudget = p.StandingBudget == 0 ? null : p.StandingBudget;
            if (p.Likes is not null) c.Preferences.Likes = AddressInput.Blank(p.Likes);
            if (p.Notes is not null) c.Preferences.Notes = AddressInput.Blank(p.Notes);
            if (p.InternalNotes is not null) c.Preferences.InternalNotes = AddressInput.Blank(p.InternalNotes);
        }
    }

    private static void Replace(Customer c, ContactKind kind, IEnumerable<ContactPoint?> points, RapportDb? db)
    {
        foreach (var old in c.ContactPoints.Where(p => p.Kind == kind).ToList()) { c.ContactPoints.Remove(old); db?.Remove(old); }
        foreach (var p in points) if (p is not null) AddNew(c.ContactPoints, p, db);
    }

    // An empty value removes the primary; otherwise it replaces the primary's value.
    private static void SetPrimary(Customer c, ContactKind kind, ContactPoint? point, RapportDb? db)
    {
        var current = c.ContactPoints.Where(p => p.Kind == kind).OrderByDescending(p => p.IsPrimary).ThenBy(p => p.Id).FirstOrDefault();
        if (point is null)
        {
            if (current is not null) { c.ContactPoints.Remove(current); db?.Remove(current); }
            return;
        }
        if (current is not null && current.Normalized == point.Normalized) { current.Value = point.Value; current.IsPrimary = true; return; }
        foreach (var p in c.ContactPoints.Where(p => p.Kind == kind)) p.IsPrimary = false;
        var same = c.ContactPoints.FirstOrDefault(p => p.Kind == kind && p.Normalized == point.Normalized);
        if (same is not null) { same.IsPrimary = true; return; }
        if (current is not null) { c.ContactPoints.Remove(current); db?.Remove(current); }
        AddNew(c.ContactPoints, point, db);
    }

    // The row's id is set on creation, so EF would take a row found only in the collection of a tracked
    // customer for an existing one (Modified) and fail to save it; it is added explicitly.
    private static void AddNew<T>(List<T> rows, T row, RapportDb? db) where T : class
    {
        rows.Add(row);
        db?.Add(row);
    }
}
