namespace Rapport.Core.Common;

/// <summary>Collects field errors under their JSON names so that problem details can name the field at fault.</summary>
public sealed class Validator
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public const string CardNumberMessage = "Looks like a card number. Card numbers are never stored: use the payment provider's token.";

    public bool IsValid => errors.Count == 0;

    public Validator Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var list)) errors[field] = list = [];
        list.Add(message);
        return this;
    }

    /// <summary>A page's size: <paramref name="defaultLimit"/> when left out, else 1 to <paramref name="maxLimit"/>.</summary>
    public Validator Limit(int? limit, int defaultLimit, int maxLimit, out int value)
    {
        value = limit ?? defaultLimit;
        return value is < 1 || value > maxLimit ? Add("limit", $"Must be between 1 and {maxLimit}.") : this;
    }

    /// <summary>A cursor of a list sorted by a time (<see cref="Cursor.At"/>), named <paramref name="field"/>, from <paramref name="list"/>.</summary>
    public Validator After(string field, string? text, string list, out (DateTime At, Guid Id)? position) =>
        Cursor.TryDecodeAt(text, out position) ? this : Add(field, $"Not a cursor returned by {list}.");

    public Validator Required(string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value)) return Add(field, "This field is required.");
        return MaxLength(field, value, maxLength);
    }

    public Validator MaxLength(string field, string? value, int maxLength)
    {
        if (value is not null && value.Length > maxLength) Add(field, $"At most {maxLength} characters.");
        else if (value is not null && value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'))) Add(field, "Contains control characters.");
        // Free text must not become a place where card numbers are kept.
        else if (Customers.CardNumber.ContainsCardNumber(value)) Add(field, CardNumberMessage);
        return this;
    }

    public Validator Email(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return this;
        MaxLength(field, value, 254);
        var at = value.IndexOf('@');
        if (at < 1 || at != value.LastIndexOf('@') || at == value.Length - 1 || value.Any(char.IsWhiteSpace))
            Add(field, "Not an e-mail address.");
        return this;
    }

    public Validator Phone(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return this;
        var before = errors.GetValueOrDefault(field)?.Count ?? 0;
        MaxLength(field, value, Customers.PhoneNumber.MaxLength);
        if ((errors.GetValueOrDefault(field)?.Count ?? 0) == before && Customers.PhoneNumber.Normalize(value) is null)
            Add(field, "Not a phone number.");
        return this;
    }

    public Validator Range(string field, decimal? value, decimal min, decimal max)
    {
        if (value is { } v && (v < min || v > max)) Add(field, $"Must be between {min} and {max}.");
        return this;
    }

    public Failure ToFailure() => Failure.Invalid(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
}
