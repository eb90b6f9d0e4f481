using Rapport.Core.Businesses;

namespace Rapport.Core.Timeline;

public sealed record StaffView(Guid? Id, string Name, StaffRole? Role);

/// <param name="OrderId">The order the entry is about (placed, delivered, failed…), so a reader can open it.</param>
/// <param name="OrderNumber">That order's number, as people read it out.</param>
public sealed record TimelineEntry(
    Guid Id, DateTime OccurredAt, Channel Channel, Direction Direction, string Summary, Tone Tone, bool Internal, StaffView? Staff,
    Guid? OrderId, long? OrderNumber, string? Competitor = null, bool NeedsConfirmed = false)
{
    public static TimelineEntry Of(Interaction i, long? orderNumber) => new(
        i.Id, i.OccurredAt, i.Channel, i.Direction, i.Summary, i.Tone, i.Internal,
        i.StaffName is null ? null : new StaffView(i.StaffId, i.StaffName, i.StaffRole),
        i.OrderId, i.OrderId is null ? null : orderNumber, i.Competitor, i.NeedsConfirmed);
}
