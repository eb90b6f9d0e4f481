using Microsoft.EntityFrameworkCore;
using Rapport.Core.Audit;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Data;

namespace Rapport.Core.Customers;

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
