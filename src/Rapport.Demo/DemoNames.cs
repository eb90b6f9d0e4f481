using Rapport.Core.Businesses;
using Rapport.Core.Customers;
using Rapport.Core.Timeline;

namespace Rapport.Demo;

internal sealed record StaffSeed(string Mailbox, string Name, StaffRole Role);
internal sealed record Place(string City, string Region, string PostalCode);
internal sealed record Kin(string Relationship, bool Female, bool SameSurname, bool Partner);
internal sealed record ProductSeed(string Name, string Category, decimal? Price, decimal? MinimumBudget, string Description, string Flowers);
/// <summary>A shop with the postcodes it delivers to, its weekly windows (Monday to Saturday) and its Valentine's Day windows.</summary>
internal sealed record LocationSeed(string Name, string Street, Place Place, string Phone, (string PostalCode, decimal Fee)[] Zones,
    (TimeOnly Start, TimeOnly End, int Capacity, int Reserve)[] Weekly, (TimeOnly Start, TimeOnly End, int Capacity, int Reserve)[] Valentines);
internal sealed record PartnerSeed(string Name, string Contact, string Phone, string Email, int DailyCapacity, decimal Fee);

internal enum OrgKind { Hotel, Hospital, NursingHome, Laundromat, University, Club, LinenService }
internal sealed record Org(string Name, OrgKind Kind);
internal sealed record Seat(string Title, BuyingRole Role);

/// <summary>
/// The words the demo data is made of. Phone numbers use the 555-01xx block reserved for fiction and
/// addresses use the <c>.example</c> domains, so no demo row points at a real person.
/// </summary>
internal static class DemoNames
{
    // ---------------------------------------------------------------- Bloom & Stem, a florist in Kansas City

    public static readonly StaffSeed[] BloomStaff =
    [
        new("owner", "Margaret Holt", StaffRole.Owner),
        new("manager", "Dana Whitfield", StaffRole.Manager),
        new("sales", "Priya Raman", StaffRole.Sales),
        new("service", "Jake Morrison", StaffRole.Service),
        new("driver", "Luis Ortega", StaffRole.Delivery),
    ];

    public static readonly string[] BloomAreaCodes = ["913", "816", "785", "660", "620", "316", "417", "573", "402", "319"];

    public static readonly Place[] KansasCity =
    [
        new("Prairie Village", "KS", "66208"), new("Overland Park", "KS", "66212"), new("Overland Park", "KS", "66210"),
        new("Leawood", "KS", "66206"), new("Leawood", "KS", "66211"), new("Mission", "KS", "66202"),
        new("Lenexa", "KS", "66215"), new("Olathe", "KS", "66062"), new("Shawnee", "KS", "66203"),
        new("Merriam", "KS", "66203"), new("Fairway", "KS", "66205"), new("Kansas City", "MO", "64111"),
        new("Kansas City", "MO", "64112"), new("Kansas City", "MO", "64113"), new("Kansas City", "MO", "64108"),
        new("Lee's Summit", "MO", "64063"), new("Independence", "MO", "64055"), new("Liberty", "MO", "64068"),
    ];

    public static readonly string[] KansasCityStreets =
    [
        "W 71st St", "W 75th St", "W 83rd St", "W 95th St", "Mission Rd", "Nall Ave", "Roe Ave", "Lamar Ave",
        "Metcalf Ave", "Ward Pkwy", "State Line Rd", "Wornall Rd", "Main St", "Brookside Blvd", "Belinder Ave",
        "Tomahawk Rd", "Somerset Dr", "Granada St", "Rosewood Dr", "Cherokee Dr", "Oak St", "Walnut St",
        "Pennsylvania Ave", "College Blvd", "Quivira Rd", "Antioch Rd", "Johnson Dr", "Shawnee Mission Pkwy",
    ];

    public static readonly Kin[] Partners =
    [
        new("wife", true, true, true), new("girlfriend", true, false, true), new("partner", true, false, true),
    ];

    public static readonly Kin[] PartnersOfWomen =
    [
        new("husband", false, true, true), new("partner", false, false, true), new("wife", true, true, true),
    ];

    public static readonly Kin[] Others =
    [
        new("mother", true, true, false), new("mother", true, false, false), new("grandmother", true, false, false),
        new("daughter", true, true, false), new("sister", true, true, false), new("sister", true, false, false),
        new("aunt", true, false, false), new("friend", true, false, false), new("friend", false, false, false),
        new("colleague", true, false, false), new("colleague", false, false, false), new("neighbor", true, false, false),
        new("son", false, true, false), new("father", false, true, false), new("mother-in-law", true, false, false),
    ];

    public static readonly string[] Flowers =
    [
        "tulips", "garden roses", "peonies", "ranunculus", "hydrangeas", "sunflowers", "orchids", "anemones",
        "dahlias", "freesia", "lisianthus", "spray roses", "red roses", "seasonal wildflowers", "calla lilies",
    ];

    public static readonly decimal[] Budgets = [45m, 55m, 60m, 65m, 75m, 85m, 95m, 100m, 120m, 150m];

    public static readonly string[] Likes =
    [
        "Peonies when in season; no lilies (cat at home)", "Tulips and ranunculus, soft pinks",
        "Bright colours, nothing pale", "White and green only", "Garden roses, blush and cream",
        "Sunflowers, always", "No carnations, ever", "Potted orchids rather than cut flowers",
        "Seasonal wildflowers, loose and natural", "Hydrangeas and anything blue",
        "Scented flowers: freesia, stock, garden roses", "No lilies: the recipient is allergic",
        "Dahlias in late summer", "Red roses for Valentine's, mixed the rest of the year",
    ];

    public static readonly string[] CustomerNotes =
    [
        "Prefers delivery before noon.", "Call before delivering: gated building.", "Leave with the concierge.",
        "Card message always signed 'love, {first}'.", "Just gives a budget and trusts us with the design.",
        "Likes a photo of the arrangement texted before it goes out.", "Wants the receipt e-mailed, not in the box.",
        "Fragrance-free flowers only: allergies at home.", "Orders for the office reception every other Monday.",
    ];

    public static readonly string[] CustomerInternalNotes =
    [
        "Disputed a charge in {year}; resolved with a refund. Fine since.",
        "Friend of the owner: 10% courtesy discount.",
        "Lost a family member in {year}; no anniversary reminders for that date.",
        "Good referral source: sent us at least three new customers.",
        "Also orders for the firm's events; ask about a business account.",
        "Complained twice about delivery windows; give a firm time, not a range.",
    ];

    public static readonly string[] CardMessages =
    [
        "Love you always", "Thinking of you", "Happy anniversary!", "Congratulations!", "Thank you for everything",
        "Get well soon", "Happy birthday, beautiful", "Just because",
    ];

    // Summaries on a florist's timeline. {r} recipient, {rel} relationship, {occ} occasion, {budget}, {flowers},
    // {day} delivery day, {addr} delivery address, {first} customer's first name, {msg} card message.
    public static readonly string[] FirstOrder =
    [
        "First order: {flowers} for {r} ({rel}), ${budget}. Found us through a friend.",
        "First order, for {occ}: ${budget} arrangement for {r}. Saved {r}'s address for next time.",
        "New customer. Walked past the shop window and came in for {flowers} for {r}, ${budget}.",
    ];

    public static readonly string[] PhoneOrderPositive =
    [
        "Called to order for {occ}: {flowers} for {r} ({rel}), ${budget}. Card on file, delivery {day}.",
        "Order by phone for {occ}: ${budget} for {r}, left the design to us; asked for {flowers}.",
        "Phoned in an arrangement for {occ} for {r}, 'like last year'. ${budget}, delivery {day}.",
        "Quick call: the usual ${budget} for {r} for {occ}. Very friendly, thanked us for last time.",
    ];

    public static readonly string[] PhoneOrderNeutral =
    [
        "Called to check prices for {occ}, then ordered ${budget} of {flowers} for {r}.",
        "Order for {r} ({rel}) for {occ}, ${budget}. Confirmed the delivery address; updated the unit number.",
        "Phone order for {occ}, ${budget} for {r}. Asked whether we could deliver before 10; booked the morning window.",
    ];

    public static readonly string[] PhoneOrderNegative =
    [
        "Called to order for {occ} and was on hold for 8 minutes; said so. Order taken: ${budget} for {r}.",
        "Wanted same-day delivery for {occ} after the cutoff; offered the first slot next morning, accepted reluctantly.",
        "Annoyed that {flowers} were out of stock for {occ}; substituted, ${budget} for {r}.",
    ];

    public static readonly string[] WebOrder =
    [
        "Ordered online for {occ}: ${budget} bouquet for {r}, delivery {day}.",
        "Web order: {flowers}, ${budget}, to {r} ({rel}). Card message: '{msg}'.",
        "Portal order for {occ} for {r}, ${budget}; chose the morning window.",
    ];

    public static readonly string[] VisitOrder =
    [
        "Came into the shop and picked {flowers} for {occ}, ${budget}, to go to {r}.",
        "Walk-in for {occ}: chose {flowers} from the cooler, ${budget}; delivery {day} to {r}.",
        "Stopped by on the way to work to order for {r} ({occ}), ${budget}. Chatted about what is in season.",
    ];

    public static readonly string[] EmailOrder =
    [
        "E-mailed an order for {occ} for {r} ({rel}); confirmed ${budget} and delivery {day} by reply.",
        "Order by e-mail for {occ}: {flowers} for {r}, ${budget}. Asked us to call if anything is out of season.",
    ];

    public static readonly string[] SocialOrder =
    [
        "Messaged us on Instagram to order {flowers} for {r}, ${budget}; moved to a call to take payment.",
        "Facebook message asking for an arrangement for {occ} for {r}; ordered ${budget} after we sent photos.",
    ];

    public static readonly string[] DeliveryPositive =
    [
        "Delivered to {r} at {addr} ({occ}); {r} answered the door and was delighted.",
        "Delivered to {r} at {addr}, on time. Recipient asked for our card to order for someone else.",
        "Delivered {flowers} to {r}; big smile, took a photo with the arrangement.",
        "Delivered to {r} at {addr} within the morning window.",
    ];

    public static readonly string[] DeliveryNeutral =
    [
        "Delivered to {r}; nobody home, left at the front door per the note on file.",
        "Delivered to {r} at the concierge desk at {addr}.",
        "Delivered to {r}; a neighbour took it in as arranged.",
    ];

    /// <summary>Delivered in the window, but the recipient was not pleased.</summary>
    public static readonly string[] DeliveryComplaint =
    [
        "{r} said the roses were past their best on arrival.",
        "Delivered to {r} on time, but the vase had cracked in the van; {r} was not impressed.",
    ];

    public static readonly string[] DeliveryLate =
    [
        "Delivery to {r} ran late because of a road closure; {r} had already left.",
        "Wrong unit number on the order; delivery to {r} slipped past the window.",
        "Van ran behind on the afternoon loop; delivered to {r} at {addr} after the promised window.",
    ];

    /// <summary>Why a delivery failed, as the order records it, and as the driver told it on the timeline.</summary>
    public static readonly (string Reason, string Text)[] DeliveryFailed =
    [
        ("Nobody home, left card", "Nobody home for {r} at {addr}; left a card and brought the arrangement back to the shop."),
        ("Could not get into the building; recipient did not answer", "Could not get into {r}'s building at {addr} and nobody answered the phone; brought the arrangement back."),
        ("Wrong address: no such unit", "No such unit at {addr}; could not find {r}. Brought the arrangement back and called {first}."),
    ];

    public static readonly string[] Recovery =
    [
        "Called {first} to apologise for the delivery to {r}; credited $15 to the next order.",
        "Complaint about the delivery to {r} for {occ}; sent a replacement arrangement at no charge.",
        "Followed up on the delivery problem with {r}; {first} appreciated the call but is still disappointed.",
    ];

    public static readonly string[] Pickup =
    [
        "Picked up the arrangement for {occ} at the counter.",
        "Collected {flowers} for {r} in person; happy with the wrap.",
    ];

    public static readonly string[] PartnerDelivery =
    [
        "Petal & Pine delivered to {r} at {addr} for us (overflow); photo of the arrangement received.",
        "Our partner Petal & Pine delivered {flowers} to {r}; {r} was delighted.",
    ];

    public static readonly string[] TurnedAway =
    [
        "Turned away: wanted same-day delivery to {r} after the cutoff; offered pick-up until 18:00 and our partner florist, declined both.",
        "Turned away: every window for {day} was full; offered the next morning and pick-up, wanted neither. Disappointed.",
    ];

    // ---------------------------------------------------------------- Bloom & Stem's shop: catalogue, locations, partner

    /// <summary>Occasions of orders as the order records them, with the phrase the timeline uses for them.</summary>
    public static readonly (string Occasion, string Phrase)[] OneOffOccasions =
    [
        ("Thank you", "a thank-you"), ("New baby", "a new baby"), ("Get well", "get-well wishes"), ("Sympathy", "condolences"),
        ("Housewarming", "a housewarming"), ("Just because", "no particular reason"), ("Congratulations", "a promotion"),
    ];

    public static string[] CardMessagesFor(string occasion) => occasion switch
    {
        "Valentine's Day" => ["Be my valentine", "Love you always", "Still my valentine", "All my love"],
        "Birthday" => ["Happy birthday, beautiful", "Happy birthday!", "Another year more wonderful"],
        "Anniversary" => ["Happy anniversary!", "Another year, love you"],
        "Mother's Day" => ["Happy Mother's Day, Mom", "Thank you for everything"],
        "Sympathy" => ["With deepest sympathy", "Thinking of you and your family"],
        "Get well" => ["Get well soon"],
        "New baby" => ["Welcome to the world, little one!"],
        "Congratulations" => ["Congratulations!", "So proud of you"],
        "Thank you" => ["Thank you for everything", "Thank you!"],
        "Housewarming" => ["Happy new home!"],
        _ => ["Just because", "Thinking of you"],
    };

    public const string DesignersChoiceBouquet = "Designer's choice bouquet";
    public const string DesignersChoiceSympathy = "Designer's choice sympathy arrangement";

    /// <summary>
    /// The florist's catalogue. <see cref="ProductSeed.Flowers"/> is how the timeline names what was sent
    /// ("Delivered {flowers} to Maria"); designer's-choice items have a minimum budget instead of a price.
    /// </summary>
    public static readonly ProductSeed[] Catalogue =
    [
        new(DesignersChoiceBouquet, "Bouquets", null, 45m, "Tell us the budget and who it is for; our designers choose the best of the day's flowers.", "a designer's choice bouquet"),
        new("Spring Tulip Bouquet", "Bouquets", 55m, null, "Fifteen tulips in the season's colours, hand-tied with eucalyptus.", "spring tulips"),
        new("Garden Party", "Bouquets", 75m, null, "Garden roses, ranunculus and sweet peas, loose and romantic.", "garden roses and ranunculus"),
        new("Sunny Days", "Bouquets", 50m, null, "Sunflowers, yellow spray roses and solidago in a mason jar.", "sunflowers and spray roses"),
        new("Blush Peony Bouquet", "Bouquets", 95m, null, "Peonies and blush garden roses; ranunculus stand in for peonies out of season.", "peonies and blush roses"),
        new("Wildflower Meadow", "Bouquets", 60m, null, "Seasonal wildflowers, loose and natural, as if just picked.", "seasonal wildflowers"),
        new("Classic Dozen Red Roses", "Roses", 85m, null, "Twelve long-stemmed red roses with greenery, wrapped or in a vase.", "a dozen red roses"),
        new("Two Dozen Red Roses", "Roses", 150m, null, "Twenty-four long-stemmed red roses: the grand gesture.", "two dozen red roses"),
        new("Blush & Cream Garden Roses", "Roses", 90m, null, "Fragrant garden roses in blush and cream, hand-tied.", "blush and cream garden roses"),
        new("Potted White Orchid", "Plants", 65m, null, "A double-stem phalaenopsis in a ceramic pot; blooms for months.", "a potted white orchid"),
        new("Hydrangea in a Basket", "Plants", 65m, null, "A blue or white potted hydrangea in a woven basket.", "a potted hydrangea"),
        new("Peace Lily", "Plants", 55m, null, "An easy-going peace lily in a ceramic pot.", "a peace lily"),
        new(DesignersChoiceSympathy, "Sympathy", null, 75m, "A calm, white and green arrangement for a service or a home; our designers choose.", "a white sympathy arrangement"),
        new("White Sympathy Arrangement", "Sympathy", 95m, null, "White roses, lisianthus and snapdragons in a low arrangement.", "white roses and lisianthus"),
        new("Sympathy Basket", "Sympathy", 120m, null, "White hydrangeas and roses in a keepsake basket.", "white hydrangeas and roses in a basket"),
        new("Chocolate Truffles", "Add-ons", 24m, null, "A box of twelve truffles from the chocolatier a few doors down.", "chocolate truffles"),
        new("Glass Vase", "Add-ons", 15m, null, "A clear glass vase, so the flowers arrive ready to enjoy.", "a glass vase"),
        new("Teddy Bear", "Add-ons", 18m, null, "A soft, honey-coloured bear to go with the flowers.", "a teddy bear"),
    ];

    public static readonly LocationSeed[] Locations =
    [
        new("Bloom & Stem Downtown", "1820 Grand Blvd", new("Kansas City", "MO", "64108"), "(816) 555-0110",
            [("64108", 12m), ("64111", 12m), ("64112", 12m), ("64113", 14m), ("66208", 12m), ("66205", 15m), ("66206", 15m),
             ("66202", 15m), ("64063", 18m), ("64055", 18m), ("64068", 18m)],
            [(new(9, 0), new(12, 0), 10, 2), (new(12, 0), new(15, 0), 8, 1), (new(15, 0), new(18, 0), 8, 1)],
            [(new(8, 0), new(10, 0), 14, 2), (new(10, 0), new(12, 0), 16, 2), (new(12, 0), new(14, 0), 14, 2), (new(14, 0), new(16, 0), 12, 2), (new(16, 0), new(18, 0), 12, 1)]),
        new("Bloom & Stem Westside", "3940 Rainbow Blvd", new("Kansas City", "KS", "66103"), "(913) 555-0120",
            [("66103", 12m), ("66202", 12m), ("66203", 12m), ("66205", 12m), ("66208", 14m), ("66206", 14m), ("66211", 14m),
             ("66210", 15m), ("66212", 15m), ("66215", 15m), ("66062", 18m), ("64111", 15m), ("64112", 15m)],
            [(new(9, 0), new(12, 0), 8, 1), (new(12, 0), new(15, 0), 6, 1), (new(15, 0), new(18, 0), 6, 1)],
            [(new(8, 0), new(10, 0), 12, 1), (new(10, 0), new(12, 0), 12, 1), (new(12, 0), new(14, 0), 10, 1), (new(14, 0), new(16, 0), 10, 1), (new(16, 0), new(18, 0), 10, 1)]),
    ];

    public static readonly PartnerSeed PetalAndPine = new("Petal & Pine", "June Whitaker", "(816) 555-0188", "orders@petalandpine.example", 20, 15m);

    public static readonly string[] Reminder =
    [
        "Sent the reminder for {occ}: 'Flowers for {r} again this year?'",
        "Reminder call ahead of {occ}: {first} asked us to hold the usual for {r}.",
    ];

    // Contacts that are not orders: (channel, direction, tone, text).
    public static readonly (Channel Channel, Direction Direction, Tone Tone, string Text)[] FloristChatter =
    [
        (Channel.Social, Direction.Inbound, Tone.Positive, "Posted a photo of the {flowers} on Instagram and tagged the shop."),
        (Channel.Email, Direction.Inbound, Tone.Neutral, "Asked when peony season starts; replied with the May to June window."),
        (Channel.Phone, Direction.Inbound, Tone.Neutral, "Asked about sympathy arrangements and prices; sent the catalogue link."),
        (Channel.Web, Direction.Inbound, Tone.Neutral, "Updated the delivery address for {r} in the portal."),
        (Channel.Visit, Direction.Inbound, Tone.Positive, "Stopped by to thank us for the last arrangement; bought a potted orchid."),
        (Channel.Phone, Direction.Inbound, Tone.Negative, "Upset that the card message was misspelled; reprinted it and took the card over."),
        (Channel.Email, Direction.Outbound, Tone.Positive, "Sent a thank-you note and the care card for cut flowers."),
        (Channel.Social, Direction.Inbound, Tone.Negative, "Left a two-star review: 'pretty flowers, slow to answer the phone'. Replied publicly."),
        (Channel.Visit, Direction.Inbound, Tone.Positive, "Came to the spring open house; signed up for the wreath workshop."),
    ];

    public static readonly string[] FloristInternal =
    [
        "Long-time regular: always find a slot, even on peak days.",
        "Gave a 10% courtesy discount after the late delivery; do not repeat without a reason.",
        "Pays reliably by card; no chargebacks.",
        "Asked twice about a corporate account for the office; follow up.",
        "Sensitive about prices lately; offer the smaller size first.",
    ];

    // ---------------------------------------------------------------- Harbor Laundry Systems, a B2B dealer on the East Coast

    public static readonly StaffSeed[] HarborStaff =
    [
        new("owner", "Frank Castellano", StaffRole.Owner),
        new("manager", "Denise Walsh", StaffRole.Manager),
        new("sales", "Marcus Reed", StaffRole.Sales),
        new("service", "Tony Russo", StaffRole.Service),
        new("driver", "Kevin O'Brien", StaffRole.Delivery),
    ];

    public static readonly string[] HarborAreaCodes = ["201", "973", "732", "609", "856", "212", "718", "617", "215", "410", "203", "401"];

    public static readonly Place[] EastCoast =
    [
        new("Jersey City", "NJ", "07302"), new("Hoboken", "NJ", "07030"), new("Newark", "NJ", "07102"),
        new("Atlantic City", "NJ", "08401"), new("Cape May", "NJ", "08204"), new("Brooklyn", "NY", "11201"),
        new("Queens", "NY", "11101"), new("Albany", "NY", "12207"), new("Stamford", "CT", "06901"),
        new("New Haven", "CT", "06510"), new("Providence", "RI", "02903"), new("Boston", "MA", "02110"),
        new("Philadelphia", "PA", "19103"), new("Baltimore", "MD", "21202"), new("Wilmington", "DE", "19801"),
    ];

    public static readonly string[] EastCoastStreets =
    [
        "Harbor Blvd", "Ocean Ave", "Commerce Dr", "Industrial Way", "Pier Rd", "Washington St", "Broad St",
        "Market St", "Atlantic Ave", "River Rd", "Exchange Pl", "Boardwalk", "Hospital Dr", "College Ave", "Water St",
    ];

    public static readonly Org[] Organizations =
    [
        new("Grand Pier Hotel", OrgKind.Hotel),
        new("Harborview Inn & Suites", OrgKind.Hotel), new("The Beacon Hotel", OrgKind.Hotel),
        new("Seaside Plaza Hotel", OrgKind.Hotel), new("Lighthouse Point Resort", OrgKind.Hotel),
        new("Marina Bay Hotel", OrgKind.Hotel), new("The Wharf House Hotel", OrgKind.Hotel),
        new("Boardwalk Regency", OrgKind.Hotel), new("Atlantic Crown Hotel", OrgKind.Hotel),
        new("Copley Square Suites", OrgKind.Hotel), new("Hudson River Lodge", OrgKind.Hotel),
        new("Ironbound Suites", OrgKind.Hotel),
        new("St. Aurelia Hospital", OrgKind.Hospital), new("Mercy Bay Medical Center", OrgKind.Hospital),
        new("Northshore General Hospital", OrgKind.Hospital), new("Riverside Community Hospital", OrgKind.Hospital),
        new("Saint Brendan's Medical Center", OrgKind.Hospital), new("Eastport Children's Hospital", OrgKind.Hospital),
        new("Hillcrest Regional Medical Center", OrgKind.Hospital),
        new("Willow Creek Care Center", OrgKind.NursingHome), new("Maple Gardens Senior Living", OrgKind.NursingHome),
        new("Bayview Nursing & Rehabilitation", OrgKind.NursingHome), new("Oak Hollow Assisted Living", OrgKind.NursingHome),
        new("Sunrise Ridge Care Home", OrgKind.NursingHome), new("Cedar Crest Manor", OrgKind.NursingHome),
        new("Meadowbrook Health & Rehab", OrgKind.NursingHome),
        new("Suds City Laundromat", OrgKind.Laundromat), new("Spin Cycle Wash & Fold", OrgKind.Laundromat),
        new("Bubbles Laundry Center", OrgKind.Laundromat), new("Clean Corner Laundromat", OrgKind.Laundromat),
        new("Fluff & Fold Express", OrgKind.Laundromat), new("The Laundry Lounge", OrgKind.Laundromat),
        new("Quarter Moon Laundromat", OrgKind.Laundromat), new("Wash Depot", OrgKind.Laundromat),
        new("Eastbrook University", OrgKind.University), new("Atlantic State University", OrgKind.University),
        new("Harwood College", OrgKind.University), new("St. Colman University", OrgKind.University),
        new("Bayshore Community College", OrgKind.University), new("New Hanover Institute of Technology", OrgKind.University),
        new("Harbor Athletic Club", OrgKind.Club), new("Bayside Linen Service", OrgKind.LinenService),
    ];

    /// <summary>The buying committee an organisation of a kind usually has; the first seat decides.</summary>
    public static Seat[] Committee(OrgKind kind) => kind switch
    {
        OrgKind.Hotel =>
        [
            new("General Manager", BuyingRole.DecisionMaker), new("Director of Finance", BuyingRole.EconomicBuyer),
            new("Chief Engineer", BuyingRole.TechnicalEvaluator), new("Director of Housekeeping", BuyingRole.User),
            new("Purchasing Manager", BuyingRole.Influencer), new("Laundry Supervisor", BuyingRole.User),
            new("Director of Operations", BuyingRole.Blocker),
        ],
        OrgKind.Hospital =>
        [
            new("VP of Operations", BuyingRole.DecisionMaker), new("CFO", BuyingRole.EconomicBuyer),
            new("Facilities Director", BuyingRole.TechnicalEvaluator), new("Environmental Services Manager", BuyingRole.User),
            new("Infection Prevention Lead", BuyingRole.Influencer), new("Purchasing Manager", BuyingRole.Blocker),
            new("Linen Room Supervisor", BuyingRole.User),
        ],
        OrgKind.NursingHome =>
        [
            new("Administrator", BuyingRole.DecisionMaker), new("Business Office Manager", BuyingRole.EconomicBuyer),
            new("Maintenance Director", BuyingRole.TechnicalEvaluator), new("Laundry Supervisor", BuyingRole.User),
            new("Director of Nursing", BuyingRole.Influencer), new("Regional Controller", BuyingRole.Blocker),
        ],
        OrgKind.Laundromat =>
        [
            new("Owner", BuyingRole.DecisionMaker), new("Co-owner", BuyingRole.EconomicBuyer),
            new("Store Manager", BuyingRole.User), new("Service Contractor", BuyingRole.TechnicalEvaluator),
            new("Accountant", BuyingRole.Influencer), new("Landlord's Property Manager", BuyingRole.Blocker),
        ],
        OrgKind.University =>
        [
            new("Director of Residence Life", BuyingRole.DecisionMaker), new("Procurement Officer", BuyingRole.EconomicBuyer),
            new("Facilities Engineer", BuyingRole.TechnicalEvaluator), new("Housekeeping Supervisor", BuyingRole.User),
            new("Sustainability Officer", BuyingRole.Influencer), new("Athletics Equipment Manager", BuyingRole.User),
            new("Budget Committee Chair", BuyingRole.Blocker),
        ],
        _ =>
        [
            new("General Manager", BuyingRole.DecisionMaker), new("Controller", BuyingRole.EconomicBuyer),
            new("Plant Engineer", BuyingRole.TechnicalEvaluator), new("Production Supervisor", BuyingRole.User),
            new("Operations Manager", BuyingRole.Influencer), new("CFO", BuyingRole.Blocker),
        ],
    };

    public static string[] Products(OrgKind kind) => kind switch
    {
        OrgKind.Laundromat => ["CM-25 coin-op washer", "CM-40 coin-op washer", "SD-50 stack dryer", "WX-40 washer-extractor"],
        OrgKind.Hospital or OrgKind.LinenService => ["WX-100 washer-extractor", "WX-60 washer-extractor", "TD-120 tumble dryer", "FI-330 flatwork ironer", "BW-200 barrier washer"],
        _ => ["WX-60 washer-extractor", "WX-40 washer-extractor", "WX-100 washer-extractor", "TD-75 tumble dryer", "TD-120 tumble dryer", "FI-330 flatwork ironer"],
    };

    public static readonly string[] Competitors = ["Tri-State Laundry Supply", "Apex Commercial Laundry", "Coastline Equipment Co."];

    // Summaries on a dealer's timeline. {c} stakeholder, {title}, {product}, {competitor}, {org}, {n} a quote number.
    public static readonly (Channel Channel, Direction Direction, string Text)[] DealerFirstContact =
    [
        (Channel.Phone, Direction.Outbound, "Discovery call with {c} ({title}): ageing washers, two shifts, about {lbs} lbs of linen a day."),
        (Channel.Visit, Direction.Inbound, "Met {c} ({title}) at our stand at the regional hospitality expo; asked for a site survey."),
        (Channel.Web, Direction.Inbound, "Enquiry from {c} ({title}) through the website about replacing a {product}."),
    ];

    public static readonly (Channel Channel, Direction Direction, Tone Tone, string Text)[] DealerContacts =
    [
        (Channel.Visit, Direction.Outbound, Tone.Positive, "Site visit with {c} ({title}): walked the laundry room and measured for two {product}s."),
        (Channel.Visit, Direction.Outbound, Tone.Positive, "Quarterly review with {c}: throughput up since the {product} went in."),
        (Channel.Visit, Direction.Outbound, Tone.Neutral, "Presented the ROI for replacing the old machines with new {product}s to {c}: 18-month payback on water, energy and labour."),
        (Channel.Visit, Direction.Outbound, Tone.Neutral, "Site survey: drain capacity is marginal for another {product}; {c} will get a plumber to check."),
        (Channel.Phone, Direction.Outbound, Tone.Neutral, "Called {c} about quote Q-{n} for the {product}; budget approval expected next quarter."),
        (Channel.Phone, Direction.Inbound, Tone.Neutral, "{c} asked for the chemical dosing settings on the {product}; walked through them on the phone."),
        (Channel.Phone, Direction.Outbound, Tone.Positive, "Follow-up call with {c}: staff like the new {product}, asked about a second unit."),
        (Channel.Phone, Direction.Inbound, Tone.Negative, "{c} mentioned {competitor} is 'beating down my boss's door' with a lower price."),
        (Channel.Phone, Direction.Inbound, Tone.Negative, "Complaint from {c}: technician arrived four hours late; the laundry fell behind for the day."),
        (Channel.Email, Direction.Outbound, Tone.Neutral, "Sent quote Q-{n} to {c}: {product} with installation and a five-year parts plan."),
        (Channel.Email, Direction.Inbound, Tone.Positive, "{c} e-mailed a purchase order for {product} spare parts (door gasket, drain valve)."),
        (Channel.Email, Direction.Outbound, Tone.Positive, "Sent the productivity booklet and the operator training schedule to {c}."),
        (Channel.Email, Direction.Inbound, Tone.Negative, "{c} forwarded a quote from {competitor}, 12% under ours for the {product}."),
        (Channel.Email, Direction.Inbound, Tone.Negative, "Invoice dispute: {c} says the last service call was covered by the warranty."),
        (Channel.Service, Direction.Outbound, Tone.Neutral, "Preventive maintenance on the {product}s; replaced the bearings on unit 2."),
        (Channel.Service, Direction.Inbound, Tone.Positive, "Emergency call: {product} not draining; cleared the valve, back in service the same day."),
        (Channel.Service, Direction.Outbound, Tone.Positive, "Installed and commissioned the {product}; trained the laundry staff with {c}."),
        (Channel.Service, Direction.Inbound, Tone.Negative, "Repeat fault on the {product} door lock; part on back order, machine down three days."),
        (Channel.Delivery, Direction.Outbound, Tone.Positive, "Delivered the {product} to the loading dock; signed for by {c}."),
        (Channel.Delivery, Direction.Outbound, Tone.Neutral, "Delivered a spare parts kit; the dock was closed, waited 40 minutes for {c}."),
        (Channel.Delivery, Direction.Outbound, Tone.Negative, "Delivery of the {product} a day late because the truck broke down; {c} not pleased."),
        (Channel.Web, Direction.Inbound, Tone.Neutral, "Ordered detergent pump tubing and lint filters through the portal."),
        (Channel.Social, Direction.Inbound, Tone.Positive, "{c} connected on LinkedIn after the trade show and shared our water-savings case study."),
    ];

    public static readonly string[] DealerNotes =
    [
        "Loading dock closes at 3 pm; call ahead for deliveries.",
        "Site access through the service entrance; sign in with security.",
        "Laundry runs two shifts; book service between 1 and 3 pm.",
        "Union site: installs need the house electrician present.",
        "Pays on net-45; purchase order number required on every invoice.",
    ];

    public static readonly string[] DealerInternal =
    [
        "Account at risk: single-threaded through {c}; get to the finance side before the renewal.",
        "Waived the call-out fee after the late technician visit (list $185).",
        "Skipped this year's price increase to keep the account; revisit next year.",
        "{c} is the real decision maker here, whatever the org chart says.",
    ];
}
