using System.Net;
using System.Text.RegularExpressions;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests;

/// <summary>
/// The staff pages as a browser without JavaScript uses them: signed in with the cookie through the sign-in form,
/// forms posted with the antiforgery token of the page they are on; with <c>htmx</c>, as htmx posts them.
/// </summary>
internal sealed partial class StaffPages(HttpClient client)
{
    public static async Task<StaffPages> SignInAsync(RapportApp app, string email)
    {
        var client = app.CreateApiClient();
        var token = ReadToken(await (await client.GetAsync("/login", Ct)).Content.ReadAsStringAsync(Ct));
        var signIn = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email, ["password"] = "Demo!2026", ["__RequestVerificationToken"] = token,
        }), Ct);
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"signing in as {email}");
        return new StaffPages(client);
    }

    /// <summary>The page's HTML with its character references read (Razor writes "–" as "&amp;#x2013;"), after checking its status.</summary>
    public async Task<string> HtmlAsync(string url, HttpStatusCode status = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(url, Ct);
        var html = await TextAsync(response);
        response.StatusCode.ShouldBe(status, $"GET {url}");
        return html;
    }

    /// <summary>An answer's HTML with its character references read, without the blank lines Razor leaves before it.</summary>
    public static async Task<string> TextAsync(HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)).Trim();

    public Task<HttpResponseMessage> GetAsync(string url) => client.GetAsync(url, Ct);

    /// <summary>Posts a form found on <paramref name="page"/> to <paramref name="action"/>, with that page's token.</summary>
    public Task<HttpResponseMessage> PostAsync(string page, string action, params (string Name, string Value)[] fields) =>
        SendAsync(page, action, htmx: false, fields);

    /// <summary>Posts the form as htmx does, asking for the part of the page that changes.</summary>
    public Task<HttpResponseMessage> PostHtmxAsync(string page, string action, params (string Name, string Value)[] fields) =>
        SendAsync(page, action, htmx: true, fields);

    private async Task<HttpResponseMessage> SendAsync(string page, string action, bool htmx, (string Name, string Value)[] fields)
    {
        var token = ReadToken(await HtmlAsync(page));
        var form = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))
            .Append(new("__RequestVerificationToken", token));
        using var request = new HttpRequestMessage(HttpMethod.Post, action) { Content = new FormUrlEncodedContent(form) };
        if (htmx) request.Headers.Add("HX-Request", "true");
        return await client.SendAsync(request, Ct);
    }

    /// <summary>Posts a form with a file (multipart), found on <paramref name="page"/>, with that page's token.</summary>
    public async Task<HttpResponseMessage> PostFileAsync(string page, string action, string field, string fileName, byte[] content, params (string Name, string Value)[] fields)
    {
        var token = ReadToken(await HtmlAsync(page));
        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields.Append(("__RequestVerificationToken", token))) form.Add(new StringContent(value), name);
        form.Add(new ByteArrayContent(content), field, fileName);
        return await client.PostAsync(action, form, Ct);
    }

    /// <summary>Posts without any antiforgery token, as a forged cross-site form would.</summary>
    public Task<HttpResponseMessage> PostForgedAsync(string action, params (string Name, string Value)[] fields) =>
        client.PostAsync(action, new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))), Ct);

    /// <summary>How many times <paramref name="text"/> occurs in the page, e.g. a data-testid.</summary>
    public static int CountOf(string html, string text) => Regex.Count(html, Regex.Escape(text));

    private static string ReadToken(string html)
    {
        var match = TokenInput().Match(html);
        match.Success.ShouldBeTrue("the page carries an antiforgery token");
        return match.Groups[1].Value;
    }

    [GeneratedRegex("""<input name="__RequestVerificationToken" type="hidden" value="([^"]+)" />""")]
    private static partial Regex TokenInput();
}
