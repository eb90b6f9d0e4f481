using Bogus;
using Rapport.Core.Businesses;
using Rapport.Core.Customers;
using Rapport.Core.Timeline;

namespace Rapport.Bench;

/// <summary>A staff member as interactions record them.</summary>
public sealed record StaffRef(Guid Id, string Name, StaffRole Role);

/// <summary>
/// The generated business's customers and interactions, from a fixed seed: people with names from a dozen
/// locales (accents included), some organisations, North American phones typed in the ways people type them,
/// e-mails, and a timeline of contacts in plain English. One customer has <see cref="BenchOptions.HeavyTimeline"/>
/// interactions; the others share the rest. Interactions come in random customer order, as they would be written.
/// </summary>
public sealed class DataGenerator
{
    private static readonly (string Locale, double Weight)[] Locales =
    [
        ("en_US", 0.42), ("de", 0.09), ("fr", 0.09), ("es", 0.08), ("sv", 0.06), ("pl", 0.05), ("nb_NO", 0.04),
        ("pt_BR", 0.04), ("cz", 0.03), ("tr", 0.03), ("it", 0.03), ("fi", 0.02), ("nl", 0.02),
    ];
    private static readonly int[] AreaCodes =
        [201, 202, 206, 212, 213, 214, 303, 305, 312, 314, 402, 404, 415, 503, 512, 602, 612, 615, 617, 702, 713, 718, 816, 913, 917, 952];
    private static readonly string[] MailDomains = ["gmail.com", "outlook.com", "yahoo.com", "icloud.com", "proton.me", "hey.com", "example.org"];

    private readonly BenchOptions options;
    private readonly Guid businessId;
    private readonly IReadOnlyList<StaffRef> staff;
    private readonly DateTime now;
    private readonly Random random;
    private readonly Faker[] fakers;
    private readonly double[] localeCumulative;

    public DataGenerator(BenchOptions options, Guid businessId, IReadOnlyList<StaffRef> staff, DateTime now)
    {
        this.options = options;
        this.businessId = businessId;
        this.staff = staff;
        this.now = now;
        random = new Random(options.Seed);
        fakers = Locales.Select((l, i) => new Faker(l.Locale) { Random = new Randomizer(options.Seed + 1 + i) }).ToArray();
        var sum = 0.0;
        localeCumulative = Locales.Select(l => sum += l.Weight).ToArray();
    }

    public List<Customer> Customers { get; } = [];
    public int HeavyIndex { get; private set; }

    public void BuildCustomers()
    {
        var phones = new HashSet<long>();
        var emails = new HashSet<string>();
        HeavyIndex = random.Next(options.Customers);
        for (var i = 0; i < options.Customers; i++)
        {
            var faker = fakers[PickLocale()];
            var organisation = random.NextDouble() < 0.08;
            string name, mailLocal;
            if (organisation)
            {
                name = faker.Company.CompanyName();
                mailLocal = random.NextDouble() < 0.5 ? "info" : "orders";
            }
            else
            {
                var first = faker.Name.FirstName();
                var last = faker.Name.LastName();
                if (random.NextDouble() < 0.04) last = $"{last}-{fakers[PickLocale()].Name.LastName()}";
                name = random.NextDouble() < 0.05 ? $"{first} {faker.Name.FirstName()[0]}. {last}" : $"{first} {last}";
                mailLocal = MailSafe(random.NextDouble() < 0.6 ? $"{first}.{last}" : $"{first[0]}{last}");
            }
            var since = i == HeavyIndex ? now.AddYears(-10) : now.AddDays(-random.NextDouble() * 365 * 12);
            // Most customers were in touch recently; some have lapsed.
            var lastActivity = i == HeavyIndex
                ? now.AddHours(-3)
                : since + (now - since) * (1 - Math.Pow(random.NextDouble(), 3));
            var customer = new Customer
            {
                Id = Guid.CreateVersion7(since),
                BusinessId = businessId,
                Kind = organisation ? CustomerKind.Organization : CustomerKind.Person,
                Name = name,
                CustomerSince = since,
                LastActivityAt = lastActivity,
                CreatedAt = since,
                UpdatedAt = lastActivity,
            };
            if (random.NextDouble() < 0.2)
                customer.Preferences = new Preferences
                {
                    StandingBudget = random.Next(4, 30) * 5m,
                    Likes = random.NextDouble() < 0.5 ? $"Likes {faker.Commerce.Color()} {Pick(Products)}" : null,
                    Notes = random.NextDouble() < 0.3 ? "Prefers a call before delivery." : null,
                };

            var phoneCount = random.NextDouble() switch { < 0.04 => 0, < 0.80 => 1, _ => 2 };
            for (var p = 0; p < phoneCount; p++)
            {
                long number;
                do number = AreaCodes[random.Next(AreaCodes.Length)] * 10_000_000L + random.Next(200, 1000) * 10_000L + random.Next(10_000);
                while (!phones.Add(number));
                var label = p == 0 ? (organisation ? "main" : "mobile") : Pick(["home", "work", "office"]);
                customer.ContactPoints.Add(Stamp(customer, ContactPoint.Phone(Typed(number), "1", label, primary: p == 0)!));
            }
            if (random.NextDouble() < 0.85)
            {
                var domain = organisation ? MailSafe(name.Split(' ')[0]) + ".com" : Pick(MailDomains);
                var email = $"{mailLocal}@{domain}";
                for (var n = 2; !emails.Add(email.ToLowerInvariant()); n++) email = $"{mailLocal}{n}@{domain}";
                customer.ContactPoints.Add(Stamp(customer, ContactPoint.Email(email, organisation ? "work" : "personal", primary: true)!));
            }
            Customers.Add(customer);
        }
    }

    /// <summary>The interactions, made as they are read: a million need not be in memory at once.</summary>
    public IEnumerable<Interaction> Interactions()
    {
        var r = new Random(options.Seed ^ 0x5eed);
        var owners = new int[options.Interactions];
        var heavy = Math.Min(options.HeavyTimeline, owners.Length);
        for (var i = 0; i < owners.Length; i++)
        {
            if (i < heavy) { owners[i] = HeavyIndex; continue; }
            var c = r.Next(Customers.Count - 1);
            owners[i] = c >= HeavyIndex ? c + 1 : c;
        }
        r.Shuffle(owners);
        var seen = new bool[Customers.Count];
        foreach (var index in owners)
        {
            var customer = Customers[index];
            var latest = customer.LastActivityAt!.Value;
            // Each customer's last contact is the one its LastActivityAt says.
            var at = seen[index] ? customer.CustomerSince + (latest - customer.CustomerSince) * r.NextDouble() : latest;
            seen[index] = true;
            yield return MakeInteraction(r, customer, at);
        }
    }

    private Interaction MakeInteraction(Random r, Customer customer, DateTime at)
    {
        var channel = r.NextDouble() switch
        {
            < 0.34 => Channel.Phone, < 0.56 => Channel.Email, < 0.68 => Channel.Visit, < 0.80 => Channel.Web,
            < 0.86 => Channel.Social, < 0.95 => Channel.Delivery, _ => Channel.Service,
        };
        var tone = r.NextDouble() switch { < 0.58 => Tone.Positive, < 0.88 => Tone.Neutral, _ => Tone.Negative };
        var direction = channel is Channel.Delivery || (channel is Channel.Email && r.NextDouble() < 0.5) ? Direction.Outbound : Direction.Inbound;
        StaffRef? who = channel == Channel.Web ? null
            : channel == Channel.Delivery ? staff.First(s => s.Role == StaffRole.Delivery)
            : staff[r.Next(staff.Count)];
        var first = customer.Name.Split(' ')[0];
        var summary = Summary(r, channel, tone, first);
        at = at.AddTicks(-(at.Ticks % TimeSpan.TicksPerMillisecond));
        return new Interaction
        {
            Id = Guid.CreateVersion7(at),
            BusinessId = businessId,
            CustomerId = customer.Id,
            OccurredAt = at,
            Channel = channel,
            Direction = direction,
            Summary = summary,
            Tone = tone,
            Internal = r.NextDouble() < 0.03,
            StaffId = who?.Id,
            StaffName = who?.Name,
            StaffRole = who?.Role,
            RecordedAt = at.AddMinutes(r.Next(0, 90)),
        };
    }

    private static readonly string[] Products =
        ["garden roses", "tulips", "peonies", "a potted orchid", "sunflowers", "a hydrangea", "ranunculus", "a seasonal bouquet", "lilies", "a wreath"];
    private static readonly string[] Occasions =
        ["a birthday", "their anniversary", "Mother's Day", "a thank-you", "get-well wishes", "a sympathy arrangement", "a new baby", "a promotion", "Valentine's Day", "no particular reason"];
    private static readonly string[] Positive =
        ["Very happy with it.", "Said it was perfect.", "Thanked the team warmly.", "Will order again next month.", "Recommended us to a friend."];
    private static readonly string[] Neutral =
        ["Will confirm by e-mail.", "Asked us to call back tomorrow.", "No changes needed.", "Noted for next time.", "Sent the receipt."];
    private static readonly string[] Negative =
        ["Unhappy that delivery ran late; offered a credit.", "Flowers wilted after two days; replaced them.", "Charged twice; refunded the duplicate.",
         "Wrong card message; apologised and resent.", "Could not reach the recipient; rescheduled."];

    private string Summary(Random r, Channel channel, Tone tone, string first)
    {
        var product = Products[r.Next(Products.Length)];
        var occasion = Occasions[r.Next(Occasions.Length)];
        var budget = r.Next(6, 40) * 5;
        var recipient = fakers[0].Name.FirstName();
        var lead = channel switch
        {
            Channel.Phone => $"{first} called to order {product} for {occasion}, ${budget}, for {recipient}.",
            Channel.Email => r.NextDouble() < 0.5
                ? $"E-mailed {first} about {occasion}: suggested {product} around ${budget}."
                : $"{first} wrote asking whether we can deliver {product} on Saturday.",
            Channel.Visit => $"{first} came in and picked {product} from the cooler, ${budget}.",
            Channel.Web => $"Online order: {product} for {recipient}, ${budget}, {occasion}.",
            Channel.Social => $"{first} messaged us on Instagram about {product}.",
            Channel.Delivery => $"Delivered {product} to {recipient}.",
            _ => $"Follow-up with {first} on the order for {recipient} ({occasion}).",
        };
        var tail = tone switch
        {
            Tone.Positive => Positive[r.Next(Positive.Length)],
            Tone.Neutral => Neutral[r.Next(Neutral.Length)],
            _ => Negative[r.Next(Negative.Length)],
        };
        return $"{lead} {tail}";
    }

    private ContactPoint Stamp(Customer customer, ContactPoint point)
    {
        point.BusinessId = businessId;
        point.CustomerId = customer.Id;
        return point;
    }

    /// <summary>A phone number as someone would have typed it into the form.</summary>
    private string Typed(long number) => PhoneFormats.Format(number, random.Next(PhoneFormats.Count));

    private int PickLocale()
    {
        var x = random.NextDouble() * localeCumulative[^1];
        var i = Array.FindIndex(localeCumulative, c => x < c);
        return i < 0 ? localeCumulative.Length - 1 : i;
    }

    private T Pick<T>(T[] items) => items[random.Next(items.Length)];

    private static string MailSafe(string text) =>
        new(SearchText.Normalize(text).Where(c => char.IsAsciiLetterOrDigit(c) || c == '.').ToArray());
}

/// <summary>The ways people write a North American number: the search must find each of them.</summary>
public static class PhoneFormats
{
    public const int Count = 8;

    public static string Format(long tenDigits, int style)
    {
        var d = tenDigits.ToString("D10", System.Globalization.CultureInfo.InvariantCulture);
        string a = d[..3], e = d[3..6], l = d[6..];
        return style switch
        {
            0 => $"({a}) {e}-{l}",
            1 => $"{a}.{e}.{l}",
            2 => $"+1 {a} {e} {l}",
            3 => $"{a}-{e}-{l}",
            4 => d,
            5 => $"1-{a}-{e}-{l}",
            6 => $"+1{d}",
            _ => $"{a} {e} {l}",
        };
    }

    /// <summary>E.164 (+1XXXXXXXXXX) to the ten digits.</summary>
    public static long TenDigits(string e164) => long.Parse(e164[2..], System.Globalization.CultureInfo.InvariantCulture);
}
