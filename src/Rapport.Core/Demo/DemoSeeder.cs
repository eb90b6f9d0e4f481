using System.Globalization;
using Bogus;
using Bogus.DataSets;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Core.Businesses;
using Rapport.Core.Customers;
using Rapport.Core.Data;
using Rapport.Core.Delivery;
using Rapport.Core.Timeline;

namespace Rapport.Core.Demo;

/// <summary>
/// Seeds the two demo businesses of the product brief on a first run in demo mode: Bloom &amp; Stem, a florist
/// with years of regulars (among them Tom Lindqvist), and Harbor Laundry Systems, a dealer whose accounts
/// have buying committees (among them Grand Pier Hotel). The random choices come from fixed seeds, so the
/// same data is built every time, placed relative to the current time.
/// </summary>
public static class DemoSeeder
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
        await SeedBusinessAsync(services, "Bloom & Stem", "bloom", "America/Chicago", DemoNames.BloomStaff, now, 2026, SeedFlorist, ct);
        await SeedBusinessAsync(services, "Harbor Laundry Systems", "harbor", "America/New_York", DemoNames.HarborStaff, now, 2027, SeedDealer, ct);
        return true;
    }

    private static async Task SeedBusinessAsync(IServiceProvider services, string name, string slug, string timeZone,
        StaffSeed[] staff, DateTime now, int seed, Action<Seeding> fill, CancellationToken ct)
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
        await db.SaveChangesAsync(ct);
    }

    private static string StaffEmail(StaffSeed member, string slug) => $"{member.Mailbox}@{slug}.example";

    private static string Describe(Common.Failure failure) =>
        failure.Errors is null ? failure.Title : string.Join("; ", failure.Errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}")));

    // ================================================================ Bloom & Stem

    private static void SeedFlorist(Seeding s)
    {
        var tom = SeedTom(s);
        for (var i = 0; i < 320; i++) SeedRegular(s);

        // Today's and tomorrow's run for the driver; Tom's order for Maria goes out today.
        var maria = tom.Recipients.Single(r => r.Name == "Maria Lindqvist");
        s.Stops.Add(new DeliveryStop { CustomerId = tom.Id, RecipientId = maria.Id, DriverId = s.Staff[StaffRole.Delivery].Id, Date = s.Today });
        var candidates = s.Customers
            .Where(c => c != tom && c.LastActivityAt > s.Now.AddDays(-365) && c.Recipients.Any(r => r.Address is not null))
            .ToList();
        var picked = s.R.ListItems(candidates, 7);
        for (var i = 0; i < picked.Count; i++)
        {
            var customer = picked[i];
            var recipient = s.Pick(customer.Recipients.Where(r => r.Address is not null).ToArray());
            var day = i < 4 ? s.Today : s.Today.AddDays(1);
            s.Stops.Add(new DeliveryStop { CustomerId = customer.Id, RecipientId = recipient.Id, DriverId = s.Staff[StaffRole.Delivery].Id, Date = day });
            var channel = s.R.WeightedRandom([Channel.Phone, Channel.Web, Channel.Visit], [0.55f, 0.3f, 0.15f]);
            var template = channel switch
            {
                Channel.Phone => "Called to order for {occ}: {flowers} for {r} ({rel}), ${budget}. Delivery {day}.",
                Channel.Web => "Ordered online for {occ}: ${budget} bouquet for {r}, delivery {day}.",
                _ => "Walk-in for {occ}: chose {flowers} from the cooler, ${budget}; delivery {day} to {r}.",
            };
            var occasion = s.Pick(new[] { $"{First(recipient.Name)}'s birthday", "a thank-you", "get-well wishes", "no particular reason", "a promotion" });
            var text = FloristText(s, template, customer, recipient, occasion, customer.Preferences.StandingBudget ?? s.Pick(DemoNames.Budgets), day);
            s.Log(customer, s.During(s.Today.AddDays(-1)), channel, Direction.Inbound, Tone.Positive, text, FloristHandler(s, channel));
        }
    }

    private static Customer SeedTom(Seeding s)
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
        s.Log(tom, since, Channel.Visit, Direction.Inbound, Tone.Positive,
            "First order: walked in for a dozen garden roses for Maria Lindqvist (wife), $60. Said his wife loves tulips; noted it.", staff[StaffRole.Owner]);
        s.Log(tom, s.During(s.Day(since.AddYears(2).AddDays(40))), Channel.Phone, Direction.Inbound, Tone.Positive,
            "Asked us to keep his card on file so he can just call with a budget. Saved Visa ending 4242.", staff[StaffRole.Service]);

        // Seven Valentine's Days running: a call in the days before, the delivery on the 14th.
        var years = Enumerable.Range(0, 12).Select(back => s.Today.Year - back)
            .Where(y => s.At(new DateOnly(y, 2, 14), 11, 0) < s.Now).Take(7).Reverse().ToList();
        var takers = new[] { StaffRole.Service, StaffRole.Sales, StaffRole.Service, StaffRole.Owner, StaffRole.Service, StaffRole.Sales, StaffRole.Service };
        for (var i = 0; i < years.Count; i++)
        {
            var year = years[i];
            var budget = i < 3 ? 75m : 85m;
            if (i >= 5)
                s.Log(tom, s.At(new DateOnly(year, 2, 3), 10, 5), Channel.Email, Direction.Outbound, Tone.Positive,
                    "Sent the Valentine's reminder: 'Tulips and garden roses for Maria again this year?' Tom replied yes within the hour.", staff[StaffRole.Sales]);
            s.Log(tom, s.At(new DateOnly(year, 2, 11 + i % 3), 9 + i % 4, 10 + 7 * i), Channel.Phone, Direction.Inbound, Tone.Positive,
                $"Valentine's order for Maria Lindqvist (wife): ${budget:0}, tulips and garden roses, no lilies. Card on file; delivery Feb 14 morning.",
                staff[takers[i]]);
            s.Log(tom, s.At(new DateOnly(year, 2, 14), 10, 20 + i), Channel.Delivery, Direction.Outbound, Tone.Positive,
                i == 4
                    ? "Delivered Valentine's tulips to Maria Lindqvist at 4120 W 71st St; she said it is the highlight of her February."
                    : "Delivered Valentine's bouquet to Maria Lindqvist at 4120 W 71st St; Maria answered the door, very happy.",
                staff[StaffRole.Delivery]);
        }

        // Other occasions: their anniversary in June, Mother's Day for Ingrid, one rough morning.
        for (var back = 1; back <= 6; back += 2)
        {
            var year = s.Today.Year - back;
            var day = new DateOnly(year, 6, 18);
            s.Log(tom, s.At(day.AddDays(-2), 12, 15), Channel.Phone, Direction.Inbound, Tone.Positive,
                "Anniversary order for Maria Lindqvist: $85, garden roses and peonies, card message 'Another year, love you'.", staff[StaffRole.Service]);
            s.Log(tom, s.At(day, 11, 40), Channel.Delivery, Direction.Outbound, Tone.Positive,
                "Delivered anniversary roses and peonies to Maria Lindqvist at 4120 W 71st St.", staff[StaffRole.Delivery]);
        }
        for (var back = 1; back <= 4; back++)
        {
            var year = s.Today.Year - back;
            var mothersDay = MothersDay(year);
            s.Log(tom, s.At(mothersDay.AddDays(-3), 15, 30), back % 2 == 0 ? Channel.Web : Channel.Phone, Direction.Inbound, Tone.Positive,
                "Mother's Day order for Ingrid Lindqvist (mother): $65, potted hydrangea. Delivery Saturday.",
                back % 2 == 0 ? null : staff[StaffRole.Service]);
            s.Log(tom, s.At(mothersDay.AddDays(-1), 10, 5), Channel.Delivery, Direction.Outbound, back == 3 ? Tone.Negative : Tone.Positive,
                back == 3
                    ? "Delivery to Ingrid Lindqvist ran two hours late: the van had a flat on Mission Rd. Ingrid was gracious; Tom less so."
                    : "Delivered Mother's Day hydrangea to Ingrid Lindqvist in Leawood.",
                staff[StaffRole.Delivery]);
            if (back == 3)
            {
                s.Log(tom, s.At(mothersDay.AddDays(-1), 16, 10), Channel.Phone, Direction.Outbound, Tone.Neutral,
                    "Called Tom to apologise for the late delivery to his mother; credited $15 to his next order.", staff[StaffRole.Manager]);
                s.Log(tom, s.At(mothersDay.AddDays(-1), 16, 25), Channel.Service, Direction.Outbound, Tone.Neutral,
                    "Concession: $15 credit after the late Mother's Day delivery. Tom is a seven-year Valentine's regular; handle with care.",
                    staff[StaffRole.Manager], isInternal: true);
            }
        }
        s.Log(tom, s.During(s.Today.AddDays(-45)), Channel.Social, Direction.Inbound, Tone.Positive,
            "Maria posted last Valentine's tulips on Instagram and tagged the shop; Tom liked our reply.", staff[StaffRole.Sales]);
        s.Log(tom, s.At(s.Today.AddDays(-1), 17, 5), Channel.Phone, Direction.Inbound, Tone.Positive,
            $"Called to send Maria Lindqvist flowers 'just because': the usual $85, tulips and garden roses, no lilies. Card on file; delivery {s.Today.ToString("ddd MMM d", CultureInfo.InvariantCulture)}.",
            staff[StaffRole.Service]);
        return tom;
    }

    private static void SeedRegular(Seeding s)
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
        var firstText = FloristText(s, s.Pick(DemoNames.FirstOrder), c, firstRecipient, FirstOccasion(s, firstRecipient, s.Day(since)), Budget(s, c), s.Day(since));
        var firstChannel = s.R.WeightedRandom([Channel.Visit, Channel.Phone, Channel.Web], [0.4f, 0.4f, 0.2f]);
        s.Log(c, since, firstChannel, Direction.Inbound, Tone.Positive, firstText, FloristHandler(s, firstChannel));

        // Recurring occasions drive most of the timeline: the pattern a regular's history really has.
        var engagement = 0.2 + s.R.Double() * 0.45;
        var occasions = new List<(string Name, Recipient For, Func<int, DateOnly> On, double Odds)>();
        foreach (var r in c.Recipients)
        {
            var birthday = new DateOnly(2000, s.R.Int(1, 12), s.R.Int(1, 28));
            var relationship = r.Relationship ?? "";
            if (relationship is "wife" or "husband" or "girlfriend" or "partner")
            {
                occasions.Add(("Valentine's Day", r, y => new DateOnly(y, 2, 14), 0.85));
                var anniversary = new DateOnly(2000, s.R.Int(1, 12), s.R.Int(1, 28));
                occasions.Add(("their anniversary", r, y => new DateOnly(y, anniversary.Month, anniversary.Day), 0.3));
            }
            if (relationship is "mother" or "grandmother" or "mother-in-law") occasions.Add(("Mother's Day", r, MothersDay, 0.7));
            occasions.Add(($"{First(r.Name)}'s birthday", r, y => new DateOnly(y, birthday.Month, birthday.Day), 0.25));
        }
        var sinceYear = s.Day(since).Year;
        var untilYear = s.Day(until).Year;
        foreach (var occasion in occasions)
        {
            for (var year = sinceYear; year <= untilYear; year++)
            {
                if (!s.Chance(occasion.Odds * engagement)) continue;
                var day = occasion.On(year);
                var orderedAt = s.During(day.AddDays(-s.R.Int(1, 5)));
                var deliveredAt = s.At(day, s.R.Int(9, 16), s.R.Int(0, 59));
                if (orderedAt <= since || deliveredAt >= until) continue;
                Order(s, c, occasion.For, occasion.Name, day, orderedAt, deliveredAt, until);
            }
        }
        if (s.Chance(0.5)) OneOff(s, c, s.Day(s.Between(since, until)), until);

        for (var chatter = s.R.Int(0, 2); chatter > 0; chatter--)
        {
            var (channel, direction, tone, template) = s.Pick(DemoNames.FloristChatter);
            var r = s.Pick(c.Recipients.ToArray());
            s.Log(c, s.Between(since, until), channel, direction, tone, FloristText(s, template, c, r, "", Budget(s, c), s.Today), FloristHandler(s, channel));
        }
        // A customer who has not lapsed has bought within the year.
        if (until == s.Now && c.LastActivityAt < s.Now.AddDays(-300))
            OneOff(s, c, s.Day(s.Between(s.Now.AddDays(-300) > since ? s.Now.AddDays(-300) : since, s.Now.AddDays(-2))), until);
        if (s.Chance(0.08))
        {
            var manager = s.Staff[s.Chance(0.7) ? StaffRole.Manager : StaffRole.Owner];
            s.Log(c, s.Between(since, until), Channel.Service, Direction.Outbound, Tone.Neutral, s.Pick(DemoNames.FloristInternal), manager, isInternal: true);
        }
    }

    private static void OneOff(Seeding s, Customer c, DateOnly day, DateTime until)
    {
        var orderedAt = s.During(day.AddDays(-1));
        var deliveredAt = s.At(day, s.R.Int(9, 16), s.R.Int(0, 59));
        if (orderedAt <= c.CustomerSince || deliveredAt >= until) return;
        var occasion = s.Pick(new[] { "a thank-you", "a new baby", "get-well wishes", "condolences", "a housewarming", "no particular reason" });
        Order(s, c, s.Pick(c.Recipients.ToArray()), occasion, day, orderedAt, deliveredAt, until);
    }

    private static void Order(Seeding s, Customer c, Recipient r, string occasion, DateOnly day, DateTime orderedAt, DateTime deliveredAt, DateTime until)
    {
        var budget = Budget(s, c);
        var flowers = Bouquet(s, c);
        if (occasion is "Valentine's Day" or "Mother's Day" && s.Chance(0.25))
        {
            var remindedAt = s.During(day.AddDays(-8));
            if (remindedAt > c.CustomerSince)
            {
                var byPhone = s.Chance(0.4);
                s.Log(c, remindedAt, byPhone ? Channel.Phone : Channel.Email, Direction.Outbound, Tone.Positive,
                    FloristText(s, DemoNames.Reminder[byPhone ? 1 : 0], c, r, occasion, budget, day), s.Staff[StaffRole.Sales]);
            }
        }

        var channel = s.R.WeightedRandom([Channel.Phone, Channel.Web, Channel.Visit, Channel.Email, Channel.Social], [0.45f, 0.25f, 0.15f, 0.08f, 0.07f]);
        var tone = channel == Channel.Phone ? s.R.WeightedRandom([Tone.Positive, Tone.Neutral, Tone.Negative], [0.56f, 0.3f, 0.14f]) : Tone.Positive;
        var templates = channel switch
        {
            Channel.Phone => tone switch { Tone.Positive => DemoNames.PhoneOrderPositive, Tone.Neutral => DemoNames.PhoneOrderNeutral, _ => DemoNames.PhoneOrderNegative },
            Channel.Web => DemoNames.WebOrder,
            Channel.Visit => DemoNames.VisitOrder,
            Channel.Email => DemoNames.EmailOrder,
            _ => DemoNames.SocialOrder,
        };
        s.Log(c, orderedAt, channel, Direction.Inbound, tone, FloristText(s, s.Pick(templates), c, r, occasion, budget, day, flowers), FloristHandler(s, channel));

        if (r.Address is null || s.Chance(0.12))
        {
            s.Log(c, deliveredAt, Channel.Visit, Direction.Inbound, Tone.Positive,
                FloristText(s, s.Pick(DemoNames.Pickup), c, r, occasion, budget, day, flowers), s.Staff[StaffRole.Service]);
            return;
        }
        var outcome = s.R.WeightedRandom([Tone.Positive, Tone.Neutral, Tone.Negative], [0.67f, 0.2f, 0.13f]);
        var delivered = outcome switch { Tone.Positive => DemoNames.DeliveryPositive, Tone.Neutral => DemoNames.DeliveryNeutral, _ => DemoNames.DeliveryNegative };
        s.Log(c, deliveredAt, Channel.Delivery, Direction.Outbound, outcome, FloristText(s, s.Pick(delivered), c, r, occasion, budget, day, flowers), s.Staff[StaffRole.Delivery]);

        var followUpAt = s.During(day.AddDays(1));
        if (outcome == Tone.Negative && followUpAt < until && s.Chance(0.75))
        {
            var which = s.R.Int(0, DemoNames.Recovery.Length - 1);
            s.Log(c, followUpAt, Channel.Service, Direction.Outbound, which == 0 ? Tone.Neutral : Tone.Negative,
                FloristText(s, DemoNames.Recovery[which], c, r, occasion, budget, day), s.Staff[s.Chance(0.6) ? StaffRole.Service : StaffRole.Manager]);
        }
    }

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

    private static string FirstOccasion(Seeding s, Recipient r, DateOnly day) => r.Relationship switch
    {
        "wife" or "husband" or "girlfriend" or "partner" when day is { Month: 2, Day: <= 14 } => "Valentine's Day",
        "mother" or "grandmother" or "mother-in-law" when day is { Month: 5, Day: <= 14 } => "Mother's Day",
        _ => s.Chance(0.6) ? $"{First(r.Name)}'s birthday" : s.Pick(new[] { "a thank-you", "a housewarming", "no particular reason" }),
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

        public DateOnly Today => Day(Now);

        /// <summary>Set for a business that is closed at weekends: contacts then move to the nearest working day.</summary>
        public bool WorkingDaysOnly { get; set; }

        public DateOnly Day(DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, zone));

        public DateTime At(DateOnly day, int hour, int minute) =>
            TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(hour, minute % 60)), zone);

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
            StaffMember? by, bool isInternal = false)
        {
            Interactions.Add(new Interaction
            {
                CustomerId = customer.Id, OccurredAt = at, RecordedAt = at, Channel = channel, Direction = direction, Tone = tone,
                Summary = summary, Internal = isInternal, StaffId = by?.Id, StaffName = by?.DisplayName, StaffRole = by?.Role,
            });
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
