using System.Net;
using System.Net.Http.Json;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Auth;

/// <summary>
/// Its own app and database, so that the lockouts it provokes reach no other test. One test, in two steps:
/// the address throttle lasts minutes and would otherwise decide the order of the steps.
/// </summary>
public sealed class SignInThrottlingTests(RapportApp app) : IClassFixture<RapportApp>
{
    [Fact]
    public async Task Repeated_failures_lock_the_account_then_throttle_the_address_with_429_and_Retry_After()
    {
        var client = app.CreateApiClient();
        Task<HttpResponseMessage> SignIn(string email, string password) =>
            client.PostAsJsonAsync("/api/auth/login", new { email, password }, Ct);

        // 1. Five wrong passwords lock the account (Identity lockout), even for the right password afterwards.
        for (var attempt = 1; attempt <= 4; attempt++)
            await (await SignIn("sales@bloom.example", "wrong-password")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        var fifth = await SignIn("sales@bloom.example", "wrong-password");
        await fifth.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        RetryAfter(fifth).ShouldBeInRange(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));
        var right = await SignIn("sales@bloom.example", "Demo!2026");
        var locked = await right.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        locked.Has("accessToken").ShouldBeFalse();
        RetryAfter(right).ShouldBeInRange(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));
        // Other accounts are not affected; a success does not clear the address's failures.
        await (await SignIn("service@bloom.example", "Demo!2026")).ShouldBeJsonAsync(HttpStatusCode.OK);

        // 2. Ten failures from one address throttle every account; six are counted already (the locked attempt too).
        const int countedSoFar = 6;
        for (var i = countedSoFar + 1; i <= 10; i++)
            await (await SignIn($"guess{i}@bloom.example", "Demo!2026")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        var next = await SignIn("owner@bloom.example", "Demo!2026");
        var throttled = await next.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        throttled.Has("accessToken").ShouldBeFalse();
        RetryAfter(next).ShouldBeInRange(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));
    }

    private static TimeSpan RetryAfter(HttpResponseMessage response)
    {
        response.Headers.TryGetValues("Retry-After", out var values).ShouldBeTrue("429 must say when to retry");
        int.TryParse(values!.Single(), out var seconds).ShouldBeTrue("Retry-After in whole seconds");
        return TimeSpan.FromSeconds(seconds);
    }
}
