using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Customers;
using Rapport.Core.Data;
using Rapport.Core.Delivery;

namespace Rapport.Core.Sales;

/// <summary>Which deals an actor sees: those of the customers they see; drivers see none.</summary>
public static class DealAccess
{
    public static IQueryable<Deal> VisibleDeals(this RapportDb db, Actor actor) =>
        actor.Role.SeesDeals() ? db.Deals.Where(d => db.VisibleTo(actor).Any(c => c.Id == d.CustomerId)) : db.Deals.Where(_ => false);

    /// <summary>The deal with everything the gate and its page need, tracked for changes.</summary>
    public static Task<Deal?> FindDealAsync(this RapportDb db, Actor actor, Guid id, CancellationToken ct) =>
        db.VisibleDeals(actor)
            .Include(d => d.Answers).Include(d => d.Committee).Include(d => d.Evidence)
            .Include(d => d.StageChanges).Include(d => d.Overrides).Include(d => d.Milestones)
            .AsSplitQuery()
            .FirstOrDefaultAsync(d => d.Id == id, ct);

    /// <summary>A deal the actor may work on: 404 when unseen, 403 when the role does not run deals.</summary>
    public static async Task<Result<Deal>> FindWorkableDealAsync(this RapportDb db, Actor actor, Guid id, CancellationToken ct)
    {
        var deal = await db.FindDealAsync(actor, id, ct);
        if (deal is null) return Failure.NotFound("Deal");
        if (!actor.Role.WorksDeals()) return Failure.Forbidden($"The {actor.Role.Label()} role does not run deals.");
        return deal;
    }
}

public static class GetDeal
{
    public static async Task<Result<DealView>> HandleAsync(RapportDb db, Actor actor, Guid id, TimeProvider time, CancellationToken ct)
    {
        var deal = await db.FindDealAsync(actor, id, ct);
        if (deal is null) return Failure.NotFound("Deal");
        return await ViewAsync(db, deal, time, ct);
    }

    /// <summary>The view of a deal loaded with <see cref="DealAccess.FindDealAsync"/>.</summary>
    public static async Task<DealView> ViewAsync(RapportDb db, Deal deal, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var today = BusinessClock.Today(now, await db.TimeZoneAsync(ct));
        var version = await db.PlaybookVersions.AsNoTracking().FirstAsync(v => v.Id == deal.PlaybookVersionId, ct);
        var playbook = await db.Playbooks.AsNoTracking().FirstAsync(p => p.Id == deal.PlaybookId, ct);
        var customerName = await db.Customers.Where(c => c.Id == deal.CustomerId)
            .Select(c => c.Name).FirstAsync(ct);
        var ownerName = await db.Staff.Where(s => s.Id == deal.OwnerId && s.BusinessId == db.CurrentBusinessId).Select(s => s.DisplayName).FirstOrDefaultAsync(ct);
        var stakeholders = await db.Stakeholders.AsNoTracking().Where(s => s.CustomerId == deal.CustomerId).ToDictionaryAsync(s => s.Id, ct);
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.DealId == deal.Id).OrderBy(m => m.ScheduledAt).ToListAsync(ct);
        var quotes = await db.Quotes.AsNoTracking().Where(q => q.DealId == deal.Id).OrderBy(q => q.CreatedAt).ToListAsync(ct);
        var evidence = await DealEvidenceLoader.ForDealAsync(db, deal, ct);

        var definition = version.Definition;
        var current = definition.IndexOf(deal.Stage);
        var stages = definition.Stages.Select((stage, i) =>
        {
            var missing = StageGate.Missing(stage, evidence).ToDictionary(m => m.StepId);
            return new DealStageView(stage.Name, i < current ? StageState.Passed : i == current ? StageState.Current : StageState.Ahead,
                missing.Count == 0,
                stage.Steps.Select(step => new StepStatus(step.Id, step.Kind, step.Title, !missing.ContainsKey(step.Id), missing.GetValueOrDefault(step.Id)?.Title,
                    step.Kind == StepKind.Questionnaire ? step.Questions : null,
                    step.Kind is StepKind.StakeholdersMapped or StepKind.MeetingHeld ? step.Roles : null)).ToList());
        }).ToList();
        var questions = definition.Stages.SelectMany(s => s.Steps).SelectMany(s => s.Questions.Select(q => (Step: s, Question: q)))
            .ToDictionary(x => x.Question.Id);
        var steps = definition.Stages.SelectMany(s => s.Steps).ToDictionary(s => s.Id);
        var missingNow = current >= 0 ? StageGate.Missing(definition.Stages[current], evidence) : [];

        return new DealView(
            deal.Id, deal.Name, deal.CustomerId, customerName, deal.PlaybookId, playbook.Name, version.Id, version.Number,
            playbook.CurrentVersionNumber, deal.Stage, current >= 0 && current + 1 < definition.Stages.Count ? definition.Stages[current + 1].Name : null,
            deal.StageEnteredAt, DaysIn(deal, now), deal.OwnerId, ownerName, deal.Amount, deal.ExpectedCloseOn, deal.ProductLines, deal.Competitors,
            missingNow.Count == 0, missingNow, stages,
            deal.Answers.Where(a => questions.ContainsKey(a.QuestionId)).OrderBy(a => a.AnsweredAt)
                .Select(a => new AnswerView(a.QuestionId, questions[a.QuestionId].Step.Id, questions[a.QuestionId].Question.Text,
                    questions[a.QuestionId].Question.Type, a.Value, a.AnsweredAt)).ToList(),
            deal.Committee.OrderBy(c => c.AddedAt).Select(c => new CommitteeMemberView(c.Id, c.StakeholderId,
                stakeholders.GetValueOrDefault(c.StakeholderId)?.Name ?? "(removed)", stakeholders.GetValueOrDefault(c.StakeholderId)?.Title,
                c.Role, c.Strength, c.AddedAt)).ToList(),
            deal.Evidence.OrderBy(e => e.At).Select(e => new EvidenceView(e.Id, e.StepId, e.Kind, steps.GetValueOrDefault(e.StepId)?.Title, e.At, e.ByName,
                e.Document, e.QuoteId, e.Note)).ToList(),
            deal.StageChanges.OrderBy(c => c.At).Select(c => new StageChangeView(c.Id, c.FromStage, c.ToStage, c.At, c.ByName, c.OverrideId)).ToList(),
            deal.Overrides.OrderBy(o => o.At).Select(o => new OverrideView(o.Id, o.FromStage, o.ToStage, o.At, o.ById, o.ByName, o.Reason, o.MissingSteps)).ToList(),
            deal.Milestones.OrderBy(m => m.DueOn).Select(m => MilestoneView.Of(m, today)).ToList(),
            meetings.Select(m => MeetingView.Of(m, stakeholders)).ToList(),
            quotes.Select(q => new QuoteSummary(q.Id, q.Title, q.Price, q.ExpectedAnnualReturn, q.PaybackMonths, q.CreatedAt, q.SentAt, q.FirstViewedAt)).ToList(),
            deal.CreatedAt, deal.UpdatedAt);
    }

    public static int DaysIn(Deal deal, DateTime now) => DaysIn(deal.StageEnteredAt, now);

    public static int DaysIn(DateTime enteredAt, DateTime now) => Math.Max(0, (int)(now - enteredAt).TotalDays);
}
