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
/// Checks API request bodies before any endpoint sees them: a size limit, text that can be read, and no card numbers in
/// any field, so that a full card number is never stored and never reaches a log.
/// </summary>
public static class RequestGuard
{
    public const long MaxBodyBytes = 1024 * 1024;
    private const long MultipartOverhead = 64 * 1024;

    /// <summary>A file posted to <c>POST {Collection}/{id}/{Action}</c>: far larger than any JSON body, so a limit of its own.</summary>
    private sealed record Upload(string Collection, string Action, string Field, string Title, Func<HttpContext, long> MaxBytes);

    private static readonly Upload[] Uploads =
    [
        new("/api/meetings", "recording", "file", "The recording is too large.", http => http.RequestServices.GetRequiredService<RecordingStore>().MaxBytes),
        new("/api/products", "picture", "picture", "The picture is too large.", _ => Rapport.Core.Catalog.ProductPictures.MaxBytes),
    ];

    private static Upload? UploadOf(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
            ? Uploads.FirstOrDefault(u => request.Path.StartsWithSegments(u.Collection, out var rest)
                && rest.Value is { } r && r.Split('/') is [_, var id, var action] && action == u.Action && Guid.TryParse(id, out _))
            : null;

    public static IApplicationBuilder UseRequestGuard(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var request = http.Request;
        if (!request.Path.StartsWithSegments("/api") || !(HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method)))
        {
            await next(http);
            return;
        }
        if (UploadOf(request) is { } upload)
        {
            // Checked again by the use case; here a body far past the limit is refused before it is read.
            var allowed = upload.MaxBytes(http);
            if (request.ContentLength > allowed + MultipartOverhead)
            {
                await ProblemAsync(http, StatusCodes.Status413PayloadTooLarge, upload.Title, upload.Field, $"At most {allowed / (1024 * 1024)} MB.");
                return;
            }
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } uploadLimit) uploadLimit.MaxRequestBodySize = allowed + MultipartOverhead;
            await next(http);
            return;
        }
        if (request.ContentLength > MaxBodyBytes)
            throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = MaxBodyBytes;

        if (request.HasJsonContentType())
        {
            request.EnableBuffering(bufferThreshold: 64 * 1024, bufferLimit: MaxBodyBytes);
            Refusal? refusal = null;
            try
            {
                using var doc = await JsonDocument.ParseAsync(request.Body, cancellationToken: http.RequestAborted);
                refusal = FindRefusal(doc.RootElement, "", checkCards: true);
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
            if (refusal is { } refused)
            {
                var field = refused.Path.Length == 0 ? "body" : refused.Path;
                // The JSON reader accepts such bytes and escapes until a string is read; read by an endpoint, they would be a 500.
                if (refused.Unreadable)
                    await ProblemAsync(http, StatusCodes.Status400BadRequest, "The request could not be read.", field,
                        "Not readable text: invalid UTF-8 or a lone surrogate (\\ud800–\\udfff without its pair).");
                else
                    await ProblemAsync(http, StatusCodes.Status422UnprocessableEntity, "Card numbers are not accepted.", field,
                        Rapport.Core.Common.Validator.CardNumberMessage);
                return;
            }
        }
        await next(http);
    });

    private static Task ProblemAsync(HttpContext http, int status, string title, string field, string message)
    {
        http.Response.StatusCode = status;
        return Results.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = status,
            Title = title,
        }).ExecuteAsync(http);
    }

    /// <summary>What makes a body unacceptable, at its JSON path: text that can't be read, or a card number.</summary>
    public readonly record struct Refusal(string Path, bool Unreadable);

    /// <summary>
    /// The first name or string that is not valid UTF-8 or holds a lone surrogate, else the first value that looks like
    /// a full card number (a password is exempt: Identity only hashes it), or null. One walk, one read of each string.
    /// </summary>
    public static Refusal? FindRefusal(JsonElement element, string path, bool checkCards)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                Refusal? card = null;
                foreach (var p in element.EnumerateObject())
                {
                    string name;
                    try
                    {
                        name = p.Name;
                    }
                    catch (InvalidOperationException)
                    {
                        return new(path, Unreadable: true);
                    }
                    var found = FindRefusal(p.Value, path.Length == 0 ? name : $"{path}.{name}",
                        checkCards && !name.Equals("password", StringComparison.OrdinalIgnoreCase));
                    if (found is { Unreadable: true }) return found;
                    card ??= found;
                }
                return card;
            case JsonValueKind.Array:
                Refusal? inItems = null;
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    var found = FindRefusal(item, $"{path}[{i++}]", checkCards);
                    if (found is { Unreadable: true }) return found;
                    inItems ??= found;
                }
                return inItems;
            case JsonValueKind.String:
                string? text;
                try
                {
                    text = element.GetString();
                }
                catch (InvalidOperationException)
                {
                    return new(path, Unreadable: true);
                }
                return checkCards && CardNumber.ContainsCardNumber(text) ? new(path, Unreadable: false) : null;
            case JsonValueKind.Number:
                return checkCards && CardNumber.ContainsCardNumber(element.GetRawText()) ? new(path, Unreadable: false) : null;
            default:
                return null;
        }
    }
}
