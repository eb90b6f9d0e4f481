using Microsoft.AspNetCore.Mvc.ModelBinding;
using Rapport.Core.Common;

namespace Rapport.Web.Hosting;

public static class ModelStateFailures
{
    /// <summary>Shows a use case's field errors beside the form fields they belong to.</summary>
    public static void AddFailure(this ModelStateDictionary state, Failure failure, Dictionary<string, string>? fieldNames = null)
    {
        if (failure.Errors is null || failure.Errors.Count == 0)
        {
            state.AddModelError("", failure.Title);
            return;
        }
        foreach (var (field, messages) in failure.Errors)
            foreach (var m in messages)
                state.AddModelError(fieldNames?.GetValueOrDefault(field) ?? field, m);
    }
}
