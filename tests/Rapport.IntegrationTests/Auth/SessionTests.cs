using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Auth;

/// <summary>A sign-in lives on the server: signing out ends it for every copy of its cookie or tokens.</summary>
public sealed partial class SessionTests(RapportApp app) : IClassFixture<RapportApp>
{
    [Fact]
    public async Task A_staff_cookie_replayed_after_sign_out_is_sent_to_sign_in()
    {
        var browser = new CookieBrowser(app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false }));
        var login = await browser.GetAsync("/login");
        var signIn = await browser.PostAsync("/login", Token(login), ("email", "service@bloom.example"), ("password", "Demo!2026"));
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var copied = browser.Cookie;

        var home = await browser.GetAsync("/app");
        home.ShouldContain("Sign out");
        (await browser.PostAsync("/logout", Token(home))).Headers.Location!.OriginalString.ShouldBe("/login");

        var replayed = new CookieBrowser(app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false }), copied);
        var answer = await replayed.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/app"));
        answer.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        new Uri(new Uri("http://localhost"), answer.Headers.Location!).AbsolutePath.ShouldBe("/login");
    }

    [Fact]
    public async Task Api_sign_out_ends_the_access_token_and_the_refresh_token()
    {
        var client = app.CreateApiClient();
        var tokens = await (await client.PostAsJsonAsync("/api/auth/login", new { email = "sales@bloom.example", password = "Demo!2026" }, Ct)).ShouldBeJsonAsync(HttpStatusCode.OK);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.Str("accessToken"));
        (await client.GetAsync("/api/auth/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await client.PostAsync("/api/auth/logout", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await (await client.GetAsync("/api/auth/me", Ct)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await RefreshAsync(tokens.Str("refreshToken")).ShouldBeRefusedAsync();
    }

    [Fact]
    public async Task A_refresh_token_works_once_and_bringing_a_used_one_back_ends_the_sign_in()
    {
        var client = app.CreateApiClient();
        var first = await (await client.PostAsJsonAsync("/api/auth/login", new { email = "manager@bloom.example", password = "Demo!2026" }, Ct)).ShouldBeJsonAsync(HttpStatusCode.OK);

        var second = await (await RefreshAsync(first.Str("refreshToken"))).ShouldBeJsonAsync(HttpStatusCode.OK);
        second.Str("refreshToken").ShouldNotBe(first.Str("refreshToken"));
        var third = await (await RefreshAsync(second.Str("refreshToken"))).ShouldBeJsonAsync(HttpStatusCode.OK);

        // The first token again: someone kept a copy, so the whole sign-in ends, the newest tokens with it.
        await RefreshAsync(first.Str("refreshToken")).ShouldBeRefusedAsync();
        await RefreshAsync(third.Str("refreshToken")).ShouldBeRefusedAsync();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", third.Str("accessToken"));
        await (await client.GetAsync("/api/auth/me", Ct)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Signing_out_one_sign_in_leaves_the_others_of_the_same_person_open()
    {
        var phone = await app.SignInAsync("owner@bloom.example");
        var laptop = await app.SignInAsync("owner@bloom.example");

        (await phone.PostAsync("/api/auth/logout", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await laptop.GetAsync("/api/auth/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_sign_in_lasts_thirty_days_at_most_and_the_daily_job_clears_what_can_no_longer_open_anything()
    {
        var staff = await app.StaffAsync("driver@bloom.example");
        var old = await app.SignInAsync("driver@bloom.example");
        var ended = await app.SignInAsync("driver@bloom.example");
        var current = await app.SignInAsync("driver@bloom.example");
        (await ended.PostAsync("/api/auth/logout", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var sessions = await app.WithDbAsync(db => db.StaffSessions.Where(s => s.StaffId == staff.Id).OrderBy(s => s.StartedAt).ToListAsync(Ct));
        sessions.Count.ShouldBe(3);
        await app.WithDbAsync(db => db.StaffSessions.Where(s => s.Id == sessions[0].Id)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.StartedAt, sessions[0].StartedAt - StaffSessions.MaxAge - TimeSpan.FromMinutes(1)), Ct));
        await app.WithDbAsync(db => db.StaffSessions.Where(s => s.Id == sessions[1].Id)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, sessions[1].EndedAt!.Value.AddDays(-2)), Ct));

        await (await old.GetAsync("/api/auth/me", Ct)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        (await app.RunJobAsync("staff-sessions")).ShouldBeTrue();

        (await app.WithDbAsync(db => db.StaffSessions.Where(s => s.StaffId == staff.Id).Select(s => s.Id).ToListAsync(Ct))).ShouldBe([sessions[2].Id]);
        (await current.GetAsync("/api/auth/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private Task<HttpResponseMessage> RefreshAsync(string refreshToken) =>
        app.CreateApiClient().PostAsJsonAsync("/api/auth/refresh", new { refreshToken }, Ct);

    private static string Token(string html) => AntiforgeryToken().Match(html).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    /// <summary>A browser's cookie jar, by hand, so that a cookie can be copied and replayed elsewhere.</summary>
    private sealed class CookieBrowser(HttpClient client, Dictionary<string, string>? cookies = null)
    {
        private readonly Dictionary<string, string> jar = cookies is null ? [] : new(cookies);
        public Dictionary<string, string> Cookie => new(jar);

        public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
        {
            if (jar.Count > 0) request.Headers.Add("Cookie", string.Join("; ", jar.Select(c => $"{c.Key}={c.Value}")));
            var response = await client.SendAsync(request, Ct);
            if (response.Headers.TryGetValues("Set-Cookie", out var set))
                foreach (var line in set)
                {
                    var pair = line.Split(';')[0].Split('=', 2);
                    if (pair[1].Length == 0) jar.Remove(pair[0]);
                    else jar[pair[0]] = pair[1];
                }
            return response;
        }

        public async Task<string> GetAsync(string url)
        {
            var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, url));
            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {url}");
            return await response.Content.ReadAsStringAsync(Ct);
        }

        public Task<HttpResponseMessage> PostAsync(string url, string token, params (string Name, string Value)[] fields) =>
            SendAsync(new HttpRequestMessage(HttpMethod.Post, url)
            {
                Content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))
                    .Append(new("__RequestVerificationToken", token))),
            });
    }
}

internal static class RefusedRefresh
{
    public static async Task ShouldBeRefusedAsync(this Task<HttpResponseMessage> refresh) =>
        await (await refresh).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
}
