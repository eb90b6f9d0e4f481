namespace Rapport.Core.Common;

public enum FailureKind { NotFound, Forbidden, Invalid }

/// <summary>Why a use case did not do what was asked; the web layer turns it into problem details.</summary>
public sealed record Failure(FailureKind Kind, string Title, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public static Failure NotFound(string what) => new(FailureKind.NotFound, $"{what} not found.");
    public static Failure Forbidden(string why) => new(FailureKind.Forbidden, why);
    public static Failure Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        new(FailureKind.Invalid, "One or more fields are invalid.", errors);
    public static Failure Invalid(string field, string message) =>
        Invalid(new Dictionary<string, string[]> { [field] = [message] });
}

public readonly struct Result<T>
{
    private Result(T? value, Failure? failure) { Value = value; Failure = failure; }
    public T? Value { get; }
    public Failure? Failure { get; }
    public bool Succeeded => Failure is null;

    public static implicit operator Result<T>(T value) => new(value, null);
    public static implicit operator Result<T>(Failure failure) => new(default, failure);
}
