using Microsoft.EntityFrameworkCore;
using Rapport.Core.Audit;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Data;

namespace Rapport.Core.Customers;

/// <summary>Deleting keeps the row restorable, so the page can offer undo.</summary>
public static class DeleteCustomer
{
    public static async Task<Result<Guid>> HandleAsync(RapportDb db, Actor actor, Guid id, TimeProvider time, CancellationToken ct)
    {
        var found = await db.FindEditableAsync(actor, id, ct);
        if (!found.Succeeded) return found.Failure;
        var customer = found.Value;
        customer.DeletedAt = time.GetUtcNow().UtcDateTime;
        db.Audit(actor, nameof(Customer), customer.Id, "deleted", new { customer.Name }, null);
        await db.SaveChangesAsync(ct);
        return customer.Id;
    }
}
