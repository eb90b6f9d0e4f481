using System.Diagnostics.CodeAnalysis;

namespace Rapport.Core.Common;

public enum FailureKind { NotFound, Forbidden, Invalid, Conflict }

/// <summary>Why a use case did not do what was asked; the web layer turns it into problem details.</summary>
public sealed record Failure(FailureKind Kind, string Title, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    /// <summary>More members of the problem, e.g. the alternatives offered when a window is full.</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; init; }

    public static Failure Conflict(string title, IReadOnlyDictionary<string, object?>? extensions = null) =>
        new(FailureKind.Conflict, title) { Extensions = extensions };
    public static Failure NotFound(string what) => new(FailureKind.NotFound, $"{what} not found.");
    public static Failure Forbidden(string why) => new(FailureKind.Forbidden, why);
    public static Failure Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        new(FailureKind.Invalid, "One or more fields are invalid.", errors);
    public static Failure Invalid(string field, string message) =>
        Invalid(new Dictionary<string, string[]> { [field] = [message] });
}

public readonly struct Result<T>
{
    private Result(T? value, Failure? failure) { Value = value; Failure = failure; Succeeded = failure is null; }
    public T? Value { get; }
    public Failure? Failure { get; }
    /// <summary>True with a value, false with a failure: the compiler knows which is set after a check.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool Succeeded { get; }

    public static implicit operator Result<T>(T value) => new(value, null);
    public static implicit operator Result<T>(Failure failure) => new(default, failure);
}
