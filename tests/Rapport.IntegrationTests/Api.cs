using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rapport.Testing;

namespace Rapport.IntegrationTests;

/// <summary>Reading and checking API answers the way a client would.</summary>
internal static class Api
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A JSON body with a content type of application/json, whatever the method.</summary>
    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static Task<HttpResponseMessage> SendJsonAsync(this HttpClient client, HttpMethod method, string url, object? body = null) =>
        client.SendAsync(new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) }, Ct);

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url, Ct);
        return await response.ShouldBeJsonAsync(HttpStatusCode.OK);
    }

    /// <summary>Checks the status and that the body is JSON; returns the body.</summary>
    public static async Task<JsonElement> ShouldBeJsonAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(status, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered: {text}");
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/json");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Checks an RFC 9457 problem with the status and, when given, the fields named in its errors.</summary>
    public static async Task<JsonElement> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status, params string[] fields)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(status, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered: {text}");
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", $"body: {text}");
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        problem.GetProperty("status").GetInt32().ShouldBe((int)status);
        problem.GetProperty("title").GetString().ShouldNotBeNullOrWhiteSpace();
        if (fields.Length > 0)
        {
            var named = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
            foreach (var field in fields) named.ShouldContain(field, $"errors: {problem.GetProperty("errors")}");
        }
        return problem;
    }

    public static string Str(this JsonElement e, string property) => e.GetProperty(property).GetString()!;

    public static Guid Id(this JsonElement e) => e.GetProperty("id").GetGuid();

    public static bool Has(this JsonElement e, string property) => e.TryGetProperty(property, out _);

    /// <summary>True when the property carries a value (not absent, not null).</summary>
    public static bool HasValue(this JsonElement e, string property) =>
        e.TryGetProperty(property, out var value) && value.ValueKind != JsonValueKind.Null;

    public static List<JsonElement> Items(this JsonElement page) => page.GetProperty("items").EnumerateArray().ToList();

    public static string? Next(this JsonElement page) =>
        page.TryGetProperty("next", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;

    /// <summary>Follows <c>next</c> through every page of a list; <paramref name="url"/> ends with the query so far.</summary>
    public static async Task<List<JsonElement>> WalkAsync(this HttpClient client, string url, string cursorName)
    {
        var all = new List<JsonElement>();
        string? cursor = null;
        for (var pages = 0; ; pages++)
        {
            pages.ShouldBeLessThan(1000, "the cursor never ends");
            var separator = url.Contains('?') ? "&" : "?";
            var page = await client.GetJsonAsync(cursor is null ? url : $"{url}{separator}{cursorName}={Uri.EscapeDataString(cursor)}");
            all.AddRange(page.Items());
            cursor = page.Next();
            if (cursor is null) return all;
        }
    }
}

/// <summary>Signed-in clients, one sign-in per staff member and app: checking a password is slow on purpose.</summary>
internal static class StaffClients
{
    private static readonly ConditionalWeakTable<RapportApp, ConcurrentDictionary<string, Lazy<Task<string>>>> Tokens = new();

    /// <summary>An API client with a bearer token for the staff member (password Demo!2026), signed in once per app.</summary>
    public static async Task<HttpClient> ClientAsync(this RapportApp app, string email)
    {
        var token = await Tokens.GetOrCreateValue(app).GetOrAdd(email, e => new Lazy<Task<string>>(async () =>
            (await app.SignInAsync(e)).DefaultRequestHeaders.Authorization!.Parameter!)).Value;
        var client = app.CreateApiClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}

/// <summary>Ids of the demo data, read from the database.</summary>
internal static class DemoData
{
    public const string Bloom = "bloom";
    public const string Harbor = "harbor";

    public static Task<Guid> BusinessIdAsync(this RapportApp app, string slug) =>
        app.WithDbAsync(db => db.Businesses.Where(b => b.Slug == slug).Select(b => b.Id).SingleAsync(Api.Ct));

    public static async Task<Guid> CustomerIdAsync(this RapportApp app, string slug, string name)
    {
        var business = await app.BusinessIdAsync(slug);
        return await app.WithDbAsync(business, db => db.Customers.Where(c => c.Name == name).Select(c => c.Id).SingleAsync(Api.Ct));
    }

    public static Task<Core.Businesses.StaffMember> StaffAsync(this RapportApp app, string email) =>
        app.WithDbAsync(db => db.Staff.AsNoTracking().SingleAsync(s => s.Email == email, Api.Ct));
}
