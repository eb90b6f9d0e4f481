using Microsoft.EntityFrameworkCore;
using Rapport.Core.Audit;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Data;

namespace Rapport.Core.Customers;

public static class UpdateCustomer
{
    public static async Task<Result<CustomerFile>> HandleAsync(
        RapportDb db, Actor actor, Guid id, CustomerInput input, TimeProvider time, CancellationToken ct)
    {
        var found = await db.FindEditableAsync(actor, id, ct);
        if (!found.Succeeded) return found.Failure;
        var v = new Validator();
        input.Validate(v, creating: false);
        if (!v.IsValid) return v.ToFailure();

        var customer = found.Value;
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
