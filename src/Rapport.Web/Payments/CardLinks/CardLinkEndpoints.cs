using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Customers;
using Rapport.Core.Data;
using Rapport.Web.Hosting;

namespace Rapport.Web.Payments.CardLinks;

/// <summary>What staff ask for: <c>email</c> sends the link to the customer's address, <c>none</c> only returns it to copy.</summary>
public sealed record CardLinkRequest(string? Send);

/// <summary>The link to give the customer and when it stops working.</summary>
public sealed record CardLinkResponse(string Url, DateTime ExpiresAt, bool Emailed, string? EmailedTo);

public static class CardLinkEndpoints
{
    public static IEndpointRouteBuilder MapCardLinks(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/customers").WithTags("Customers").RequireAuthorization(Policies.Staff)
            .MapPost("/{id}/card-links", Create).WithName("CreateCardLink")
            .WithSummary("Makes a secure link for the customer to put a card on file on the payment provider's page.")
            .WithDescription("`send`: `email` queues the link to the customer's e-mail address, `none` only returns it (to copy into a text message). "
                + "The link works once, for this customer only, for 24 hours. Staff who take orders only; Rapport never receives the card number.");
        return app;
    }

    /// <summary>The customer-facing address of a link's token, on this site.</summary>
    public static string UrlOf(HttpRequest request, string token) => $"{request.Scheme}://{request.Host}{request.PathBase}/cards/{token}";

    public static async Task<Results<Created<CardLinkResponse>, ProblemHttpResult>> CreateAsync(
        Guid id, string? send, HttpContext http, RapportDb db, Actor actor, TimeProvider time, CancellationToken ct)
    {
        CardLinkSend? how = send?.Trim().ToLowerInvariant() switch
        {
            null or "" or "none" => CardLinkSend.None,
            "email" => CardLinkSend.Email,
            _ => null,
        };
        if (how is null) return ApiResults.Problem(Failure.Invalid("send", "Either \"email\" or \"none\"."));
        var made = await Core.Customers.CardLinks.CreateAsync(db, actor, id, how.Value, t => UrlOf(http.Request, t), time, ct);
        if (!made.Succeeded) return ApiResults.Problem(made.Failure);
        return TypedResults.Created((string?)null, new CardLinkResponse(UrlOf(http.Request, made.Value.Token), made.Value.ExpiresAt, made.Value.Emailed, made.Value.EmailedTo));
    }

    private static Task<Results<Created<CardLinkResponse>, ProblemHttpResult>> Create(
        Guid id, CardLinkRequest? body, HttpContext http, RapportDb db, Actor actor, TimeProvider time, CancellationToken ct) =>
        CreateAsync(id, body?.Send, http, db, actor, time, ct);
}
