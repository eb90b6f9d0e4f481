using System.Globalization;
using Rapport.Core.Businesses;
using Rapport.Core.Catalog;
using Rapport.Core.Customers;
using Rapport.Core.Delivery;
using Rapport.Core.Orders;
using Rapport.Core.Timeline;

namespace Rapport.Demo;

// Bloom & Stem's shop and its orders: the catalogue, locations and partner; how an order is placed, promised
// and taken through its steps; and the windows of today, tomorrow and the coming Valentine's Day, booked
// exactly as the orders in them say.
public static partial class DemoSeeder
{
    private enum Outcome { OnTime, Late, Failed }

    /// <summary>What an order is for: its lines, the budget when it is designer's choice, and the flowers as the timeline names them.</summary>
    private sealed record Basket(List<OrderLine> Lines, decimal? Budget, string Flowers)
    {
        public decimal Amount => Lines.Sum(l => l.Total);
    }

    /// <summary>What the florist sells and where it delivers from; opened before the customers, so every order can use it.</summary>
    private sealed class Shop
    {
        private readonly Dictionary<Guid, string> flowers;

        public Shop(Product[] catalogue, (Location Location, LocationSeed Seed)[] sites, Partner partner)
        {
            Catalogue = catalogue;
            Sites = sites;
            Locations = sites.Select(x => x.Location).ToArray();
            Partner = partner;
            flowers = catalogue.ToDictionary(p => p.Id, p => DemoNames.Catalogue.Single(x => x.Name == p.Name).Flowers);
        }

        public Product[] Catalogue { get; }
        public (Location Location, LocationSeed Seed)[] Sites { get; }
        public Location[] Locations { get; }
        public Partner Partner { get; }
        /// <summary>Orders handed to the partner per day, for its <see cref="PartnerDay"/> rows.</summary>
        public Dictionary<DateOnly, int> PartnerBooked { get; } = [];

        public Product Product(string name) => Catalogue.Single(p => p.Name == name);

        public string Flowers(Product product) => flowers[product.Id];

        public decimal? Fee(Guid locationId, string? postcode) =>
            Locations.Single(l => l.Id == locationId).Zones.FirstOrDefault(z => z.PostalCode == postcode)?.Fee;

        /// <summary>The location that delivers to a postcode for the least; null when none does.</summary>
        public Location? Nearest(string? postcode) =>
            Locations.Where(l => Fee(l.Id, postcode) is not null).OrderBy(l => Fee(l.Id, postcode)).FirstOrDefault();

        /// <summary>A location's windows on a past day: Valentine's Day had more and shorter ones.</summary>
        public (TimeOnly Start, TimeOnly End)[] WindowsOn(Location location, DateOnly day)
        {
            var seed = Sites.Single(x => x.Location == location).Seed;
            return (day is { Month: 2, Day: 14 } ? seed.Valentines : seed.Weekly).Select(w => (w.Start, w.End)).ToArray();
        }
    }

    private static Shop OpenShop(Seeding s)
    {
        // Open long before the first customer walked in.
        var opened = s.At(s.Today.AddYears(-12), new TimeOnly(9, 0));
        var business = s.Business.Id;
        var catalogue = DemoNames.Catalogue.Select(p => new Product
        {
            BusinessId = business, Name = p.Name, Category = p.Category, Price = p.Price, IsDesignersChoice = p.Price is null,
            MinimumBudget = p.MinimumBudget, Description = p.Description, CreatedAt = opened, UpdatedAt = opened,
        }).ToArray();
        var sites = DemoNames.Locations.Select(seed =>
        {
            s.ReservePhone(new string(seed.Phone.Where(char.IsAsciiDigit).ToArray()));
            var location = new Location
            {
                BusinessId = business, Name = seed.Name, Phone = seed.Phone, TimeZone = s.Business.TimeZone,
                SameDayCutoff = new TimeOnly(12, 0), PickupUntil = new TimeOnly(18, 0), CreatedAt = opened,
                Address = new PostalAddress { Line1 = seed.Street, City = seed.Place.City, Region = seed.Place.Region, PostalCode = seed.Place.PostalCode },
            };
            location.Zones.AddRange(seed.Zones.Select(z => new DeliveryZone { BusinessId = business, LocationId = location.Id, PostalCode = z.PostalCode, Fee = z.Fee }));
            // Monday to Saturday; closed on Sundays.
            foreach (var weekday in Enum.GetValues<DayOfWeek>().Where(d => d != DayOfWeek.Sunday))
                location.WeeklyWindows.AddRange(seed.Weekly.Select(w => new WindowTemplate
                {
                    BusinessId = business, LocationId = location.Id, Weekday = weekday, Start = w.Start, End = w.End, Capacity = w.Capacity, LoyaltyReserve = w.Reserve,
                }));
            return (location, seed);
        }).ToArray();
        var p = DemoNames.PetalAndPine;
        s.ReservePhone(new string(p.Phone.Where(char.IsAsciiDigit).ToArray()));
        var partner = new Partner
        {
            BusinessId = business, Name = p.Name, ContactName = p.Contact, Phone = p.Phone, Email = p.Email, DailyCapacity = p.DailyCapacity, Fee = p.Fee,
        };

        s.Products.AddRange(catalogue);
        s.Locations.AddRange(sites.Select(x => x.location));
        s.Partners.Add(partner);
        return new Shop(catalogue, sites, partner);
    }

    // ---------------------------------------------------------------- what is ordered

    private static Basket ChooseBasket(Seeding s, Shop shop, Customer c, string occasion)
    {
        Basket basket;
        if (c.Preferences.StandingBudget is not null || s.Chance(0.45))
        {
            var item = shop.Product(occasion == "Sympathy" ? DemoNames.DesignersChoiceSympathy : DemoNames.DesignersChoiceBouquet);
            var budget = Math.Max(Budget(s, c), item.MinimumBudget ?? 0m);
            basket = new Basket([Line(item, budget)], budget, occasion == "Sympathy" ? shop.Flowers(item) : Bouquet(s, c));
        }
        else
        {
            var category = occasion switch
            {
                "Sympathy" => "Sympathy",
                "Valentine's Day" or "Anniversary" => s.Chance(0.6) ? "Roses" : "Bouquets",
                "Mother's Day" or "Housewarming" or "Get well" => s.Chance(0.5) ? "Plants" : "Bouquets",
                _ => s.R.WeightedRandom(["Bouquets", "Roses", "Plants"], [0.7f, 0.15f, 0.15f]),
            };
            var noLilies = c.Preferences.Likes?.Contains("lilies", StringComparison.Ordinal) == true;
            var product = s.Pick(shop.Catalogue
                .Where(p => p.Category == category && !p.IsDesignersChoice && !(noLilies && shop.Flowers(p).Contains("lil", StringComparison.Ordinal)))
                .ToArray());
            basket = new Basket([Line(product)], null, shop.Flowers(product));
        }
        if (s.Chance(occasion == "Valentine's Day" ? 0.35 : 0.15))
            basket.Lines.Add(Line(s.Pick(shop.Catalogue.Where(p => p.Category == "Add-ons").ToArray())));
        return basket;
    }

    private static Basket DesignersChoice(Shop shop, decimal budget, string flowers) =>
        new([Line(shop.Product(DemoNames.DesignersChoiceBouquet), budget)], budget, flowers);

    private static Basket Listed(Shop shop, string name)
    {
        var product = shop.Product(name);
        return new([Line(product)], null, shop.Flowers(product));
    }

    /// <summary>Something sold before it was in the catalogue, at the price of its day.</summary>
    private static Basket Loose(string description, decimal price, string flowers) =>
        new([new OrderLine { Description = description, Quantity = 1, UnitPrice = price, Total = price }], null, flowers);

    /// <summary>One of a product at its list price, or at the budget for a designer's-choice item.</summary>
    private static OrderLine Line(Product product, decimal? budget = null)
    {
        var unit = budget ?? product.Price!.Value;
        return new OrderLine { ProductId = product.Id, Description = product.Name, Quantity = 1, UnitPrice = unit, Total = unit };
    }

    // ---------------------------------------------------------------- placing and promising

    private static Order Place(Seeding s, Customer c, Recipient r, string occasion, Basket basket, Channel via, StaffMember? takenBy, DateTime at)
    {
        var order = new Order
        {
            BusinessId = s.Business.Id, CustomerId = c.Id, RecipientId = r.Id, RecipientName = r.Name, RecipientPhone = r.Phone,
            Occasion = occasion, CardMessage = s.Pick(DemoNames.CardMessagesFor(occasion)),
            Channel = via switch { Channel.Web => OrderChannel.Web, Channel.Visit => OrderChannel.WalkIn, _ => OrderChannel.Phone },
            Budget = basket.Budget, Subtotal = basket.Amount, Total = basket.Amount,
            // Walk-ins pay at the counter; everyone else with the card on file, if there was one yet.
            PaymentMethodId = via == Channel.Visit ? null : c.PaymentMethods.FirstOrDefault(p => p.CreatedAt <= at)?.Id,
            PlacedAt = at, PlacedByStaffId = takenBy?.Id, UpdatedAt = at,
        };
        foreach (var line in basket.Lines)
        {
            line.BusinessId = order.BusinessId;
            line.OrderId = order.Id;
            order.Lines.Add(line);
        }
        Step(order, OrderStatus.Placed, at, takenBy);
        s.Orders.Add(order);
        return order;
    }

    /// <summary>A past delivery, by the location that delivers to the recipient for the least.</summary>
    private static void PromiseDelivery(Seeding s, Shop shop, Order order, Recipient r, DateOnly day, TimeOnly start, TimeOnly end)
    {
        var location = shop.Nearest(r.Address!.PostalCode)!;
        Promise(s, order, r, location, shop.Fee(location.Id, r.Address.PostalCode)!.Value, day, start, end);
    }

    /// <summary>A delivery booked into one of the concrete windows of the coming days.</summary>
    private static void PromiseWindow(Seeding s, Shop shop, Order order, Recipient r, DeliveryWindow window, bool fromReserve = false)
    {
        var location = shop.Locations.Single(l => l.Id == window.LocationId);
        Promise(s, order, r, location, shop.Fee(location.Id, r.Address!.PostalCode)!.Value, window.Date, window.Start, window.End, fromReserve);
        order.WindowId = window.Id;
    }

    private static void Promise(Seeding s, Order order, Recipient r, Location location, decimal fee, DateOnly day, TimeOnly start, TimeOnly end, bool fromReserve = false)
    {
        order.Fulfilment = FulfilmentKind.Delivery;
        order.FulfilmentDate = day;
        order.LocationId = location.Id;
        order.FromLoyaltyReserve = fromReserve;
        order.PromisedFrom = s.At(day, start);
        order.PromisedBy = s.At(day, end);
        order.Promise = Promises.Delivery(null, day, start, end, location.Name, fromReserve);
        order.DeliveryAddress = Copy(r.Address!);
        order.DeliveryFee = fee;
        order.Total = order.Subtotal + fee;
    }

    private static void PromisePickup(Order order, Location location, DateOnly day)
    {
        order.Fulfilment = FulfilmentKind.Pickup;
        order.FulfilmentDate = day;
        order.LocationId = location.Id;
        order.Promise = Promises.Pickup(null, day, location.PickupUntil, location.Name);
    }

    private static void PromisePartner(Shop shop, Order order, Recipient r, DateOnly day)
    {
        order.Fulfilment = FulfilmentKind.Partner;
        order.FulfilmentDate = day;
        order.PartnerId = shop.Partner.Id;
        order.Promise = Promises.Partner(null, day, shop.Partner.Name);
        order.DeliveryAddress = Copy(r.Address!);
        order.DeliveryFee = shop.Partner.Fee;
        order.Total = order.Subtotal + shop.Partner.Fee;
        shop.PartnerBooked[day] = shop.PartnerBooked.GetValueOrDefault(day) + 1;
    }

    // ---------------------------------------------------------------- the steps of an order

    /// <summary>
    /// Takes an order through its steps as far as now: confirmed, made, out with the driver, then delivered or
    /// failed (a pick-up is collected; a partner's order is simply delivered). The last step is at
    /// <paramref name="doneAt"/> when given, else placed by the outcome against the promised window.
    /// Returns when the order was delivered or failed, or null if that is still ahead.
    /// </summary>
    private static DateTime? Fulfil(Seeding s, Order order, Outcome outcome, DateTime? doneAt = null, string? failure = null)
    {
        var staff = s.Staff;
        var done = doneAt ?? (order.Fulfilment, outcome) switch
        {
            (FulfilmentKind.Delivery, Outcome.Late) => order.PromisedBy!.Value.AddMinutes(s.R.Int(20, 130)),
            (FulfilmentKind.Delivery, _) => order.PromisedFrom!.Value.AddMinutes(s.R.Int(10, (int)(order.PromisedBy!.Value - order.PromisedFrom.Value).TotalMinutes - 5)),
            _ => s.At(order.FulfilmentDate, s.R.Int(10, 16), s.R.Int(0, 59)),
        };
        var takenBy = staff.Values.FirstOrDefault(m => m.Id == order.PlacedByStaffId) ?? staff[StaffRole.Service];
        var steps = new List<(OrderStatus Status, DateTime At, StaffMember? By)>
        {
            (OrderStatus.Confirmed, order.PlacedAt.AddMinutes(order.Channel == OrderChannel.Web ? s.R.Int(10, 90) : s.R.Int(1, 15)), takenBy),
        };
        switch (order.Fulfilment)
        {
            case FulfilmentKind.Delivery:
                steps.Add((OrderStatus.InProduction, done.AddMinutes(-s.R.Int(90, 240)), staff[StaffRole.Owner]));
                steps.Add((OrderStatus.OutForDelivery, done.AddMinutes(-s.R.Int(15, 60)), staff[StaffRole.Delivery]));
                steps.Add((outcome == Outcome.Failed ? OrderStatus.Failed : OrderStatus.Delivered, done, staff[StaffRole.Delivery]));
                break;
            case FulfilmentKind.Pickup:
                steps.Add((OrderStatus.InProduction, done.AddMinutes(-s.R.Int(60, 240)), staff[StaffRole.Owner]));
                steps.Add((OrderStatus.Delivered, done, staff[StaffRole.Service]));
                break;
            default:
                // The partner reports the delivery; nobody of ours took it.
                steps.Add((OrderStatus.Delivered, done, null));
                break;
        }

        var previous = order.PlacedAt;
        foreach (var (status, planned, by) in steps)
        {
            // An order placed late catches up: every step comes after the one before.
            var at = planned > previous ? planned : previous.AddMinutes(2);
            if (at > s.Now) break;
            Step(order, status, at, by, status == OrderStatus.Failed ? failure : null);
            previous = at;
        }
        order.Status = order.History[^1].Status;
        order.UpdatedAt = previous;
        if (order.Status == OrderStatus.Delivered) order.DeliveredAt = previous;
        if (order.Status == OrderStatus.Failed) order.FailureReason = failure;
        return order.Status is OrderStatus.Delivered or OrderStatus.Failed ? previous : null;
    }

    /// <summary>Takes a past order through all its steps; returns when it was delivered or failed.</summary>
    private static DateTime Fulfilled(Seeding s, Order order, Outcome outcome, DateTime? doneAt = null, string? failure = null) =>
        Fulfil(s, order, outcome, doneAt, failure)
        ?? throw new InvalidOperationException($"An order for {order.FulfilmentDate} is not done by {s.Now:u}.");

    private static void Step(Order order, OrderStatus status, DateTime at, StaffMember? by, string? reason = null) =>
        order.History.Add(new OrderStatusChange
        {
            BusinessId = order.BusinessId, OrderId = order.Id, Status = status, At = at, StaffId = by?.Id, Reason = reason,
            // Placed with nobody of ours involved means placed in the online shop, as order intake records it.
            StaffName = by?.DisplayName ?? (status == OrderStatus.Placed ? "Customer (shop)" : null),
        });

    /// <summary>How a delivery went, as the driver told it on the timeline.</summary>
    private static (Tone Tone, string Text) DeliveryReport(Seeding s, Outcome outcome, string failureText) => outcome switch
    {
        Outcome.Failed => (Tone.Negative, failureText),
        Outcome.Late => (Tone.Negative, s.Pick(DemoNames.DeliveryLate)),
        _ => s.R.WeightedRandom([Tone.Positive, Tone.Neutral, Tone.Negative], [0.75f, 0.2f, 0.05f]) switch
        {
            Tone.Positive => (Tone.Positive, s.Pick(DemoNames.DeliveryPositive)),
            Tone.Neutral => (Tone.Neutral, s.Pick(DemoNames.DeliveryNeutral)),
            _ => (Tone.Negative, s.Pick(DemoNames.DeliveryComplaint)),
        },
    };

    /// <summary>The shop is closed on Sundays, except on Valentine's Day: a Sunday occasion gets its flowers on Saturday.</summary>
    private static DateOnly DeliveryDay(DateOnly day) =>
        day.DayOfWeek == DayOfWeek.Sunday && day is not { Month: 2, Day: 14 } ? day.AddDays(-1) : day;

    private static DateOnly LastValentines(Seeding s)
    {
        var thisYear = new DateOnly(s.Today.Year, 2, 14);
        return thisYear < s.Today ? thisYear : thisYear.AddYears(-1);
    }

    private static DateOnly ComingValentines(Seeding s)
    {
        var thisYear = new DateOnly(s.Today.Year, 2, 14);
        return thisYear >= s.Today ? thisYear : thisYear.AddYears(1);
    }

    /// <summary>Mornings go first; on Valentine's Day the late morning most of all.</summary>
    private static float[] WindowWeights(int windows) => windows == 5 ? [0.15f, 0.3f, 0.2f, 0.2f, 0.15f] : [0.45f, 0.3f, 0.25f];

    // ---------------------------------------------------------------- the coming days

    /// <summary>
    /// The concrete windows of the coming weeks, as looking at the calendar makes them from the weekly templates
    /// (none on a Sunday), and of the coming Valentine's Day, set by hand with more windows and more room. Made
    /// here, a burst of orders does not race to make them.
    /// </summary>
    private static void MakeComingWindows(Seeding s, Shop shop)
    {
        var valentines = ComingValentines(s);
        var weeks = Enumerable.Range(0, DeliveryCalendar.MaxDays).Select(s.Today.AddDays);
        foreach (var date in weeks.Append(valentines).Distinct())
        {
            foreach (var (location, seed) in shop.Sites)
            {
                if (date == valentines)
                {
                    foreach (var w in seed.Valentines)
                    {
                        var window = DeliveryCalendar.Make(location, s.Zone, date, w.Start, w.End, w.Capacity, w.Reserve);
                        window.IsOverride = true;
                        s.Windows.Add(window);
                    }
                    continue;
                }
                s.Windows.AddRange(location.WeeklyWindows.Where(t => t.Weekday == date.DayOfWeek).OrderBy(t => t.Start)
                    .Select(t => DeliveryCalendar.Make(location, s.Zone, date, t.Start, t.End, t.Capacity, t.LoyaltyReserve)));
            }
        }
    }

    /// <summary>
    /// Books the coming days as a busy florist would have them: today's windows well booked (the first
    /// location's last window up to its loyalty reserve), tomorrow's partly, the weeks after not yet, and the coming Valentine's Day
    /// full, the reserve left free for loyal customers except in the evening windows, where they took it too.
    /// Every order is a stop, on the driver's run today and tomorrow; one of the last run day's was cancelled.
    /// Then every window's booked count is what its orders say.
    /// </summary>
    private static void BookComingDays(Seeding s, Shop shop, Customer tom)
    {
        var valentines = ComingValentines(s);
        // Today and tomorrow cannot both be Sundays: one of them has windows, and one order there was called off.
        var lastRunDay = s.Windows.Where(w => w.Date <= s.Today.AddDays(1)).Max(w => w.Date);
        var regulars = s.Customers.Where(c => c != tom && c.LastActivityAt > s.Now.AddDays(-365))
            .SelectMany(c => c.Recipients.Where(r => r.Address is not null).Select(r => (Customer: c, Recipient: r)))
            .ToList();
        var busy = new[] { s.Today, s.Today.AddDays(1), valentines };
        foreach (var day in s.Windows.Where(w => busy.Contains(w.Date)).GroupBy(w => w.Date))
        {
            var date = day.Key;
            // Valentine's orders go to partners first; nobody sends the same person two deliveries a day.
            var pool = date == valentines
                ? s.R.Shuffle(regulars.Where(p => IsPartner(p.Recipient))).Concat(s.R.Shuffle(regulars.Where(p => !IsPartner(p.Recipient)))).ToList()
                : s.R.Shuffle(regulars).ToList();
            var served = s.Orders.Where(o => o.FulfilmentDate == date).Select(o => o.RecipientId).ToHashSet();
            pool.RemoveAll(p => served.Contains(p.Recipient.Id));
            foreach (var byLocation in day.GroupBy(w => w.LocationId))
            {
                var windows = byLocation.OrderBy(w => w.Start).ToList();
                foreach (var window in windows)
                {
                    var general = window.Capacity - window.LoyaltyReserve;
                    var target = date == valentines
                        ? (window == windows[^1] ? window.Capacity : general)
                        : date == s.Today
                            ? (window == windows[^1] && byLocation.Key == shop.Locations[0].Id ? general : (int)Math.Round(general * (0.4 + 0.45 * s.R.Double())))
                            : (int)Math.Round(general * (0.2 + 0.4 * s.R.Double()));
                    for (var booked = s.Orders.Count(o => o.WindowId == window.Id); booked < target; booked++)
                    {
                        var fromReserve = booked >= general;
                        var i = pool.FindIndex(p => shop.Fee(window.LocationId, p.Recipient.Address!.PostalCode) is not null
                            && (!fromReserve || Loyalty.Assess(p.Customer.CustomerSince, p.Customer.LastActivityAt, s.Now).Tier == LoyaltyTier.Loyal));
                        if (i < 0) break;
                        var (customer, recipient) = pool[i];
                        pool.RemoveAt(i);
                        Book(s, shop, customer, recipient, window, fromReserve, date == valentines);
                    }
                }
            }
            var first = day.First();
            if (date == lastRunDay && pool.FirstOrDefault(p => shop.Fee(first.LocationId, p.Recipient.Address!.PostalCode) is not null) is ({ } c, { } r))
                Cancelled(s, shop, c, r, first);
        }

        // The run is driven window by window, postcode by postcode.
        var addresses = s.Orders.Where(o => o.WindowId is not null).ToDictionary(o => o.Id, o => o.DeliveryAddress!);
        foreach (var window in s.Stops.Where(x => x.WindowId is not null).GroupBy(x => x.WindowId))
        {
            var sequence = 1;
            foreach (var stop in window.OrderBy(x => addresses[x.OrderId!.Value].PostalCode, StringComparer.Ordinal)
                         .ThenBy(x => addresses[x.OrderId!.Value].Line1, StringComparer.Ordinal))
                stop.Sequence = sequence++;
        }
        foreach (var window in s.Windows)
            window.Booked = s.Orders.Count(o => o.WindowId == window.Id && o.Status != OrderStatus.Cancelled);
    }

    private static bool IsPartner(Recipient r) => r.Relationship is "wife" or "husband" or "girlfriend" or "partner";

    /// <summary>One order in a window of the coming days, as far along as the clock says, with its stop on a run.</summary>
    private static void Book(Seeding s, Shop shop, Customer c, Recipient r, DeliveryWindow window, bool fromReserve, bool valentines)
    {
        var occasion = valentines ? new Occasion("Valentine's Day", "Valentine's Day")
            : IsPartner(r) && s.Chance(0.4) ? new Occasion("Anniversary", "their anniversary")
            : s.Chance(0.4) ? new Occasion("Birthday", $"{First(r.Name)}'s birthday")
            : OneOffOccasion(s);
        var via = s.R.WeightedRandom([Channel.Phone, Channel.Web, Channel.Visit], [0.5f, 0.35f, 0.15f]);
        var takenBy = FloristHandler(s, via);
        var basket = ChooseBasket(s, shop, c, occasion.Name);
        var order = Place(s, c, r, occasion.Name, basket, via, takenBy, PlacedAhead(s, window.Date, valentines ? 45 : 3));
        PromiseWindow(s, shop, order, r, window, fromReserve);
        var templates = via switch { Channel.Phone => DemoNames.PhoneOrderPositive, Channel.Web => DemoNames.WebOrder, _ => DemoNames.VisitOrder };
        s.Log(c, order.PlacedAt, via, Direction.Inbound, Tone.Positive, OrderText(s, s.Pick(templates), c, r, occasion, order, basket, window.Date), takenBy, order: order);

        var outcome = s.R.WeightedRandom([Outcome.OnTime, Outcome.Late, Outcome.Failed], [0.93f, 0.05f, 0.02f]);
        Fulfil(s, order, outcome, failure: s.Pick(DemoNames.DeliveryFailed).Reason);
        // Drivers are on today's and tomorrow's runs; a manager assigns the last stops of a window not started yet.
        var onRun = window.Date <= s.Today.AddDays(1) && (window.StartsAt <= s.Now || !s.Chance(0.15));
        AddStop(s, order, window, onRun ? s.Staff[StaffRole.Delivery] : null);
    }

    /// <summary>Placed on a day before the window's date (at the latest today), so before its cutoff.</summary>
    private static DateTime PlacedAhead(Seeding s, DateOnly date, int days)
    {
        var latest = date.AddDays(-1) < s.Today ? date.AddDays(-1) : s.Today;
        return s.During(latest.AddDays(-s.R.Int(0, days)));
    }

    private static void AddStop(Seeding s, Order order, DeliveryWindow window, StaffMember? driver) =>
        s.Stops.Add(new DeliveryStop
        {
            BusinessId = order.BusinessId, OrderId = order.Id, WindowId = window.Id, LocationId = window.LocationId,
            CustomerId = order.CustomerId, RecipientId = order.RecipientId, Date = window.Date, DriverId = driver?.Id,
        });

    /// <summary>An order the customer called off before its window: it no longer counts against the window.</summary>
    private static void Cancelled(Seeding s, Shop shop, Customer c, Recipient r, DeliveryWindow window)
    {
        var service = s.Staff[StaffRole.Service];
        var occasion = new Occasion("Birthday", $"{First(r.Name)}'s birthday");
        var basket = ChooseBasket(s, shop, c, occasion.Name);
        var order = Place(s, c, r, occasion.Name, basket, Channel.Phone, service, PlacedAhead(s, window.Date, 3));
        PromiseWindow(s, shop, order, r, window);
        s.Log(c, order.PlacedAt, Channel.Phone, Direction.Inbound, Tone.Positive,
            OrderText(s, s.Pick(DemoNames.PhoneOrderPositive), c, r, occasion, order, basket, window.Date), service, order: order);
        var halfway = order.PlacedAt + (s.Now - order.PlacedAt) / 2;
        var cancelledAt = halfway < window.StartsAt.AddHours(-2) ? halfway : window.StartsAt.AddHours(-2);
        Step(order, OrderStatus.Cancelled, cancelledAt, service, "the party moved to next month, refunded in full");
        order.Status = OrderStatus.Cancelled;
        order.UpdatedAt = cancelledAt;
        // The stop stays, as cancelling leaves it; the run sheet leaves cancelled orders out.
        AddStop(s, order, window, null);
    }

    /// <summary>
    /// The steps the customer hears about after an order in the coming days' windows was placed, on the
    /// timeline as the app writes them when staff or the driver record them. Needs the orders' numbers.
    /// </summary>
    private static void LogComingSteps(Seeding s)
    {
        var coming = s.Windows.Select(w => w.Id).ToHashSet();
        var customers = s.Customers.ToDictionary(c => c.Id);
        var staff = s.Staff.Values.ToDictionary(m => m.Id);
        foreach (var order in s.Orders.Where(o => o.WindowId is { } id && coming.Contains(id)))
        {
            foreach (var step in order.History.Where(h => OrderLifecycle.IsVisibleToCustomer(h.Status)))
            {
                var (channel, tone, summary) = OrderLifecycle.ForTimeline(new OrderStep(order.Number, order.Fulfilment, order.RecipientName,
                    order.PromisedFrom, order.PromisedBy, step.Status, step.At, step.Reason), s.Zone);
                s.Log(customers[order.CustomerId], step.At, channel, Direction.Outbound, tone, summary,
                    step.StaffId is { } id ? staff[id] : null, order: order);
            }
        }
    }

    // ---------------------------------------------------------------- turned away, partner days, numbers

    /// <summary>Customers who declined every option: two on last Valentine's afternoon, one on a full Saturday.</summary>
    private static void TurnAway(Seeding s, Customer tom)
    {
        var valentines = LastValentines(s);
        var saturday = s.Today.AddDays(-14 - ((int)s.Today.DayOfWeek + 1) % 7);
        var service = s.Staff[StaffRole.Service];
        var earliest = s.At(valentines < saturday ? valentines : saturday, 0, 0);
        var candidates = s.Customers
            .Where(c => c != tom && c.CustomerSince < earliest && c.LastActivityAt > s.Now.AddDays(-365) && c.Recipients.Any(r => r.Address is not null))
            .ToList();
        (DateOnly Day, DateTime At, int Template, int Offered, string Reason)[] declined =
        [
            (valentines, s.At(valentines, 13, 40), 0, 2, "After the same-day cutoff; declined pick-up and the partner florist"),
            (valentines, s.At(valentines, 15, 10), 0, 2, "After the same-day cutoff; declined pick-up and the partner florist"),
            (saturday, s.At(saturday, 10, 30), 1, 3, "Every window full; declined Monday morning, the other location's evening and pick-up"),
        ];
        foreach (var (c, (day, at, template, offered, reason)) in s.R.ListItems(candidates, declined.Length).Zip(declined))
        {
            var recipient = s.Pick(c.Recipients.Where(r => r.Address is not null).ToArray());
            s.TurnedAway.Add(new TurnedAway
            {
                BusinessId = s.Business.Id, CustomerId = c.Id, RequestedDate = day, At = at, Channel = OrderChannel.Phone,
                OptionsOffered = offered, Reason = reason, StaffId = service.Id, StaffName = service.DisplayName,
            });
            s.Log(c, at, Channel.Phone, Direction.Inbound, Tone.Negative,
                FloristText(s, DemoNames.TurnedAway[template], c, recipient, "", 0m, day), service);
        }
    }

    private static void CountPartnerDays(Seeding s, Shop shop) =>
        s.PartnerDays.AddRange(shop.PartnerBooked.Select(d => new PartnerDay
        {
            BusinessId = s.Business.Id, PartnerId = shop.Partner.Id, Date = d.Key, Capacity = shop.Partner.DailyCapacity, Booked = d.Value,
        }));

    /// <summary>Numbers in the order the orders were placed; the business's next number follows the last.</summary>
    private static void NumberOrders(Seeding s)
    {
        var number = OrderNumbers.First;
        foreach (var order in s.Orders.OrderBy(o => o.PlacedAt)) order.Number = number++;
    }
}
