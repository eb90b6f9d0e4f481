using Microsoft.EntityFrameworkCore;
using Rapport.Core.Data;
using Rapport.Core.Sales;

namespace Rapport.Core.Touches;

/// <summary>A touch a stage of a playbook gives every deal entering it, e.g. Harbor's productivity booklet on Signed.</summary>
public sealed record PlaybookTouchView(Guid PlaybookId, string Playbook, string Stage, string Title, TouchAction Action, string? Subject);

/// <summary>
/// The stage touches of the current version of every playbook, in the order of the playbooks' stages: shown beside the
/// business's own rules, so that every touch given by process is seen in one place.
/// </summary>
public static class PlaybookTouches
{
    public static async Task<IReadOnlyList<PlaybookTouchView>> ListAsync(RapportDb db, CancellationToken ct)
    {
        var playbooks = await db.Playbooks.AsNoTracking().OrderBy(p => p.Name).ThenBy(p => p.Id).ToListAsync(ct);
        var current = playbooks.Select(p => p.CurrentVersionId).ToList();
        var versions = await db.PlaybookVersions.AsNoTracking().Where(v => current.Contains(v.Id)).ToDictionaryAsync(v => v.Id, ct);
        return playbooks
            .SelectMany(p => versions.TryGetValue(p.CurrentVersionId, out var version)
                ? version.Stages.SelectMany(stage => stage.Touches.Select(t => new PlaybookTouchView(p.Id, p.Name, stage.Name, t.Title, t.Action, t.Subject)))
                : [])
            .ToList();
    }
}
