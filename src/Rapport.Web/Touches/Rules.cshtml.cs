using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Data;
using Rapport.Core.Sales;
using Rapport.Core.Touches;
using Rapport.Web.Hosting;
using Rapport.Web.Shared;

namespace Rapport.Web.Touches;

/// <summary>
/// The business's touch rules: what every order (or every delivery) gets, by process. Everyone reads them; owners and
/// managers add one beside the list and stop one after a confirm. The report shows how consistently they are given.
/// </summary>
public sealed class TouchRulesModel(RapportDb db, Actor actor, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? After { get; set; }

    public Page<TouchRuleView> Rules { get; private set; } = new([], null);
    /// <summary>The touches the playbooks' stages give, shown beside the business's rules.</summary>
    public IReadOnlyList<PlaybookTouchView> StageTouches { get; private set; } = [];
    public bool EditsPlaybooks => actor.Role.ManagesSales();
    public IReadOnlyList<(Guid Id, string Name)> Staff { get; private set; } = [];
    public bool MayChange => actor.Role.ManagesTouches();
    public bool SeesReport => actor.Role.SeesReports();
    public string? Saved { get; private set; }

    [BindProperty] public RuleForm Form { get; set; } = new();

    public sealed class RuleForm
    {
        public string? Title { get; set; }
        public TouchTrigger? Trigger { get; set; } = TouchTrigger.EveryOrder;
        public TouchAction? Action { get; set; } = TouchAction.Task;
        public string? Subject { get; set; }
        public string? Body { get; set; }
        public TouchAudience? Audience { get; set; } = TouchAudience.Everyone;
        public Guid? AssigneeId { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string? saved, CancellationToken ct)
    {
        Saved = saved;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var f = Form;
        // An e-mail's words are only sent for an e-mail rule: a task ignores what was typed there before switching.
        var email = f.Action == TouchAction.Email;
        var created = await ManageTouchRules.CreateAsync(db, actor,
            new(f.Title, f.Trigger, f.Action, email ? f.Subject : null, email ? f.Body : null, f.Audience, f.AssigneeId), time, ct);
        if (created.Succeeded) return RedirectToPage(new { saved = created.Value!.Title });
        if (created.Failure!.Kind == FailureKind.Forbidden) return Forbid();
        this.ShowOnForm(created.Failure, Fields);
        await LoadAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostStopAsync(Guid ruleId, CancellationToken ct) => SetActiveAsync(ruleId, false, ct);

    public Task<IActionResult> OnPostStartAsync(Guid ruleId, CancellationToken ct) => SetActiveAsync(ruleId, true, ct);

    private async Task<IActionResult> SetActiveAsync(Guid ruleId, bool active, CancellationToken ct)
    {
        var changed = await ManageTouchRules.UpdateAsync(db, actor, ruleId, new(Active: active), time, ct);
        if (changed.Succeeded) return RedirectToPage();
        if (this.Refusal(changed.Failure!) is { } refused) return refused;
        // Starting a rule again can meet the limit of active rules: say so above the list.
        this.ShowOnForm(changed.Failure!, AboveTheList);
        await LoadAsync(ct);
        return Page();
    }

    private static readonly Dictionary<string, string> AboveTheList = new() { ["active"] = "", ["trigger"] = "" };

    private static readonly Dictionary<string, string> Fields = new()
    {
        ["title"] = "Form.Title", ["trigger"] = "Form.Trigger", ["action"] = "Form.Action", ["subject"] = "Form.Subject",
        ["body"] = "Form.Body", ["audience"] = "Form.Audience", ["assigneeId"] = "Form.AssigneeId",
    };

    private async Task LoadAsync(CancellationToken ct)
    {
        var listed = await ManageTouchRules.ListAsync(db, new(After: After), ct);
        if (!listed.Succeeded)
        {
            ModelState.AddModelError("", "That page of the list does not exist any more: showing the first.");
            After = null;
            listed = await ManageTouchRules.ListAsync(db, new(), ct);
        }
        Rules = listed.Value!;
        StageTouches = await PlaybookTouches.ListAsync(db, ct);
        if (MayChange)
            Staff = (await db.Staff.AsNoTracking().Where(s => s.BusinessId == actor.BusinessId && s.Role != StaffRole.Delivery)
                    .OrderBy(s => s.DisplayName).Select(s => new { s.Id, s.DisplayName }).ToListAsync(ct))
                .Select(s => (s.Id, s.DisplayName)).ToList();
    }

    public static string How(TouchRuleView rule) => rule.Action == TouchAction.Email ? $"E-mail \u201c{rule.Subject}\u201d" : "Task";
}
