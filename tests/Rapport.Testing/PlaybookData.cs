using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Customers;
using Rapport.Core.Sales;
using Xunit;

namespace Rapport.Testing;

/// <summary>
/// A playbook of its own and deals on it at Harbor Laundry Systems, made through the sales use cases, so a test never
/// depends on the demo's deals. The playbook: Qualify (a discovery questionnaire with two required questions) →
/// Discover (site layout confirmed, a manager's approval) → Propose (send the quote) → Signed, promising the
/// onboarding package two days after Signed.
/// </summary>
public sealed class PlaybookData(RapportApp app, Guid business, PlaybookView playbook)
{
    public const string Volume = "Laundry volume per day (lbs)";
    public const string Floor = "Where the laundry is";
    public const string Discovery = "Discovery questions";
    public const string SiteLayout = "Site layout confirmed";
    public const string Approval = "Manager approval";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public Guid Business => business;
    public PlaybookView Playbook => playbook;

    /// <summary>A new playbook named after <paramref name="name"/> (unique per call).</summary>
    public static async Task<PlaybookData> ForAsync(RapportApp app, string name = "Test line")
    {
        var business = await app.WithDbAsync(db => db.Businesses.Where(b => b.Slug == "harbor").Select(b => b.Id).SingleAsync(Ct));
        var owner = await ActorAsync(app, business, "owner@harbor.example");
        var input = new PlaybookInput(TestNames.Unique(name), "Washer-extractors",
        [
            new StageInput("Qualify", [new StepInput(null, StepKind.Questionnaire, Discovery,
            [
                new QuestionInput(null, Volume, QuestionType.Number, null, true),
                new QuestionInput(null, Floor, QuestionType.Choice, ["Basement", "Ground floor"], true),
                new QuestionInput(null, "Anything else", QuestionType.Text, null, false),
            ], null)]),
            new StageInput("Discover", [
                new StepInput(null, StepKind.Checklist, SiteLayout, null, null),
                new StepInput(null, StepKind.ManagerApproval, Approval, null, null),
            ]),
            new StageInput("Propose", [new StepInput(null, StepKind.DocumentSent, "Send the quote", null, null)]),
            new StageInput("Signed", []),
        ],
        [new MilestoneInput(null, "Onboarding package sent", "Signed", 2, null)]);
        var made = await app.WithDbAsync(business, db => ManagePlaybooks.CreateAsync(db, owner, input, TimeProvider.System, Ct));
        return new PlaybookData(app, business, made.Value ?? throw new InvalidOperationException(made.Failure!.Title));
    }

    public static Task<Actor> ActorAsync(RapportApp app, Guid business, string email) =>
        app.WithDbAsync(business, db => db.Staff.Where(s => s.Email == email && s.BusinessId == business)
            .Select(s => new Actor(s.Id, s.BusinessId, s.DisplayName, s.Role)).SingleAsync(Ct));

    /// <summary>Grand Pier Hotel, the demo's account with a full buying committee on file.</summary>
    public Task<Guid> GrandPierAsync() =>
        app.WithDbAsync(business, db => db.Customers.Where(c => c.Name == "Grand Pier Hotel").Select(c => c.Id).SingleAsync(Ct));

    /// <summary>A deal on this playbook, in its first stage, owned by Marcus Reed (sales) unless said otherwise.</summary>
    public async Task<DealView> DealAsync(string name, decimal amount = 48_500m, string owner = "sales@harbor.example", Guid? customerId = null)
    {
        var actor = await ActorAsync(app, business, owner);
        var customer = customerId ?? await GrandPierAsync();
        var made = await app.WithDbAsync(business, db => CreateDeal.HandleAsync(db, actor,
            new(customer, name, playbook.Id, null, amount, new DateOnly(2027, 3, 31), ["Washer-extractors"], null), TimeProvider.System, Ct));
        return made.Value ?? throw new InvalidOperationException(made.Failure!.Title);
    }

    /// <summary>Answers the Qualify questionnaire, so the deal may leave Qualify.</summary>
    public async Task<DealView> AnswerDiscoveryAsync(Guid dealId)
    {
        var questions = playbook.Stages[0].Steps[0].Questions;
        var actor = await ActorAsync(app, business, "sales@harbor.example");
        var done = await app.WithDbAsync(business, db => AnswerQuestions.HandleAsync(db, actor, dealId,
            new([new(questions[0].Id, "1100"), new(questions[1].Id, "Basement")]), TimeProvider.System, Ct));
        return done.Value ?? throw new InvalidOperationException(done.Failure!.Title);
    }

    public Task<DealView> ReadAsync(Guid dealId) => app.WithDbAsync(business, async db =>
    {
        var actor = await ActorAsync(app, business, "owner@harbor.example");
        return (await GetDeal.HandleAsync(db, actor, dealId, TimeProvider.System, Ct)).Value!;
    });
}
