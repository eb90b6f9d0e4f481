using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;

namespace Rapport.Web.Payments.TestProvider;

/// <summary>
/// The test provider's card page, kept apart from Rapport's own pages as an external provider's would be; it says it is
/// the demo's test provider, not a real one.
/// The card number and security code are never written back into it.
/// </summary>
internal static class TestCardPage
{
    public static IResult Render(HttpContext http, IAntiforgery antiforgery, TestProviderEndpoints.CardForm form, IReadOnlyDictionary<string, string> errors, int status)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        var html = HtmlEncoder.Default;
        string E(string? s) => html.Encode(s ?? "");
        string Error(string field) => errors.TryGetValue(field, out var m) ? $"""<div class="invalid-feedback d-block" data-field="{field}">{E(m)}</div>""" : "";
        string Invalid(string field) => errors.ContainsKey(field) ? " is-invalid" : "";
        var cancel = form.Return!;

        var page = $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="referrer" content="no-referrer" />
                <title>Add a card · Test payment provider (demo)</title>
                <link rel="stylesheet" href="/lib/bootstrap/bootstrap.min.css" />
            </head>
            <body class="bg-light">
            <main class="container py-4" style="max-width: 28rem">
                <h1 class="h4 mb-1">Test payment provider</h1>
                <p class="alert alert-warning small" role="note" data-testid="test-provider-notice">
                    This is Rapport's built-in <strong>test</strong> payment provider, for the demo and for trying Rapport out:
                    not a real payment provider. No money moves and no card saved here can be charged. Do not enter a real card.</p>
                <p class="text-muted small">Try <strong>4242 4242 4242 4242</strong> with any future expiry and any three digits.</p>
                <form method="post" action="/test-pay/cards" class="card card-body" autocomplete="on" novalidate>
                    <input type="hidden" name="{{E(tokens.FormFieldName)}}" value="{{E(tokens.RequestToken)}}" />
                    <input type="hidden" name="return" value="{{E(form.Return)}}" />
                    <input type="hidden" name="reference" value="{{E(form.Reference)}}" />
                    <div class="mb-3">
                        <label class="form-label" for="number">Card number</label>
                        <input class="form-control{{Invalid("number")}}" id="number" name="number" inputmode="numeric" autocomplete="cc-number" required />
                        {{Error("number")}}
                    </div>
                    <div class="row g-2 mb-3">
                        <div class="col-4">
                            <label class="form-label" for="expMonth">Month</label>
                            <input class="form-control{{Invalid("expMonth")}}" id="expMonth" name="expMonth" inputmode="numeric" autocomplete="cc-exp-month" placeholder="MM" value="{{E(form.ExpMonth)}}" required />
                        </div>
                        <div class="col-4">
                            <label class="form-label" for="expYear">Year</label>
                            <input class="form-control{{Invalid("expYear")}}" id="expYear" name="expYear" inputmode="numeric" autocomplete="cc-exp-year" placeholder="YYYY" value="{{E(form.ExpYear)}}" required />
                        </div>
                        <div class="col-4">
                            <label class="form-label" for="cvc">CVC</label>
                            <input class="form-control{{Invalid("cvc")}}" id="cvc" name="cvc" inputmode="numeric" autocomplete="cc-csc" required />
                        </div>
                        {{Error("expMonth")}}{{Error("expYear")}}{{Error("cvc")}}
                    </div>
                    <div class="mb-3">
                        <label class="form-label" for="name">Name on card</label>
                        <input class="form-control{{Invalid("name")}}" id="name" name="name" autocomplete="cc-name" value="{{E(form.Name)}}" />
                        {{Error("name")}}
                    </div>
                    <div class="d-flex gap-2">
                        <button class="btn btn-primary" type="submit">Save card</button>
                        <a class="btn btn-link" href="{{E(cancel)}}">Cancel</a>
                    </div>
                </form>
            </main>
            </body>
            </html>
            """;
        return Results.Content(page, "text/html; charset=utf-8", statusCode: status);
    }
}
