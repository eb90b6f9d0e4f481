using Microsoft.EntityFrameworkCore;
using Rapport.Core.Audit;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Data;

namespace Rapport.Core.Sales;

public sealed record PlaybookSummary(Guid Id, string Name, string ProductLine, int Version, IReadOnlyList<string> Stages, DateTime UpdatedAt);

/// <summary>A playbook at one version: its stages with their required steps, and the promise's milestones.</summary>
public sealed record PlaybookView(
    Guid Id, string Name, string ProductLine, Guid VersionId, int Version, int LatestVersion,
    IReadOnlyList<StageDefinition> Stages, IReadOnlyList<MilestoneDefinition> Milestones, DateTime CreatedAt, DateTime UpdatedAt)
{
    public static PlaybookView Of(Playbook p, PlaybookVersion v) =>
        new(p.Id, p.Name, p.ProductLine, v.Id, v.Number, p.CurrentVersionNumber, v.Stages, v.Milestones, p.CreatedAt, p.UpdatedAt);
}

/// <summary>
/// Owners and managers write playbooks. Each change is a new version; deals running on an older version keep it,
/// so the steps they already satisfied stay satisfied.
/// </summary>
public static class ManagePlaybooks
{
    public static async Task<Result<PlaybookView>> CreateAsync(RapportDb db, Actor actor, PlaybookInput input, TimeProvider time, CancellationToken ct)
    {
        if (!actor.Role.ManagesSales()) return Failure.Forbidden($"The {actor.Role.Label()} role cannot write playbooks.");
        var built = PlaybookRules.Build(input, new HashSet<Guid>(), creating: true);
        if (!built.Succeeded) return built.Failure;
        var name = input.Name!.Trim();
        if (await db.Playbooks.AnyAsync(p => p.Name == name, ct)) return Failure.Invalid("name", "Another playbook has this name.");

        var now = time.GetUtcNow().UtcDateTime;
        var playbook = new Playbook { Name = name, ProductLine = input.ProductLine!.Trim(), CreatedAt = now, UpdatedAt = now };
        var version = NewVersion(actor, playbook, 1, built.Value, now);
        db.Playbooks.Add(playbook);
        db.PlaybookVersions.Add(version);
        db.Audit(actor, nameof(Playbook), playbook.Id, "created", null, PlaybookView.Of(playbook, version));
        await db.SaveChangesAsync(ct);
        return PlaybookView.Of(playbook, version);
    }

    /// <summary>Writes the playbook's next version; steps named by their earlier id keep the evidence recorded against them.</summary>
    public static async Task<Result<PlaybookView>> ReviseAsync(RapportDb db, Actor actor, Guid id, PlaybookInput input, TimeProvider time, CancellationToken ct)
    {
        if (!actor.Role.SeesDeals()) return Failure.NotFound("Playbook");
        var playbook = await db.Playbooks.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (playbook is null) return Failure.NotFound("Playbook");
        if (!actor.Role.ManagesSales()) return Failure.Forbidden($"The {actor.Role.Label()} role cannot change playbooks.");
        var versions = await db.PlaybookVersions.Where(v => v.PlaybookId == id).OrderBy(v => v.Number).ToListAsync(ct);
        var known = versions.SelectMany(v => PlaybookRules.Ids(v.Definition)).ToHashSet();
        var built = PlaybookRules.Build(input, known, creating: false);
        if (!built.Succeeded) return built.Failure;
        if (input.Name is { } rename && rename.Trim() != playbook.Name && await db.Playbooks.AnyAsync(p => p.Name == rename.Trim() && p.Id != id, ct))
            return Failure.Invalid("name", "Another playbook has this name.");

        var now = time.GetUtcNow().UtcDateTime;
        var before = PlaybookView.Of(playbook, versions[^1]);
        if (input.Name is not null) playbook.Name = input.Name.Trim();
        if (input.ProductLine is not null) playbook.ProductLine = input.ProductLine.Trim();
        var version = NewVersion(actor, playbook, versions[^1].Number + 1, built.Value, now);
        playbook.UpdatedAt = now;
        db.PlaybookVersions.Add(version);
        db.Audit(actor, nameof(Playbook), playbook.Id, "revised", before, PlaybookView.Of(playbook, version));
        await db.SaveChangesAsync(ct);
        return PlaybookView.Of(playbook, version);
    }

    public static async Task<Result<IReadOnlyList<PlaybookSummary>>> ListAsync(RapportDb db, Actor actor, CancellationToken ct)
    {
        if (!actor.Role.SeesDeals()) return Failure.Forbidden($"The {actor.Role.Label()} role does not see deals.");
        var playbooks = await db.Playbooks.AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct);
        var current = playbooks.Select(p => p.CurrentVersionId).ToList();
        var versions = await db.PlaybookVersions.AsNoTracking().Where(v => current.Contains(v.Id)).ToDictionaryAsync(v => v.Id, ct);
        return playbooks.Select(p => new PlaybookSummary(p.Id, p.Name, p.ProductLine, p.CurrentVersionNumber,
            versions[p.CurrentVersionId].Stages.Select(s => s.Name).ToList(), p.UpdatedAt)).ToList();
    }

    /// <summary>The playbook at its latest version, or at the version asked for.</summary>
    public static async Task<Result<PlaybookView>> GetAsync(RapportDb db, Actor actor, Guid id, int? versionNumber, CancellationToken ct)
    {
        if (!actor.Role.SeesDeals()) return Failure.NotFound("Playbook");
        var playbook = await db.Playbooks.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (playbook is null) return Failure.NotFound("Playbook");
        var number = versionNumber ?? playbook.CurrentVersionNumber;
        var version = await db.PlaybookVersions.AsNoTracking().FirstOrDefaultAsync(v => v.PlaybookId == id && v.Number == number, ct);
        return version is null ? Failure.NotFound("Playbook version") : PlaybookView.Of(playbook, version);
    }

    private static PlaybookVersion NewVersion(Actor actor, Playbook playbook, int number, PlaybookDefinition definition, DateTime now)
    {
        var version = new PlaybookVersion
        {
            PlaybookId = playbook.Id, Number = number, Stages = definition.Stages.ToList(), Milestones = definition.Milestones.ToList(),
            CreatedAt = now, CreatedById = actor.StaffId, CreatedByName = actor.Name,
        };
        playbook.CurrentVersionId = version.Id;
        playbook.CurrentVersionNumber = number;
        return version;
    }
}
