using Rapport.Core.Common;

namespace Rapport.Web.Shared;

/// <summary>
/// The messages and typed values of a page's forms after a use case refused them, keyed "section:field"
/// (e.g. "meeting:scheduledAt", "quote:lines[1].quantity"), so each message shows beside its field and nothing typed is lost.
/// </summary>
public sealed class FormMessages
{
    public Dictionary<string, string> Errors { get; } = new();
    public Dictionary<string, string?> Typed { get; } = new();

    public string? Error(string key) => Errors.GetValueOrDefault(key);
    public string Invalid(string key) => Errors.ContainsKey(key) ? "is-invalid" : "";
    public string? TypedOr(string key, string? otherwise = null) => Typed.TryGetValue(key, out var typed) ? typed : otherwise;

    /// <summary>Whether a section's form came back with messages, so it is shown open.</summary>
    public bool Any(string section) => Errors.Keys.Any(k => k.StartsWith(section + ":", StringComparison.Ordinal));

    /// <summary>Messages of a section not tied to one of its fields (or tied to a field the form does not show).</summary>
    public IEnumerable<string> SectionErrors(string section, params string[] shown) =>
        Errors.Where(e => e.Key.StartsWith(section + ":", StringComparison.Ordinal) && !shown.Contains(e.Key[(section.Length + 1)..])).Select(e => e.Value);

    /// <summary>A use case's refusal under <paramref name="section"/>; <paramref name="field"/> maps its field names to the form's.</summary>
    public void Add(Failure failure, string section, Func<string, string>? field = null)
    {
        foreach (var (key, messages) in PageResults.FieldErrors(failure, field ?? (f => f)))
            Errors[$"{section}:{key}"] = string.Join(" ", messages);
    }
}
