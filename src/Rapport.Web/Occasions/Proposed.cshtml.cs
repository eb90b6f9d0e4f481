using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Data;
using Rapport.Core.Occasions;
using Rapport.Web.Hosting;
using Rapport.Web.Shared;

namespace Rapport.Web.Occasions;

/// <summary>The queue of proposed occasions across customers: confirm or dismiss one, several, or all the sure ones.</summary>
[Authorize(Policy = Policies.DecidesOccasions)]
public sealed class ProposedModel(RapportDb db, Actor actor, TimeProvider time) : PageModel
{
    public ProposedQueue Queue { get; private set; } = new([], 0, 1, ProposedOccasions.PageSize, 0);
    public string Currency { get; private set; } = "USD";
    /// <summary>What the last decision did ("Confirmed 3 occasions."), shown once after it.</summary>
    public string? Message { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? page, string? done, int? count, CancellationToken ct)
    {
        if (done is "confirmed" or "dismissed" && count is { } n)
            Message = n == 0 ? "Nothing to do: those occasions were already decided."
                : $"{(done == "confirmed" ? "Confirmed" : "Dismissed")} {n} occasion{(n == 1 ? "" : "s")}.";
        return await ShowAsync(page, ct);
    }

    /// <summary>Confirms the one occasion of a row's button, or the ones ticked.</summary>
    public Task<IActionResult> OnPostConfirmAsync(Guid? one, Guid[] ids, int? page, CancellationToken ct) =>
        DecideAsync(DecideOccasions.ConfirmAsync, new DecideOccasions.Command(one is { } id ? [id] : ids, null), page, ct);

    public Task<IActionResult> OnPostDismissAsync(Guid? one, Guid[] ids, int? page, CancellationToken ct) =>
        DecideAsync(DecideOccasions.DismissAsync, new DecideOccasions.Command(one is { } id ? [id] : ids, null), page, ct);

    /// <summary>Confirms every proposal at 95% or more.</summary>
    public Task<IActionResult> OnPostConfirmSureAsync(CancellationToken ct) =>
        DecideAsync(DecideOccasions.ConfirmAsync, new DecideOccasions.Command(null, ProposedOccasions.Sure), null, ct);

    private async Task<IActionResult> DecideAsync(
        Func<RapportDb, Actor, DecideOccasions.Command, TimeProvider, CancellationToken, Task<Result<DecideOccasions.Decided>>> decide,
        DecideOccasions.Command command, int? page, CancellationToken ct)
    {
        var result = await decide(db, actor, command, time, ct);
        if (result.Succeeded)
            return Redirect($"/app/occasions/proposed?done={(result.Value.Status == OccasionStatus.Confirmed ? "confirmed" : "dismissed")}&count={result.Value.Count}"
                + (page is > 1 ? $"&page={page}" : ""));
        if (this.Refusal(result.Failure) is { } refused) return refused;
        Error = result.Failure.Errors?.Values.SelectMany(m => m).FirstOrDefault() ?? result.Failure.Title;
        this.SetFormStatus(result.Failure);
        return await ShowAsync(page, ct);
    }

    private async Task<IActionResult> ShowAsync(int? page, CancellationToken ct)
    {
        var queue = await ProposedOccasions.ListAsync(db, actor, page, time, ct);
        if (!queue.Succeeded) return this.Refused(queue.Failure);
        Queue = queue.Value;
        Currency = await db.Businesses.Where(b => b.Id == actor.BusinessId).Select(b => b.Currency).FirstAsync(ct);
        return Page();
    }

    public int Pages => Math.Max(1, (Queue.Total + Queue.PageSize - 1) / Queue.PageSize);
    public static string Link(int page) => $"/app/occasions/proposed?page={page}";
}
