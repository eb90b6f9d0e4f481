using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Rapport.Core.Customers;
using Rapport.Core.Sales;

namespace Rapport.Web.Hosting;

/// <summary>
/// Bad requests become problem details that name the field at fault: malformed JSON, unknown enum
/// values and unparsable ids are 400, oversized bodies 413; anything unexpected is a 500 without details.
/// </summary>
public sealed class BadRequestHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (exception is not BadHttpRequestException bad) return false;
        http.Response.StatusCode = bad.StatusCode;
        var details = bad.StatusCode == StatusCodes.Status413PayloadTooLarge
            ? new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = 413, Title = "The request body is too large.", Detail = $"At most {RequestGuard.MaxBodyBytes} bytes." }
            : new HttpValidationProblemDetails(new Dictionary<string, string[]> { [FieldOf(bad)] = [MessageOf(bad)] })
            {
                Status = bad.StatusCode,
                Title = "The request could not be read.",
            };
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = details, Exception = exception });
    }

    // JsonException.Path is "$.kind" or "$.phones[0].value"; binding failures name the parameter.
    private static string FieldOf(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException { Path: { Length: > 1 } path }) return path.TrimStart('$', '.');
        var message = bad.Message;
        var start = message.IndexOf("parameter \"", StringComparison.Ordinal);
        if (start >= 0)
        {
            var name = message[(start + 11)..].Split('"')[0].Split(' ').Last();
            return name;
        }
        return "body";
    }

    private static string MessageOf(BadHttpRequestException bad) => bad.InnerException switch
    {
        JsonException => "Not valid here: check the value's type and allowed values.",
        _ when bad.Message.Contains("Failed to bind parameter", StringComparison.Ordinal) => "Not a valid value.",
        _ when bad.Message.Contains("Required parameter", StringComparison.Ordinal) => "This is required.",
        _ => "The request body is missing or not JSON.",
    };
}

/// <summary>
/// Checks API request bodies before any endpoint sees them: a size limit, and no card numbers in any field,
/// so that a full card number is never stored and never reaches a log.
/// </summary>
public static class RequestGuard
{
    public const long MaxBodyBytes = 1024 * 1024;
    private const long MultipartOverhead = 64 * 1024;

    // POST /api/meetings/{id}/recording
    private static bool IsRecordingUpload(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path.StartsWithSegments("/api/meetings", out var rest)
        && rest.Value is { } r && r.Split('/') is [_, var id, "recording"] && Guid.TryParse(id, out _);

    private static bool IsPictureUpload(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path.StartsWithSegments("/api/products", out var rest)
        && rest.Value is { } r && r.Split('/') is [_, var id, "picture"] && Guid.TryParse(id, out _);

    public static IApplicationBuilder UseRequestGuard(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var request = http.Request;
        if (!request.Path.StartsWithSegments("/api") || !(HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method)))
        {
            await next(http);
            return;
        }
        if (IsRecordingUpload(request))
        {
            // Recordings are audio files, far larger than any JSON body: their own limit, checked again by the use case.
            var max = http.RequestServices.GetRequiredService<RecordingStore>().MaxBytes + MultipartOverhead;
            if (request.ContentLength > max)
            {
                http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                await Results.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]>
                {
                    ["file"] = [$"At most {(max - MultipartOverhead) / (1024 * 1024)} MB."],
                })
                {
                    Status = StatusCodes.Status413PayloadTooLarge,
                    Title = "The recording is too large.",
                }).ExecuteAsync(http);
                return;
            }
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } uploadLimit) uploadLimit.MaxRequestBodySize = max;
            await next(http);
            return;
        }
        if (IsPictureUpload(request))
        {
            // A product picture may be up to 5 MB; beyond that (and the form around it) the use case would refuse it anyway.
            var max = Rapport.Core.Catalog.ProductPictures.MaxBytes + MultipartOverhead;
            if (request.ContentLength > max)
            {
                http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                await Results.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["picture"] = ["At most 5 MB."] })
                {
                    Status = StatusCodes.Status413PayloadTooLarge,
                    Title = "The picture is too large.",
                }).ExecuteAsync(http);
                return;
            }
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } pictureLimit) pictureLimit.MaxRequestBodySize = max;
            await next(http);
            return;
        }
        if (request.ContentLength > MaxBodyBytes)
            throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = MaxBodyBytes;

        if (request.HasJsonContentType())
        {
            request.EnableBuffering(bufferThreshold: 64 * 1024, bufferLimit: MaxBodyBytes);
            string? field = null;
            string? undecodable = null;
            try
            {
                using var doc = await JsonDocument.ParseAsync(request.Body, cancellationToken: http.RequestAborted);
                undecodable = FindUndecodableText(doc.RootElement, "");
                if (undecodable is null) field = FindCardNumber(doc.RootElement, "");
            }
            catch (JsonException)
            {
                // Malformed JSON is reported by the endpoint's binding, with the position at fault.
            }
            catch (IOException)
            {
                throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
            }
            request.Body.Position = 0;
            if (undecodable is not null)
            {
                // The JSON reader accepts such bytes and escapes until a string is read; read here, they would be a 500.
                http.Response.StatusCode = StatusCodes.Status400BadRequest;
                await Results.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]>
                {
                    [undecodable.Length == 0 ? "body" : undecodable] = ["Not readable text: invalid UTF-8 or a lone surrogate (\\ud800–\\udfff without its pair)."],
                })
                {
                    Status = StatusCodes.Status400BadRequest,
                    Title = "The request could not be read.",
                }).ExecuteAsync(http);
                return;
            }
            if (field is not null)
            {
                await Results.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]>
                {
                    [field.Length == 0 ? "body" : field] = [Rapport.Core.Common.Validator.CardNumberMessage],
                })
                {
                    Status = StatusCodes.Status422UnprocessableEntity,
                    Title = "Card numbers are not accepted.",
                }).ExecuteAsync(http);
                return;
            }
        }
        await next(http);
    });

    /// <summary>The JSON path of the first name or string that is not valid UTF-8 or holds a lone surrogate, or null.</summary>
    public static string? FindUndecodableText(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in element.EnumerateObject())
                {
                    string name;
                    try
                    {
                        name = p.Name;
                    }
                    catch (InvalidOperationException)
                    {
                        return path;
                    }
                    if (FindUndecodableText(p.Value, path.Length == 0 ? name : $"{path}.{name}") is { } found) return found;
                }
                return null;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                    if (FindUndecodableText(item, $"{path}[{i++}]") is { } found) return found;
                return null;
            case JsonValueKind.String:
                try
                {
                    element.GetString();
                    return null;
                }
                catch (InvalidOperationException)
                {
                    return path;
                }
            default:
                return null;
        }
    }

    /// <summary>The JSON path of the first value that looks like a full card number, or null.</summary>
    public static string? FindCardNumber(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in element.EnumerateObject())
                    // A password is checked by Identity and stored only as a hash.
                    if (!p.Name.Equals("password", StringComparison.OrdinalIgnoreCase) && FindCardNumber(p.Value, path.Length == 0 ? p.Name : $"{path}.{p.Name}") is { } found) return found;
                return null;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                    if (FindCardNumber(item, $"{path}[{i++}]") is { } found) return found;
                return null;
            case JsonValueKind.String:
                return CardNumber.ContainsCardNumber(element.GetString()) ? path : null;
            case JsonValueKind.Number:
                return CardNumber.ContainsCardNumber(element.GetRawText()) ? path : null;
            default:
                return null;
        }
    }
}
