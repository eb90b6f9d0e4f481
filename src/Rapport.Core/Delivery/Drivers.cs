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

    /// <summary>The business's drivers by name, to give stops to or to read a run of.</summary>
    public static async Task<IReadOnlyList<RunSheetDriver>> ListAsync(RapportDb db, CancellationToken ct) =>
        await db.Staff.Where(s => s.BusinessId == db.CurrentBusinessId && s.Role == StaffRole.Delivery)
            .OrderBy(s => s.DisplayName).Select(s => new RunSheetDriver(s.Id, s.DisplayName)).ToListAsync(ct);
}
