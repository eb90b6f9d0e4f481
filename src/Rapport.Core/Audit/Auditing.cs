using System.Text.Json;
using Rapport.Core.Businesses;
using Rapport.Core.Data;

namespace Rapport.Core.Audit;

public static class Auditing
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Adds an audit row to the same unit of work as the change it records.</summary>
    public static void Audit(this RapportDb db, Actor actor, string entity, Guid entityId, string action, object? before, object? after) =>
        db.Audit(actor.StaffId, actor.Name, entity, entityId, action, before, after);

    /// <summary>For changes made by someone who is not staff, e.g. a customer in the shop.</summary>
    public static void Audit(this RapportDb db, Guid? actorId, string actorName, string entity, Guid entityId, string action, object? before, object? after) =>
        db.AuditEntries.Add(new AuditEntry
        {
            BusinessId = db.CurrentBusinessId,
            ActorId = actorId,
            ActorName = actorName,
            Entity = entity,
            EntityId = entityId,
            Action = action,
            Before = before is null ? null : JsonSerializer.Serialize(before, Json),
            After = after is null ? null : JsonSerializer.Serialize(after, Json),
        });
}
