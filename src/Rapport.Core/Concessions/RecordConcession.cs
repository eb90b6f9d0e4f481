using Microsoft.EntityFrameworkCore;
using Rapport.Core.Audit;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Customers;
using Rapport.Core.Data;
using Rapport.Core.Health;

namespace Rapport.Core.Concessions;

/// <summary>
/// Puts a concession on the ledger at its list value. Within the granter's limit it is granted; above it, it waits for
/// an owner's or manager's approval and is not given until approved.
/// </summary>
public static class RecordConcession
{
    /// <param name="Kind">discount, freeService, waivedFee, freeUpgrade, freeDelivery, extraItems, skippedPriceIncrease, extendedTerms or other.</param>
    /// <param name="ListValue">What the customer would have paid, in the business's currency; zero or more.</param>
    /// <param name="OrderId">The order it belongs to: one of the customer's (or one placed in the same unit of work).</param>
    /// <param name="DealId">The deal it belongs to: one of the customer's.</param>
    /// <param name="GrantedAt">When it was granted, if not now; not in the future.</param>
    public sealed record Command(Guid? CustomerId, string? Kind, decimal? ListValue, Guid? OrderId, Guid? DealId, string? Reason, DateTime? GrantedAt = null);

    public static readonly string KindsText = string.Join(", ", Enum.GetValues<ConcessionKind>().Select(ConcessionWords.Value));

    public static async Task<Result<ConcessionView>> HandleAsync(RapportDb db, Actor actor, Command? command, TimeProvider time, CancellationToken ct)
    {
        var added = await AddAsync(db, actor, command, time.GetUtcNow().UtcDateTime, ct);
        if (!added.Succeeded) return added.Failure;
        await db.SaveChangesAsync(ct);
        await RecomputeHealth.AfterEventAsync(db, added.Value.CustomerId, time, ct);
        return await ConcessionView.OfAsync(db, added.Value, ct);
    }

    /// <summary>
    /// Checks the concession and adds it, with its audit row, to <paramref name="db"/>'s unit of work without saving, so that
    /// the caller's save (or transaction) writes it with what gave it: an order records its discount or waived fee this
    /// way, in the order's own transaction. Nothing is added when it fails.
    /// </summary>
    public static async Task<Result<Concession>> AddAsync(RapportDb db, Actor actor, Command? command, DateTime now, CancellationToken ct)
    {
        if (!actor.Role.SeesConcessions()) return Failure.Forbidden("Drivers do not record concessions.");
        var v = new Validator();
        if (command is null) return Failure.Invalid("body", "Send the concession: customerId, kind, listValue and reason.");
        ConcessionKind kind = default;
        if (string.IsNullOrWhiteSpace(command.Kind)) v.Add("kind", "This field is required.");
        else if (!ConcessionWords.TryParse(command.Kind, out kind)) v.Add("kind", $"One of {KindsText}.");
        if (command.ListValue is null) v.Add("listValue", "This field is required.");
        else v.Amount("listValue", command.ListValue, zeroAllowed: true);
        v.Required("reason", command.Reason, ConcessionLengths.Reason);
        if (command.GrantedAt is { } at && (at.ToUniversalTime() > now.AddMinutes(5) || at.Year < CustomerInput.Earliest.Year))
            v.Add("grantedAt", $"A time between {CustomerInput.Earliest.Year} and now.");
        if (command.CustomerId is not { } customerId) v.Add("customerId", "This field is required.");
        else if (!await db.VisibleTo(actor).AnyAsync(c => c.Id == customerId, ct)) v.Add("customerId", "Not a customer of this business.");
        else
        {
            if (command.OrderId is { } orderId
                && !db.Orders.Local.Any(o => o.Id == orderId && o.CustomerId == customerId)
                && !await db.Orders.AnyAsync(o => o.Id == orderId && o.CustomerId == customerId, ct))
                v.Add("orderId", "Not one of this customer's orders.");
            if (command.DealId is { } dealId && !await db.Deals.AnyAsync(d => d.Id == dealId && d.CustomerId == customerId, ct))
                v.Add("dealId", "Not one of this customer's deals.");
        }
        if (!v.IsValid) return v.ToFailure();

        var limits = await ConcessionSettings.LimitsAsync(db, ct);
        var value = command.ListValue!.Value;
        var concession = new Concession
        {
            CustomerId = command.CustomerId!.Value,
            Kind = kind,
            ListValue = value,
            OrderId = command.OrderId,
            DealId = command.DealId,
            GrantedById = actor.StaffId,
            GrantedByName = actor.Name,
            Reason = command.Reason!.Trim(),
            GrantedAt = command.GrantedAt?.ToUniversalTime() ?? now,
            Status = ConcessionRules.NeedsApproval(actor.Role, value, limits) ? ConcessionStatus.AwaitingApproval : ConcessionStatus.Granted,
        };
        db.Concessions.Add(concession);
        db.Audit(actor, nameof(Concession), concession.Id,
            concession.Status == ConcessionStatus.Granted ? "concession granted" : "concession awaiting approval", null, Audited.Of(concession));
        return concession;
    }
}

/// <summary>What the audit keeps of a concession, before and after a change.</summary>
internal sealed record Audited(Guid CustomerId, string Kind, decimal ListValue, Guid? OrderId, Guid? DealId, string Reason,
    string Status, Guid GrantedById, Guid? DecidedById, DateTime? DecidedAt, string? RefusalReason)
{
    public static Audited Of(Concession c) => new(c.CustomerId, ConcessionWords.Value(c.Kind), c.ListValue, c.OrderId, c.DealId, c.Reason,
        ConcessionWords.Value(c.Status), c.GrantedById, c.DecidedById, c.DecidedAt, c.RefusalReason);
}
