using Microsoft.EntityFrameworkCore;
using Rapport.Core.Customers;
using Rapport.Core.Data;

namespace Rapport.Core.Sales;

/// <summary>Reads what the gate looks at for deals from the database, many deals in a few queries.</summary>
public static class DealEvidenceLoader
{
    /// <summary>The gate's evidence for a deal loaded with its answers, committee and evidence.</summary>
    public static async Task<GateEvidence> ForDealAsync(RapportDb db, Deal deal, CancellationToken ct) =>
        (await ForDealsAsync(db, [deal.Id], ct)).GetValueOrDefault(deal.Id) ?? GateEvidence.None;

    public static async Task<Dictionary<Guid, GateEvidence>> ForDealsAsync(RapportDb db, IReadOnlyCollection<Guid> dealIds, CancellationToken ct)
    {
        var ids = dealIds.Distinct().ToList();
        var answers = await db.DealAnswers.AsNoTracking().Where(a => ids.Contains(a.DealId))
            .Select(a => new { a.DealId, a.QuestionId, a.Value }).ToListAsync(ct);
        var committee = await db.DealCommittee.AsNoTracking().Where(c => ids.Contains(c.DealId))
            .Select(c => new { c.DealId, c.StakeholderId, c.Role }).ToListAsync(ct);
        var records = await db.DealEvidence.AsNoTracking().Where(e => ids.Contains(e.DealId))
            .Select(e => new { e.DealId, e.StepId, e.Kind }).ToListAsync(ct);
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.DealId != null && ids.Contains(m.DealId.Value) && m.Outcome != null)
            .Select(m => new { m.Id, DealId = m.DealId!.Value, m.Attendees }).ToListAsync(ct);
        // Someone present counts with their role in this deal's committee, else with their role on the customer's file.
        var attendeeIds = meetings.SelectMany(m => m.Attendees).Distinct().ToList();
        // No round trip when no meeting was held, as on most boards.
        var fileRoles = attendeeIds.Count == 0 ? []
            : await db.Stakeholders.AsNoTracking().Where(s => attendeeIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Role, ct);

        // Grouped once, so a board of many deals does not scan every row once per deal.
        var answersOf = answers.ToLookup(a => a.DealId);
        var committeeOf = committee.ToLookup(c => c.DealId);
        var recordsOf = records.ToLookup(r => r.DealId);
        var meetingsOf = meetings.ToLookup(m => m.DealId);
        return ids.ToDictionary(id => id, id =>
        {
            var roles = committeeOf[id].ToDictionary(c => c.StakeholderId, c => c.Role);
            return new GateEvidence(
                answersOf[id].ToDictionary(a => a.QuestionId, a => a.Value),
                roles.Values.ToHashSet(),
                meetingsOf[id].Select(m => new HeldMeeting(m.Id,
                    m.Attendees.Select(a => roles.TryGetValue(a, out var r) ? r : fileRoles.TryGetValue(a, out var f) ? f : (BuyingRole?)null)
                        .OfType<BuyingRole>().ToHashSet())).ToList(),
                recordsOf[id].Select(r => new StepRecord(r.StepId, r.Kind)).ToHashSet());
        });
    }
}
