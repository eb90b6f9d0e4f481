using Microsoft.EntityFrameworkCore;
using Rapport.Core.Audit;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Data;

namespace Rapport.Core.Customers;

public static class CreateCustomer
{
    public static async Task<Result<CustomerFile>> HandleAsync(
        RapportDb db, Actor actor, CustomerInput input, TimeProvider time, CancellationToken ct)
    {
        if (!actor.Role.CanEditCustomers()) return Failure.Forbidden($"The {actor.Role.Label()} role cannot add customers.");
        var v = new Validator();
        input.Validate(v, creating: true);
        if (!v.IsValid) return v.ToFailure();

        var now = time.GetUtcNow().UtcDateTime;
        var callingCode = await db.CallingCodeAsync(actor, ct);
        var customer = new Customer
        {
            Kind = input.Kind!.Value,
            Name = input.Name!.Trim(),
            CustomerSince = input.CustomerSince?.ToUniversalTime() ?? now,
            CreatedAt = now,
            UpdatedAt = now,
        };
        CustomerEdits.Apply(customer, input, callingCode);
        db.Customers.Add(customer);
        db.Audit(actor, nameof(Customer), customer.Id, "created", null, new { customer.Name, customer.Kind });
        await db.SaveChangesAsync(ct);
        return customer.ToFile(actor, now);
    }
}

public static class UpdateCustomer
{
    public static async Task<Result<CustomerFile>> HandleAsync(
        RapportDb db, Actor actor, Guid id, CustomerInput input, TimeProvider time, CancellationToken ct)
    {
        var found = await db.FindEditableAsync(actor, id, ct);
        if (!found.Succeeded) return found.Failure!;
        var v = new Validator();
        input.Validate(v, creating: false);
        if (!v.IsValid) return v.ToFailure();

        var customer = found.Value!;
        var before = new { customer.Name, customer.Kind, Phone = customer.PrimaryPhone?.Value, Email = customer.PrimaryEmail?.Value };
        if (input.Kind is { } kind) customer.Kind = kind;
        if (input.Name is not null) customer.Name = input.Name.Trim();
        if (input.CustomerSince is { } since) customer.CustomerSince = since.ToUniversalTime();
        CustomerEdits.Apply(customer, input, await db.CallingCodeAsync(actor, ct), db);
        customer.UpdatedAt = time.GetUtcNow().UtcDateTime;
        db.Audit(actor, nameof(Customer), customer.Id, "updated", before,
            new { customer.Name, customer.Kind, Phone = customer.PrimaryPhone?.Value, Email = customer.PrimaryEmail?.Value });
        await db.SaveChangesAsync(ct);
        return customer.ToFile(actor, customer.UpdatedAt);
    }
}

/// <summary>Deleting keeps the row restorable, so the page can offer undo.</summary>
public static class DeleteCustomer
{
    public static async Task<Result<Guid>> HandleAsync(RapportDb db, Actor actor, Guid id, TimeProvider time, CancellationToken ct)
    {
        var found = await db.FindEditableAsync(actor, id, ct);
        if (!found.Succeeded) return found.Failure!;
        var customer = found.Value!;
        customer.DeletedAt = time.GetUtcNow().UtcDateTime;
        db.Audit(actor, nameof(Customer), customer.Id, "deleted", new { customer.Name }, null);
        await db.SaveChangesAsync(ct);
        return customer.Id;
    }
}

public static class RestoreCustomer
{
    public static async Task<Result<Guid>> HandleAsync(RapportDb db, Actor actor, Guid id, CancellationToken ct)
    {
        // Deleted rows sit outside the filter; the business, and a driver's own stops, are checked by hand.
        // As for every other change: 404 when unseen, then 403 when the role may not edit.
        var deleted = db.Customers.IgnoreQueryFilters()
            .Where(c => c.Id == id && c.BusinessId == actor.BusinessId && c.DeletedAt != null);
        if (actor.Role.SeesOnlyOwnDeliveries())
            deleted = deleted.Where(c => db.DeliveryStops.Any(s => s.CustomerId == c.Id && s.DriverId == actor.StaffId));
        var customer = await deleted.FirstOrDefaultAsync(ct);
        if (customer is null) return Failure.NotFound("Deleted customer");
        if (!actor.Role.CanEditCustomers()) return Failure.Forbidden($"The {actor.Role.Label()} role cannot change customers.");
        customer.DeletedAt = null;
        db.Audit(actor, nameof(Customer), customer.Id, "restored", null, new { customer.Name });
        await db.SaveChangesAsync(ct);
        return customer.Id;
    }
}

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
