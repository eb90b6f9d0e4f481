using Rapport.Core.Businesses;

namespace Rapport.Core.Timeline;

public sealed record StaffView(Guid? Id, string Name, StaffRole? Role);

public sealed record TimelineEntry(
    Guid Id, DateTime OccurredAt, Channel Channel, Direction Direction, string Summary, Tone Tone, bool Internal, StaffView? Staff)
{
    public static TimelineEntry Of(Interaction i) => new(
        i.Id, i.OccurredAt, i.Channel, i.Direction, i.Summary, i.Tone, i.Internal,
        i.StaffName is null ? null : new StaffView(i.StaffId, i.StaffName, i.StaffRole));
}
