using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Data;
using Rapport.Core.Delivery;

namespace Rapport.Core.Occasions;

/// <summary>
/// Puts an occasion on file, confirmed, as staff or the customer typed it. The same occasion proposed or
/// dismissed before becomes this one; one already confirmed is a conflict.
/// </summary>
public static class AddOccasion
{
    public static async Task<Result<OccasionView>> HandleAsync(
        RapportDb db, OccasionEditor editor, Guid customerId, OccasionInput input, TimeProvider time, CancellationToken ct)
    {
        if (!await editor.SeesCustomerAsync(db, customerId)) return Failure.NotFound("Customer");
        if (editor.Forbidden is { } forbidden) return forbidden;
        var v = new Validator();
        var rule = input.Validate(v);
        if (input.RecipientId is { } recipientId && !await db.Recipients.AnyAsync(r => r.Id == recipientId && r.CustomerId == customerId, ct))
            v.Add("recipientId", "Not one of this customer's recipients.");
        if (!v.IsValid) return v.ToFailure();

        var now = time.GetUtcNow().UtcDateTime;
        var today = BusinessClock.Today(now, await db.TimeZoneAsync(ct));
        var type = input.Type!.Value;
        var key = Occasion.KeyOf(customerId, input.RecipientId, type, rule!.Value);
        var label = string.IsNullOrWhiteSpace(input.Label) ? null : input.Label.Trim();
        var occasion = await db.Occasions.FirstOrDefaultAsync(o => o.Key == key, ct);
        object? before = null;
        if (occasion is not null)
        {
            if (occasion.Status == OccasionStatus.Confirmed)
                return Failure.Conflict($"{Occasion.Name(occasion.Type, occasion.Label)} on {occasion.Rule} is already on file for this recipient.");
            before = OccasionEditor.Snapshot(occasion);
        }
        else
        {
            if (await db.Occasions.CountAsync(o => o.CustomerId == customerId, ct) >= OccasionLimits.MaxPerCustomer)
                return Failure.Invalid("type", $"A customer has at most {OccasionLimits.MaxPerCustomer} occasions on file: remove one first.");
            occasion = new Occasion { CustomerId = customerId, RecipientId = input.RecipientId, Type = type, Key = key, CreatedAt = now, CreatedBy = editor.Name };
            db.Occasions.Add(occasion);
        }
        occasion.Rule = rule.Value;
        occasion.Label = label;
        occasion.UsualBudget = input.UsualBudget ?? occasion.UsualBudget;
        // Typed in by a person: whoever did it now owns it, and it needs no confirming.
        occasion.Source = editor.Source;
        occasion.Status = OccasionStatus.Confirmed;
        occasion.Confidence = null;
        occasion.DecidedAt = now;
        occasion.DecidedBy = editor.Name;
        occasion.UpdatedAt = now;
        editor.Audit(db, occasion, "add", before);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return Failure.Conflict("That occasion was put on file a moment ago; reload to see it.");
        }
        return (await db.ToViewsAsync([occasion], today, ct))[0];
    }
}
