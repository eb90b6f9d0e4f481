using Microsoft.EntityFrameworkCore;
using Rapport.Core.Audit;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Data;

namespace Rapport.Core.Delivery;

/// <summary>Owners and managers give a stop to a driver and set its place in his run.</summary>
public static class AssignStop
{
    public const int MaxSequence = 9_999;

    /// <param name="Sequence">Position within the stop's window; unchanged when absent.</param>
    public sealed record Command(Guid? DriverId, int? Sequence);

    public static async Task<Result<RunSheetStop>> HandleAsync(RapportDb db, Actor actor, Guid id, Command command, CancellationToken ct)
    {
        if (!actor.Role.ManagesDelivery()) return Failure.Forbidden($"The {actor.Role.Label()} role cannot assign stops.");
        var stop = await db.DeliveryStops.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (stop is null) return Failure.NotFound("Stop");

        var v = new Validator();
        if (command.DriverId is not { } driverId) v.Add("driverId", "Say which driver takes the stop.");
        else if (!await db.IsDriverAsync(driverId, ct)) v.Add("driverId", Drivers.NotADriver);
        if (command.Sequence is < 0 or > MaxSequence) v.Add("sequence", $"Between 0 and {MaxSequence}.");
        if (!v.IsValid) return v.ToFailure();

        var before = new { stop.DriverId, stop.Sequence };
        stop.DriverId = command.DriverId;
        stop.Sequence = command.Sequence ?? stop.Sequence;
        db.Audit(actor, nameof(DeliveryStop), stop.Id, "assigned", before, new { stop.DriverId, stop.Sequence });
        await db.SaveChangesAsync(ct);
        return (await GetRunSheet.StopAsync(db, stop.Id, ct))!;
    }
}
