using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Data;

namespace Rapport.Core.Delivery;

/// <summary>Who may change the delivery set-up, and finding what they change.</summary>
public static class DeliverySetupAccess
{
    public static Failure? CannotManageDelivery(this Actor actor) =>
        actor.Role.ManagesDelivery() ? null : Failure.Forbidden($"The {actor.Role.Label()} role cannot change the delivery set-up.");

    /// <summary>The location with its zones and weekly windows, tracked for change; null when not this business's.</summary>
    public static Task<Location?> FindLocationAsync(this RapportDb db, Guid id, CancellationToken ct) =>
        db.Locations.Include(l => l.Zones).Include(l => l.WeeklyWindows).FirstOrDefaultAsync(l => l.Id == id, ct);

    /// <summary>
    /// Saves, answering a unique index that another request beat us to as a field error instead of a 500.
    /// </summary>
    public static async Task<Failure?> SaveUniqueAsync(this RapportDb db, string field, string message, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            return Failure.Invalid(field, message);
        }
    }
}
