using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Audit;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Data;

namespace Rapport.Core.Sales;

/// <summary>Fills in a deal's questionnaires: the discovery questions of its playbook version.</summary>
public static class AnswerQuestions
{
    public sealed record Answer(Guid? QuestionId, string? Value);

    /// <summary>Sets the answers given; an empty value clears that answer; questions left out keep theirs.</summary>
    public sealed record Command(IReadOnlyList<Answer>? Answers);

    public const int MaxAnswers = 200;

    public static async Task<Result<DealView>> HandleAsync(RapportDb db, Actor actor, Guid dealId, Command c, TimeProvider time, CancellationToken ct)
    {
        var found = await db.FindWorkableDealAsync(actor, dealId, ct);
        if (!found.Succeeded) return found.Failure;
        var deal = found.Value;
        var version = await DealVersions.OfAsync(db, deal, ct);
        var questions = version.Stages.SelectMany(s => s.Steps).SelectMany(s => s.Questions).ToDictionary(q => q.Id);

        var v = new Validator();
        var answers = c.Answers ?? [];
        if (c.Answers is null) v.Add("answers", "List the answers: [{ \"questionId\": \"…\", \"value\": \"…\" }].");
        else if (answers.Count > MaxAnswers) v.Add("answers", $"At most {MaxAnswers} answers at once.");
        var clean = new Dictionary<Guid, string?>();
        for (var i = 0; i < Math.Min(answers.Count, MaxAnswers); i++)
        {
            var at = $"answers[{i}]";
            var a = answers[i];
            if (a?.QuestionId is not { } qid) { v.Add($"{at}.questionId", "Say which question this answers."); continue; }
            if (!questions.TryGetValue(qid, out var question)) { v.Add($"{at}.questionId", "Not a question of this deal's playbook."); continue; }
            if (string.IsNullOrWhiteSpace(a.Value)) { clean[qid] = null; continue; }
            v.MaxLength($"{at}.value", a.Value, SalesLimits.Answer);
            if (!StageGate.IsAnswer(question, a.Value)) { v.Add($"{at}.value", Expected(question)); continue; }
            clean[qid] = Normalize(question, a.Value.Trim());
        }
        if (!v.IsValid) return v.ToFailure();

        var now = time.GetUtcNow().UtcDateTime;
        var before = deal.Answers.ToDictionary(a => a.QuestionId, a => a.Value);
        foreach (var (qid, value) in clean)
        {
            var existing = deal.Answers.FirstOrDefault(a => a.QuestionId == qid);
            if (value is null)
            {
                if (existing is not null) deal.Answers.Remove(existing);
            }
            else if (existing is null)
                deal.Answers.Add(new DealAnswer { BusinessId = deal.BusinessId, DealId = deal.Id, QuestionId = qid, Value = value, AnsweredAt = now, AnsweredById = actor.StaffId });
            else if (existing.Value != value)
            {
                existing.Value = value;
                existing.AnsweredAt = now;
                existing.AnsweredById = actor.StaffId;
            }
        }
        deal.Touch(now);
        db.Audit(actor, nameof(Deal), deal.Id, "answers", before, deal.Answers.ToDictionary(a => a.QuestionId, a => a.Value));
        var saved = await DealSaving.SaveAsync(db, ct);
        if (!saved.Succeeded) return saved.Failure;
        return await GetDeal.ViewAsync(db, deal, time, ct);
    }

    private static string Expected(QuestionDefinition q) => q.Type switch
    {
        QuestionType.Number => "A number, e.g. 1100 or 12.5.",
        QuestionType.Choice => $"One of: {string.Join(", ", q.Choices)}.",
        QuestionType.YesNo => "yes or no.",
        _ => "An answer is required.",
    };

    private static string Normalize(QuestionDefinition q, string value) => q.Type switch
    {
        QuestionType.Number => decimal.Parse(value, NumberStyles.Number, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        QuestionType.Choice => q.Choices.First(x => string.Equals(x, value, StringComparison.OrdinalIgnoreCase)),
        _ => value,
    };
}

internal static class DealVersions
{
    public static async Task<PlaybookDefinition> OfAsync(RapportDb db, Deal deal, CancellationToken ct) =>
        (await db.PlaybookVersions.AsNoTracking().FirstAsync(v => v.Id == deal.PlaybookVersionId, ct)).Definition;
}
