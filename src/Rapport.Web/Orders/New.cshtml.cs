using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Customers;
using Rapport.Core.Data;
using Rapport.Core.Orders;
using Rapport.Web.Hosting;
using Rapport.Web.Shared;

namespace Rapport.Web.Orders;

/// <summary>
/// The one-line phone order: find the caller in one field, check the order drafted from their file, place it in
/// one keystroke. A window that cannot be promised is answered with the alternatives and the script, never a no.
/// </summary>
[Authorize(Policy = Policies.TakesOrders)]
public sealed class NewOrderModel(RapportDb db, Actor actor, TimeProvider time, OrderDesk desk) : PageModel
{
    /// <summary>How many of the customer's latest orders the page shows.</summary>
    public const int RecentOrders = 5;

    private Customer? caller;
    private IReadOnlyList<OrderDraft.PastOrder> past = [];
    private DateOnly today;

    public Actor Actor => actor;
    [BindProperty(SupportsGet = true)] public Guid? CustomerId { get; set; }
    [BindProperty(SupportsGet = true)] public OrderForm Form { get; set; } = new();

    public CustomerFile? Customer { get; private set; }
    public IReadOnlyList<PastOrderRow> Orders { get; private set; } = [];
    public IReadOnlyList<PaymentMethodView> Cards { get; private set; } = [];
    public IReadOnlyList<string> Occasions { get; private set; } = [];
    public DeliveryChoices.Menu? Menu { get; private set; }
    public string? MenuError { get; private set; }
    public ConflictView? Conflict { get; private set; }
    public PlaceOrder.Placed? Placed { get; private set; }
    public TurnedAwayView? TurnedAway { get; private set; }
    public CallersView? Callers { get; private set; }
    /// <summary>The card part's watch for a card added through a card link (<c>_CardWait</c>).</summary>
    public CardWaitView? CardWait { get; private set; }
    /// <summary>Each render of the form gets a key of its own, so pressing Enter twice places one order.</summary>
    public string NewIdempotencyKey { get; } = Guid.NewGuid().ToString();

    public sealed record PastOrderRow(long Number, DateOnly Date, string? Occasion, string? Recipient, string What, decimal Total, OrderStatus Status);

    public sealed record ConflictView(string Reason, IReadOnlyList<OrderOptions.Option> Alternatives, IReadOnlyList<string> Script);

    public sealed record CallersView(string? Q, IReadOnlyList<CustomerSummary> Items, string? Error);

    /// <summary>
    /// Whether a card link for the caller is still out (<paramref name="Waiting"/>: the form then looks again every few
    /// seconds), the valid cards on file, newest first, and which of them came through a link since <paramref name="Since"/>
    /// (Unix seconds, when the form was drawn); <paramref name="Expired"/> when a link ran out unused since then.
    /// </summary>
    public sealed record CardWaitView(Guid CustomerId, string CustomerName, bool Waiting, long Since, IReadOnlyList<PaymentMethodView> Cards, IReadOnlyList<Guid> Added, bool Expired);

    public sealed class OrderForm
    {
        public Guid? CustomerId { get; set; }
        public string? IdempotencyKey { get; set; }
        public decimal? Budget { get; set; }
        public Guid? PaymentMethodId { get; set; }
        public string? Occasion { get; set; }
        public Guid? RecipientId { get; set; }
        public string? Line1 { get; set; }
        public string? City { get; set; }
        public string? PostalCode { get; set; }
        public DateOnly? Date { get; set; }
        /// <summary>A <see cref="DeliveryChoice.Value"/> from the list of windows and options.</summary>
        public string? Choice { get; set; }
        /// <summary>The alternative picked after the chosen window could not be promised; it wins over <see cref="Choice"/>.</summary>
        public string? Alternative { get; set; }
        public string? CardMessage { get; set; }
        public OrderChannel Channel { get; set; } = OrderChannel.Phone;
        public int? OptionsOffered { get; set; }
        public string? DeclineReason { get; set; }

        /// <summary>An address typed for this order, or null to use the recipient's (or the customer's own).</summary>
        public PostalAddress? Address() =>
            string.IsNullOrWhiteSpace(Line1) && string.IsNullOrWhiteSpace(PostalCode) ? null
                : new PostalAddress { Line1 = Line1?.Trim() ?? "", City = City?.Trim() ?? "", PostalCode = PostalCode?.Trim() ?? "" };

        /// <summary>Where each field of the order use case shows its errors.</summary>
        public static readonly Dictionary<string, string> Fields = new()
        {
            ["budget"] = "Form.Budget",
            ["lines"] = "Form.Budget",
            ["occasion"] = "Form.Occasion",
            ["cardMessage"] = "Form.CardMessage",
            ["recipientId"] = "Form.RecipientId",
            ["address"] = "Form.Line1",
            ["address.line1"] = "Form.Line1",
            ["address.city"] = "Form.City",
            ["address.postalCode"] = "Form.PostalCode",
            ["paymentMethodId"] = "Form.PaymentMethodId",
            ["channel"] = "Form.Channel",
            ["fulfilment"] = "Form.Choice",
            ["fulfilment.kind"] = "Form.Choice",
            ["fulfilment.windowId"] = "Form.Choice",
            ["fulfilment.partnerId"] = "Form.Choice",
            ["fulfilment.locationId"] = "Form.Choice",
            ["fulfilment.date"] = "Form.Date",
            ["date"] = "Form.Date",
            ["reason"] = "Form.DeclineReason",
            ["customerId"] = "",
            ["Idempotency-Key"] = "",
            ["optionsOffered"] = "",
        };
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (CustomerId is { } id && !await StartAsync(id, ct)) return NotFound();
        return Page();
    }

    /// <summary>Callers matching what is typed so far: a phone number in any format, a name or an e-mail.</summary>
    public async Task<IActionResult> OnGetCallersAsync(string? q, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(q)) return Partial("_Callers", new CallersView(q, [], null));
        var found = await SearchCustomers.HandleAsync(db, actor, new(q, 8, null), time, ct);
        return Partial("_Callers", found.Succeeded
            ? new CallersView(q, found.Value.Items, null)
            : new CallersView(q, [], string.Join(" ", found.Failure.Errors?.SelectMany(e => e.Value) ?? [found.Failure.Title])));
    }

    /// <summary>The caller picked: their file and the order drafted from it.</summary>
    public async Task<IActionResult> OnGetCustomerAsync(CancellationToken ct)
    {
        return CustomerId is { } id && await StartAsync(id, ct) ? Partial("_Desk", this) : NotFound();
    }

    /// <summary>
    /// The occasion said: whom it is usually for and how the card usually reads, from the last order for it. Only a
    /// suggestion (<c>_Draft</c>): the page applies it to the fields the person has not typed into.
    /// </summary>
    public async Task<IActionResult> OnGetOccasionAsync(CancellationToken ct)
    {
        if (Form.CustomerId is not { } id || !await LoadAsync(id, ct)) return NotFound();
        var draft = Draft();
        Form.RecipientId = draft.RecipientId;
        Form.CardMessage = draft.CardMessage;
        return Partial("_Draft", this);
    }

    /// <summary>
    /// Another recipient, address or date: where it goes, the windows and options for it and the price; the option
    /// picked stays picked while it is still offered, else the earliest is chosen.
    /// </summary>
    public async Task<IActionResult> OnGetDeliveryAsync(CancellationToken ct)
    {
        if (Form.CustomerId is not { } id || !await LoadAsync(id, ct)) return NotFound();
        ModelState.Clear();
        await LoadMenuAsync(Form.Choice, ct);
        return Partial("_DeliveryUpdate", this);
    }

    /// <summary>
    /// Has the caller added a card through a link? Asked when staff make a link and then every few seconds while one is
    /// out. The answer is only the card part's status and the cards on file: order-desk.js adds a card the list lacks,
    /// never redrawing the list or any other field.
    /// </summary>
    public async Task<IActionResult> OnGetCardWaitAsync(long? since, CancellationToken ct)
    {
        if (CustomerId is not { } id) return NotFound();
        var customer = await db.FindFileAsync(actor, id, ct);
        if (customer is null) return NotFound();
        today = await db.TodayAsync(time.GetUtcNow().UtcDateTime, ct);
        Response.Headers.CacheControl = "no-store";
        return Partial("_CardWait", await CardWaitAsync(customer, since, ct));
    }

    public async Task<IActionResult> OnPostPlaceAsync(CancellationToken ct)
    {
        if (Form.CustomerId is not { } id || !await LoadAsync(id, ct)) return NotFound();
        if (!ModelState.IsValid) return await ShowAsync(StatusCodes.Status422UnprocessableEntity, ct);

        var command = new PlaceOrder.Command(id, Form.RecipientId, Form.Address(), Form.Occasion, Form.Budget, null,
            DeliveryChoice.Parse(Form.Alternative ?? Form.Choice), Form.PaymentMethodId, Form.CardMessage, Form.Channel);
        var result = await PlaceOrder.HandleAsync(db, Orderer.ForStaff(actor), Form.IdempotencyKey, command, desk, time, ct);
        if (result.Succeeded)
        {
            Placed = result.Value;
            return Request.IsHtmx() ? Partial("_Placed", this) : Page();
        }

        var failure = result.Failure;
        if (this.Refusal(failure) is { } refused) return refused;
        if (failure is { Kind: FailureKind.Conflict, Extensions: { } extensions }
            && extensions.GetValueOrDefault("alternatives") is IReadOnlyList<OrderOptions.Option> alternatives)
            Conflict = new ConflictView(failure.Title, alternatives, extensions.GetValueOrDefault("script") as IReadOnlyList<string> ?? []);
        else ModelState.AddFailure(failure, OrderForm.Fields);
        return await ShowAsync(failure.FormStatus(), ct);
    }

    /// <summary>There is no refuse button: the customer declined every option offered, and that is recorded.</summary>
    public async Task<IActionResult> OnPostDeclinedAsync(CancellationToken ct)
    {
        if (Form.CustomerId is not { } id || !await LoadAsync(id, ct)) return NotFound();
        var result = await RecordTurnedAway.HandleAsync(db, actor,
            new(id, Form.Date, Form.OptionsOffered ?? 0, Form.DeclineReason, Form.Channel), time, ct);
        if (result.Succeeded)
        {
            TurnedAway = result.Value;
            return Request.IsHtmx() ? Partial("_TurnedAway", this) : Page();
        }
        if (this.Refusal(result.Failure) is { } refused) return refused;
        ModelState.AddFailure(result.Failure, OrderForm.Fields);
        return await ShowAsync(result.Failure.FormStatus(), ct);
    }

    /// <summary>The form again with what went wrong; htmx only swaps a 2xx answer in, so it gets 200.</summary>
    private async Task<IActionResult> ShowAsync(int status, CancellationToken ct)
    {
        await LoadMenuAsync(Form.Choice, ct);
        if (Request.IsHtmx()) return Partial("_Order", this);
        Response.StatusCode = status;
        return Page();
    }

    /// <summary>Loads the caller and drafts the order from their file: recipient, occasion, budget, card, card message.</summary>
    private async Task<bool> StartAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return false;
        var draft = Draft();
        Form = new OrderForm
        {
            CustomerId = id,
            RecipientId = draft.RecipientId,
            Occasion = draft.Occasion,
            Budget = draft.Budget,
            PaymentMethodId = draft.PaymentMethodId,
            CardMessage = draft.CardMessage,
            Date = Form.Date,
        };
        ModelState.Clear();
        await LoadMenuAsync(null, ct);
        return true;
    }

    /// <summary>The caller's file, past orders and cards; false when this staff member cannot see them.</summary>
    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var customer = await db.FindFileAsync(actor, id, ct);
        if (customer is null) return false;
        var now = time.GetUtcNow().UtcDateTime;
        today = await db.TodayAsync(now, ct);
        caller = customer;
        CustomerId = id;
        Customer = customer.ToFile(actor, now);
        CardWait = await CardWaitAsync(customer, null, ct);
        Cards = CardWait.Cards;

        past = await db.Orders.AsNoTracking().Where(o => o.CustomerId == id)
            .OrderByDescending(o => o.PlacedAt).Take(OrderDraft.History)
            .Select(o => new OrderDraft.PastOrder(o.PlacedAt, o.FulfilmentDate, o.RecipientId, o.Occasion, o.CardMessage))
            .ToListAsync(ct);
        Occasions = past.Where(o => !string.IsNullOrWhiteSpace(o.Occasion)).Select(o => o.Occasion!.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var recent = await db.Orders.AsNoTracking().Include(o => o.Lines)
            .Where(o => o.CustomerId == id).OrderByDescending(o => o.PlacedAt).Take(RecentOrders).ToListAsync(ct);
        Orders = recent.Select(o => new PastOrderRow(o.Number, o.FulfilmentDate, o.Occasion, o.RecipientName, PlaceOrder.Describe(o), o.Total, o.Status)).ToList();
        Form.Date ??= today;
        return true;
    }

    private async Task<CardWaitView> CardWaitAsync(Customer customer, long? since, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var from = since ?? now.ToUnixTimeSeconds();
        var fromAt = DateTimeOffset.FromUnixTimeSeconds(from).UtcDateTime;
        var waiting = await Core.Customers.CardLinks.AnyOutstandingAsync(db, customer.Id, time, ct);
        var added = await db.CardLinks.AsNoTracking()
            .Where(l => l.CustomerId == customer.Id && l.UsedAt >= fromAt && l.PaymentMethodId != null)
            .Select(l => l.PaymentMethodId!.Value).ToListAsync(ct);
        var expired = !waiting && await db.CardLinks.AnyAsync(l => l.CustomerId == customer.Id && l.UsedAt == null
            && l.ExpiresAt >= fromAt && l.ExpiresAt <= now.UtcDateTime, ct);
        var cards = customer.PaymentMethods.Where(p => OrderDraft.IsValid(p, today))
            .OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id).Select(PaymentMethodView.Of).ToList();
        return new CardWaitView(customer.Id, customer.Name, waiting, from, cards, added.Where(a => cards.Any(c => c.Id == a)).ToList(), expired);
    }

    /// <summary>How a card reads in the form's list of cards.</summary>
    public static string CardLabel(PaymentMethodView card) =>
        $"{card.Brand} ···· {card.Last4} ({card.ExpMonth:00}/{card.ExpYear})";

    private OrderDraft Draft() => OrderDraft.For(caller!, past, Form.Occasion, today);

    /// <summary>The date's windows and options; <paramref name="keep"/> stays chosen while it is still offered, else the earliest is.</summary>
    private async Task LoadMenuAsync(string? keep, CancellationToken ct)
    {
        var menu = await DeliveryChoices.HandleAsync(db, Orderer.ForStaff(actor),
            new(Form.CustomerId, Form.RecipientId, Form.Address(), Form.Date, null), time, ct);
        if (!menu.Succeeded)
        {
            MenuError = string.Join(" ", menu.Failure.Errors?.SelectMany(e => e.Value) ?? [menu.Failure.Title]);
            return;
        }
        Menu = menu.Value;
        Form.Choice = Menu.Choices.Any(c => c.Value == keep) ? keep : DeliveryChoices.Earliest(Menu.Choices, Menu.Date, Menu.Loyal)?.Value;
    }

    public static string Money(decimal amount) => amount.ToString("C", UsEnglish);

    public static string Fee(decimal fee) => fee == 0 ? "no fee" : $"{Money(fee)} fee";

    private static readonly CultureInfo UsEnglish = CultureInfo.GetCultureInfo("en-US");
}
