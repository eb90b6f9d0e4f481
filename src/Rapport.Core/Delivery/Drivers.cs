using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Data;

namespace Rapport.Core.Delivery;

public static class Drivers
{
    public const string NotADriver = "Not a driver of this business: choose a staff member with the delivery role.";

    /// <summary>Whether the staff member works for the current business in the delivery role.</summary>
    public static Task<bool> IsDriverAsync(this RapportDb db, Guid staffId, CancellationToken ct) =>
        // Staff are not under the tenancy filter (sign-in finds them first): name the business.
        db.Staff.AnyAsync(s => s.Id == staffId && s.BusinessId == db.CurrentBusinessId && s.Role == StaffRole.Delivery, ct);
}
