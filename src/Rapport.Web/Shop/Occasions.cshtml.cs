using Microsoft.AspNetCore.Mvc;
using Rapport.Core.Common;
using Rapport.Core.Customers;
using Rapport.Core.Data;
using Rapport.Core.Occasions;
using Rapport.Core.Shop;
using Rapport.Web.Occasions;
using Rapport.Web.Shop;

namespace Rapport.Web.Shop;

/// <summary>
/// The customer's own occasions: the ones they added, and the ones the florist's records suggest, to confirm or
/// dismiss; the usual budget of each can be changed, and any can be removed.
/// </summary>
public sealed class OccasionsModel(ShopContext shop, RapportDb db, TimeProvider time) : ShopPageModel(shop)
{
    public IReadOnlyList<OccasionView> Occasions { get; private set; } = [];
    public IReadOnlyList<RecipientView> Recipients { get; private set; } = [];
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    /// <summary>The occasion whose budget form failed, to show its error beside it.</summary>
    public Guid? BudgetErrorFor { get; private set; }

    [BindProperty] public OccasionForm Form { get; set; } = new();
    [BindProperty] public decimal? Budget { get; set; }

    public DateTime? FeedIssuedAt { get; private set; }
    /// <summary>The feed URL, shown once, right after it is made.</summary>
    public string? FeedUrl { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostFeedAsync(CancellationToken ct)
    {
        FeedUrl = Rapport.Web.Occasions.CalendarEndpoints.FeedUrl(Request, await CalendarFeeds.IssueForShopAsync(db, Customer, time, ct));
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeFeedAsync(CancellationToken ct)
    {
        await CalendarFeeds.RevokeForShopAsync(db, Customer, ct);
        return Redirect(ShopPath("/occasions"));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var input = Form.Input();
        var added = await AddOccasion.HandleAsync(db, OccasionEditor.ForShop(Customer, ct), Customer.CustomerId, input, time, ct);
        if (added.Succeeded) return Redirect(ShopPath("/occasions"));
        return await FailedAsync(added.Failure, null, ct);
    }

    public async Task<IActionResult> OnPostConfirmAsync(Guid occasionId, CancellationToken ct) =>
        Done(await DecideOccasion.ConfirmAsync(db, OccasionEditor.ForShop(Customer, ct), occasionId, time, ct));

    /// <summary>Dismissing a proposal and removing a confirmed occasion are the same: it stays dismissed, never proposed again.</summary>
    public async Task<IActionResult> OnPostDismissAsync(Guid occasionId, CancellationToken ct) =>
        Done(await DecideOccasion.DismissAsync(db, OccasionEditor.ForShop(Customer, ct), occasionId, time, ct));

    public async Task<IActionResult> OnPostBudgetAsync(Guid occasionId, CancellationToken ct)
    {
        var changed = await ChangeOccasion.HandleAsync(db, OccasionEditor.ForShop(Customer, ct), occasionId,
            new ChangeOccasion.Command(Budget, Budget is null, null), time, ct);
        if (changed.Succeeded) return Redirect(ShopPath("/occasions"));
        return await FailedAsync(changed.Failure, occasionId, ct);
    }

    private IActionResult Done(Result<OccasionView> result) => result.Succeeded ? Redirect(ShopPath("/occasions")) : NotFound();

    private async Task<IActionResult> FailedAsync(Failure failure, Guid? budgetOf, CancellationToken ct)
    {
        if (failure.Kind == FailureKind.NotFound) return NotFound();
        Errors = failure.Errors?.ToDictionary(e => e.Key, e => e.Value) ?? new() { ["type"] = [failure.Title] };
        BudgetErrorFor = budgetOf;
        Response.StatusCode = failure.Kind == FailureKind.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        await LoadAsync(ct);
        return Page();
    }

    public string? Error(string field) => Errors.TryGetValue(field, out var m) ? string.Join(" ", m) : null;

    private async Task LoadAsync(CancellationToken ct)
    {
        Occasions = await ListOccasions.ForShopAsync(db, Customer, time, ct);
        Recipients = await ManageMyRecipients.ListAsync(db, Customer, ct);
        FeedIssuedAt = await CalendarFeeds.IssuedForShopAsync(db, Customer, ct);
    }
}
