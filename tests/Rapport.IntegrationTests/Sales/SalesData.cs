using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Rapport.Core.Customers;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Sales;

internal sealed record TestAccount(Guid Id, Guid DecisionMaker, Guid EconomicBuyer, Guid TechnicalEvaluator);

/// <summary>The steps of the test playbook by name, with their ids as the API assigned them.</summary>
internal sealed record TestPlaybook(Guid Id, JsonElement Json)
{
    public Guid Step(string title) => Json.GetProperty("stages").EnumerateArray().SelectMany(s => s.GetProperty("steps").EnumerateArray())
        .Single(s => s.Str("title") == title).Id();

    public Guid Question(string text) => Json.GetProperty("stages").EnumerateArray().SelectMany(s => s.GetProperty("steps").EnumerateArray())
        .SelectMany(s => s.GetProperty("questions").EnumerateArray()).Single(q => q.Str("text") == text).Id();
}

/// <summary>A playbook, an account with a buying committee and deals of Harbor Laundry Systems, made for one test.</summary>
internal sealed class SalesData(RapportApp app, Guid business)
{
    public const string Owner = "owner@harbor.example";
    public const string Manager = "manager@harbor.example";
    public const string Sales = "sales@harbor.example";
    public const string Service = "service@harbor.example";
    public const string Driver = "driver@harbor.example";
    public const string BloomManager = "manager@bloom.example";

    public Guid Business => business;

    public static async Task<SalesData> ForAsync(RapportApp app) => new(app, await app.BusinessIdAsync(DemoData.Harbor));

    public Task<T> DbAsync<T>(Func<Core.Data.RapportDb, Task<T>> work) => app.WithDbAsync(business, work);

    public Task<HttpClient> ClientAsync(string email) => app.ClientAsync(email);

    public Task<TestAccount> AccountAsync(string name) => DbAsync(async db =>
    {
        var customer = new Customer { Kind = CustomerKind.Organization, Name = name };
        Stakeholder Person(string who, string title, BuyingRole role) => new() { Name = who, Title = title, Role = role };
        var gm = Person("Rita Gomez", "General Manager", BuyingRole.DecisionMaker);
        var cfo = Person("Ben Adler", "CFO", BuyingRole.EconomicBuyer);
        var engineer = Person("Ken Watanabe", "Chief Engineer", BuyingRole.TechnicalEvaluator);
        customer.Stakeholders.AddRange([gm, cfo, engineer]);
        db.Customers.Add(customer);
        await db.SaveChangesAsync(Ct);
        return new TestAccount(customer.Id, gm.Id, cfo.Id, engineer.Id);
    });

    public static object PlaybookBody(string name, object[]? extraCommitSteps = null) => new
    {
        name,
        productLine = "Washer-extractors",
        stages = new object[]
        {
            new { name = "Qualify", steps = new object[] { new { kind = "stakeholdersMapped", title = "Committee mapped", roles = new[] { "decisionMaker", "technicalEvaluator" } } } },
            new
            {
                name = "Discover",
                steps = new object[]
                {
                    new
                    {
                        kind = "questionnaire", title = "Discovery questions",
                        questions = new object[]
                        {
                            new { text = "Laundry volume per day (lbs)", type = "number", required = true },
                            new { text = "Floor layout", type = "choice", choices = new[] { "Basement", "Ground floor" }, required = true },
                            new { text = "Power and water supply adequate?", type = "yesNo", required = true },
                            new { text = "Who signs off", type = "text", required = true },
                            new { text = "Anything else", type = "text", required = false },
                        },
                    },
                    new { kind = "meetingHeld", title = "Meeting with the decision makers", roles = new[] { "decisionMaker", "economicBuyer" } },
                },
            },
            new
            {
                name = "Propose",
                steps = new object[] { new { kind = "documentSent", title = "Quote sent" }, new { kind = "managerApproval", title = "Price approved" } },
            },
            new { name = "Commit", steps = (object[])[new { kind = "checklist", title = "Site layout confirmed" }, .. extraCommitSteps ?? []] },
            new { name = "Signed", steps = Array.Empty<object>() },
            new { name = "Delivery", steps = Array.Empty<object>() },
            new { name = "Follow-up", steps = Array.Empty<object>() },
        },
        milestones = new object[]
        {
            new { title = "Delivered", fromStage = "Signed", days = 28, completedOnStage = "Follow-up" },
            new { title = "Onboarding package sent", fromStage = "Signed", days = 2 },
        },
    };

    public async Task<TestPlaybook> PlaybookAsync(string? name = null)
    {
        var manager = await ClientAsync(Manager);
        var response = await manager.PostAsJsonAsync("/api/playbooks", PlaybookBody(name ?? TestNames.Unique("Test playbook")), Ct);
        var json = await response.ShouldBeJsonAsync(HttpStatusCode.Created);
        return new TestPlaybook(json.Id(), json);
    }

    public async Task<JsonElement> DealAsync(HttpClient client, TestAccount account, TestPlaybook playbook, string name = "Two WX-100 washer-extractors")
    {
        var response = await client.PostAsJsonAsync("/api/deals", new { customerId = account.Id, name, playbookId = playbook.Id, amount = 74000m }, Ct);
        return await response.ShouldBeJsonAsync(HttpStatusCode.Created);
    }

    public static async Task<HttpResponseMessage> AdvanceAsync(HttpClient client, Guid dealId, object? body = null) =>
        await client.PostAsJsonAsync($"/api/deals/{dealId}/advance", body ?? new { }, Ct);

    /// <summary>Does every step of Qualify and Discover through the API, as a salesperson would.</summary>
    public async Task SatisfyQualifyAndDiscoverAsync(HttpClient client, Guid dealId, TestAccount account, TestPlaybook playbook)
    {
        (await client.PostAsJsonAsync($"/api/deals/{dealId}/stakeholders", new { stakeholderId = account.DecisionMaker, strength = "champion" }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.PostAsJsonAsync($"/api/deals/{dealId}/stakeholders", new { stakeholderId = account.TechnicalEvaluator, strength = "met" }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await client.PutAsJsonAsync($"/api/deals/{dealId}/answers", new
        {
            answers = new object[]
            {
                new { questionId = playbook.Question("Laundry volume per day (lbs)"), value = "1100" },
                new { questionId = playbook.Question("Floor layout"), value = "basement" },
                new { questionId = playbook.Question("Power and water supply adequate?"), value = "yes" },
                new { questionId = playbook.Question("Who signs off"), value = "Rita Gomez" },
            },
        }, Ct)).ShouldBeJsonAsync(HttpStatusCode.OK);
        var planned = await (await client.PostAsJsonAsync("/api/meetings", new
        {
            customerId = account.Id, dealId, objective = "advanceStage", scheduledAt = DateTime.UtcNow.AddHours(-2),
            invitees = new[] { account.DecisionMaker, account.EconomicBuyer },
        }, Ct)).ShouldBeJsonAsync(HttpStatusCode.Created);
        await (await client.PostAsJsonAsync($"/api/meetings/{planned.Id()}/outcome", new
        {
            outcome = "achieved", attendees = new[] { account.DecisionMaker, account.EconomicBuyer }, nextStep = "Send the quote", nextStepOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(3)),
        }, Ct)).ShouldBeJsonAsync(HttpStatusCode.OK);
    }
}
