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
