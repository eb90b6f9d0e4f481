using System.Text.Json;
using Rapport.Core.Businesses;
using Rapport.Core.Data;

namespace Rapport.Core.Audit;

public static class Auditing
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Adds an audit row to the same unit of work as the change it records.</summary>
    public static void Audit(this RapportDb db, Actor actor, string entity, Guid entityId, string action, object? before, object? after) =>
        db.AuditEntries.Add(new AuditEntry
        {
            BusinessId = actor.BusinessId,
            ActorId = actor.StaffId,
            ActorName = actor.Name,
            Entity = entity,
            EntityId = entityId,
            Action = action,
            Before = before is null ? null : JsonSerializer.Serialize(before, Json),
            After = after is null ? null : JsonSerializer.Serialize(after, Json),
        });
}
