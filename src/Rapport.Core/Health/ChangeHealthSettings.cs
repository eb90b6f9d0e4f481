using Microsoft.EntityFrameworkCore;
using Rapport.Core.Audit;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Data;

namespace Rapport.Core.Health;

/// <summary>The business's health settings as the API shows and takes them.</summary>
public sealed record HealthSettingsView(
    HealthWeights Weights, Guid? DefaultAccountOwnerId, IReadOnlyList<string> Triggers, bool LoyalOnly, decimal MinRevenue, int DueWithinDays);

/// <summary>The owner reads and changes the weights, thresholds, complacency limit and recovery triggers.</summary>
public static class ChangeHealthSettings
{
    public static async Task<Result<HealthSettingsView>> GetAsync(RapportDb db, Actor actor, CancellationToken ct)
    {
        if (!actor.Role.ManagesHealth()) return Failure.Forbidden("Only the owner sets how health is scored.");
        return Of(await HealthData.SettingsAsync(db, ct));
    }

    public static async Task<Result<HealthSettingsView>> HandleAsync(RapportDb db, Actor actor, HealthSettingsView? command, CancellationToken ct)
    {
        if (!actor.Role.ManagesHealth()) return Failure.Forbidden("Only the owner sets how health is scored.");
        var v = new Validator();
        if (command?.Weights is null) v.Add("weights", "Give the weights.");
        else foreach (var (field, message) in command.Weights.Problems()) v.Add($"weights.{field}", message);
        if (command is not null)
        {
            if (command.Triggers is null || command.Triggers.Any(t => !RecoveryTriggers.All.Contains(t)))
                v.Add("triggers", $"Any of {string.Join(", ", RecoveryTriggers.All)}.");
            if (command.MinRevenue is < 0 or > 100_000_000m) v.Add("minRevenue", "Zero or more.");
            if (command.DueWithinDays is < 0 or > 30) v.Add("dueWithinDays", "Between 0 and 30 days.");
            if (command.DefaultAccountOwnerId is { } owner
                && !await db.Staff.AnyAsync(s => s.Id == owner && s.BusinessId == db.CurrentBusinessId && s.Role != StaffRole.Delivery, ct))
                v.Add("defaultAccountOwnerId", "A member of staff of this business (not a driver).");
        }
        if (!v.IsValid) return v.ToFailure();

        var settings = await db.HealthSettings.FirstOrDefaultAsync(ct);
        var before = settings is null ? null : Of(settings);
        if (settings is null) db.HealthSettings.Add(settings = new HealthSettings());
        settings.Weights = command!.Weights;
        settings.DefaultAccountOwnerId = command.DefaultAccountOwnerId;
        settings.Triggers = [.. (command.Triggers ?? []).Distinct()];
        settings.LoyalOnly = command.LoyalOnly;
        settings.MinRevenue = command.MinRevenue;
        settings.DueWithinDays = command.DueWithinDays;
        db.Audit(actor, nameof(HealthSettings), settings.Id, "health settings changed", before, Of(settings));
        await db.SaveChangesAsync(ct);
        return Of(settings);
    }

    private static HealthSettingsView Of(HealthSettings s) =>
        new(s.Weights, s.DefaultAccountOwnerId, s.Triggers, s.LoyalOnly, s.MinRevenue, s.DueWithinDays);
}
