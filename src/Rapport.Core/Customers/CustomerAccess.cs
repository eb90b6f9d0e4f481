using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Data;

namespace Rapport.Core.Customers;

/// <summary>Which customers and recipients an actor may see: all of the business's, or a driver's own stops.</summary>
public static class CustomerAccess
{
    public static IQueryable<Customer> VisibleTo(this RapportDb db, Actor actor) =>
        actor.Role.SeesOnlyOwnDeliveries()
            ? db.Customers.Where(c => db.DeliveryStops.Any(s => s.CustomerId == c.Id && s.DriverId == actor.StaffId))
            : db.Customers;

    /// <summary>For delivery staff, the recipients of their own stops; null means all.</summary>
    public static async Task<IReadOnlyCollection<Guid>?> VisibleRecipientsAsync(this RapportDb db, Actor actor, Guid customerId, CancellationToken ct)
    {
        if (!actor.Role.SeesOnlyOwnDeliveries()) return null;
        return await db.DeliveryStops
            .Where(s => s.CustomerId == customerId && s.DriverId == actor.StaffId && s.RecipientId != null)
            .Select(s => s.RecipientId!.Value).Distinct().ToListAsync(ct);
    }

    /// <summary>The customer with everything on file, if the actor may see it.</summary>
    public static Task<Customer?> FindFileAsync(this RapportDb db, Actor actor, Guid id, CancellationToken ct) =>
        db.VisibleTo(actor)
            .Include(c => c.ContactPoints).Include(c => c.Addresses).Include(c => c.Recipients)
            .Include(c => c.PaymentMethods).Include(c => c.Stakeholders)
            .FirstOrDefaultAsync(c => c.Id == id, ct);

    /// <summary>Loads a customer the actor may edit: 404 when unseen, 403 when the role may not edit.</summary>
    public static async Task<Result<Customer>> FindEditableAsync(this RapportDb db, Actor actor, Guid id, CancellationToken ct)
    {
        var customer = await db.FindFileAsync(actor, id, ct);
        if (customer is null) return Failure.NotFound("Customer");
        if (!actor.Role.CanEditCustomers()) return Failure.Forbidden($"The {actor.Role.Label()} role cannot change customers.");
        return customer;
    }
}
