using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Core.Businesses;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Auth;

public sealed class SignInTests(RapportApp app) : IClassFixture<RapportApp>
{
    private const string Password = "Demo!2026";

    [Fact]
    public async Task Sign_in_returns_a_bearer_token_that_opens_the_api()
    {
        var client = app.CreateApiClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email = "service@bloom.example", password = Password }, Ct);

        var token = await response.ShouldBeJsonAsync(HttpStatusCode.OK);
        token.Str("tokenType").ShouldBe("Bearer");
        token.Str("accessToken").ShouldNotBeNullOrWhiteSpace();
        token.Str("refreshToken").ShouldNotBeNullOrWhiteSpace();
        token.GetProperty("expiresIn").GetInt64().ShouldBe(3600);

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Str("accessToken"));
        var page = await client.GetJsonAsync("/api/customers?q=lindqvist");
        page.Items().Select(i => i.Str("name")).ShouldContain("Tom Lindqvist");
    }

    [Fact]
    public async Task E_mail_is_matched_without_regard_to_case_and_surrounding_spaces()
    {
        var response = await app.CreateApiClient().PostAsJsonAsync("/api/auth/login", new { email = "  Sales@Bloom.Example ", password = Password }, Ct);
        await response.ShouldBeJsonAsync(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("manager@harbor.example", "demo!2026")]
    [InlineData("nobody@harbor.example", Password)]
    public async Task Wrong_credentials_answer_401_problem_without_saying_which_part_was_wrong(string email, string password)
    {
        var response = await app.CreateApiClient().PostAsJsonAsync("/api/auth/login", new { email, password }, Ct);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        problem.Str("title").ShouldBe("Wrong e-mail or password.");
        problem.Has("accessToken").ShouldBeFalse();
    }

    [Theory]
    [InlineData("manager@harbor.example")]
    [InlineData("nobody@harbor.example")]
    public async Task A_wrong_password_costs_one_password_hash_whether_or_not_the_account_exists(string email)
    {
        // The time a sign-in takes is the hash; an unknown address answered without one tells who has an account.
        var hashes = new CountingHasher();
        using var counted = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IPasswordHasher<StaffMember>>(hashes)));

        var response = await counted.CreateClient().PostAsJsonAsync("/api/auth/login", new { email, password = "Wrong!2026" }, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        hashes.Verified.ShouldBe(1);
    }

    private sealed class CountingHasher : IPasswordHasher<StaffMember>
    {
        private readonly PasswordHasher<StaffMember> real = new();
        private int verified;
        public int Verified => verified;
        public string HashPassword(StaffMember user, string password) => real.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(StaffMember user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref verified);
            return real.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    [Fact]
    public async Task Sign_in_without_e_mail_or_password_names_both_fields()
    {
        var response = await app.CreateApiClient().PostAsJsonAsync("/api/auth/login", new { email = "", password = "" }, Ct);
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "email", "password");
    }

    [Fact]
    public async Task Me_tells_who_is_signed_in_with_role_and_business()
    {
        var client = await app.SignInAsync("sales@harbor.example");
        var staff = await app.StaffAsync("sales@harbor.example");

        var me = await client.GetJsonAsync("/api/auth/me");

        me.Id().ShouldBe(staff.Id);
        me.Str("email").ShouldBe("sales@harbor.example");
        me.Str("name").ShouldBe(staff.DisplayName);
        me.Str("role").ShouldBe("sales");
        me.Str("businessSlug").ShouldBe("harbor");
        me.Str("businessName").ShouldBe("Harbor Laundry Systems");
        me.GetProperty("businessId").GetGuid().ShouldBe(staff.BusinessId);
    }

    [Theory]
    [InlineData("/api/customers")]
    [InlineData("/api/auth/me")]
    public async Task Without_a_token_the_api_answers_401_problem(string url)
    {
        var response = await app.CreateApiClient().GetAsync(url, Ct);
        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_forged_token_is_refused()
    {
        var client = app.CreateApiClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "CfDJ8-not-a-real-token");
        var response = await client.GetAsync("/api/customers", Ct);
        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_refresh_token_buys_a_new_access_token_for_the_same_staff_member()
    {
        var client = app.CreateApiClient();
        var login = await (await client.PostAsJsonAsync("/api/auth/login", new { email = "owner@bloom.example", password = Password }, Ct))
            .ShouldBeJsonAsync(HttpStatusCode.OK);

        var refreshed = await (await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = login.Str("refreshToken") }, Ct))
            .ShouldBeJsonAsync(HttpStatusCode.OK);

        refreshed.Str("tokenType").ShouldBe("Bearer");
        refreshed.Str("refreshToken").ShouldNotBeNullOrWhiteSpace();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", refreshed.Str("accessToken"));
        var me = await client.GetJsonAsync("/api/auth/me");
        me.Str("email").ShouldBe("owner@bloom.example");
        me.Str("role").ShouldBe("owner");
    }

    [Fact]
    public async Task An_access_token_or_garbage_is_not_a_refresh_token()
    {
        var client = app.CreateApiClient();
        var login = await (await client.PostAsJsonAsync("/api/auth/login", new { email = "owner@bloom.example", password = Password }, Ct))
            .ShouldBeJsonAsync(HttpStatusCode.OK);

        foreach (var candidate in new[] { login.Str("accessToken"), "garbage", "" })
        {
            var response = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = candidate }, Ct);
            await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        }
    }
}
