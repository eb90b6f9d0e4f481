using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Rapport.Web.Hosting;

public static class FieldErrors
{
    /// <summary>The first error of a form field, to show under it; null when the field is fine.</summary>
    public static string? ErrorFor(this ModelStateDictionary state, string field) =>
        state.TryGetValue(field, out var entry) ? entry.Errors.FirstOrDefault()?.ErrorMessage : null;

    /// <summary>Bootstrap's class for an input whose field has an error.</summary>
    public static string InvalidClass(this ModelStateDictionary state, string field) =>
        state.ErrorFor(field) is null ? "" : "is-invalid";
}
