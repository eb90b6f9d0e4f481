using Microsoft.AspNetCore.Mvc;
using Rapport.Core.Common;
using Rapport.Core.Customers;
using Rapport.Core.Data;
using Rapport.Core.Orders;
using Rapport.Core.Shop;
using Rapport.Web.Hosting;
using Rapport.Web.Shared;
using Rapport.Web.Shop;

namespace Rapport.Web.Shop;

/// <summary>
/// Ordering in under a minute: what, for whom, which day, then one of the options that can be promised for that
/// day, a card message and a card on file. One plain form; "Show delivery times" refreshes the options without
/// JavaScript, and a small script does it as soon as a choice changes.
/// </summary>
public sealed class OrderModel(ShopContext shop, RapportDb db, OrderDesk desk, TimeProvider time, RapportOptions options) : ShopPageModel(shop)
{
    public const string ToMe = "me";

    [BindProperty(SupportsGet = true)] public Guid? Item { get; set; }
    [BindProperty(SupportsGet = true)] public int? Quantity { get; set; }
    [BindProperty(SupportsGet = true)] public decimal? Budget { get; set; }
    /// <summary>A recipient's id, or <see cref="ToMe"/>.</summary>
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? Date { get; set; }
    [BindProperty] public string? Occasion { get; set; }
    [BindProperty] public string? Choice { get; set; }
    [BindProperty] public string? CardMessage { get; set; }
    [BindProperty] public Guid? Card { get; set; }
    /// <summary>The idempotency key of this rendering of the form: a second click repeats the first answer.</summary>
    [BindProperty] public string? Key { get; set; }
    /// <summary>The basket's extras beside the main item (a vase, truffles): one per add-on on sale, 0 when not wanted.</summary>
    [BindProperty] public List<ExtraInput> Extras { get; set; } = [];

    public sealed class ExtraInput
    {
        public Guid ProductId { get; set; }
        public int? Quantity { get; set; }
    }

    /// <summary>The add-ons suggested beside the main item, in the order of <see cref="Extras"/>.</summary>
    public IReadOnlyList<ShopCatalogue.Item> AddOns { get; private set; } = [];

    public IReadOnlyList<ShopCatalogue.Item> Items { get; private set; } = [];
    public IReadOnlyList<RecipientView> Recipients { get; private set; } = [];
    public IReadOnlyList<PaymentMethodView> Cards { get; private set; } = [];
    public ShopOrderOptions.Answer? Options { get; private set; }
    /// <summary>Why the chosen option could not be booked, and what can be instead.</summary>
    public string? Refusal { get; private set; }
    public IReadOnlyList<OrderOptions.Option> Alternatives { get; private set; } = [];

    public Guid? RecipientId => Guid.TryParse(To, out var id) ? id : null;

    public static readonly string[] Occasions = ["Birthday", "Anniversary", "Valentine's Day", "Mother's Day", "Thank you", "Get well", "Sympathy", "Congratulations", "Just because"];

    private static readonly Dictionary<string, string> Fields = new()
    {
        ["itemId"] = nameof(Item), ["lines"] = nameof(Item), ["lines[0].productId"] = nameof(Item), ["lines[0].quantity"] = nameof(Quantity),
        ["budget"] = nameof(Budget), ["recipientId"] = nameof(To), ["address"] = nameof(To), ["date"] = nameof(Date),
        ["fulfilment"] = nameof(Choice), ["fulfilment.kind"] = nameof(Choice), ["fulfilment.windowId"] = nameof(Choice),
        ["fulfilment.partnerId"] = nameof(Choice), ["fulfilment.locationId"] = nameof(Choice), ["fulfilment.date"] = nameof(Date),
        ["paymentMethodId"] = nameof(Card), ["cardMessage"] = nameof(CardMessage), ["occasion"] = nameof(Occasion), ["Idempotency-Key"] = "",
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    /// <summary>The same form again with the options for what is chosen now; nothing is placed.</summary>
    public async Task<IActionResult> OnPostTimesAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            // Only the extras asked for go in the basket; each keeps its place on the form for its messages.
            var chosen = Extras.Select((e, index) => (e, index)).Where(x => x.e.Quantity is not (null or 0)).ToList();
            var byBudget = Item is { } itemId && (await ShopCatalogue.ItemsAsync(db, ct)).FirstOrDefault(i => i.Id == itemId)?.IsDesignersChoice == true;
            var first = PlaceShopOrder.Command.FirstExtraLine(byBudget);
            var placed = await PlaceShopOrder.HandleAsync(db, Customer, Key,
                new(Item, Quantity, Budget, RecipientId, Occasion, DeliveryChoice.Parse(Choice), Card, CardMessage,
                    chosen.Select(x => new PlaceOrder.LineInput(x.e.ProductId, x.e.Quantity)).ToList()), desk, time, ct,
                id => $"{options.PublicUrl}{ShopPath($"/orders/{id}")}");
            if (placed.Succeeded) return Redirect(ShopPath($"/orders/{placed.Value.Id}?placed=true"));
            var failure = placed.Failure;
            switch (failure.Kind)
            {
                case FailureKind.Conflict:
                    Refusal = failure.Title;
                    Alternatives = failure.Extensions?.GetValueOrDefault("alternatives") as IReadOnlyList<OrderOptions.Option> ?? [];
                    Response.StatusCode = StatusCodes.Status409Conflict;
                    break;
                case FailureKind.Invalid:
                    ModelState.AddFailure(failure, f => FieldOf(f, first, chosen.Select(x => x.index).ToList()));
                    Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                    break;
                default:
                    return NotFound();
            }
        }
        else Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    /// <summary>
    /// The form field a use case's field names: a line of the basket (<c>lines[1].productId</c>) is the main item's
    /// or one of the extras' quantity, by its place among the lines.
    /// </summary>
    private static string FieldOf(string field, int firstExtra, IReadOnlyList<int> extraPlaces)
    {
        var match = System.Text.RegularExpressions.Regex.Match(field, @"^lines\[(\d+)\]\.(\w+)$");
        if (match.Success && int.TryParse(match.Groups[1].Value, out var line))
        {
            if (line < firstExtra) return match.Groups[2].Value == "quantity" ? nameof(Quantity) : nameof(Item);
            return line - firstExtra < extraPlaces.Count ? $"Extras[{extraPlaces[line - firstExtra]}].Quantity" : nameof(Item);
        }
        return Fields.GetValueOrDefault(field) ?? field;
    }

    /// <summary>Fills the form's lists, defaults and options; false when it names another customer's recipient.</summary>
    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Items = await ShopCatalogue.ItemsAsync(db, ct);
        AddOns = Items.Where(i => ShopCatalogue.IsAddOn(i.Category) && !i.IsDesignersChoice).ToList();
        // One extra per add-on, keeping what was typed (a posted extra no longer on sale stays, to show its message).
        var typed = Extras.Where(e => e.ProductId != Guid.Empty).GroupBy(e => e.ProductId).ToDictionary(g => g.Key, g => g.First().Quantity);
        Extras = AddOns.Select(a => new ExtraInput { ProductId = a.Id, Quantity = typed.GetValueOrDefault(a.Id) ?? 0 })
            .Concat(Extras.Where(e => e.ProductId != Guid.Empty && AddOns.All(a => a.Id != e.ProductId))).ToList();
        Recipients = await ManageMyRecipients.ListAsync(db, Customer, ct);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        Cards = (await ManageMyCards.ListAsync(db, Customer, ct))
            .Where(c => OrderDraft.IsValid(c.ExpMonth, c.ExpYear, today)).ToList();

        // Sold by budget first: most orders are "a bouquet for $85, you choose".
        Item ??= Items.FirstOrDefault(i => i.IsDesignersChoice)?.Id;
        Quantity ??= 1;
        To ??= Recipients.Count > 0 ? Recipients[0].Id.ToString() : ToMe;
        Card ??= Cards.Count > 0 ? Cards[^1].Id : null;
        Key = Guid.NewGuid().ToString("N");

        var options = await ShopOrderOptions.HandleAsync(db, Customer, new(RecipientId, Date), time, ct);
        if (!options.Succeeded)
        {
            if (options.Failure.Kind == FailureKind.NotFound) return false;
            ModelState.AddFailure(options.Failure, Fields);
            return true;
        }
        Options = options.Value;
        Date = Options.Date;
        if (Choice is null || !Options.Options.Any(o => DeliveryChoice.Of(o).Value == Choice))
            Choice = Options.Options.Count > 0 ? DeliveryChoice.Of(Options.Options[0]).Value : null;
        return true;
    }
}
