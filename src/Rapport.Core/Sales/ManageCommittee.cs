using Microsoft.EntityFrameworkCore;
using Rapport.Core.Audit;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Customers;
using Rapport.Core.Data;

namespace Rapport.Core.Sales;

/// <summary>
/// The deal's buying committee: the customer's stakeholders who take part in this decision, each with their role in it
/// and how well we know them. A person not yet on the customer's file is added there first.
/// </summary>
public static class ManageCommittee
{
    /// <param name="StakeholderId">Someone already on the customer's file; leave out and give a name and role to add a new person.</param>
    /// <param name="Role">Their role in this deal; their role on file when left out.</param>
    public sealed record Command(
        Guid? StakeholderId, string? Name, string? Title, string? Email, string? Phone, BuyingRole? Role, RelationshipStrength? Strength);

    public static async Task<Result<DealView>> AddAsync(RapportDb db, Actor actor, Guid dealId, Command c, TimeProvider time, CancellationToken ct)
    {
        var found = await db.FindWorkableDealAsync(actor, dealId, ct);
        if (!found.Succeeded) return found.Failure;
        var deal = found.Value;

        Stakeholder? person;
        if (c.StakeholderId is { } sid)
        {
            person = await db.Stakeholders.FirstOrDefaultAsync(s => s.Id == sid && s.CustomerId == deal.CustomerId, ct);
            if (person is null) return Failure.Invalid("stakeholderId", "Not a stakeholder of this deal's customer.");
        }
        else
        {
            // A new person goes on the customer's file through the customers' own use case.
            var added = await ManageStakeholders.AddAsync(db, actor, deal.CustomerId, new StakeholderInput(c.Name, c.Title, c.Role, c.Email, c.Phone), ct);
            if (!added.Succeeded) return added.Failure;
            person = await db.Stakeholders.FirstAsync(s => s.Id == added.Value.Id, ct);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var member = deal.Committee.FirstOrDefault(m => m.StakeholderId == person.Id);
        var before = member is null ? null : new { member.StakeholderId, member.Role, member.Strength };
        if (member is null)
        {
            member = new DealStakeholder
            {
                BusinessId = deal.BusinessId, DealId = deal.Id, StakeholderId = person.Id, Role = c.Role ?? person.Role,
                Strength = c.Strength ?? RelationshipStrength.Unknown, AddedAt = now,
            };
            deal.Committee.Add(member);
        }
        else
        {
            if (c.Role is { } role) member.Role = role;
            if (c.Strength is { } strength) member.Strength = strength;
        }
        deal.Touch(now);
        db.Audit(actor, nameof(Deal), deal.Id, "committee", before, new { member.StakeholderId, member.Role, member.Strength });
        var saved = await DealSaving.SaveAsync(db, ct);
        if (!saved.Succeeded) return saved.Failure;
        return await GetDeal.ViewAsync(db, deal, time, ct);
    }

    public static async Task<Result<DealView>> RemoveAsync(RapportDb db, Actor actor, Guid dealId, Guid memberId, TimeProvider time, CancellationToken ct)
    {
        var found = await db.FindWorkableDealAsync(actor, dealId, ct);
        if (!found.Succeeded) return found.Failure;
        var deal = found.Value;
        var member = deal.Committee.FirstOrDefault(m => m.Id == memberId);
        if (member is null) return Failure.NotFound("Committee member");
        deal.Committee.Remove(member);
        db.DealCommittee.Remove(member);
        deal.Touch(time.GetUtcNow().UtcDateTime);
        db.Audit(actor, nameof(Deal), deal.Id, "committee removed", new { member.StakeholderId, member.Role, member.Strength }, null);
        var saved = await DealSaving.SaveAsync(db, ct);
        if (!saved.Succeeded) return saved.Failure;
        return await GetDeal.ViewAsync(db, deal, time, ct);
    }
}
