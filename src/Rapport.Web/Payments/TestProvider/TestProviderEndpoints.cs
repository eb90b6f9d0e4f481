using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;

namespace Rapport.Web.Payments.TestProvider;

/// <summary>
/// A built-in payment provider for the demo and the tests, standing in for an external provider's hosted card page:
/// the shop sends the customer to <c>/test-pay/cards/new?return=…&amp;reference=…</c>; the page takes the card,
/// checks it, issues a token and sends the customer back to the return address with <c>result=</c> the token,
/// brand, last four and expiry, sealed. It is the only part of Rapport that ever receives a card number; it neither
/// stores nor logs it, nor shows it again. No money moves. Mapped only where <see cref="Hosting.RapportOptions.TestPaymentProvider"/>
/// says so (the demo, Development, the tests).
/// </summary>
public static class TestProviderEndpoints
{
    public static IEndpointRouteBuilder MapTestPaymentProvider(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/test-pay/cards").ExcludeFromDescription();
        group.MapGet("/new", New).WithName("TestProviderCardForm");
        group.MapPost("/", Save).WithName("TestProviderSaveCard");
        return app;
    }

    /// <summary>Where the shop sends a customer to add a card; the provider comes back to <paramref name="returnTo"/> with <c>result=</c>.</summary>
    public static string CardFormUrl(string returnTo, string reference) =>
        $"/test-pay/cards/new?return={Uri.EscapeDataString(returnTo)}&reference={Uri.EscapeDataString(reference)}";

    /// <summary>The card form as posted. Every field is text, so nothing typed can fail binding.</summary>
    public sealed class CardForm
    {
        public string? Return { get; set; }
        public string? Reference { get; set; }
        public string? Number { get; set; }
        public string? ExpMonth { get; set; }
        public string? ExpYear { get; set; }
        public string? Cvc { get; set; }
        public string? Name { get; set; }
    }

    private static IResult New(HttpContext http, [FromQuery(Name = "return")] string? returnTo, string? reference, IAntiforgery antiforgery)
    {
        var form = new CardForm { Return = returnTo, Reference = reference };
        return Checked(form) ?? TestCardPage.Render(http, antiforgery, form, new Dictionary<string, string>(), StatusCodes.Status200OK);
    }

    private static IResult Save([FromForm] CardForm form, HttpContext http, IAntiforgery antiforgery, TestCardResults results, TimeProvider time)
    {
        if (Checked(form) is { } refused) return refused;
        var errors = new Dictionary<string, string>();
        var digits = TestCards.Digits(form.Number);
        if (digits is null || !TestCards.IsCardNumber(digits)) errors["number"] = "Not a valid card number: check the digits.";

        var now = time.GetUtcNow();
        var month = int.TryParse(form.ExpMonth, NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m is >= 1 and <= 12 ? m : 0;
        if (month == 0) errors["expMonth"] = "A month from 1 to 12.";
        var year = int.TryParse(form.ExpYear, NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? (y < 100 ? 2000 + y : y) : 0;
        if (year < now.Year || year > now.Year + 25) errors["expYear"] = $"A year from {now.Year} to {now.Year + 25}.";
        else if (month != 0 && (year, month).CompareTo((now.Year, now.Month)) < 0) errors["expMonth"] = "This card has expired.";
        if (form.Cvc is not { Length: 3 or 4 } cvc || !cvc.All(char.IsAsciiDigit)) errors["cvc"] = "The 3 or 4 digits on the back of the card.";
        if (form.Name is { Length: > 100 } || form.Name?.Any(char.IsControl) == true) errors["name"] = "At most 100 characters.";
        if (errors.Count > 0) return TestCardPage.Render(http, antiforgery, form, errors, StatusCodes.Status422UnprocessableEntity);

        var token = TestCards.NewToken();
        var result = results.Protect(new TestCardResult(token, TestCards.Brand(digits!), digits![^4..], month, year, form.Reference));
        var back = form.Return!;
        return Results.Redirect($"{back}{(back.Contains('?') ? '&' : '?')}result={Uri.EscapeDataString(result)}");
    }

    // The customer is only ever sent back into this site, and the reference is the shop's short, printable tag.
    private static IResult? Checked(CardForm form)
    {
        var back = form.Return;
        if (back is null || back.Length > 500 || !back.StartsWith('/') || back.StartsWith("//", StringComparison.Ordinal)
            || back.StartsWith("/\\", StringComparison.Ordinal) || back.Any(char.IsControl))
            return Results.Text("The return address must be a path on this site, e.g. /shop/bloom/cards/added.", "text/plain", statusCode: StatusCodes.Status400BadRequest);
        if (form.Reference is { } reference && (reference.Length > 100 || reference.Any(char.IsControl)))
            return Results.Text("The reference must be at most 100 printable characters.", "text/plain", statusCode: StatusCodes.Status400BadRequest);
        return null;
    }
}
