using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Audit;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Customers;
using Rapport.Core.Data;
using Rapport.Core.Delivery;
using Rapport.Core.Timeline;
using Rapport.Core.Touches;

namespace Rapport.Core.Orders;

/// <summary>
/// Takes an order on any channel under the same rules: the capacity it needs is reserved by one conditional
/// statement in the same transaction as the order, so a window is never overbooked; when it cannot be
/// reserved the answer carries the alternatives instead of a no.
/// </summary>
public static class PlaceOrder
{
    public sealed record LineInput(Guid? ProductId, int? Quantity);

    /// <summary>An option's kind (window, other-location, loyalty-reserve, next-day, partner, pickup) and what it names.</summary>
    public sealed record FulfilmentInput(string? Kind, Guid? WindowId, Guid? PartnerId, Guid? LocationId, DateOnly? Date);

    public sealed record Command(
        Guid? CustomerId, Guid? RecipientId, PostalAddress? Address, string? Occasion, decimal? Budget, IReadOnlyList<LineInput?>? Lines,
        FulfilmentInput? Fulfilment, Guid? PaymentMethodId, string? CardMessage, OrderChannel? Channel);

    public sealed record Placed(Guid Id, long Number, OrderStatus Status, string Promise, DateOnly Date, decimal Subtotal, decimal DeliveryFee, decimal Total);

    public static async Task<Result<Placed>> HandleAsync(
        RapportDb db, Orderer orderer, string? idempotencyKey, Command command, OrderDesk desk, TimeProvider time, CancellationToken ct)
    {
        // A key is opaque (a UUID may hold a run of digits), so it is only checked for size and printable characters.
        if (idempotencyKey is not null && (idempotencyKey.Trim().Length is 0 or > OrderLimits.IdempotencyKey || idempotencyKey.Any(char.IsControl)))
            return Failure.Invalid("Idempotency-Key", $"Between 1 and {OrderLimits.IdempotencyKey} printable characters.");
        // Kept only as its hash: a caller may send anything as a key, a card number among them.
        var storedKey = idempotencyKey is null ? null : Idempotency.KeyOf(idempotencyKey.Trim());

        var found = await orderer.FindCustomerAsync(db, command.CustomerId, ct);
        if (!found.Succeeded) return found.Failure;
        var customer = found.Value;

        var draft = await DraftAsync(db, customer, orderer, command, time, ct);
        if (!draft.Succeeded) return draft.Failure;

        var promised = await PromiseAsync(db, draft.Value, ct);
        if (promised is null) return await RefusedAsync(db, customer, draft.Value, "That option is not available.", ct);
        // A window already seen full is answered at once, without claiming the key or queueing to write;
        // a retry of an order that was placed still finds its answer under the key first.
        if (!promised.Open && (idempotencyKey is null
            || !await db.IdempotencyRecords.AnyAsync(r => r.Caller == orderer.Caller && r.Key == storedKey, ct)))
            return await RefusedAsync(db, customer, draft.Value, "That window is full or past its cutoff.", ct);

        IdempotencyRecord? claim = null;
        if (storedKey is not null)
        {
            var outcome = await Idempotency.ClaimAsync(db, desk.Gate, orderer.Caller, storedKey, Idempotency.Hash(command), time, ct);
            switch (outcome.Outcome)
            {
                case Idempotency.Outcome.Replay: return Idempotency.Answer<Placed>(outcome.Record!)!;
                case Idempotency.Outcome.DifferentRequest:
                    return Failure.Invalid("Idempotency-Key", "This key was already used for a different order. Use a new key for a new order.");
                case Idempotency.Outcome.StillRunning:
                    return Failure.Conflict("An order with this key is still being placed. Retry in a moment.");
            }
            claim = outcome.Record;
        }

        try
        {
            var placed = await ReserveAndSaveAsync(db, orderer, customer, draft.Value, promised, claim, desk, ct);
            if (!placed.Succeeded && claim is not null) await Idempotency.ReleaseAsync(db, desk.Gate, claim, ct);
            return placed;
        }
        catch when (claim is not null)
        {
            await Idempotency.ReleaseAsync(db, desk.Gate, claim, CancellationToken.None);
            throw;
        }
    }

    /// <summary>Everything about the order that is checked before any capacity is touched.</summary>
    private sealed record Draft(
        OptionKind Kind, DateOnly Date, OrderChannel Channel, OrderOptions.Destination? Destination, Guid? RecipientId,
        string? Occasion, string? CardMessage, decimal? Budget, List<OrderLine> Lines, decimal Subtotal, Guid? PaymentMethodId,
        Guid? WindowId, Guid? PartnerId, Guid? LocationId, bool MayUseReserve, DateOnly Today, DateTime Now);

    private static async Task<Result<Draft>> DraftAsync(
        RapportDb db, Customer customer, Orderer orderer, Command c, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var v = new Validator();
        v.MaxLength("occasion", c.Occasion, OrderLimits.Occasion);
        v.MaxLength("cardMessage", c.CardMessage, OrderLimits.CardMessage);
        // The shop is the web channel whatever the body says.
        var channel = orderer.Standing ? OrderChannel.Standing : orderer.Staff is null ? OrderChannel.Web : c.Channel;
        if (channel is null) v.Add("channel", "Say how the order came in: phone, web or walkIn.");
        else if (channel == OrderChannel.Standing && !orderer.Standing) v.Add("channel", "Standing orders place themselves: say phone, web or walkIn.");

        var kind = OptionKindNames.Parse(c.Fulfilment?.Kind);
        if (c.Fulfilment is null) v.Add("fulfilment", "Say how the order is fulfilled: a delivery window, a partner or pick-up.");
        else if (kind is null) v.Add("fulfilment.kind", $"One of: {OptionKindNames.All}.");
        var delivery = kind is OptionKind.Window or OptionKind.OtherLocation or OptionKind.NextDay or OptionKind.LoyaltyReserve;
        if (delivery && c.Fulfilment?.WindowId is null) v.Add("fulfilment.windowId", "Choose a delivery window.");
        if (kind == OptionKind.Partner && c.Fulfilment?.PartnerId is null) v.Add("fulfilment.partnerId", "Choose a partner florist.");
        if (kind == OptionKind.Pickup && c.Fulfilment?.LocationId is null) v.Add("fulfilment.locationId", "Choose where the customer collects.");

        var loyal = OrderOptions.IsLoyal(customer, now);
        var mayUseReserve = loyal || orderer.IsManager;
        if (kind == OptionKind.LoyaltyReserve && !mayUseReserve)
            v.Add("fulfilment.kind", "The loyalty reserve is kept for loyal customers; a manager may book it for anyone.");

        // Sold by budget (designer's choice), by lines, or both: a basket of a designer's-choice bouquet, a vase and truffles.
        // Every line is priced from the catalogue now, whatever the caller saw.
        var lines = new List<OrderLine>();
        decimal subtotal = 0;
        if (c.Budget is null && c.Lines is not { Count: > 0 }) v.Add("budget", "Give a budget (designer's choice) or order lines.");
        if (c.Budget is { } budget)
        {
            v.Range("budget", budget, 1, OrderLimits.MaxAmount);
            var designers = await db.Products.AsNoTracking().Where(p => p.Active && p.IsDesignersChoice)
                .OrderBy(p => p.MinimumBudget).FirstOrDefaultAsync(ct);
            if (designers?.MinimumBudget is { } minimum && budget < minimum)
                v.Add("budget", $"Designer's choice starts at {minimum.ToString("0.00", CultureInfo.InvariantCulture)}.");
            lines.Add(new OrderLine { ProductId = designers?.Id, Description = designers?.Name ?? "Designer's choice", Quantity = 1, UnitPrice = budget, Total = budget });
            subtotal = budget;
        }
        if (c.Lines is { Count: > 0 } given)
        {
            if (given.Count > OrderLimits.MaxLines) v.Add("lines", $"At most {OrderLimits.MaxLines} lines.");
            var ids = given.Where(l => l?.ProductId is not null).Select(l => l!.ProductId!.Value).Distinct().ToList();
            var products = await db.Products.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
            for (var i = 0; i < Math.Min(given.Count, OrderLimits.MaxLines); i++)
            {
                var line = given[i];
                if (line?.ProductId is not { } productId || !products.TryGetValue(productId, out var product) || !product.Active)
                    v.Add($"lines[{i}].productId", "Not a product on sale.");
                else if (product.Price is not { } price)
                    v.Add($"lines[{i}].productId", $"{product.Name} is sold by budget: give a budget instead.");
                else if (line.Quantity is not (>= 1 and <= OrderLimits.MaxQuantity))
                    v.Add($"lines[{i}].quantity", $"Between 1 and {OrderLimits.MaxQuantity}.");
                else
                {
                    lines.Add(new OrderLine { ProductId = productId, Description = product.Name, Quantity = line.Quantity.Value, UnitPrice = price, Total = price * line.Quantity.Value });
                    subtotal += price * line.Quantity.Value;
                }
            }
        }

        if (c.PaymentMethodId is { } paymentId)
        {
            var card = await db.PaymentMethods.AsNoTracking().Where(p => p.Id == paymentId && p.CustomerId == customer.Id)
                .Select(p => new { p.ExpMonth, p.ExpYear }).FirstOrDefaultAsync(ct);
            if (card is null) v.Add("paymentMethodId", "Not a card on this customer's file.");
            else if (!OrderDraft.IsValid(card.ExpMonth, card.ExpYear, DateOnly.FromDateTime(now)))
                v.Add("paymentMethodId", "That card has expired.");
        }

        var destination = await OrderOptions.DeliveryAddressAsync(db, customer.Id, c.RecipientId, c.Address, ct);
        if (!destination.Succeeded) return destination.Failure;
        if (c.Address is not null)
        {
            v.MaxLength("address.line1", c.Address.Line1, CustomerLimits.AddressLine);
            v.MaxLength("address.line2", c.Address.Line2, CustomerLimits.AddressLine);
            v.MaxLength("address.city", c.Address.City, 80);
            v.MaxLength("address.postalCode", c.Address.PostalCode, 16);
        }
        if ((delivery || kind == OptionKind.Partner) && destination.Value?.Address is null)
            v.Add(c.RecipientId is null ? "address" : "recipientId", "A delivery needs an address with a street and a postcode.");

        var today = await db.TodayAsync(now, ct);
        var date = c.Fulfilment?.Date ?? today;
        if (delivery && c.Fulfilment?.WindowId is { } windowId)
        {
            var windowDate = await db.DeliveryWindows.Where(w => w.Id == windowId).Select(w => (DateOnly?)w.Date).FirstOrDefaultAsync(ct);
            if (windowDate is null) v.Add("fulfilment.windowId", "No such delivery window.");
            else date = windowDate.Value;
        }
        if (date < today) v.Add("fulfilment.date", "That day has passed.");
        if (!v.IsValid) return v.ToFailure();

        return new Draft(kind!.Value, date, channel!.Value, destination.Value, c.RecipientId,
            Clean(c.Occasion), Clean(c.CardMessage), c.Budget, lines, subtotal, c.PaymentMethodId,
            c.Fulfilment!.WindowId, c.Fulfilment.PartnerId, c.Fulfilment.LocationId, mayUseReserve, today, now);
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>The chosen option's promise and fee; <see cref="Open"/> is false when it was already full or closed when read.</summary>
    private sealed record Fulfilment(FulfilmentKind Kind, Guid? LocationId, string Promise, decimal Fee, DateTime? From, DateTime? By, bool Open = true);

    private static async Task<Result<Placed>> ReserveAndSaveAsync(
        RapportDb db, Orderer orderer, Customer customer, Draft d, Fulfilment promised, IdempotencyRecord? claim, OrderDesk desk, CancellationToken ct)
    {
        if (d.Kind == OptionKind.Partner) await EnsurePartnerDayAsync(db, desk, d.PartnerId!.Value, d.Date, ct);
        // The business's "every order" rules are read now, so that the transaction below only writes.
        var rules = await OrderTouches.ActiveRulesAsync(db, TouchTrigger.EveryOrder, ct);
        var touching = new Touching(rules, await OrderTouches.EmailAsync(db, rules, customer.Id, ct));

        string refusal;
        using (await desk.Gate.EnterAsync(db, ct))
        {
            var number = await desk.Numbers.NextAsync(db, ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var reserved = d.Kind switch
            {
                OptionKind.Partner => await db.PartnerDays
                    .Where(p => p.PartnerId == d.PartnerId && p.Date == d.Date && p.Booked < p.Capacity)
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.Booked, p => p.Booked + 1), ct),
                OptionKind.Pickup => 1,
                _ => await ReserveWindowAsync(db, d.WindowId!.Value, d.Kind == OptionKind.LoyaltyReserve, d.Now, ct),
            };
            if (reserved == 1)
            {
                var answer = Record(db, orderer, customer, d, promised, number, claim, touching);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                RapportMetrics.OrderPlaced(Metric(d.Channel));
                return answer;
            }
            await tx.RollbackAsync(ct);
            RapportMetrics.ReservationConflict(d.Kind switch
            {
                OptionKind.Partner => "partner", OptionKind.LoyaltyReserve => "reserve", _ => "window",
            });
            refusal = d.Kind switch
            {
                OptionKind.Partner => "The partner florist is full that day.",
                OptionKind.LoyaltyReserve => "That window is full, reserve included, or past its cutoff.",
                _ => "That window is full or past its cutoff.",
            };
        }
        // Alternatives are worked out after the writer queue is let go.
        return await RefusedAsync(db, customer, d, refusal, ct);
    }

    /// <summary>The business's touch rules for every order, and the customer's address for those that e-mail.</summary>
    private sealed record Touching(IReadOnlyList<BusinessTouchRule> Rules, string? Email);

    /// <summary>
    /// Adds the order, its first step, its stop, its timeline entry, its audit row and the touches every order gets
    /// to the unit of work.
    /// </summary>
    private static Placed Record(
        RapportDb db, Orderer orderer, Customer customer, Draft d, Fulfilment promised, long number, IdempotencyRecord? claim, Touching touching)
    {
        var order = new Order
        {
            Number = number,
            CustomerId = customer.Id,
            RecipientId = d.RecipientId,
            RecipientName = d.Destination?.RecipientName ?? customer.Name,
            RecipientPhone = d.Destination?.RecipientPhone,
            DeliveryAddress = promised.Kind == FulfilmentKind.Pickup ? null : d.Destination?.Address,
            Occasion = d.Occasion,
            CardMessage = d.CardMessage,
            Channel = d.Channel,
            Fulfilment = promised.Kind,
            FulfilmentDate = d.Date,
            LocationId = promised.LocationId,
            WindowId = promised.Kind == FulfilmentKind.Delivery ? d.WindowId : null,
            PartnerId = d.PartnerId,
            FromLoyaltyReserve = d.Kind == OptionKind.LoyaltyReserve,
            PromisedFrom = promised.From,
            PromisedBy = promised.By,
            Promise = promised.Promise,
            Budget = d.Budget,
            Subtotal = d.Subtotal,
            DeliveryFee = promised.Fee,
            Total = d.Subtotal + promised.Fee,
            PaymentMethodId = d.PaymentMethodId,
            PlacedAt = d.Now,
            UpdatedAt = d.Now,
            PlacedByStaffId = orderer.Staff?.StaffId,
            PlacedByAccountId = orderer.AccountId,
        };
        foreach (var line in d.Lines) line.OrderId = order.Id;
        order.Lines.AddRange(d.Lines);
        order.History.Add(new OrderStatusChange
        {
            OrderId = order.Id, Status = OrderStatus.Placed, At = d.Now, StaffId = orderer.Staff?.StaffId, StaffName = orderer.Staff?.Name ?? "Customer (shop)",
        });
        db.Orders.Add(order);
        if (promised.Kind == FulfilmentKind.Delivery)
            db.DeliveryStops.Add(new DeliveryStop
            {
                CustomerId = customer.Id, RecipientId = d.RecipientId, Date = d.Date, OrderId = order.Id, WindowId = d.WindowId, LocationId = promised.LocationId,
            });
        TimelineEntries.Record(db, customer.Id, d.Now, d.Now,
            d.Channel switch { OrderChannel.Phone => Channel.Phone, OrderChannel.WalkIn => Channel.Visit, _ => Channel.Web },
            Direction.Inbound, Tone.Positive,
            $"Order {number} placed: {Describe(order)}{(order.RecipientName is { } to && order.RecipientId is not null ? $" for {to}" : "")}. {order.Promise}.",
            EntryAuthor.Of(orderer.Staff), orderId: order.Id);
        var touches = OrderTouches.Plan(touching.Rules, TouchTrigger.EveryOrder, new OrderFacts(order.Id, number, customer.Id,
            order.RecipientName ?? customer.Name, d.RecipientId is not null, OrderOptions.IsLoyal(customer, d.Now), touching.Email, customer.Name,
            d.Date, order.Promise), d.Today);
        OrderTouches.AddForNewOrder(db, touches, customer.Id, order.Id, d.Now);
        customer.NoteActivity(d.Now);

        var answer = new Placed(order.Id, order.Number, order.Status, order.Promise, order.FulfilmentDate, order.Subtotal, order.DeliveryFee, order.Total);
        var audit = new { order.Number, order.Status, order.Fulfilment, order.FulfilmentDate, order.WindowId, order.PartnerId, order.Total };
        if (orderer.Staff is { } staff) db.Audit(staff, "Order", order.Id, "placed", null, audit);
        else db.Audit(orderer.AccountId, "Customer (shop)", "Order", order.Id, "placed", null, audit);
        if (claim is not null) Idempotency.Complete(claim, answer, d.Now);

        return answer;
    }

    /// <summary>"Designer's choice $85" or "2 × Red roses, 1 × Vase".</summary>
    public static string Describe(Order order) =>
        order.Budget is { } budget
            ? $"{order.Lines.FirstOrDefault()?.Description ?? "Designer's choice"} {budget.ToString("0.##", CultureInfo.InvariantCulture)}"
            : string.Join(", ", order.Lines.Select(l => $"{l.Quantity} × {l.Description}"));

    // One statement decides: only a window with room left for this customer, before its cutoff, is booked.
    private static Task<int> ReserveWindowAsync(RapportDb db, Guid windowId, bool fromReserve, DateTime now, CancellationToken ct) =>
        fromReserve
            ? db.DeliveryWindows.Where(w => w.Id == windowId && w.Cutoff > now && w.Booked < w.Capacity)
                .ExecuteUpdateAsync(s => s.SetProperty(w => w.Booked, w => w.Booked + 1), ct)
            : db.DeliveryWindows.Where(w => w.Id == windowId && w.Cutoff > now && w.Booked < w.Capacity - w.LoyaltyReserve)
                .ExecuteUpdateAsync(s => s.SetProperty(w => w.Booked, w => w.Booked + 1), ct);

    /// <summary>The promise and fee of the chosen option, or null when it cannot be promised at all (out of zone, closed).</summary>
    private static async Task<Fulfilment?> PromiseAsync(RapportDb db, Draft d, CancellationToken ct)
    {
        var postcode = d.Destination?.Address?.PostalCode.Trim();
        switch (d.Kind)
        {
            case OptionKind.Partner:
                var partner = await db.Partners.AsNoTracking().Where(p => p.Id == d.PartnerId && p.Active)
                    .Select(p => new { p.Name, p.Fee }).FirstOrDefaultAsync(ct);
                return partner is null ? null
                    : new Fulfilment(FulfilmentKind.Partner, null, Promises.Partner(null, d.Date, partner.Name), partner.Fee, null, null);
            case OptionKind.Pickup:
                var location = await db.Locations.AsNoTracking().Where(l => l.Id == d.LocationId && l.Active)
                    .Select(l => new { l.Id, l.Name, l.TimeZone, l.PickupUntil }).FirstOrDefaultAsync(ct);
                if (location is null) return null;
                var blocked = await db.BlockedDates.AnyAsync(b => b.Date == d.Date && (b.LocationId == null || b.LocationId == location.Id), ct);
                var until = BusinessClock.ToUtc(d.Date, location.PickupUntil, BusinessClock.Zone(location.TimeZone));
                return blocked || d.Now >= until ? null
                    : new Fulfilment(FulfilmentKind.Pickup, location.Id,
                        Promises.Pickup(null, d.Date, location.PickupUntil, location.Name), 0m, null, until);
            default:
                var window = await db.DeliveryWindows.AsNoTracking().Where(w => w.Id == d.WindowId)
                    .Select(w => new
                    {
                        w.LocationId, w.Date, w.Start, w.End, w.StartsAt, w.EndsAt, w.Cutoff, w.Booked, w.Capacity, w.LoyaltyReserve,
                        Location = db.Locations.Where(l => l.Id == w.LocationId).Select(l => l.Name).First(),
                        Fee = db.DeliveryZones.Where(z => z.LocationId == w.LocationId && z.PostalCode == postcode).Select(z => (decimal?)z.Fee).FirstOrDefault(),
                    }).FirstOrDefaultAsync(ct);
                if (window?.Fee is null) return null;
                return new Fulfilment(FulfilmentKind.Delivery, window.LocationId,
                    Promises.Delivery(null, window.Date, window.Start, window.End, window.Location, d.Kind == OptionKind.LoyaltyReserve),
                    window.Fee.Value, window.StartsAt, window.EndsAt,
                    Open: d.Now < window.Cutoff && window.Booked < window.Capacity - (d.Kind == OptionKind.LoyaltyReserve ? 0 : window.LoyaltyReserve));
        }
    }

    private static async Task EnsurePartnerDayAsync(RapportDb db, OrderDesk desk, Guid partnerId, DateOnly date, CancellationToken ct)
    {
        if (await db.PartnerDays.AnyAsync(p => p.PartnerId == partnerId && p.Date == date, ct)) return;
        var capacity = await db.Partners.Where(p => p.Id == partnerId).Select(p => p.DailyCapacity).FirstAsync(ct);
        var day = new PartnerDay { PartnerId = partnerId, Date = date, Capacity = capacity };
        using var _ = await desk.Gate.EnterAsync(db, ct);
        db.PartnerDays.Add(day);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Made by a concurrent order a moment ago; its row stands.
        }
        finally
        {
            db.Entry(day).State = EntityState.Detached;
        }
    }

    /// <summary>A channel as the metrics name it: phone, web, walkIn, standing.</summary>
    private static string Metric(OrderChannel channel) => JsonNamingPolicy.CamelCase.ConvertName(channel.ToString());

    private static async Task<Result<Placed>> RefusedAsync(RapportDb db, Customer customer, Draft d, string reason, CancellationToken ct)
    {
        RapportMetrics.OrderRefused(Metric(d.Channel));
        var situation = await OrderOptions.SituationAsync(db, d.Now, d.Today, d.Date, d.WindowId, d.MayUseReserve, d.Destination?.Address, ct);
        var answer = OrderOptions.Describe(situation, OrderOptions.IsLoyal(customer, d.Now));
        return Failure.Conflict(reason, new Dictionary<string, object?>
        {
            ["alternatives"] = answer.Options,
            ["script"] = answer.Script,
        });
    }
}

/// <summary>The process-wide parts of order intake: the SQLite writer queue and the order number blocks.</summary>
public sealed class OrderDesk(WriteGate gate, OrderNumbers numbers)
{
    public WriteGate Gate { get; } = gate;
    public OrderNumbers Numbers { get; } = numbers;
}
