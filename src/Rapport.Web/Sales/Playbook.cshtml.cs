using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Core.Businesses;
using Rapport.Core.Customers;
using Rapport.Core.Data;
using Rapport.Core.Sales;
using Rapport.Web.Hosting;
using Rapport.Web.Shared;

namespace Rapport.Web.Sales;

/// <summary>
/// Writes a playbook (id "new") or its next version: stages, their steps (questionnaire questions, committee roles,
/// checklist items, documents, approval) and the promise's milestones. Rows are added with buttons that bring the form
/// back one row longer and removed with their "Remove" box, all without JavaScript; only "Save" writes.
/// </summary>
[Authorize(Policy = Policies.ManagesSales)]
public sealed class PlaybookModel(RapportDb db, Actor actor, TimeProvider time) : PageModel
{
    [BindProperty] public PlaybookForm Form { get; set; } = new();

    public PlaybookView? Current { get; private set; }
    public bool Creating { get; private set; }
    /// <summary>Errors by the use case's field names, e.g. "stages[1].steps[0].title".</summary>
    public Dictionary<string, string> Errors { get; } = new();

    public string? Error(string key) => Errors.GetValueOrDefault(key);
    public string Invalid(string key) => Errors.ContainsKey(key) ? "is-invalid" : "";

    public sealed class PlaybookForm
    {
        public string? Name { get; set; }
        public string? ProductLine { get; set; }
        public List<StageForm> Stages { get; set; } = [];
        public List<MilestoneForm> Milestones { get; set; } = [];
    }

    public sealed class StageForm
    {
        public string? Name { get; set; }
        public bool Remove { get; set; }
        public List<StepForm> Steps { get; set; } = [];
    }

    public sealed class StepForm
    {
        public Guid? Id { get; set; }
        public StepKind? Kind { get; set; }
        public string? Title { get; set; }
        public bool Remove { get; set; }
        public List<BuyingRole> Roles { get; set; } = [];
        public List<QuestionForm> Questions { get; set; } = [];
    }

    public sealed class QuestionForm
    {
        public Guid? Id { get; set; }
        public string? Text { get; set; }
        public QuestionType? Type { get; set; }
        /// <summary>One option a line.</summary>
        public string? Choices { get; set; }
        public bool Required { get; set; }
        public bool Remove { get; set; }
    }

    public sealed class MilestoneForm
    {
        public Guid? Id { get; set; }
        public string? Title { get; set; }
        public string? FromStage { get; set; }
        public int? Days { get; set; }
        public string? CompletedOnStage { get; set; }
        public bool Remove { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (id == "new")
        {
            Creating = true;
            Form.Stages = new[] { "Qualify", "Discover", "Propose", "Commit", "Signed" }.Select(n => new StageForm { Name = n }).ToList();
            return Page();
        }
        if (!Guid.TryParse(id, out var playbookId)) return NotFound();
        var found = await ManagePlaybooks.GetAsync(db, actor, playbookId, null, ct);
        if (!found.Succeeded) return NotFound();
        Current = found.Value;
        Form = FormOf(Current);
        return Page();
    }

    /// <param name="add">"stage", "milestone", "step:{stage}" or "question:{stage}:{step}": the row to add before the form comes back.</param>
    public async Task<IActionResult> OnPostAsync(string id, string? add, CancellationToken ct)
    {
        Creating = id == "new";
        Guid playbookId = default;
        if (!Creating && !Guid.TryParse(id, out playbookId)) return NotFound();
        if (!Creating)
        {
            var found = await ManagePlaybooks.GetAsync(db, actor, playbookId, null, ct);
            if (!found.Succeeded) return NotFound();
            Current = found.Value;
        }
        Prune();
        if (add is not null)
        {
            Add(add);
            ModelState.Clear();
            return Page();
        }
        var input = InputOf(Form);
        var saved = Creating
            ? await ManagePlaybooks.CreateAsync(db, actor, input, time, ct)
            : await ManagePlaybooks.ReviseAsync(db, actor, playbookId, input, time, ct);
        if (saved.Succeeded) return Redirect($"/app/sales/playbooks/{saved.Value.Id}?saved={saved.Value.Version}");
        if (this.Refusal(saved.Failure) is { } refused) return refused;
        foreach (var (key, messages) in PageResults.FieldErrors(saved.Failure, f => f)) Errors[key] = string.Join(" ", messages);
        this.SetFormStatus();
        ModelState.Clear();
        return Page();
    }

    // Rows marked "Remove" go before anything else, so the use case's row numbers match the form's.
    private void Prune()
    {
        Form.Stages = Form.Stages.Where(s => !s.Remove).ToList();
        foreach (var stage in Form.Stages)
        {
            stage.Steps = stage.Steps.Where(s => !s.Remove).ToList();
            foreach (var step in stage.Steps) step.Questions = step.Questions.Where(q => !q.Remove).ToList();
        }
        Form.Milestones = Form.Milestones.Where(m => !m.Remove).ToList();
    }

    private void Add(string what)
    {
        var parts = what.Split(':');
        if (parts[0] == "stage") Form.Stages.Add(new StageForm());
        else if (parts[0] == "milestone") Form.Milestones.Add(new MilestoneForm { Days = 7 });
        else if (parts[0] == "step" && parts.Length == 2 && int.TryParse(parts[1], out var s) && s < Form.Stages.Count)
            Form.Stages[s].Steps.Add(new StepForm { Kind = StepKind.Checklist });
        else if (parts[0] == "question" && parts.Length == 3 && int.TryParse(parts[1], out var si) && int.TryParse(parts[2], out var st)
                 && si < Form.Stages.Count && st < Form.Stages[si].Steps.Count)
            Form.Stages[si].Steps[st].Questions.Add(new QuestionForm { Type = QuestionType.Text });
    }

    private static PlaybookForm FormOf(PlaybookView p) => new()
    {
        Name = p.Name, ProductLine = p.ProductLine,
        Stages = p.Stages.Select(s => new StageForm
        {
            Name = s.Name,
            Steps = s.Steps.Select(step => new StepForm
            {
                Id = step.Id, Kind = step.Kind, Title = step.Title, Roles = step.Roles.ToList(),
                Questions = step.Questions.Select(q => new QuestionForm
                {
                    Id = q.Id, Text = q.Text, Type = q.Type, Choices = string.Join("\n", q.Choices), Required = q.Required,
                }).ToList(),
            }).ToList(),
        }).ToList(),
        Milestones = p.Milestones.Select(m => new MilestoneForm { Id = m.Id, Title = m.Title, FromStage = m.FromStage, Days = m.Days, CompletedOnStage = m.CompletedOnStage }).ToList(),
    };

    private static PlaybookInput InputOf(PlaybookForm f) => new(f.Name, f.ProductLine,
        f.Stages.Select(s => new StageInput(s.Name, s.Steps.Select(step => new StepInput(step.Id, step.Kind, step.Title,
            step.Kind == StepKind.Questionnaire
                ? step.Questions.Select(q => new QuestionInput(q.Id, q.Text, q.Type,
                    (q.Choices ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), q.Required)).ToList()
                : null,
            step.Roles)).ToList())).ToList(),
        f.Milestones.Select(m => new MilestoneInput(m.Id, m.Title, m.FromStage, m.Days, m.CompletedOnStage)).ToList());
}
