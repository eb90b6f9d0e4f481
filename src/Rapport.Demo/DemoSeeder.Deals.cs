using System.Globalization;
using Rapport.Core.Businesses;
using Rapport.Core.Customers;
using Rapport.Core.Sales;
using Rapport.Core.Timeline;

namespace Rapport.Demo;

/// <summary>
/// Harbor Laundry Systems' sales process: the playbook from first call to the follow-up visit, and deals in every stage,
/// some with steps missing, one signed and late on delivery, one let through by a manager's override, with meetings
/// that have objectives and outcomes; Grand Pier Hotel's WX-100 deal is the rich one.
/// </summary>
public static partial class DemoSeeder
{
    // Its own random numbers, so that the rest of the demo comes out the same with or without deals.
    private sealed class DealSeeding(Seeding s, PlaybookVersion version)
    {
        public Random R { get; } = new(2028);
        public Seeding S => s;
        public PlaybookVersion Version => version;
        public PlaybookDefinition Playbook { get; } = version.Definition;

        /// <summary>A moment in working hours some days ago (today: earlier this morning), never in the future.</summary>
        public DateTime DaysAgo(double days, int hour = 10)
        {
            var day = s.Day(s.Now.AddDays(-days));
            if (day.DayOfWeek == DayOfWeek.Saturday) day = day.AddDays(-1);
            if (day.DayOfWeek == DayOfWeek.Sunday) day = day.AddDays(-2);
            var at = s.At(day, hour, R.Next(0, 59));
            return at < s.Now ? at : s.Now.AddMinutes(-30 - R.Next(0, 60));
        }

        public StepDefinition Step(string title) => Playbook.Stages.SelectMany(x => x.Steps).Single(x => x.Title == title);
    }

    private static void SeedSalesProcess(Seeding s, Customer grandPier)
    {
        var playbook = new Playbook
        {
            BusinessId = s.Business.Id, Name = "Laundry equipment sale", ProductLine = "Commercial laundry equipment",
            CreatedAt = s.Now.AddDays(-400), UpdatedAt = s.Now.AddDays(-400),
        };
        var version = HarborPlaybook.Version(s.Business.Id, playbook, s.Staff[StaffRole.Owner]);
        s.Playbooks.Add(playbook);
        s.PlaybookVersions.Add(version);
        var d = new DealSeeding(s, version);
        var sales = s.Staff[StaffRole.Sales];
        var owner = s.Staff[StaffRole.Owner];
        var manager = s.Staff[StaffRole.Manager];

        SeedGrandPierDeal(d, playbook, grandPier);

        // Accounts by who sits on their committee: a deal past Discover needs a decision maker, an economic buyer and a technical evaluator.
        bool Has(Customer c, params BuyingRole[] roles) => roles.All(r => c.Stakeholders.Any(x => x.Role == r));
        var accounts = s.Customers.Where(c => c != grandPier && c.Kind == CustomerKind.Organization).ToList();
        var full = new Queue<Customer>(accounts.Where(c => Has(c, BuyingRole.DecisionMaker, BuyingRole.EconomicBuyer, BuyingRole.TechnicalEvaluator)));
        var noEvaluator = accounts.First(c => !Has(c, BuyingRole.TechnicalEvaluator));

        // Qualify: one committee not mapped yet (no technical evaluator known), one ready to move.
        Deal(d, playbook, noEvaluator, "Replacement washer-extractors", sales, 48_000m, stage: "Qualify", enteredDaysAgo: 6, missing: ["Buying committee mapped"]);
        Deal(d, playbook, full.Dequeue(), "Second laundry room", owner, 96_000m, stage: "Qualify", enteredDaysAgo: 3);
        // Discover: questions half answered; the decision makers not met yet.
        Deal(d, playbook, full.Dequeue(), "WX-60 upgrade", sales, 62_000m, stage: "Discover", enteredDaysAgo: 12, missing: ["Discovery questions"], partialAnswers: true);
        Deal(d, playbook, full.Dequeue(), "Dryer line replacement", sales, 41_500m, stage: "Discover", enteredDaysAgo: 9, missing: ["Meeting with everyone who decides"]);
        // Propose: a quote out waiting for approval; one ready to commit.
        Deal(d, playbook, full.Dequeue(), "Flatwork ironer", sales, 88_000m, stage: "Propose", enteredDaysAgo: 15, missing: ["Price approved by a manager"]);
        Deal(d, playbook, full.Dequeue(), "Barrier washers for the linen room", owner, 124_000m, stage: "Propose", enteredDaysAgo: 4);
        // Commit: tools for delivery not confirmed.
        Deal(d, playbook, full.Dequeue(), "Coin-op refit", sales, 36_000m, stage: "Commit", enteredDaysAgo: 7, missing: ["Tools for on-site delivery confirmed"]);
        // Signed yesterday: the onboarding package is due tomorrow.
        Deal(d, playbook, full.Dequeue(), "Three WX-40 washer-extractors", sales, 57_000m, stage: "Signed", enteredDaysAgo: 1, missing: ["Onboarding package sent"]);
        // Onboarding, let through Commit by the manager with the tools unconfirmed; the package went out a day late.
        Deal(d, playbook, full.Dequeue(), "Tunnel-ready washer-extractors", sales, 143_000m, stage: "Onboarding", enteredDaysAgo: 9, signedDaysAgo: 12,
            overrideAt: "Commit", overrideBy: manager, onboardingPackageAfterDays: 3,
            overrideReason: "Signed at the trade show with a deposit; the rigging crew confirms its tools on Monday. Not losing the slot.");
        // Delivery: signed five weeks ago, still not delivered: the promise of delivery in 4 weeks is late.
        Deal(d, playbook, full.Dequeue(), "Two TD-120 tumble dryers", sales, 52_000m, stage: "Delivery", enteredDaysAgo: 10, signedDaysAgo: 35,
            missing: ["Machines installed and commissioned"], delayNote: "Gas line inspection failed; the utility re-inspects next week.");
        // Follow-up: delivered on time; one with its follow-up visit still to come, one visited.
        Deal(d, playbook, full.Dequeue(), "WX-100 washer-extractor", sales, 39_000m, stage: "Follow-up", enteredDaysAgo: 18, signedDaysAgo: 40);
        Deal(d, playbook, full.Dequeue(), "Laundry room fit-out", owner, 210_000m, stage: "Follow-up", enteredDaysAgo: 75, signedDaysAgo: 98, followUpVisitedAfter: 26);
    }

    /// <summary>
    /// A deal that went through the stages up to <paramref name="stage"/>, every step of the stages behind it done (or
    /// overridden at <paramref name="overrideAt"/>), and the steps of its current stage done except <paramref name="missing"/>.
    /// </summary>
    private static Deal Deal(DealSeeding d, Playbook playbook, Customer customer, string name, StaffMember owner, decimal amount, string stage,
        double enteredDaysAgo, string[]? missing = null, bool partialAnswers = false, double? signedDaysAgo = null,
        string? overrideAt = null, StaffMember? overrideBy = null, string? overrideReason = null, string? delayNote = null,
        int? followUpVisitedAfter = null, double onboardingPackageAfterDays = 1, double[]? stageDaysAgo = null, bool ownMeetingsAndQuote = false,
        Action<Deal, Dictionary<string, DateTime>>? extra = null)
    {
        var s = d.S;
        var target = d.Playbook.IndexOf(stage);
        var signedAt = d.Playbook.IndexOf("Signed");
        // When each stage was entered: Signed at its given day, the others spread out before and after it.
        var opened = enteredDaysAgo + 8 + target * 6;
        var entered = new Dictionary<string, DateTime>();
        for (var i = 0; i <= target; i++)
        {
            double daysAgo;
            if (i == target) daysAgo = enteredDaysAgo;
            else if (signedDaysAgo is { } signed && i >= signedAt) daysAgo = signed - (i - signedAt) * (signed - enteredDaysAgo) / Math.Max(1, target - signedAt);
            else
            {
                var end = signedDaysAgo ?? enteredDaysAgo;
                var start = signedDaysAgo is null ? opened : signedDaysAgo.Value + 8 + signedAt * 6;
                var span = signedDaysAgo is null ? target : signedAt;
                daysAgo = start - i * (start - end) / Math.Max(1, span);
            }
            if (stageDaysAgo is not null) daysAgo = stageDaysAgo[i];
            var at = d.DaysAgo(daysAgo, 9 + i % 7);
            // Weekends fold onto Fridays: keep the stages in order all the same.
            if (i > 0 && at <= entered[d.Playbook.Stages[i - 1].Name]) at = entered[d.Playbook.Stages[i - 1].Name].AddMinutes(45);
            entered[d.Playbook.Stages[i].Name] = at < s.Now ? at : s.Now.AddMinutes(-5);
        }
        var packageAt = signedAt <= target ? entered["Signed"].AddDays(onboardingPackageAfterDays) : s.Now;
        var deal = new Deal
        {
            BusinessId = s.Business.Id, CustomerId = customer.Id, Name = name, PlaybookId = playbook.Id, PlaybookVersionId = d.Version.Id,
            Stage = stage, StageEnteredAt = entered[stage], OwnerId = owner.Id, Amount = amount,
            ExpectedCloseOn = target < signedAt ? s.Today.AddDays(14 + d.R.Next(0, 60)) : s.Day(entered["Signed"]),
            ProductLines = ["Commercial laundry equipment"], Competitors = d.R.Next(0, 3) == 0 ? [DemoNames.Competitors[d.R.Next(0, 3)]] : [],
            CreatedAt = entered["Qualify"], UpdatedAt = entered[stage],
        };
        var skip = new HashSet<string>(missing ?? []);
        for (var i = 0; i <= target; i++)
        {
            var current = d.Playbook.Stages[i];
            var at = entered[current.Name];
            var leftAt = i < target ? entered[d.Playbook.Stages[i + 1].Name] : s.Now;
            var overridden = current.Name == overrideAt;
            foreach (var step in current.Steps)
            {
                if ((i == target || overridden) && skip.Contains(step.Title)) continue;
                if (overridden && step.Title == "Tools for on-site delivery confirmed") continue;
                if (ownMeetingsAndQuote && (step.Kind == StepKind.MeetingHeld || step.Title == "Quote with ROI sent")) continue;
                var when = step.Title == "Onboarding package sent" && packageAt < leftAt ? packageAt : at + (leftAt - at) * 0.6;
                DoStep(d, deal, customer, owner, step, when, partialAnswers && i == target);
            }
            if (i == 0) continue;
            var previous = d.Playbook.Stages[i - 1].Name;
            DealOverride? o = null;
            if (previous == overrideAt)
            {
                var gaps = d.Playbook.Stages[i - 1].Steps.Where(x => x.Title == "Tools for on-site delivery confirmed" || skip.Contains(x.Title))
                    .Select(x => new MissingStep(x.Id, x.Kind, previous, $"{x.Title}: not confirmed yet")).ToList();
                o = new DealOverride
                {
                    BusinessId = s.Business.Id, DealId = deal.Id, FromStage = previous, ToStage = current.Name, At = at, ById = overrideBy!.Id,
                    ByName = overrideBy.DisplayName, Reason = overrideReason!, MissingSteps = gaps,
                };
                deal.Overrides.Add(o);
                s.Audits.Add(new Rapport.Core.Audit.AuditEntry
                {
                    BusinessId = s.Business.Id, At = at, ActorId = overrideBy.Id, ActorName = overrideBy.DisplayName, Entity = nameof(Rapport.Core.Sales.Deal), EntityId = deal.Id,
                    Action = "gate overridden", Before = $$"""{"stage":"{{previous}}","missingSteps":{{System.Text.Json.JsonSerializer.Serialize(gaps, Rapport.Core.Data.JsonColumn.Options)}}}""",
                    After = System.Text.Json.JsonSerializer.Serialize(new { stage = current.Name, reason = o.Reason }, Rapport.Core.Data.JsonColumn.Options),
                });
            }
            var by = o is null ? owner : overrideBy!;
            deal.StageChanges.Add(new DealStageChange
            {
                BusinessId = s.Business.Id, DealId = deal.Id, FromStage = previous, ToStage = current.Name, At = at, ById = by.Id, ByName = by.DisplayName, OverrideId = o?.Id,
            });
            s.Audits.Add(new Rapport.Core.Audit.AuditEntry
            {
                BusinessId = s.Business.Id, At = at, ActorId = by.Id, ActorName = by.DisplayName, Entity = nameof(Rapport.Core.Sales.Deal), EntityId = deal.Id, Action = "stage changed",
                Before = $$"""{"stage":"{{previous}}"}""", After = $$"""{"stage":"{{current.Name}}"}""",
            });
            s.Log(customer, at, Channel.Service, Direction.Outbound, Tone.Neutral,
                o is null ? $"Deal \u201c{name}\u201d moved from {previous} to {current.Name}."
                    : $"Deal \u201c{name}\u201d moved from {previous} to {current.Name}, gate overridden by {by.DisplayName}: {o.Reason} (missing: {string.Join("; ", o.MissingSteps.Select(m => m.Title))})",
                by, isInternal: true);
        }
        // The promise's clock runs as the deal entered each stage.
        for (var i = 0; i <= target; i++)
        {
            var at = entered[d.Playbook.Stages[i].Name];
            PromiseClock.EnterStage(deal, d.Playbook, d.Playbook.Stages[i].Name, owner.Id, at, s.Day(at));
        }
        // The package milestone is kept when the package went out, not when onboarding began.
        if (deal.Milestones.FirstOrDefault(m => m.Title == "Onboarding package sent") is { } package
            && deal.Evidence.FirstOrDefault(e => e.Document == "Onboarding package") is { } sentPackage)
            PromiseClock.Complete(package, owner.Id, sentPackage.At, s.Day(sentPackage.At));
        if (followUpVisitedAfter is { } visited && deal.Milestones.FirstOrDefault(m => m.Title == "Follow-up visit") is { } visit)
        {
            var at = d.DaysAgo((s.Now - entered["Follow-up"]).TotalDays - visited, 11);
            PromiseClock.Complete(visit, owner.Id, at, s.Day(at));
            s.Log(customer, at, Channel.Visit, Direction.Outbound, Tone.Positive,
                "Follow-up visit: machines running well, operators trained on both shifts; left the productivity booklet.", owner);
        }
        if (delayNote is not null)
            s.Log(customer, d.DaysAgo(3), Channel.Phone, Direction.Outbound, Tone.Negative, $"Delivery of \u201c{name}\u201d is late: {delayNote}", owner);
        extra?.Invoke(deal, entered);
        s.Deals.Add(deal);
        return deal;
    }

    private static void DoStep(DealSeeding d, Deal deal, Customer customer, StaffMember owner, StepDefinition step, DateTime at, bool partial)
    {
        var s = d.S;
        switch (step.Kind)
        {
            case StepKind.StakeholdersMapped:
                foreach (var person in customer.Stakeholders.Where(p => step.Roles.Contains(p.Role) || d.R.Next(0, 3) == 0))
                    Join(deal, person, at, person.Role == BuyingRole.DecisionMaker ? RelationshipStrength.Ally : RelationshipStrength.Met);
                break;
            case StepKind.Questionnaire:
                var answers = Answers(d, customer);
                foreach (var q in step.Questions.Take(partial ? 2 : step.Questions.Count))
                    if (answers.TryGetValue(q.Text, out var value))
                        deal.Answers.Add(new DealAnswer { BusinessId = s.Business.Id, DealId = deal.Id, QuestionId = q.Id, Value = value, AnsweredAt = at, AnsweredById = owner.Id });
                break;
            case StepKind.MeetingHeld:
                var present = customer.Stakeholders.Where(p => step.Roles.Contains(p.Role)).ToList();
                foreach (var p in present) Join(deal, p, at, RelationshipStrength.Met);
                Meet(d, customer, deal, owner, MeetingObjective.AdvanceStage, "present the proposal to everyone who decides", at, present, MeetingOutcome.Achieved,
                    "Send the quote with the ROI", "Agreed the budget range; they want the payback worked out on their water and gas bills.");
                break;
            case StepKind.DocumentSent when step.Title == "Quote with ROI sent":
                var quote = QuoteFor(d, deal, customer, at);
                Evidence(deal, step, at, owner, quote.Title, quote.Id);
                quote.SentAt = at;
                s.Log(customer, at, Channel.Email, Direction.Outbound, Tone.Neutral, $"Sent {quote.Title} for the deal \u201c{deal.Name}\u201d.", owner);
                break;
            case StepKind.DocumentSent:
                Evidence(deal, step, at, owner, "Onboarding package", null);
                s.Log(customer, at, Channel.Email, Direction.Outbound, Tone.Positive,
                    $"Sent the onboarding package for \u201c{deal.Name}\u201d: installation checklist, site requirements and the operator training plan.", owner);
                break;
            case StepKind.ManagerApproval:
                Evidence(deal, step, at, s.Staff[StaffRole.Manager], null, null, "Margin within the price list; trade-in valued at list.");
                break;
            default:
                Evidence(deal, step, at, owner, null, null);
                break;
        }
    }

    private static void Join(Deal deal, Stakeholder person, DateTime at, RelationshipStrength strength)
    {
        if (deal.Committee.Any(m => m.StakeholderId == person.Id)) return;
        deal.Committee.Add(new DealStakeholder { BusinessId = deal.BusinessId, DealId = deal.Id, StakeholderId = person.Id, Role = person.Role, Strength = strength, AddedAt = at });
    }

    private static void Evidence(Deal deal, StepDefinition step, DateTime at, StaffMember by, string? document, Guid? quoteId, string? note = null) =>
        deal.Evidence.Add(new DealEvidence
        {
            BusinessId = deal.BusinessId, DealId = deal.Id, StepId = step.Id, Kind = step.Kind, At = at, ById = by.Id, ByName = by.DisplayName,
            Document = document, QuoteId = quoteId, Note = note,
        });

    private static Meeting Meet(DealSeeding d, Customer customer, Deal? deal, StaffMember by, MeetingObjective objective, string? text, DateTime at,
        IReadOnlyList<Stakeholder> people, MeetingOutcome? outcome, string? nextStep, string? notes)
    {
        var s = d.S;
        var meeting = new Meeting
        {
            BusinessId = s.Business.Id, CustomerId = customer.Id, DealId = deal?.Id, Kind = MeetingKind.Meeting, Objective = objective, ObjectiveText = text,
            ScheduledAt = at, OrganizerId = by.Id, Invitees = people.Select(p => p.Id).ToList(), CreatedAt = at.AddDays(-5) < s.Now ? at.AddDays(-5) : s.Now,
        };
        var label = MeetingWords.Objective(objective, text);
        if (outcome is { } o)
        {
            meeting.Outcome = o;
            meeting.HeldAt = at;
            meeting.Attendees = people.Select(p => p.Id).ToList();
            meeting.NextStep = nextStep;
            meeting.NextStepOn = nextStep is null ? null : s.Day(at).AddDays(3);
            meeting.Notes = notes;
            meeting.OutcomeById = by.Id;
            var who = string.Join(", ", people.Select(p => p.Title is null ? p.Name : $"{p.Name} ({p.Title})"));
            s.Log(customer, at, Channel.Visit, Direction.Outbound, o switch { MeetingOutcome.Achieved => Tone.Positive, MeetingOutcome.Partly => Tone.Neutral, _ => Tone.Negative },
                $"Meeting: {label}, {MeetingWords.Outcome(o)}.{(people.Count == 0 ? "" : $" Attended: {who}.")}"
                + (nextStep is null ? "" : $" Next: {nextStep}.") + (notes is null ? "" : $" {notes}"), by);
        }
        else
        {
            s.Log(customer, meeting.CreatedAt, Channel.Visit, Direction.Outbound, Tone.Neutral,
                $"Planned meeting for {s.Day(at).ToString("ddd d MMM yyyy", CultureInfo.GetCultureInfo("en-US"))}. Objective: {label}."
                + (people.Count == 0 ? "" : $" Invited: {string.Join(", ", people.Select(p => p.Name))}."), by);
        }
        s.Meetings.Add(meeting);
        return meeting;
    }

    private static Quote QuoteFor(DealSeeding d, Deal deal, Customer customer, DateTime at, string? title = null, (string, decimal, decimal)[]? lines = null, decimal? annualReturn = null)
    {
        var amount = deal.Amount ?? 50_000m;
        var quote = new Quote
        {
            BusinessId = deal.BusinessId, DealId = deal.Id, CustomerId = customer.Id, Title = title ?? $"Quote Q-{4100 + d.S.Deals.Count}: {deal.Name}",
            PublicToken = System.Buffers.Text.Base64Url.EncodeToString(BitConverter.GetBytes(d.R.NextInt64()).Concat(Guid.NewGuid().ToByteArray()).Concat(Guid.NewGuid().ToByteArray()).Take(32).ToArray()),
            CreatedAt = at.AddHours(-2), CreatedById = deal.OwnerId, ExpectedAnnualReturn = annualReturn ?? Math.Round(amount * 0.0042m) * 100m,
            ReturnNote = "water, gas and labour", ValidUntil = d.S.Day(at).AddDays(30),
        };
        var position = 0;
        foreach (var (description, quantity, price) in lines ?? [(deal.Name, 1m, amount - 2_500m), ("Installation, commissioning and operator training", 1m, 2_500m)])
            quote.Lines.Add(new QuoteLine { BusinessId = deal.BusinessId, QuoteId = quote.Id, Position = position++, Description = description, Quantity = quantity, UnitPrice = price });
        quote.Price = quote.Lines.Sum(l => l.Total);
        d.S.Quotes.Add(quote);
        return quote;
    }

    private static Dictionary<string, string> Answers(DealSeeding d, Customer customer) => new()
    {
        ["Laundry volume per day (lbs)"] = (d.R.Next(4, 26) * 100).ToString(CultureInfo.InvariantCulture),
        ["Floor layout"] = new[] { "Basement", "Ground floor", "Separate building" }[d.R.Next(0, 3)],
        ["Three-phase power available at the laundry?"] = d.R.Next(0, 4) == 0 ? "no" : "yes",
        ["Hot water supply and drain capacity"] = new[] { "80 gal water heater, 3\" floor drain", "Central boiler; trench drain along the wall", "Two 100 gal heaters; drain needs a lint trap" }[d.R.Next(0, 3)],
        ["Who signs off"] = customer.Stakeholders.FirstOrDefault(p => p.Role == BuyingRole.DecisionMaker) is { } dm ? $"{dm.Name} ({dm.Title})" : "The owner",
        ["Current machines and their age"] = $"{d.R.Next(2, 6)} washers, {d.R.Next(8, 21)} years old",
    };

    // Grand Pier Hotel: two WX-100s to replace the original WX-60s, in Commit, with the whole committee mapped.
    private static void SeedGrandPierDeal(DealSeeding d, Playbook playbook, Customer hotel)
    {
        var s = d.S;
        var sales = s.Staff[StaffRole.Sales];
        var owner = s.Staff[StaffRole.Owner];
        Stakeholder P(string name) => hotel.Stakeholders.Single(x => x.Name == name);
        var (hale, okafor, kowalski, martinez, bell, pratt) = (P("Richard Hale"), P("Diane Okafor"), P("Sam Kowalski"), P("Rosa Martinez"), P("Aisha Bell"), P("Gregory Pratt"));

        Deal(d, playbook, hotel, "Two WX-100 washer-extractors with trade-in", sales, 118_000m, stage: "Commit", enteredDaysAgo: 3,
            missing: ["Tools for on-site delivery confirmed"], stageDaysAgo: [70, 60, 41, 3], ownMeetingsAndQuote: true, extra: (deal, entered) =>
            {
                deal.Competitors = ["Tri-State Laundry Supply"];
                deal.ExpectedCloseOn = s.Today.AddDays(21);
                deal.Committee.Clear();
                foreach (var (person, strength) in new[]
                {
                    (hale, RelationshipStrength.Champion), (okafor, RelationshipStrength.Ally), (kowalski, RelationshipStrength.Ally),
                    (martinez, RelationshipStrength.Met), (bell, RelationshipStrength.Ally), (pratt, RelationshipStrength.Sceptic),
                })
                    Join(deal, person, entered["Qualify"], strength);
                deal.Answers.Clear();
                var questions = d.Step("Discovery questions").Questions.ToDictionary(q => q.Text);
                foreach (var (question, value) in new[]
                {
                    ("Laundry volume per day (lbs)", "1100"), ("Floor layout", "Basement"), ("Three-phase power available at the laundry?", "yes"),
                    ("Hot water supply and drain capacity", "Central boiler, 2 x 120 gal storage; trench drain sized for four machines"),
                    ("Who signs off", "Richard Hale (GM), with the ownership meeting above $100,000"),
                    ("Current machines and their age", "Three WX-60s (two from the first install, past 60,000 cycles) and two TD-120 dryers"),
                })
                    deal.Answers.Add(new DealAnswer { BusinessId = deal.BusinessId, DealId = deal.Id, QuestionId = questions[question].Id, Value = value, AnsweredAt = entered["Discover"].AddDays(1), AnsweredById = sales.Id });
                // The meetings behind the deal, each with its objective and outcome; the next one planned.
                Meet(d, hotel, deal, sales, MeetingObjective.DiscoverNeeds, "count the cycles on the WX-60s and measure for WX-100s", entered["Discover"],
                    [kowalski, martinez], MeetingOutcome.Achieved, "Work out the ROI on water and labour", "WX-60 #1 and #2 past 60,000 cycles; basement door is 40\" wide, WX-100 fits on its side.");
                Meet(d, hotel, deal, owner, MeetingObjective.AdvanceStage, null, entered["Discover"].AddDays(4),
                    [hale, okafor, bell], MeetingOutcome.Achieved, "Send quote Q-3318 to Diane Okafor", "Richard Hale wants it before the summer season; Diane needs the payback under 3 years.");
                Meet(d, hotel, deal, sales, MeetingObjective.ResolveIssue, "answer purchasing's request for three bids", entered["Propose"].AddDays(20),
                    [pratt, okafor], MeetingOutcome.Partly, "Best price by month end", "Gregory Pratt will run the tender anyway; Diane Okafor prefers to stay with us for service.");
                Meet(d, hotel, deal, sales, MeetingObjective.AdvanceStage, "walk the delivery route and confirm tools with the chief engineer", s.Now.AddDays(4),
                    [kowalski, hale], null, null, null);
                Meet(d, hotel, null, sales, MeetingObjective.AskForReferral, "a reference for the Boardwalk Regency", s.Now.AddDays(-60),
                    [hale], MeetingOutcome.Achieved, "Call the GM of the Boardwalk Regency", "Richard Hale happy to take a call from other GMs.");
                // Quote Q-3318, as the timeline tells it (its sending is already there).
                var quote = QuoteFor(d, deal, hotel, entered["Propose"], "Quote Q-3318: two WX-100 washer-extractors with trade-in",
                    [("WX-100 washer-extractor", 2m, 58_500m), ("Installation, commissioning and operator training", 1m, 4_800m), ("Trade-in: two WX-60 washer-extractors", 1m, -3_800m)],
                    annualReturn: 37_000m);
                quote.SentAt = entered["Propose"];
                quote.FirstViewedAt = entered["Propose"].AddHours(3);
                Evidence(deal, d.Step("Quote with ROI sent"), entered["Propose"], sales, quote.Title, quote.Id);
                deal.Amount = quote.Price;
            });
    }
}
