using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Core.Common;

namespace Rapport.Web.Shared;

/// <summary>
/// The pages' counterpart of <c>ApiResults</c>: a use case's failure becomes the page's response in one place.
/// A failure about the request as a whole (not found, forbidden) is answered as such; one about what was typed
/// (invalid, conflict) goes beside the form's fields and the page is shown again with 422 (409 for a conflict).
/// </summary>
public static class PageResults
{
    /// <summary>404 or 403 for a failure about the request as a whole; null for one the form shows.</summary>
    /// <remarks>Forbid() goes through the staff cookie, which sends a page to /denied (htmx gets 403 and HX-Redirect).</remarks>
    public static IActionResult? Refusal(this PageModel page, Failure failure) => failure.Kind switch
    {
        FailureKind.NotFound => page.NotFound(),
        FailureKind.Forbidden => page.Forbid(),
        _ => null,
    };

    /// <summary>For a failure no form shows: 403 when the use case refused the staff member, else 404.</summary>
    public static IActionResult Refused(this PageModel page, Failure failure) =>
        failure.Kind == FailureKind.Forbidden ? page.Forbid() : page.NotFound();

    /// <summary>The status of a page shown again with a use case's failure: 409 for a conflict, else 422.</summary>
    public static int FormStatus(this Failure failure) =>
        failure.Kind == FailureKind.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;

    /// <summary>Sets the status of a page shown again with its form's messages: 422 (409 for a conflict).</summary>
    public static void SetFormStatus(this PageModel page, Failure? failure = null) =>
        page.Response.StatusCode = failure?.FormStatus() ?? StatusCodes.Status422UnprocessableEntity;

    /// <summary>The failure beside the model's fields (<paramref name="fields"/> maps the use case's names to the form's) and the status for showing it.</summary>
    public static void ShowOnForm(this PageModel page, Failure failure, IReadOnlyDictionary<string, string>? fields = null)
    {
        page.ModelState.AddFailure(failure, fields);
        page.SetFormStatus(failure);
    }

    /// <summary>The failure under a section of the page's <see cref="FormMessages"/> and the status for showing it.</summary>
    public static void ShowOnForm(this PageModel page, FormMessages form, Failure failure, string section, Func<string, string>? field = null)
    {
        form.Add(failure, section, field);
        page.SetFormStatus(failure);
    }

    /// <summary>Shows a use case's field errors beside the form fields they belong to; a failure without fields goes above the form.</summary>
    public static void AddFailure(this ModelStateDictionary state, Failure failure, IReadOnlyDictionary<string, string>? fields = null) =>
        state.AddFailure(failure, f => fields?.GetValueOrDefault(f) ?? f);

    /// <summary>Shows a use case's field errors under the keys <paramref name="field"/> gives ("" for a failure naming no field).</summary>
    public static void AddFailure(this ModelStateDictionary state, Failure failure, Func<string, string> field)
    {
        foreach (var (key, messages) in FieldErrors(failure, field))
            foreach (var m in messages) state.AddModelError(key, m);
    }

    /// <summary>
    /// The one mapping of a failure to a form's fields, for ModelState and <see cref="FormMessages"/> alike: each of its
    /// errors under the form's name for the field, or its title under the form's name for "" when it names no field.
    /// </summary>
    public static IEnumerable<(string Field, string[] Messages)> FieldErrors(Failure failure, Func<string, string> field)
    {
        if (failure.Errors is not { Count: > 0 } errors) return [(field(""), [failure.Title])];
        return errors.Select(e => (field(e.Key), e.Value));
    }
}
