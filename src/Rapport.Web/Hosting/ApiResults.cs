using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Core.Common;

namespace Rapport.Web.Hosting;

/// <summary>Turns use-case failures into RFC 9457 problem details with the right status.</summary>
public static class ApiResults
{
    public static ProblemHttpResult Problem(Failure failure) => failure.Kind switch
    {
        // A filter naming another business's row is 404 too, with the field at fault when there is one.
        FailureKind.NotFound when failure.Errors is { Count: > 0 } errors => TypedResults.Problem(new HttpValidationProblemDetails(
            errors.ToDictionary(e => e.Key, e => e.Value)) { Status = StatusCodes.Status404NotFound, Title = failure.Title }),
        FailureKind.NotFound => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: failure.Title),
        FailureKind.Forbidden => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: failure.Title),
        FailureKind.Conflict => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: failure.Title,
            extensions: failure.Extensions?.ToDictionary(e => e.Key, e => e.Value)),
        _ => TypedResults.Problem(Invalid(failure)),
    };

    private static HttpValidationProblemDetails Invalid(Failure failure)
    {
        var problem = new HttpValidationProblemDetails(failure.Errors?.ToDictionary(e => e.Key, e => e.Value) ?? new Dictionary<string, string[]>())
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = failure.Title,
        };
        // E.g. the missing steps of a refused stage move.
        foreach (var (key, value) in failure.Extensions ?? new Dictionary<string, object?>()) problem.Extensions[key] = value;
        return problem;
    }

    public static ProblemHttpResult NotFound(string what) => Problem(Failure.NotFound(what));

    public static Results<Ok<T>, ProblemHttpResult> ToOk<T>(this Result<T> result) =>
        result.Succeeded ? TypedResults.Ok(result.Value) : Problem(result.Failure);

    public static Results<NoContent, ProblemHttpResult> ToNoContent<T>(this Result<T> result) =>
        result.Succeeded ? TypedResults.NoContent() : Problem(result.Failure);

    public static Results<Created<T>, ProblemHttpResult> ToCreated<T>(this Result<T> result, Func<T, string> location) =>
        result.Succeeded ? TypedResults.Created(location(result.Value), result.Value) : Problem(result.Failure);
}
