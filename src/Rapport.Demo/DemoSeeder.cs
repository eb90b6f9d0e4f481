using System.Globalization;
using Bogus;
using Bogus.DataSets;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Core.Businesses;
using Rapport.Core.Catalog;
using Rapport.Core.Customers;
using Rapport.Core.Data;
using Rapport.Core.Delivery;
using Rapport.Core.Orders;
using Rapport.Core.Sales;
using Rapport.Core.Timeline;

namespace Rapport.Demo;

/// <summary>
/// Seeds the two demo businesses of the product brief on a first run in demo mode: Bloom &amp; Stem, a florist
/// with two shops and years of regulars' orders (among them Tom Lindqvist's), and Harbor Laundry Systems, a dealer whose accounts
/// have buying committees (among them Grand Pier Hotel). The random choices come from fixed seeds, so the
/// same data is built every time, placed relative to the current time.
/// </summary>
public static partial class DemoSeeder
{
    public const string Password = "Demo!2026";

    /// <summary>Seeds both demo businesses when the database has no business yet; returns false if it had any.</summary>
    public static async Task<bool> SeedAsync(IServiceProvider services, TimeProvider time, CancellationToken ct)
    {
        using (var scope = services.CreateScope())
        {
            if (await scope.ServiceProvider.GetRequiredService<RapportDb>().Businesses.AnyAsync(ct)) return false;
        }
        var now = time.GetUtcNow().UtcDateTime;
        await SeedBusinessAsync(services, "Bloom & Stem", "bloom", "America/Chicago", DemoNames.BloomStaff, now, time, 2026, SeedFlorist, ct);
        await SeedBusinessAsync(services, "Harbor Laundry Systems", "harbor", "America/New_York", DemoNames.HarborStaff, now, time, 2027, SeedDealer, ct);
        return true;
    }

    private static async Task SeedBusinessAsync(IServiceProvider services, string name, string slug, string timeZone,
        StaffSeed[] staff, DateTime now, TimeProvider time, int seed, Action<Seeding> fill, CancellationToken ct)
    {
        var owner = staff.Single(s => s.Role == StaffRole.Owner);
        var created = await CreateBusiness.HandleAsync(services,
            new CreateBusiness.Command(name, slug, StaffEmail(owner, slug), Password, owner.Name, timeZone), ct);
        if (!created.Succeeded) throw new InvalidOperationException($"Demo business '{slug}' could not be created: {Describe(created.Failure!)}");
        var business = created.Value!;

        using var scope = services.CreateScope();
        scope.ServiceProvider.GetRequiredService<Tenant>().Set(business.Id);
        var db = scope.ServiceProvider.GetRequiredService<RapportDb>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffMember>>();
        foreach (var member in staff.Where(s => s.Role != StaffRole.Owner))
        {
            var added = await CreateBusiness.AddStaffAsync(users, business.Id, StaffEmail(member, slug), Password, member.Name, member.Role);
            if (!added.Succeeded) throw new InvalidOperationException($"Demo staff '{member.Mailbox}@{slug}' could not be added: {Describe(added.Failure!)}");
        }
        var team = await db.Staff.Where(s => s.BusinessId == business.Id).ToDictionaryAsync(s => s.Role, ct);

        var seeding = new Seeding(business, team, now, seed);
        fill(seeding);

        // Thousands of new rows in one save. Nothing changes after it is added, so scanning the graph for
        // changes (twice, in SaveChanges) would be wasted work.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.Customers.AddRange(seeding.Customers);
        db.Interactions.AddRange(seeding.Interactions);
        db.DeliveryStops.AddRange(seeding.Stops);
        db.Products.AddRange(seeding.Products);
        db.Locations.AddRange(seeding.Locations);
        db.DeliveryWindows.AddRange(seeding.Windows);
        db.Partners.AddRange(seeding.Partners);
        db.PartnerDays.AddRange(seeding.PartnerDays);
        db.Orders.AddRange(seeding.Orders);
        db.TurnedAway.AddRange(seeding.TurnedAway);
        db.Playbooks.AddRange(seeding.Playbooks);
        db.PlaybookVersions.AddRange(seeding.PlaybookVersions);
        db.Deals.AddRange(seeding.Deals);
        db.Meetings.AddRange(seeding.Meetings);
        db.Quotes.AddRange(seeding.Quotes);
        db.AuditEntries.AddRange(seeding.Audits);
        db.BusinessTouchRules.AddRange(seeding.TouchRules);
        db.StaffTasks.AddRange(seeding.Tasks);
        db.OutboxMessages.AddRange(seeding.Mails);
        if (seeding.Orders.Count > 0)
            db.OrderNumberBlocks.Add(new OrderNumberBlock { BusinessId = business.Id, Next = seeding.Orders.Max(o => o.Number) + 1 });
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        // The occasions the history shows, proposed as the nightly inference would: Tom's Valentine's Day for Maria among them.
        await Rapport.Core.Occasions.InferOccasions.RunAsync(db, time, ct);
        await ConfirmStatedOccasionsAsync(db, business.Id, seed, time, ct);
        await DemoPictures.AddAsync(services, db, business.Id, ct);
        await SeedConcessionsAsync(db, slug, time, ct);
        await SeedHealthAsync(scope.ServiceProvider, db, slug, time, ct);
    }

    /// <summary>
    /// Most regulars have told the shop their dates over the years, so staff confirmed those occasions long ago and
    /// reminders go out from the first start; the rest stay proposed, a queue to work through. Tom's stay proposed:
    /// they show what Rapport reads from an order history ("99% sure, rests on 7 orders").
    /// </summary>
    private static async Task ConfirmStatedOccasionsAsync(RapportDb db, Guid businessId, int seed, TimeProvider time, CancellationToken ct)
    {
        var service = await db.Staff.Where(u => u.BusinessId == businessId && u.Role == StaffRole.Service).FirstOrDefaultAsync(ct);
        if (service is null) return;
        var proposals = await db.Occasions.AsNoTracking()
            .Where(o => o.Status == Rapport.Core.Occasions.OccasionStatus.Proposed && o.Confidence >= 0.6)
            .Join(db.Customers.Where(c => c.Name != "Tom Lindqvist"), o => o.CustomerId, c => c.Id,
                (o, c) => new { o.Id, c.Name, o.Type, o.Month, o.Day, o.RecipientId })
            .ToListAsync(ct);
        var r = new Random(seed);
        var stated = proposals.OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Type).ThenBy(p => p.Month).ThenBy(p => p.Day)
            .ThenBy(p => p.RecipientId).Where(_ => r.NextDouble() < 0.6).Select(p => p.Id).ToList();
        var actor = new Actor(service.Id, businessId, service.DisplayName, StaffRole.Service);
        // The bulk seeding above turned change detection off; a decision changes tracked occasions.
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        foreach (var chunk in stated.Chunk(Rapport.Core.Occasions.DecideOccasions.MaxIds))
        {
            var confirmed = await Rapport.Core.Occasions.DecideOccasions.ConfirmAsync(db, actor, new(chunk, null), time, ct);
            if (!confirmed.Succeeded) throw new InvalidOperationException($"Demo occasions could not be confirmed: {Describe(confirmed.Failure)}");
        }
        db.ChangeTracker.Clear();
    }

    private static string StaffEmail(StaffSeed member, string slug) => $"{member.Mailbox}@{slug}.example";

    private static string Describe(Rapport.Core.Common.Failure failure) =>
        failure.Errors is null ? failure.Title : string.Join("; ", failure.Errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}")));

    // ================================================================ Bloom & Stem

    private static void SeedFlorist(Seeding s)
    {
        var shop = OpenShop(s);
        MakeComingWindows(s, shop);
        var tom = SeedTom(s, shop);
        for (var i = 0; i < 320; i++) SeedRegular(s, shop);
        BookComingDays(s, shop, tom);
        TurnAway(s, tom);
        SeedPeakDays(s, shop, tom);
        CountPartnerDays(s, shop);
        NumberOrders(s);
        LogComingSteps(s);
        SeedTouchRules(s);
    }

    private static Customer SeedTom(Seeding s, Shop shop)
    {
        s.ReservePhone("9135550142");
        s.ReserveEmail("tom.lindqvist@example.com");
        var home = new PostalAddress { Line1 = "4120 W 71st St", City = "Prairie Village", Region = "KS", PostalCode = "66208" };
        var since = s.During(s.Day(s.Now.AddYears(-8).AddDays(-23)));
        var tom = new Customer
        {
            Kind = CustomerKind.Person,
            Name = "Tom Lindqvist",
            CustomerSince = since,
            CreatedAt = since,
            UpdatedAt = s.Now.AddDays(-30),
            Preferences = new Preferences
            {
                StandingBudget = 85m,
                Likes = "Maria loves tulips and garden roses; no lilies",
                Notes = "Only ever states a budget and trusts us with the design. Card on file.",
                InternalNotes = "Seven Valentine's Days running: never turn him away. Use the loyalty reserve if the day is full.",
            },
        };
        tom.ContactPoints.Add(ContactPoint.Phone("(913) 555-0142", "1", "mobile", primary: true)!);
        tom.ContactPoints.Add(ContactPoint.Email("tom.lindqvist@example.com", "personal", primary: true)!);
        tom.Addresses.Add(new CustomerAddress { Label = "home", Address = Copy(home) });
        var maria = new Recipient { Name = "Maria Lindqvist", Relationship = "wife", Phone = "(913) 555-0143", Address = Copy(home), CreatedAt = since };
        s.ReservePhone("9135550143");
        var ingrid = new Recipient
        {
            Name = "Ingrid Lindqvist", Relationship = "mother", Phone = "(816) 555-0171", CreatedAt = since.AddYears(2),
            Address = new PostalAddress { Line1 = "2607 W 118th Ter", City = "Leawood", Region = "KS", PostalCode = "66211" },
        };
        s.ReservePhone("8165550171");
        tom.Recipients.Add(maria);
        tom.Recipients.Add(ingrid);
        tom.PaymentMethods.Add(new PaymentMethod
        {
            Provider = "demo-pay", Token = "tok_demo_tom", Brand = "Visa", Last4 = "4242", ExpMonth = 9, ExpYear = 2028, CreatedAt = since.AddYears(2).AddDays(40),
        });
        s.Customers.Add(tom);

        var staff = s.Staff;
        var driver = staff[StaffRole.Delivery];
        var first = Place(s, tom, maria, "Just because", Loose("A dozen garden roses", 60m, "a dozen garden roses"), Channel.Visit, staff[StaffRole.Owner], since);
        var firstDay = DeliveryDay(s.Day(since).AddDays(1));
        PromiseDelivery(s, shop, first, maria, firstDay, new(12, 0), new(15, 0));
        s.Log(tom, since, Channel.Visit, Direction.Inbound, Tone.Positive,
            "First order: walked in for a dozen garden roses for Maria Lindqvist (wife), $60. Said his wife loves tulips; noted it.", staff[StaffRole.Owner], order: first);
        s.Log(tom, Fulfilled(s, first, Outcome.OnTime), Channel.Delivery, Direction.Outbound, Tone.Positive,
            "Delivered a dozen garden roses to Maria Lindqvist at 4120 W 71st St; a surprise, she loved them.", driver, order: first);
        s.Log(tom, s.During(s.Day(since.AddYears(2).AddDays(40))), Channel.Phone, Direction.Inbound, Tone.Positive,
            "Asked us to keep his card on file so he can just call with a budget. Saved Visa ending 4242.", staff[StaffRole.Service]);

        // Seven Valentine's Days running: a call in the days before, the delivery on the 14th.
        var years = Enumerable.Range(0, 12).Select(back => s.Today.Year - back)
            .Where(y => s.At(new DateOnly(y, 2, 14), 11, 0) < s.Now).Take(7).Reverse().ToList();
        var takers = new[] { StaffRole.Service, StaffRole.Sales, StaffRole.Service, StaffRole.Owner, StaffRole.Service, StaffRole.Sales, StaffRole.Service };
        for (var i = 0; i < years.Count; i++)
        {
            var year = years[i];
            var valentines = new DateOnly(year, 2, 14);
            var budget = i < 3 ? 75m : 85m;
            if (i >= 5)
                s.Log(tom, s.At(new DateOnly(year, 2, 3), 10, 5), Channel.Email, Direction.Outbound, Tone.Positive,
                    "Sent the Valentine's reminder: 'Tulips and garden roses for Maria again this year?' Tom replied yes within the hour.", staff[StaffRole.Sales]);
            var called = s.At(new DateOnly(year, 2, 11 + i % 3), 9 + i % 4, 10 + 7 * i);
            var order = Place(s, tom, maria, "Valentine's Day", DesignersChoice(shop, budget, "tulips and garden roses"), Channel.Phone, staff[takers[i]], called);
            PromiseDelivery(s, shop, order, maria, valentines, new(10, 0), new(12, 0));
            s.Log(tom, called, Channel.Phone, Direction.Inbound, Tone.Positive,
                $"Valentine's order for Maria Lindqvist (wife): ${budget:0}, tulips and garden roses, no lilies. Card on file; delivery Feb 14 morning.",
                staff[takers[i]], order: order);
            s.Log(tom, Fulfilled(s, order, Outcome.OnTime, s.At(valentines, 10, 20 + i)), Channel.Delivery, Direction.Outbound, Tone.Positive,
                i == 4
                    ? "Delivered Valentine's tulips to Maria Lindqvist at 4120 W 71st St; she said it is the highlight of her February."
                    : "Delivered Valentine's bouquet to Maria Lindqvist at 4120 W 71st St; Maria answered the door, very happy.",
                driver, order: order);
        }

        // Maria's birthday and their anniversary in June, most years; Mother's Day for Ingrid; one rough morning.
        for (var back = 0; back <= 8; back++)
        {
            var birthday = DeliveryDay(new DateOnly(s.Today.Year - back, 10, 3));
            if (back is 2 or 6 || birthday >= s.Today || s.At(birthday.AddDays(-3), 11, 0) <= since) continue;
            var called = s.At(birthday.AddDays(-3), 11, 30 + back);
            var order = Place(s, tom, maria, "Birthday", DesignersChoice(shop, 85m, "tulips and garden roses"), Channel.Phone, staff[StaffRole.Service], called);
            order.CardMessage = "Happy birthday, beautiful";
            PromiseDelivery(s, shop, order, maria, birthday, new(9, 0), new(12, 0));
            s.Log(tom, called, Channel.Phone, Direction.Inbound, Tone.Positive,
                "Birthday order for Maria Lindqvist: the usual $85, tulips and garden roses, card 'Happy birthday, beautiful'.", staff[StaffRole.Service], order: order);
            s.Log(tom, Fulfilled(s, order, Outcome.OnTime), Channel.Delivery, Direction.Outbound, Tone.Positive,
                "Delivered Maria Lindqvist's birthday flowers at 4120 W 71st St.", driver, order: order);
        }
        for (var back = 1; back <= 7; back++)
        {
            var anniversary = DeliveryDay(new DateOnly(s.Today.Year - back, 6, 18));
            if (back == 4 || s.At(anniversary.AddDays(-2), 12, 15) <= since) continue;
            var called = s.At(anniversary.AddDays(-2), 12, 15);
            var order = Place(s, tom, maria, "Anniversary", DesignersChoice(shop, 85m, "garden roses and peonies"), Channel.Phone, staff[StaffRole.Service], called);
            order.CardMessage = "Another year, love you";
            PromiseDelivery(s, shop, order, maria, anniversary, new(9, 0), new(12, 0));
            s.Log(tom, called, Channel.Phone, Direction.Inbound, Tone.Positive,
                "Anniversary order for Maria Lindqvist: $85, garden roses and peonies, card message 'Another year, love you'.", staff[StaffRole.Service], order: order);
            s.Log(tom, Fulfilled(s, order, Outcome.OnTime, s.At(anniversary, 11, 40)), Channel.Delivery, Direction.Outbound, Tone.Positive,
                "Delivered anniversary roses and peonies to Maria Lindqvist at 4120 W 71st St.", driver, order: order);
        }
        for (var back = 1; back <= 4; back++)
        {
            var saturday = MothersDay(s.Today.Year - back).AddDays(-1);
            var web = back % 2 == 0;
            var called = s.At(saturday.AddDays(-2), 15, 30);
            var order = Place(s, tom, ingrid, "Mother's Day", Listed(shop, "Hydrangea in a Basket"), web ? Channel.Web : Channel.Phone, web ? null : staff[StaffRole.Service], called);
            PromiseDelivery(s, shop, order, ingrid, saturday, new(9, 0), new(12, 0));
            s.Log(tom, called, web ? Channel.Web : Channel.Phone, Direction.Inbound, Tone.Positive,
                "Mother's Day order for Ingrid Lindqvist (mother): $65, potted hydrangea. Delivery Saturday.", web ? null : staff[StaffRole.Service], order: order);
            var late = back == 3;
            s.Log(tom, Fulfilled(s, order, late ? Outcome.Late : Outcome.OnTime, s.At(saturday, late ? 14 : 10, 5)),
                Channel.Delivery, Direction.Outbound, late ? Tone.Negative : Tone.Positive,
                late
                    ? "Delivery to Ingrid Lindqvist ran two hours late: the van had a flat on Mission Rd. Ingrid was gracious; Tom less so."
                    : "Delivered Mother's Day hydrangea to Ingrid Lindqvist in Leawood.",
                driver, order: order);
            if (late)
            {
                s.Log(tom, s.At(saturday, 16, 10), Channel.Phone, Direction.Outbound, Tone.Neutral,
                    "Called Tom to apologise for the late delivery to his mother; credited $15 to his next order.", staff[StaffRole.Manager]);
                s.Log(tom, s.At(saturday, 16, 25), Channel.Service, Direction.Outbound, Tone.Neutral,
                    "Concession: $15 credit after the late Mother's Day delivery. Tom is a seven-year Valentine's regular; handle with care.",
                    staff[StaffRole.Manager], isInternal: true);
            }
        }
        s.Log(tom, s.During(s.Today.AddDays(-45)), Channel.Social, Direction.Inbound, Tone.Positive,
            "Maria posted last Valentine's tulips on Instagram and tagged the shop; Tom liked our reply.", staff[StaffRole.Sales]);

        // Today's order (or Monday's, the shop being closed on Sundays) goes out with the driver in the first window.
        var window = s.Windows.Where(w => w.Date > s.Today.AddDays(-1) && w.Date <= s.Today.AddDays(1) && shop.Fee(w.LocationId, maria.Address!.PostalCode) is not null)
            .OrderBy(w => w.Date).ThenBy(w => shop.Fee(w.LocationId, maria.Address!.PostalCode)).ThenBy(w => w.Start).First();
        var justBecause = s.At(s.Today.AddDays(-1), 17, 5);
        var today = Place(s, tom, maria, "Just because", DesignersChoice(shop, 85m, "tulips and garden roses"), Channel.Phone, staff[StaffRole.Service], justBecause);
        PromiseWindow(s, shop, today, maria, window);
        s.Log(tom, justBecause, Channel.Phone, Direction.Inbound, Tone.Positive,
            $"Called to send Maria Lindqvist flowers 'just because': the usual $85, tulips and garden roses, no lilies. Card on file; delivery {window.Date.ToString("ddd MMM d", CultureInfo.InvariantCulture)}.",
            staff[StaffRole.Service], order: today);
        Fulfil(s, today, Outcome.OnTime);
        AddStop(s, today, window, driver);
        return tom;
    }

    private static void SeedRegular(Seeding s, Shop shop)
    {
        var female = s.Chance(0.5);
        var first = s.F.Name.FirstName(female ? Name.Gender.Female : Name.Gender.Male);
        var last = s.F.Name.LastName();
        var since = s.During(s.Day(s.Now.AddDays(-s.R.Int(20, 3650))));
        var until = since < s.Now.AddMonths(-26) && s.Chance(0.12)
            ? s.Between(since.AddMonths(6), s.Now.AddMonths(-19))   // lapsed: nothing for a year and a half
            : s.Now;
        var c = new Customer { Kind = CustomerKind.Person, Name = $"{first} {last}", CustomerSince = since, CreatedAt = since, UpdatedAt = until };

        c.ContactPoints.Add(ContactPoint.Phone(s.NewPhone(DemoNames.BloomAreaCodes), "1", "mobile", primary: true)!);
        if (s.Chance(0.2)) c.ContactPoints.Add(ContactPoint.Phone(s.NewPhone(DemoNames.BloomAreaCodes), "1", s.Chance(0.5) ? "home" : "work")!);
        if (s.Chance(0.85)) c.ContactPoints.Add(ContactPoint.Email(s.NewEmail(first, last), "personal", primary: true)!);
        if (s.Chance(0.1)) c.ContactPoints.Add(ContactPoint.Email(s.NewEmail(first, last, work: true), "work")!);
        PostalAddress? home = null;
        if (s.Chance(0.6))
        {
            home = s.NewAddress(DemoNames.KansasCity, DemoNames.KansasCityStreets);
            c.Addresses.Add(new CustomerAddress { Label = "home", Address = home });
        }

        var count = s.R.WeightedRandom([1, 2, 3], [0.5f, 0.35f, 0.15f]);
        var kin = new List<Kin>();
        if (s.Chance(0.55)) kin.Add(s.Pick(female ? DemoNames.PartnersOfWomen : DemoNames.Partners));
        while (kin.Count < count)
        {
            var k = s.Pick(DemoNames.Others);
            if (!kin.Any(x => x.Relationship == k.Relationship && k.Relationship is "mother" or "father" or "mother-in-law")) kin.Add(k);
        }
        foreach (var k in kin)
        {
            var name = $"{s.F.Name.FirstName(k.Female ? Name.Gender.Female : Name.Gender.Male)} {(k.SameSurname ? last : s.F.Name.LastName())}";
            var address = k.Partner && home is not null && s.Chance(0.6) ? Copy(home)
                : s.Chance(0.9) ? s.NewAddress(DemoNames.KansasCity, DemoNames.KansasCityStreets) : null;
            c.Recipients.Add(new Recipient
            {
                Name = name, Relationship = k.Relationship, Address = address, CreatedAt = since,
                Phone = s.Chance(0.4) ? s.NewPhone(DemoNames.BloomAreaCodes) : null,
            });
        }

        if (s.Chance(0.4)) c.Preferences.StandingBudget = s.Pick(DemoNames.Budgets);
        if (s.Chance(0.6)) c.Preferences.Likes = s.Pick(DemoNames.Likes);
        if (s.Chance(0.3)) c.Preferences.Notes = s.Pick(DemoNames.CustomerNotes).Replace("{first}", first, StringComparison.Ordinal);
        if (s.Chance(0.1))
            c.Preferences.InternalNotes = s.Pick(DemoNames.CustomerInternalNotes)
                .Replace("{year}", s.Day(s.Between(since, until)).Year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        if (s.Chance(0.5))
        {
            var brand = s.R.WeightedRandom(["Visa", "Mastercard", "Amex"], [0.5f, 0.35f, 0.15f]);
            c.PaymentMethods.Add(new PaymentMethod
            {
                Provider = "demo-pay", Token = s.NewToken(), Brand = brand, Last4 = s.R.Replace("####"),
                ExpMonth = s.R.Int(1, 12), ExpYear = s.Today.Year + s.R.Int(1, 5), CreatedAt = s.Between(since, until),
            });
        }
        s.Customers.Add(c);

        var firstRecipient = c.Recipients[0];
        // Delivered a day or three later; on a Monday rather than a closed Sunday.
        var firstDay = s.Day(since).AddDays(s.R.Int(1, 3));
        if (firstDay.DayOfWeek == DayOfWeek.Sunday) firstDay = firstDay.AddDays(1);
        Order(s, shop, c, firstRecipient, FirstOccasion(s, firstRecipient, firstDay), firstDay, since, until, first: true);

        // Recurring occasions drive most of the timeline: the pattern a regular's history really has.
        var engagement = 0.06 + s.R.Double() * 0.2;
        var occasions = new List<(Occasion What, Recipient For, Func<int, DateOnly> On, double Odds)>();
        foreach (var r in c.Recipients)
        {
            var birthday = new DateOnly(2000, s.R.Int(1, 12), s.R.Int(1, 28));
            var relationship = r.Relationship ?? "";
            if (relationship is "wife" or "husband" or "girlfriend" or "partner")
            {
                occasions.Add((new("Valentine's Day", "Valentine's Day"), r, y => new DateOnly(y, 2, 14), 0.85));
                var anniversary = new DateOnly(2000, s.R.Int(1, 12), s.R.Int(1, 28));
                occasions.Add((new("Anniversary", "their anniversary"), r, y => new DateOnly(y, anniversary.Month, anniversary.Day), 0.3));
            }
            if (relationship is "mother" or "grandmother" or "mother-in-law") occasions.Add((new("Mother's Day", "Mother's Day"), r, MothersDay, 0.7));
            occasions.Add((new("Birthday", $"{First(r.Name)}'s birthday"), r, y => new DateOnly(y, birthday.Month, birthday.Day), 0.25));
        }
        var sinceYear = s.Day(since).Year;
        var untilYear = s.Day(until).Year;
        foreach (var occasion in occasions)
        {
            for (var year = sinceYear; year <= untilYear; year++)
            {
                if (!s.Chance(occasion.Odds * engagement)) continue;
                var day = DeliveryDay(occasion.On(year));
                Order(s, shop, c, occasion.For, occasion.What, day, s.During(day.AddDays(-s.R.Int(1, 5))), until);
            }
        }
        if (s.Chance(0.15)) OneOff(s, shop, c, s.Day(s.Between(since, until)), until);

        for (var chatter = s.R.Int(0, 2); chatter > 0; chatter--)
        {
            var (channel, direction, tone, template) = s.Pick(DemoNames.FloristChatter);
            var r = s.Pick(c.Recipients.ToArray());
            s.Log(c, s.Between(since, until), channel, direction, tone, FloristText(s, template, c, r, "", Budget(s, c), s.Today), FloristHandler(s, channel));
        }
        // A customer who has not lapsed has bought within the year.
        if (until == s.Now && c.LastActivityAt < s.Now.AddDays(-300))
            OneOff(s, shop, c, s.Day(s.Between(s.Now.AddDays(-300) > since ? s.Now.AddDays(-300) : since, s.Now.AddDays(-2))), until);
        if (s.Chance(0.08))
        {
            var manager = s.Staff[s.Chance(0.7) ? StaffRole.Manager : StaffRole.Owner];
            s.Log(c, s.Between(since, until), Channel.Service, Direction.Outbound, Tone.Neutral, s.Pick(DemoNames.FloristInternal), manager, isInternal: true);
        }
    }

    /// <summary>What an order was for, as the order records it and as the timeline says it ("Sam's birthday").</summary>
    private sealed record Occasion(string Name, string Phrase);

    private static void OneOff(Seeding s, Shop shop, Customer c, DateOnly day, DateTime until)
    {
        day = DeliveryDay(day);
        Order(s, shop, c, s.Pick(c.Recipients.ToArray()), OneOffOccasion(s), day, s.During(day.AddDays(-1)), until);
    }

    private static Occasion OneOffOccasion(Seeding s)
    {
        var (name, phrase) = s.Pick(DemoNames.OneOffOccasions);
        return new Occasion(name, phrase);
    }

    /// <summary>
    /// A past order with its timeline: the order taken (after a reminder, sometimes), then delivered by a location
    /// in a window (on time, late or failed), by the partner florist on a busy Valentine's Day, or collected in
    /// store; a bad delivery is often followed up. An order that would not be done before <paramref name="until"/> is skipped.
    /// </summary>
    private static void Order(Seeding s, Shop shop, Customer c, Recipient r, Occasion occasion, DateOnly day, DateTime orderedAt, DateTime until, bool first = false)
    {
        if ((first ? orderedAt < c.CustomerSince : orderedAt <= c.CustomerSince) || day >= s.Day(until) || s.Day(orderedAt) >= day) return;
        var basket = ChooseBasket(s, shop, c, occasion.Name);
        if (!first && occasion.Name is "Valentine's Day" or "Mother's Day" && s.Chance(0.25))
        {
            var remindedAt = s.During(day.AddDays(-8));
            if (remindedAt > c.CustomerSince)
            {
                var byPhone = s.Chance(0.4);
                s.Log(c, remindedAt, byPhone ? Channel.Phone : Channel.Email, Direction.Outbound, Tone.Positive,
                    FloristText(s, DemoNames.Reminder[byPhone ? 1 : 0], c, r, occasion.Phrase, basket.Amount, day), s.Staff[StaffRole.Sales]);
            }
        }

        var channel = first
            ? s.R.WeightedRandom([Channel.Visit, Channel.Phone, Channel.Web], [0.4f, 0.4f, 0.2f])
            : s.R.WeightedRandom([Channel.Phone, Channel.Web, Channel.Visit, Channel.Email, Channel.Social], [0.45f, 0.25f, 0.15f, 0.08f, 0.07f]);
        var tone = channel == Channel.Phone && !first ? s.R.WeightedRandom([Tone.Positive, Tone.Neutral, Tone.Negative], [0.56f, 0.3f, 0.14f]) : Tone.Positive;
        var templates = first ? DemoNames.FirstOrder : channel switch
        {
            Channel.Phone => tone switch { Tone.Positive => DemoNames.PhoneOrderPositive, Tone.Neutral => DemoNames.PhoneOrderNeutral, _ => DemoNames.PhoneOrderNegative },
            Channel.Web => DemoNames.WebOrder,
            Channel.Visit => DemoNames.VisitOrder,
            Channel.Email => DemoNames.EmailOrder,
            _ => DemoNames.SocialOrder,
        };
        var takenBy = FloristHandler(s, channel);
        var order = Place(s, c, r, occasion.Name, basket, channel, takenBy, orderedAt);
        s.Log(c, orderedAt, channel, Direction.Inbound, tone, OrderText(s, s.Pick(templates), c, r, occasion, order, basket, day), takenBy, order: order);

        var postcode = r.Address?.PostalCode;
        if (postcode is null || shop.Nearest(postcode) is null || s.Chance(0.12))
        {
            PromisePickup(order, s.Pick(shop.Locations), day);
            s.Log(c, Fulfilled(s, order, Outcome.OnTime), Channel.Visit, Direction.Inbound, Tone.Positive,
                OrderText(s, s.Pick(DemoNames.Pickup), c, r, occasion, order, basket, day), s.Staff[StaffRole.Service], order: order);
            return;
        }
        // Last Valentine's Day the shop was full by the afternoon and sent some orders to its partner.
        if (day == LastValentines(s) && s.Chance(0.15) && shop.PartnerBooked.GetValueOrDefault(day) < shop.Partner.DailyCapacity)
        {
            PromisePartner(shop, order, r, day);
            s.Log(c, Fulfilled(s, order, Outcome.OnTime), Channel.Delivery, Direction.Outbound, Tone.Positive,
                OrderText(s, s.Pick(DemoNames.PartnerDelivery), c, r, occasion, order, basket, day), null, order: order);
            return;
        }

        var windows = shop.WindowsOn(shop.Nearest(postcode)!, day);
        var (start, end) = windows[s.R.WeightedRandom(Enumerable.Range(0, windows.Length).ToArray(), WindowWeights(windows.Length))];
        PromiseDelivery(s, shop, order, r, day, start, end);
        var outcome = s.R.WeightedRandom([Outcome.OnTime, Outcome.Late, Outcome.Failed], [0.895f, 0.08f, 0.025f]);
        var failure = s.Pick(DemoNames.DeliveryFailed);
        var delivered = Fulfilled(s, order, outcome, failure: failure.Reason);
        var (said, text) = DeliveryReport(s, outcome, failure.Text);
        s.Log(c, delivered, Channel.Delivery, Direction.Outbound, said, OrderText(s, text, c, r, occasion, order, basket, day), s.Staff[StaffRole.Delivery], order: order);

        var followUpAt = s.During(day.AddDays(1));
        if (said == Tone.Negative && followUpAt < until && s.Chance(0.75))
        {
            var which = s.R.Int(0, DemoNames.Recovery.Length - 1);
            s.Log(c, followUpAt, Channel.Service, Direction.Outbound, which == 0 ? Tone.Neutral : Tone.Negative,
                FloristText(s, DemoNames.Recovery[which], c, r, occasion.Phrase, basket.Amount, day), s.Staff[s.Chance(0.6) ? StaffRole.Service : StaffRole.Manager]);
        }
    }

    /// <summary>An order's summary on the timeline: what was in it, for whom and the card it carried.</summary>
    private static string OrderText(Seeding s, string template, Customer c, Recipient r, Occasion occasion, Order order, Basket basket, DateOnly day) =>
        FloristText(s, template.Replace("{msg}", order.CardMessage, StringComparison.Ordinal), c, r, occasion.Phrase, basket.Amount, day, basket.Flowers);

    private static string FloristText(Seeding s, string template, Customer c, Recipient r, string occasion, decimal budget, DateOnly day, string? flowers = null) =>
        template
            .Replace("{r}", r.Name, StringComparison.Ordinal)
            .Replace("{rel}", r.Relationship ?? "friend", StringComparison.Ordinal)
            .Replace("{occ}", occasion, StringComparison.Ordinal)
            .Replace("{budget}", budget.ToString("0", CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{flowers}", flowers ?? Bouquet(s, c), StringComparison.Ordinal)
            .Replace("{day}", day.ToString("ddd MMM d", CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{addr}", r.Address?.Line1 ?? "the shop", StringComparison.Ordinal)
            .Replace("{first}", First(c.Name), StringComparison.Ordinal)
            .Replace("{msg}", s.Pick(DemoNames.CardMessages), StringComparison.Ordinal);

    /// <summary>Two flowers for an arrangement, minding a customer who wants no lilies.</summary>
    private static string Bouquet(Seeding s, Customer c)
    {
        var noLilies = c.Preferences.Likes?.Contains("lilies", StringComparison.OrdinalIgnoreCase) == true;
        var pair = s.R.ListItems(DemoNames.Flowers.Where(f => !noLilies || !f.Contains("lilies", StringComparison.Ordinal)).ToList(), 2);
        return $"{pair[0]} and {pair[1]}";
    }

    private static Occasion FirstOccasion(Seeding s, Recipient r, DateOnly day) => r.Relationship switch
    {
        "wife" or "husband" or "girlfriend" or "partner" when day is { Month: 2, Day: <= 14 } => new("Valentine's Day", "Valentine's Day"),
        "mother" or "grandmother" or "mother-in-law" when day is { Month: 5, Day: <= 14 } => new("Mother's Day", "Mother's Day"),
        _ when s.Chance(0.6) => new("Birthday", $"{First(r.Name)}'s birthday"),
        _ => s.Pick(new Occasion[] { new("Thank you", "a thank-you"), new("Housewarming", "a housewarming"), new("Just because", "no particular reason") }),
    };

    private static decimal Budget(Seeding s, Customer c) => c.Preferences.StandingBudget ?? s.Pick(DemoNames.Budgets);

    private static StaffMember? FloristHandler(Seeding s, Channel channel) => channel switch
    {
        Channel.Phone => s.Staff[s.R.WeightedRandom([StaffRole.Service, StaffRole.Sales, StaffRole.Owner, StaffRole.Manager], [0.55f, 0.3f, 0.1f, 0.05f])],
        Channel.Email => s.Staff[s.R.WeightedRandom([StaffRole.Sales, StaffRole.Service, StaffRole.Manager], [0.6f, 0.3f, 0.1f])],
        Channel.Visit => s.Staff[s.R.WeightedRandom([StaffRole.Service, StaffRole.Owner, StaffRole.Manager], [0.6f, 0.25f, 0.15f])],
        Channel.Social => s.Staff[s.Chance(0.8) ? StaffRole.Sales : StaffRole.Manager],
        Channel.Delivery => s.Staff[StaffRole.Delivery],
        Channel.Service => s.Staff[s.Chance(0.6) ? StaffRole.Service : StaffRole.Manager],
        _ => null,   // web orders come in through the portal, with nobody at the shop involved
    };

    private static DateOnly MothersDay(int year)
    {
        var may = new DateOnly(year, 5, 1);
        return may.AddDays(((int)DayOfWeek.Sunday - (int)may.DayOfWeek + 7) % 7 + 7);
    }

    // ================================================================ Harbor Laundry Systems

    private static void SeedDealer(Seeding s)
    {
        s.WorkingDaysOnly = true;
        var grandPier = SeedGrandPier(s);
        foreach (var org in DemoNames.Organizations.Where(o => o.Name != grandPier.Name)) SeedAccount(s, org);

        var driver = s.Staff[StaffRole.Delivery];
        s.Stops.Add(new DeliveryStop { CustomerId = grandPier.Id, DriverId = driver.Id, Date = s.Today });
        s.Log(grandPier, s.During(s.Today.AddDays(-1)), Channel.Email, Direction.Outbound, Tone.Neutral,
            $"Confirmed to Rosa Martinez: WX-60 door gasket kit and drain valve arrive {s.Today.ToString("ddd MMM d", CultureInfo.InvariantCulture)} before noon.",
            s.Staff[StaffRole.Service]);
        foreach (var account in s.R.ListItems(s.Customers.Where(c => c != grandPier && c.LastActivityAt > s.Now.AddDays(-365)).ToList(), 2))
        {
            s.Stops.Add(new DeliveryStop { CustomerId = account.Id, DriverId = driver.Id, Date = s.Today });
            var contact = s.Pick(account.Stakeholders.ToArray());
            s.Log(account, s.During(s.Today.AddDays(-2)), Channel.Phone, Direction.Outbound, Tone.Positive,
                $"Booked delivery with {contact.Name} for {s.Today.ToString("ddd MMM d", CultureInfo.InvariantCulture)}; dock access confirmed.",
                s.Staff[StaffRole.Sales]);
        }
        SeedSalesProcess(s, grandPier);
    }

    private static Customer SeedGrandPier(Seeding s)
    {
        var since = s.During(s.Day(s.Now.AddYears(-9).AddDays(-12)));
        var c = new Customer
        {
            Kind = CustomerKind.Organization, Name = "Grand Pier Hotel", CustomerSince = since, CreatedAt = since, UpdatedAt = s.Now.AddDays(-20),
            Preferences = new Preferences
            {
                Notes = "300 rooms, laundry in the basement; loading dock on Pacific Ave closes at 3 pm.",
                InternalNotes = "Gregory Pratt (purchasing) pushes for re-tendering every renewal; keep Richard Hale and Diane Okafor close.",
            },
        };
        c.ContactPoints.Add(ContactPoint.Phone("(609) 555-0100", "1", "main", primary: true)!);
        c.ContactPoints.Add(ContactPoint.Email("purchasing@grandpierhotel.example", "purchasing", primary: true)!);
        s.ReservePhone("6095550100");
        c.Addresses.Add(new CustomerAddress
        {
            Label = "site", Address = new PostalAddress { Line1 = "2100 Boardwalk", City = "Atlantic City", Region = "NJ", PostalCode = "08401" },
        });
        (string Name, string Title, BuyingRole Role, string Phone)[] committee =
        [
            ("Richard Hale", "General Manager", BuyingRole.DecisionMaker, "(609) 555-0101"),
            ("Diane Okafor", "CFO", BuyingRole.EconomicBuyer, "(609) 555-0102"),
            ("Sam Kowalski", "Chief Engineer", BuyingRole.TechnicalEvaluator, "(609) 555-0103"),
            ("Rosa Martinez", "Head of Housekeeping", BuyingRole.User, "(609) 555-0104"),
            ("Aisha Bell", "Laundry Supervisor", BuyingRole.Influencer, "(609) 555-0105"),
            ("Gregory Pratt", "Director of Purchasing", BuyingRole.Blocker, "(609) 555-0106"),
        ];
        foreach (var (name, title, role, phone) in committee)
        {
            s.ReservePhone(PhoneNumber.Digits(phone));
            c.Stakeholders.Add(new Stakeholder
            {
                Name = name, Title = title, Role = role, Phone = phone, CreatedAt = since,
                Email = $"{name.Split(' ')[0].ToLowerInvariant()}.{name.Split(' ')[1].ToLowerInvariant()}@grandpierhotel.example",
            });
        }
        s.Customers.Add(c);

        var sales = s.Staff[StaffRole.Sales];
        var service = s.Staff[StaffRole.Service];
        var manager = s.Staff[StaffRole.Manager];
        var owner = s.Staff[StaffRole.Owner];
        var driver = s.Staff[StaffRole.Delivery];
        DateTime Ago(int years, int months, int days) => s.During(s.Day(s.Now.AddYears(-years).AddMonths(-months).AddDays(-days)));

        s.Log(c, since, Channel.Phone, Direction.Outbound, Tone.Neutral,
            "Cold call to Sam Kowalski (Chief Engineer): two 20-year-old washers, repairs every month. Agreed to a site visit.", sales);
        s.Log(c, Ago(8, 11, 10), Channel.Visit, Direction.Outbound, Tone.Positive,
            "Site visit with Sam Kowalski and Rosa Martinez: 300 rooms, about 1,100 lbs of linen a day; measured for three WX-60 washer-extractors.", sales);
        s.Log(c, Ago(8, 10, 20), Channel.Email, Direction.Outbound, Tone.Neutral,
            "Sent quote Q-1042 to Richard Hale: three WX-60 washer-extractors and two TD-120 tumble dryers with installation.", sales);
        s.Log(c, Ago(8, 10, 2), Channel.Visit, Direction.Outbound, Tone.Positive,
            "Met Richard Hale (GM) and Diane Okafor (CFO): ROI shows a 22-month payback on water, gas and labour. Verbal yes.", owner);
        s.Log(c, Ago(8, 9, 1), Channel.Delivery, Direction.Outbound, Tone.Positive,
            "Delivered three WX-60 washer-extractors and two TD-120 tumble dryers to the Pacific Ave dock; signed for by Sam Kowalski.", driver);
        s.Log(c, Ago(8, 8, 28), Channel.Service, Direction.Outbound, Tone.Positive,
            "Installed and commissioned the WX-60s and TD-120s; trained Rosa Martinez's team on both shifts. Left the productivity booklet.", service);
        for (var year = 1; year <= 8; year++)
            s.Log(c, Ago(year, 2, 3), Channel.Service, Direction.Outbound, year == 5 ? Tone.Positive : Tone.Neutral,
                year == 5
                    ? "Annual preventive maintenance on all five machines; Sam Kowalski says uptime has never been better."
                    : "Annual preventive maintenance on the three WX-60s and two TD-120s; all within spec.", service);
        s.Log(c, Ago(6, 4, 0), Channel.Phone, Direction.Inbound, Tone.Positive,
            "Rosa Martinez: WX-60 #2 leaking at the door. Technician there the same afternoon, gasket replaced.", service);
        s.Log(c, Ago(5, 1, 0), Channel.Email, Direction.Outbound, Tone.Positive,
            "Sent the updated chemical dosing guide and a new productivity booklet to Rosa Martinez and Aisha Bell.", sales);
        s.Log(c, Ago(4, 3, 0), Channel.Visit, Direction.Outbound, Tone.Positive,
            "Quarterly review with Richard Hale: occupancy up, laundry is now the bottleneck; discussed a fourth washer.", sales);
        s.Log(c, Ago(3, 2, 0), Channel.Email, Direction.Outbound, Tone.Neutral,
            "Sent quote Q-2210 to Diane Okafor for an FI-330 flatwork ironer, with labour savings worked out.", sales);
        s.Log(c, Ago(3, 0, 0), Channel.Phone, Direction.Inbound, Tone.Neutral,
            "Diane Okafor deferred the FI-330 ironer to next budget year.", sales);
        s.Log(c, Ago(2, 1, 0), Channel.Service, Direction.Outbound, Tone.Neutral,
            "Skipped this year's service price increase (list $1,400) to keep Grand Pier before the renewal.", manager, isInternal: true);
        s.Log(c, Ago(1, 2, 0), Channel.Email, Direction.Inbound, Tone.Negative,
            "Gregory Pratt (Director of Purchasing) forwarded a quote from Tri-State Laundry Supply, 12% under our service contract.", sales);
        s.Log(c, Ago(1, 1, 0), Channel.Visit, Direction.Outbound, Tone.Positive,
            "Met Gregory Pratt and Diane Okafor: walked through 99.1% uptime and our response times. Service contract renewed for three years.", owner);
        s.Log(c, Ago(0, 9, 0), Channel.Service, Direction.Inbound, Tone.Positive,
            "Emergency call: TD-120 #1 not heating. Replaced the gas valve, back in service the same day.", service);
        s.Log(c, Ago(0, 4, 2), Channel.Phone, Direction.Inbound, Tone.Negative,
            "Complaint from Rosa Martinez: technician arrived four hours late for the WX-60 bearing job; housekeeping ran short of towels at checkout.", service);
        s.Log(c, Ago(0, 4, 1), Channel.Phone, Direction.Outbound, Tone.Neutral,
            "Called Richard Hale to apologise for the late technician; waived the call-out fee.", manager);
        s.Log(c, Ago(0, 4, 1), Channel.Service, Direction.Outbound, Tone.Neutral,
            "Concession: call-out fee waived (list $185). Rosa Martinez is the daily user: tell her about every visit in advance.", manager, isInternal: true);
        s.Log(c, Ago(0, 2, 0), Channel.Visit, Direction.Outbound, Tone.Positive,
            "Site visit with Sam Kowalski: the two original WX-60s are past 60,000 cycles; proposed replacing them with WX-100s.", sales);
        s.Log(c, Ago(0, 1, 10), Channel.Email, Direction.Outbound, Tone.Neutral,
            "Sent quote Q-3318 to Diane Okafor: two WX-100 washer-extractors with trade-in of the old WX-60s, ROI attached.", sales);
        s.Log(c, Ago(0, 0, 21), Channel.Phone, Direction.Inbound, Tone.Negative,
            "Gregory Pratt says purchasing wants three bids for the WX-100s and our best price by month end.", sales);
        s.Log(c, Ago(0, 0, 10), Channel.Social, Direction.Inbound, Tone.Positive,
            "Aisha Bell connected on LinkedIn and praised the operator training.", sales);
        s.Log(c, Ago(0, 0, 3), Channel.Phone, Direction.Outbound, Tone.Positive,
            "Called Richard Hale: the WX-100 decision goes to the next ownership meeting, and he favours us.", sales);
        return c;
    }

    private static void SeedAccount(Seeding s, Org org)
    {
        var since = s.During(s.Day(s.Now.AddDays(-s.R.Int(60, 4380))));
        var domain = new string(org.Name.ToLowerInvariant().Where(char.IsAsciiLetterLower).ToArray()) + ".example";
        var c = new Customer { Kind = CustomerKind.Organization, Name = org.Name, CustomerSince = since, CreatedAt = since, UpdatedAt = s.Now };
        c.ContactPoints.Add(ContactPoint.Phone(s.NewPhone(DemoNames.HarborAreaCodes), "1", "main", primary: true)!);
        var mailbox = org.Kind switch
        {
            OrgKind.Hospital or OrgKind.University => "procurement",
            OrgKind.Laundromat => "hello",
            OrgKind.NursingHome => "office",
            _ => "purchasing",
        };
        c.ContactPoints.Add(ContactPoint.Email($"{mailbox}@{domain}", mailbox, primary: true)!);
        c.Addresses.Add(new CustomerAddress { Label = "site", Address = s.NewAddress(DemoNames.EastCoast, DemoNames.EastCoastStreets) });
        if (s.Chance(0.5)) c.Preferences.Notes = s.Pick(DemoNames.DealerNotes);

        var seats = DemoNames.Committee(org.Kind);
        var chosen = new[] { seats[0] }.Concat(s.R.Shuffle(seats.Skip(1)).Take(s.R.Int(2, 5)));
        foreach (var seat in chosen)
        {
            var first = s.F.Name.FirstName();
            var last = s.F.Name.LastName();
            c.Stakeholders.Add(new Stakeholder
            {
                Name = $"{first} {last}", Title = seat.Title, Role = seat.Role, CreatedAt = s.Between(since, s.Now),
                Email = $"{Mailbox(first)}.{Mailbox(last)}@{domain}",
                Phone = s.Chance(0.7) ? s.NewPhone(DemoNames.HarborAreaCodes) : null,
            });
        }
        s.Customers.Add(c);

        var products = s.R.ListItems(DemoNames.Products(org.Kind).ToList(), 2).ToArray();   // what this account runs
        var opener = s.Pick(c.Stakeholders.ToArray());
        var (openedBy, openedHow, opening) = s.Pick(DemoNames.DealerFirstContact);
        s.Log(c, since, openedBy, openedHow, Tone.Neutral, DealerText(s, opening, org, opener, s.Pick(products)),
            openedBy == Channel.Web ? null : s.Staff[StaffRole.Sales]);
        // Bogus wants weights that add up to one; complaints and competitor quotes come up about one time in ten.
        var raw = DemoNames.DealerContacts.Select(x => x.Tone == Tone.Negative ? 0.4f : 1f).ToArray();
        var weights = raw.Select(w => w / raw.Sum()).ToArray();
        for (var n = s.R.Int(6, 18); n > 0; n--)
        {
            var (channel, direction, tone, template) = s.R.WeightedRandom(DemoNames.DealerContacts, weights);
            var contact = s.Pick(c.Stakeholders.ToArray());
            s.Log(c, s.Between(since, s.Now), channel, direction, tone, DealerText(s, template, org, contact, s.Pick(products)), DealerHandler(s, channel));
        }
        if (s.Chance(0.25))
        {
            var contact = c.Stakeholders[0];
            s.Log(c, s.Between(since, s.Now), Channel.Service, Direction.Outbound, Tone.Neutral,
                DealerText(s, s.Pick(DemoNames.DealerInternal), org, contact, s.Pick(products)),
                s.Staff[s.Chance(0.7) ? StaffRole.Manager : StaffRole.Owner], isInternal: true);
        }
    }

    private static string DealerText(Seeding s, string template, Org org, Stakeholder contact, string product) =>
        template
            .Replace("{c}", contact.Name, StringComparison.Ordinal)
            .Replace("{title}", contact.Title ?? "contact", StringComparison.Ordinal)
            .Replace("{product}", product, StringComparison.Ordinal)
            .Replace("{competitor}", s.Pick(DemoNames.Competitors), StringComparison.Ordinal)
            .Replace("{org}", org.Name, StringComparison.Ordinal)
            .Replace("{n}", s.R.Int(1100, 4999).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{lbs}", (org.Kind == OrgKind.Laundromat ? s.R.Int(150, 400) : s.R.Int(400, 2500)).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private static StaffMember? DealerHandler(Seeding s, Channel channel) => channel switch
    {
        Channel.Visit => s.Staff[s.R.WeightedRandom([StaffRole.Sales, StaffRole.Owner, StaffRole.Manager], [0.7f, 0.2f, 0.1f])],
        Channel.Phone => s.Staff[s.R.WeightedRandom([StaffRole.Sales, StaffRole.Service, StaffRole.Manager], [0.5f, 0.4f, 0.1f])],
        Channel.Email => s.Staff[s.R.WeightedRandom([StaffRole.Sales, StaffRole.Service, StaffRole.Manager], [0.7f, 0.2f, 0.1f])],
        Channel.Service => s.Staff[StaffRole.Service],
        Channel.Delivery => s.Staff[StaffRole.Delivery],
        Channel.Social => s.Staff[StaffRole.Sales],
        _ => null,   // portal orders
    };

    // ================================================================ shared

    private static string First(string name) => name.Split(' ')[0];

    private static string Mailbox(string name) => new(name.ToLowerInvariant().Where(char.IsAsciiLetterLower).ToArray());

    private static PostalAddress Copy(PostalAddress a) =>
        new() { Line1 = a.Line1, Line2 = a.Line2, City = a.City, Region = a.Region, PostalCode = a.PostalCode, Country = a.Country };

    /// <summary>One business's demo data as it is built, with the helpers that place it in the business's time.</summary>
    private sealed class Seeding(Business business, IReadOnlyDictionary<StaffRole, StaffMember> staff, DateTime now, int seed)
    {
        private readonly TimeZoneInfo zone = TimeZoneInfo.FindSystemTimeZoneById(business.TimeZone);
        private readonly HashSet<string> phones = [];
        private readonly HashSet<string> emails = [];

        public Faker F { get; } = new("en") { Random = new Randomizer(seed) };
        public Randomizer R => F.Random;
        public DateTime Now { get; } = now;
        public IReadOnlyDictionary<StaffRole, StaffMember> Staff { get; } = staff;
        public List<Customer> Customers { get; } = [];
        public List<Interaction> Interactions { get; } = [];
        public List<DeliveryStop> Stops { get; } = [];
        public List<Product> Products { get; } = [];
        public List<Location> Locations { get; } = [];
        public List<DeliveryWindow> Windows { get; } = [];
        public List<Partner> Partners { get; } = [];
        public List<PartnerDay> PartnerDays { get; } = [];
        public List<Order> Orders { get; } = [];
        public List<TurnedAway> TurnedAway { get; } = [];
        public List<Playbook> Playbooks { get; } = [];
        public List<PlaybookVersion> PlaybookVersions { get; } = [];
        public List<Deal> Deals { get; } = [];
        public List<Meeting> Meetings { get; } = [];
        public List<Quote> Quotes { get; } = [];
        public List<Rapport.Core.Audit.AuditEntry> Audits { get; } = [];
        public List<Rapport.Core.Touches.BusinessTouchRule> TouchRules { get; } = [];
        public List<Rapport.Core.Tasks.StaffTask> Tasks { get; } = [];
        public List<Rapport.Core.Notifications.OutboxMessage> Mails { get; } = [];
        public Business Business { get; } = business;
        public TimeZoneInfo Zone => zone;

        public DateOnly Today => Day(Now);

        /// <summary>Set for a business that is closed at weekends: contacts then move to the nearest working day.</summary>
        public bool WorkingDaysOnly { get; set; }

        public DateOnly Day(DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, zone));

        public DateTime At(DateOnly day, int hour, int minute) =>
            TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(hour, minute % 60)), zone);

        public DateTime At(DateOnly day, TimeOnly time) => BusinessClock.ToUtc(day, time, zone);

        /// <summary>A moment in opening hours on a day; never later than now.</summary>
        public DateTime During(DateOnly day)
        {
            if (WorkingDaysOnly && day.DayOfWeek is DayOfWeek.Saturday) day = day.AddDays(-1);
            if (WorkingDaysOnly && day.DayOfWeek is DayOfWeek.Sunday) day = day.AddDays(day < Today ? 1 : -2);
            var at = At(day, R.Int(9, 17), R.Int(0, 59));
            return at < Now ? at : Now.AddMinutes(-R.Int(5, 90));
        }

        public DateTime Between(DateTime from, DateTime to)
        {
            if (to <= from) return from;
            var at = During(Day(from + TimeSpan.FromTicks((long)(R.Double() * (to - from).Ticks))));
            return at < from ? from : at > to ? to : at;
        }

        public bool Chance(double odds) => R.Double() < odds;

        public T Pick<T>(T[] items) => R.ArrayElement(items);

        public void Log(Customer customer, DateTime at, Channel channel, Direction direction, Tone tone, string summary,
            StaffMember? by, bool isInternal = false, Order? order = null)
        {
            Interactions.Add(TimelineEntries.New(customer.Id, at, at, channel, direction, tone, summary, EntryAuthor.Of(by), order?.Id, isInternal));
            customer.NoteActivity(at);
        }

        public void ReservePhone(string digits) => phones.Add(digits);

        public void ReserveEmail(string email) => emails.Add(email);

        /// <summary>A number in the 555-0100 to 555-0199 block kept for fiction, written the many ways people write numbers.</summary>
        public string NewPhone(string[] areaCodes)
        {
            string area, line;
            do
            {
                area = Pick(areaCodes);
                line = "01" + R.Int(0, 99).ToString("00", CultureInfo.InvariantCulture);
            } while (!phones.Add(area + "555" + line));
            return R.WeightedRandom([0, 1, 2, 3, 4, 5], [0.4f, 0.2f, 0.15f, 0.1f, 0.1f, 0.05f]) switch
            {
                0 => $"({area}) 555-{line}",
                1 => $"{area}-555-{line}",
                2 => $"{area}.555.{line}",
                3 => $"+1 {area} 555 {line}",
                4 => $"{area}555{line}",
                _ => $"1-{area}-555-{line}",
            };
        }

        public string NewEmail(string first, string last, bool work = false)
        {
            var f = Mailbox(first);
            var l = Mailbox(last);
            var domain = work ? Pick(new[] { "work.example", "corp.example", "office.example" }) : Pick(new[] { "example.com", "example.net", "example.org" });
            var local = R.Int(0, 3) switch
            {
                0 => $"{f}.{l}",
                1 => $"{f}{l}",
                2 => $"{f[0]}{l}",
                _ => $"{f}.{l}{R.Int(1, 99)}",
            };
            var email = $"{local}@{domain}";
            for (var n = 2; !emails.Add(email); n++) email = $"{local}{n}@{domain}";
            return email;
        }

        public PostalAddress NewAddress(Place[] places, string[] streets)
        {
            var place = Pick(places);
            return new PostalAddress
            {
                Line1 = $"{R.Int(100, 12999)} {Pick(streets)}",
                Line2 = Chance(0.12) ? $"Apt {R.Int(1, 40)}{Pick(new[] { "", "A", "B" })}" : null,
                City = place.City, Region = place.Region, PostalCode = place.PostalCode,
            };
        }

        /// <summary>A payment provider's token; never anything that could pass for a card number.</summary>
        public string NewToken()
        {
            string token;
            do token = "tok_" + R.Hexadecimal(24, "");
            while (CardNumber.ContainsCardNumber(token));
            return token;
        }
    }
}
