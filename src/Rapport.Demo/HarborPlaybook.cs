using Rapport.Core.Businesses;
using Rapport.Core.Customers;
using Rapport.Core.Sales;

namespace Rapport.Demo;

/// <summary>
/// Harbor Laundry Systems' playbook, from first call to the follow-up visit: eight stages, every kind of step, a touch
/// on signing and the three-milestone promise. The demo seeds it; the bench's B2B dealer runs on it too.
/// </summary>
public static class HarborPlaybook
{
    /// <summary>Version 1 of <paramref name="playbook"/>, made by <paramref name="owner"/> when the playbook was; becomes its current version.</summary>
    public static PlaybookVersion Version(Guid businessId, Playbook playbook, StaffMember owner)
    {
        static StepDefinition Step(StepKind kind, string title, QuestionDefinition[]? questions = null, BuyingRole[]? roles = null) =>
            new() { Id = Guid.CreateVersion7(), Kind = kind, Title = title, Questions = questions ?? [], Roles = roles ?? [] };
        static QuestionDefinition Q(string text, QuestionType type, bool required, string[]? choices = null) =>
            new() { Id = Guid.CreateVersion7(), Text = text, Type = type, Required = required, Choices = choices ?? [] };

        var version = new PlaybookVersion
        {
            BusinessId = businessId, PlaybookId = playbook.Id, Number = 1, CreatedAt = playbook.CreatedAt, CreatedById = owner.Id,
            CreatedByName = owner.DisplayName,
            Stages =
            [
                new() { Name = "Qualify", Steps = [Step(StepKind.StakeholdersMapped, "Buying committee mapped", roles: [BuyingRole.DecisionMaker, BuyingRole.TechnicalEvaluator])] },
                new()
                {
                    Name = "Discover",
                    Steps =
                    [
                        Step(StepKind.Questionnaire, "Discovery questions",
                        [
                            Q("Laundry volume per day (lbs)", QuestionType.Number, true),
                            Q("Floor layout", QuestionType.Choice, true, ["Basement", "Ground floor", "Upper floor", "Separate building"]),
                            Q("Three-phase power available at the laundry?", QuestionType.YesNo, true),
                            Q("Hot water supply and drain capacity", QuestionType.Text, true),
                            Q("Who signs off", QuestionType.Text, true),
                            Q("Current machines and their age", QuestionType.Text, false),
                        ]),
                        Step(StepKind.MeetingHeld, "Meeting with everyone who decides", roles: [BuyingRole.DecisionMaker, BuyingRole.EconomicBuyer]),
                    ],
                },
                new() { Name = "Propose", Steps = [Step(StepKind.DocumentSent, "Quote with ROI sent"), Step(StepKind.ManagerApproval, "Price approved by a manager")] },
                new() { Name = "Commit", Steps = [Step(StepKind.Checklist, "Site layout confirmed"), Step(StepKind.Checklist, "Tools for on-site delivery confirmed")] },
                new()
                {
                    Name = "Signed", Steps = [Step(StepKind.DocumentSent, "Onboarding package sent")],
                    Touches =
                    [
                        new()
                        {
                            Id = Guid.CreateVersion7(), Title = "Send the productivity booklet", Action = TouchAction.Email,
                            Subject = "Your laundry productivity booklet",
                            Body = "Thank you for choosing Harbor Laundry Systems. Attached to this note is our productivity booklet: load planning, "
                                + "chemical dosing and the daily checks that keep your machines at full speed. Your installation team will be in touch.",
                        },
                    ],
                },
                new() { Name = "Onboarding", Steps = [Step(StepKind.Checklist, "Installation date agreed")] },
                new() { Name = "Delivery", Steps = [Step(StepKind.Checklist, "Machines installed and commissioned")] },
                new() { Name = "Follow-up" },
            ],
            Milestones =
            [
                new() { Id = Guid.CreateVersion7(), Title = "Onboarding package sent", FromStage = "Signed", Days = 2, CompletedOnStage = "Onboarding" },
                new() { Id = Guid.CreateVersion7(), Title = "Delivered", FromStage = "Signed", Days = 28, CompletedOnStage = "Follow-up" },
                new() { Id = Guid.CreateVersion7(), Title = "Follow-up visit", FromStage = "Follow-up", Days = 30 },
            ],
        };
        playbook.CurrentVersionId = version.Id;
        playbook.CurrentVersionNumber = 1;
        return version;
    }
}
