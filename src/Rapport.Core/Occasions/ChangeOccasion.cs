using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Data;
using Rapport.Core.Delivery;

namespace Rapport.Core.Occasions;

/// <summary>Changes what a customer usually spends on an occasion (null clears it), and a custom occasion's name.</summary>
public static class ChangeOccasion
{
    /// <param name="UsualBudget">The new budget; absent with <paramref name="ClearBudget"/> false leaves it.</param>
    public sealed record Command(decimal? UsualBudget, bool ClearBudget, string? Label);

    public static async Task<Result<OccasionView>> HandleAsync(RapportDb db, OccasionEditor editor, Guid id, Command command, TimeProvider time, CancellationToken ct)
    {
        var occasion = await editor.Occasions(db).FirstOrDefaultAsync(o => o.Id == id, ct);
        if (occasion is null) return Failure.NotFound("Occasion");
        if (editor.Forbidden is { } forbidden) return forbidden;
        var v = new Validator();
        OccasionInput.Budget(v, command.UsualBudget);
        v.MaxLength("label", command.Label, OccasionLimits.Label);
        if (occasion.Type == OccasionType.Custom && command.Label is not null && string.IsNullOrWhiteSpace(command.Label))
            v.Add("label", "A custom occasion needs a name.");
        if (!v.IsValid) return v.ToFailure();

        var now = time.GetUtcNow().UtcDateTime;
        var before = OccasionEditor.Snapshot(occasion);
        if (command.ClearBudget) occasion.UsualBudget = null;
        else if (command.UsualBudget is { } budget) occasion.UsualBudget = budget;
        if (command.Label is not null) occasion.Label = string.IsNullOrWhiteSpace(command.Label) ? null : command.Label.Trim();
        occasion.UpdatedAt = now;
        editor.Audit(db, occasion, "update", before);
        await db.SaveChangesAsync(ct);
        return (await db.ToViewsAsync([occasion], BusinessClock.Today(now, await db.TimeZoneAsync(ct)), ct))[0];
    }
}
