using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Data;
using Rapport.Core.Delivery;

namespace Rapport.Core.Occasions;

/// <summary>
/// Confirms or dismisses an occasion. A dismissed one stays on file so that inference never proposes it again;
/// removing an occasion in the shop is dismissing it. Deciding the same way twice changes nothing.
/// </summary>
public static class DecideOccasion
{
    public static Task<Result<OccasionView>> ConfirmAsync(RapportDb db, OccasionEditor editor, Guid id, TimeProvider time, CancellationToken ct) =>
        DecideAsync(db, editor, id, OccasionStatus.Confirmed, time, ct);

    public static Task<Result<OccasionView>> DismissAsync(RapportDb db, OccasionEditor editor, Guid id, TimeProvider time, CancellationToken ct) =>
        DecideAsync(db, editor, id, OccasionStatus.Dismissed, time, ct);

    private static async Task<Result<OccasionView>> DecideAsync(
        RapportDb db, OccasionEditor editor, Guid id, OccasionStatus status, TimeProvider time, CancellationToken ct)
    {
        var occasion = await editor.Occasions(db).FirstOrDefaultAsync(o => o.Id == id, ct);
        if (occasion is null) return Failure.NotFound("Occasion");
        if (editor.Forbidden is { } forbidden) return forbidden;
        var now = time.GetUtcNow().UtcDateTime;
        if (occasion.Status != status)
        {
            var before = OccasionEditor.Snapshot(occasion);
            occasion.Status = status;
            occasion.DecidedAt = now;
            occasion.DecidedBy = editor.Name;
            occasion.UpdatedAt = now;
            editor.Audit(db, occasion, status == OccasionStatus.Confirmed ? "confirm" : "dismiss", before);
            await db.SaveChangesAsync(ct);
        }
        return (await db.ToViewsAsync([occasion], BusinessClock.Today(now, await db.TimeZoneAsync(ct)), ct))[0];
    }
}
