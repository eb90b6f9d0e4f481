using Rapport.Core.Data;

namespace Rapport.Core.Audit;

/// <summary>Who changed what, when, with the state before and after (JSON).</summary>
public sealed class AuditEntry : IBusinessOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid BusinessId { get; set; }
    public DateTime At { get; init; } = DateTime.UtcNow;
    public Guid? ActorId { get; init; }
    public string? ActorName { get; init; }
    public required string Entity { get; init; }
    public Guid EntityId { get; init; }
    public required string Action { get; init; }
    public string? Before { get; init; }
    public string? After { get; init; }
}
