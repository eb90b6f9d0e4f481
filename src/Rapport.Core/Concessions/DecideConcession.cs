using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Audit;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Data;
using Rapport.Core.Health;

namespace Rapport.Core.Concessions;

/// <summary>
/// An owner or manager approves a concession that waits (it is given from then on) or refuses it with a reason (it is never
/// given). A manager decides only concessions within her own limit; the owner decides any. Each decision is audited with
/// the concession before and after.
/// </summary>
public static class DecideConcession
{
    public sealed record Refusal(string? Reason);

    public static Task<Result<ConcessionView>> ApproveAsync(RapportDb db, Actor actor, Guid id, TimeProvider time, CancellationToken ct) =>
        DecideAsync(db, actor, id, null, time, ct);

    public static Task<Result<ConcessionView>> RefuseAsync(RapportDb db, Actor actor, Guid id, Refusal? command, TimeProvider time, CancellationToken ct) =>
        DecideAsync(db, actor, id, command ?? new Refusal(null), time, ct);

    /// <param name="refusal">Null to approve.</param>
    private static async Task<Result<ConcessionView>> DecideAsync(
        RapportDb db, Actor actor, Guid id, Refusal? refusal, TimeProvider time, CancellationToken ct)
    {
        if (!actor.Role.SeesConcessions()) return Failure.Forbidden("Drivers do not see concessions.");
        var concession = await db.Concessions.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (concession is null) return Failure.NotFound("Concession");
        if (!actor.Role.DecidesConcessions()) return Failure.Forbidden("Only owners and managers approve or refuse concessions.");
        if (refusal is not null)
        {
            var v = new Validator().Required("reason", refusal.Reason, ConcessionLengths.Reason);
            if (!v.IsValid) return v.ToFailure();
        }
        if (concession.Status != ConcessionStatus.AwaitingApproval)
            return Failure.Conflict($"This concession is already {ConcessionWords.Label(concession.Status).ToLowerInvariant()}.");
        var limits = await ConcessionSettings.LimitsAsync(db, ct);
        if (!ConcessionRules.MayDecide(actor.Role, concession.ListValue, limits))
            return Failure.Forbidden(
                $"Above your own limit of {limits.For(actor.Role)?.ToString("0.00", CultureInfo.InvariantCulture)}: the owner decides this one.");

        var before = Audited.Of(concession);
        concession.Status = refusal is null ? ConcessionStatus.Granted : ConcessionStatus.Refused;
        concession.DecidedById = actor.StaffId;
        concession.DecidedByName = actor.Name;
        concession.DecidedAt = time.GetUtcNow().UtcDateTime;
        concession.RefusalReason = refusal?.Reason?.Trim();
        concession.Stamp = Guid.NewGuid();
        db.Audit(actor, nameof(Concession), concession.Id, refusal is null ? "concession approved" : "concession refused", before, Audited.Of(concession));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        // Someone else decided it at the same moment: theirs stands.
        catch (DbUpdateConcurrencyException)
        {
            return Failure.Conflict("Someone else decided this concession at the same moment; reload to see what they chose.");
        }
        if (refusal is null) await RecomputeHealth.AfterEventAsync(db, concession.CustomerId, time, ct);
        return await ConcessionView.OfAsync(db, concession, ct);
    }
}
