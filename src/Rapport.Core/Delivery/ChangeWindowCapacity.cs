using Microsoft.EntityFrameworkCore;
using Rapport.Core.Audit;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Data;

namespace Rapport.Core.Delivery;

/// <summary>
/// A manager sets one date's window to a capacity and loyalty reserve (Feb 14 gets more). The change is one
/// conditional statement, so it can never fall below what is already booked, even while orders come in.
/// </summary>
public static class ChangeWindowCapacity
{
    public sealed record Command(int? Capacity, int? LoyaltyReserve);

    public static async Task<Result<WindowView>> HandleAsync(RapportDb db, Actor actor, Guid windowId, Command command, CancellationToken ct)
    {
        var before = await db.DeliveryWindows.AsNoTracking().FirstOrDefaultAsync(w => w.Id == windowId, ct);
        if (before is null) return Failure.NotFound("Delivery window");
        if (!actor.Role.ManagesDelivery()) return Failure.Forbidden($"The {actor.Role.Label()} role cannot change delivery capacity.");

        var v = new Validator();
        if (command.Capacity is not { } capacity || capacity < 0 || capacity > DeliveryLimits.MaxCapacity)
            v.Add("capacity", $"A number of deliveries between 0 and {DeliveryLimits.MaxCapacity}.");
        // Left out, the reserve stays as it was, but never more than the new capacity.
        var reserve = command.LoyaltyReserve ?? Math.Min(before.LoyaltyReserve, Math.Max(command.Capacity ?? 0, 0));
        if (reserve < 0 || (command.Capacity is { } c && reserve > c)) v.Add("loyaltyReserve", "Between 0 and the capacity.");
        if (!v.IsValid) return v.ToFailure();

        var changed = await db.DeliveryWindows.Where(w => w.Id == windowId && w.Booked <= command.Capacity!.Value)
            .ExecuteUpdateAsync(s => s
                .SetProperty(w => w.Capacity, command.Capacity!.Value)
                .SetProperty(w => w.LoyaltyReserve, reserve)
                .SetProperty(w => w.IsOverride, true), ct);
        var after = await db.DeliveryWindows.AsNoTracking().FirstAsync(w => w.Id == windowId, ct);
        if (changed == 0)
            return Failure.Invalid("capacity", $"{after.Booked} deliveries are already booked in this window; the capacity cannot go below that.");

        db.Audit(actor, "DeliveryWindow", windowId, "capacity changed",
            new { before.Capacity, before.LoyaltyReserve }, new { after.Capacity, after.LoyaltyReserve });
        await db.SaveChangesAsync(ct);
        return WindowView.Of(after);
    }
}
