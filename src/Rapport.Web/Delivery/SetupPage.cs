using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Web.Hosting;
using Rapport.Web.Shared;

namespace Rapport.Web.Delivery;

/// <summary>
/// A delivery set-up page with many small forms (one per zone, window, block…). A form that fails comes
/// back with what was typed and its errors beside the fields; the others show what is on file.
/// Only owners and managers set up delivery (the policy holds for every page built on this one).
/// </summary>
[Authorize(Policy = Policies.ManagesDelivery)]
public abstract class SetupPage(Actor actor) : PageModel
{
    public Actor Actor => actor;

    /// <summary>The form that failed, e.g. "zone-{id}" or "new-zone"; null when none did.</summary>
    public string? FailedForm { get; private set; }

    /// <summary>The form's field as typed when it failed, else what is on file.</summary>
    public string? Value(string form, string field, object? onFile) =>
        FailedForm == form && Request.HasFormContentType && Request.Form.TryGetValue(field, out var typed) ? typed.ToString() : Format(onFile);

    public string? Error(string form, string field) => ModelState.TryGetValue($"{form}.{field}", out var e) ? e.Errors.FirstOrDefault()?.ErrorMessage : null;

    public string Invalid(string form, string field) => Error(form, field) is null ? "" : "is-invalid";

    /// <summary>The form's errors that belong to no field shown (e.g. the whole window overlaps), or its title.</summary>
    public IEnumerable<string> FormErrors(string form, params string[] shown) =>
        ModelState.Where(e => e.Key == form || (e.Key.StartsWith(form + ".", StringComparison.Ordinal) && !shown.Contains(e.Key[(form.Length + 1)..])))
            .SelectMany(e => e.Value?.Errors.Select(x => x.ErrorMessage) ?? []);

    /// <summary>
    /// After a change: back to the page on success (post, redirect, get); the page again with the failed form's
    /// errors; 404 or 403 as the use case says.
    /// </summary>
    protected async Task<IActionResult> AfterAsync(Failure? failure, string form, string back, Func<Task<bool>> reload)
    {
        if (failure is null) return Redirect(back);
        if (this.Refusal(failure) is { } refused) return refused;
        FailedForm = form;
        // A failure naming no field goes under the form's own key, shown above its fields.
        ModelState.AddFailure(failure, f => f.Length == 0 ? form : $"{form}.{f}");
        this.SetFormStatus(failure);
        return await reload() ? Page() : NotFound();
    }

    /// <summary>Values that did not bind (letters for a fee) as a failure naming their fields, before any use case runs.</summary>
    protected Failure? Unbound()
    {
        if (ModelState.IsValid) return null;
        // "location.SameDayCutoff" → "sameDayCutoff", the use cases' name for the field.
        var errors = ModelState.Where(e => e.Value?.Errors.Count > 0)
            .Select(e => e.Key[(e.Key.LastIndexOf('.') + 1)..])
            .Distinct()
            .ToDictionary(k => k.Length == 0 ? k : char.ToLowerInvariant(k[0]) + k[1..], _ => new[] { "Not a valid value." });
        ModelState.Clear();
        return Failure.Invalid(errors);
    }

    private static string? Format(object? value) => value switch
    {
        null => null,
        TimeOnly t => t.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        decimal m => m.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
