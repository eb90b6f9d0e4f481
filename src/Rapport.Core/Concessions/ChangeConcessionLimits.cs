using Microsoft.EntityFrameworkCore;
using Rapport.Core.Audit;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Data;

namespace Rapport.Core.Concessions;

/// <summary>The most one concession may be worth per role before it waits for approval; null for no limit. The owner has none.</summary>
public sealed record ConcessionLimitsView(decimal? Manager, decimal? Sales, decimal? Service)
{
    internal static ConcessionLimitsView Of(ConcessionLimitSet l) =>
        new(Amounts.Cents(l.Manager), Amounts.Cents(l.Sales), Amounts.Cents(l.Service));
}

/// <summary>The owner reads and sets the concession limits per role.</summary>
public static class ChangeConcessionLimits
{
    public static async Task<Result<ConcessionLimitsView>> GetAsync(RapportDb db, Actor actor, CancellationToken ct)
    {
        if (!actor.Role.ManagesConcessionLimits()) return Failure.Forbidden("Only the owner sets the concession limits.");
        return ConcessionLimitsView.Of(await ConcessionSettings.LimitsAsync(db, ct));
    }

    public static async Task<Result<ConcessionLimitsView>> HandleAsync(RapportDb db, Actor actor, ConcessionLimitsView? command, CancellationToken ct)
    {
        if (!actor.Role.ManagesConcessionLimits()) return Failure.Forbidden("Only the owner sets the concession limits.");
        if (command is null) return Failure.Invalid("body", "Send the limits: manager, sales and service (null for no limit).");
        var v = new Validator()
            .Amount("manager", command.Manager, zeroAllowed: true)
            .Amount("sales", command.Sales, zeroAllowed: true)
            .Amount("service", command.Service, zeroAllowed: true);
        if (!v.IsValid) return v.ToFailure();

        var settings = await db.ConcessionSettings.FirstOrDefaultAsync(ct);
        var before = settings is null ? null : ConcessionLimitsView.Of(settings.Limits);
        if (settings is null) db.ConcessionSettings.Add(settings = new ConcessionSettings());
        settings.ManagerLimit = command.Manager;
        settings.SalesLimit = command.Sales;
        settings.ServiceLimit = command.Service;
        var after = ConcessionLimitsView.Of(settings.Limits);
        db.Audit(actor, nameof(ConcessionSettings), settings.Id, "concession limits changed", before, after);
        await db.SaveChangesAsync(ct);
        return after;
    }
}
