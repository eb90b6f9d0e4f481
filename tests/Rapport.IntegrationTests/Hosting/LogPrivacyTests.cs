using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Rapport.Core.Customers;
using Rapport.IntegrationTests.Orders;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Hosting;

/// <summary>
/// Rapport whose log entries from Debug up, of every category, are kept for the test to read: far more than production
/// logs. The one exception is ASP.NET Core's request lines, which carry query strings (a search by e-mail address) and
/// stay at the Warning level appsettings.json gives Microsoft.AspNetCore (README, "Operating Rapport").
/// </summary>
public sealed class LoggedRapportApp : RapportApp
{
    public LogCapture Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(l => l.AddProvider(Logs)
            .AddFilter<LogCapture>(null, LogLevel.Debug)
            .AddFilter<LogCapture>("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning));
    }
}

/// <summary>A logger provider that keeps each entry's text, its structured values and its scopes.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<string> entries = new();

    public IReadOnlyCollection<string> Entries => entries;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        private static readonly AsyncLocal<List<object?>> Scopes = new();

        public IDisposable BeginScope<TState>(TState state) where TState : notnull
        {
            var scopes = Scopes.Value ??= [];
            scopes.Add(state);
            return new Pop(scopes);
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            var scopes = string.Join(" | ", (Scopes.Value ?? []).Select(s =>
                s is IEnumerable<KeyValuePair<string, object?>> kv ? string.Join(" ", kv.Select(p => $"{p.Key}={p.Value}")) : s?.ToString()));
            capture.entries.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {values} {exception} [{scopes}]");
        }

        private sealed class Pop(List<object?> scopes) : IDisposable
        {
            public void Dispose()
            {
                if (scopes.Count > 0) scopes.RemoveAt(scopes.Count - 1);
            }
        }
    }
}

/// <summary>No customer's e-mail address and no card number reaches the logs, whatever staff and customers type.</summary>
public sealed partial class LogPrivacyTests(LoggedRapportApp app) : IClassFixture<LoggedRapportApp>
{
    [Fact]
    public async Task A_day_of_orders_customers_and_sign_ins_logs_no_customer_email_and_no_card_number()
    {
        var bloom = await app.BusinessIdAsync(DemoData.Bloom);
        var sales = await app.ClientAsync("sales@bloom.example");
        var service = await app.ClientAsync("service@bloom.example");

        // Sign-ins: a wrong password, a right one, through the API and the page.
        (await app.CreateApiClient().PostAsJsonAsync("/api/auth/login", new { email = "sales@bloom.example", password = "wrong-password" }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var pages = await StaffPages.SignInAsync(app, "owner@bloom.example");

        // A customer with an e-mail address; one with a card number where it does not belong; searches by e-mail and phone.
        var created = await (await sales.PostAsJsonAsync("/api/customers", new
        {
            kind = "person", name = "Harriet Vance", email = "harriet.vance@example.org", phone = "(816) 555-0123",
            preferences = new { notes = "Prefers lilies" },
        }, Ct)).ShouldBeJsonAsync(HttpStatusCode.Created);
        (await sales.PostAsJsonAsync("/api/customers", new
        {
            kind = "person", name = "Otto Brandt", email = "otto.brandt@example.net", preferences = new { notes = "card 4111 1111 1111 1111 exp 12/29" },
        }, Ct)).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await sales.GetAsync("/api/customers?q=harriet.vance@example.org", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await sales.GetAsync("/api/customers?q=816.555.0123", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await pages.GetAsync("/app/customers?q=harriet.vance@example.org")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await pages.GetAsync($"/app/customers/{created.Id()}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Orders: one placed, one refused for a full window, one with a card number in its card message.
        var setup = await app.LocationAsync(bloom, DeliverySetup.SomeDayAhead(), (15, 1, 0));
        (await service.SendAsync(Order(created.Id(), setup, "Happy birthday, Harriet", "privacy-first"), Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await service.SendAsync(Order(created.Id(), setup, "Again", "privacy-again"), Ct)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await service.SendAsync(Order(created.Id(), setup, "pay with 5555 5555 5555 4444", "privacy-card"), Ct)).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        await app.RunJobAsync("outbox");

        var customerEmails = await app.WithDbAsync(bloom, db =>
            db.ContactPoints.Where(p => p.Kind == ContactKind.Email).Select(p => p.Normalized).ToListAsync(Ct));
        customerEmails.ShouldContain("harriet.vance@example.org");
        customerEmails.Add("otto.brandt@example.net");
        var logs = app.Logs.Entries.ToList();
        logs.Count.ShouldBeGreaterThan(100, "the run logged next to nothing: the capture does not see the app's logs");

        var emailLeaks = logs.Where(l => customerEmails.Any(e => l.Contains(e, StringComparison.OrdinalIgnoreCase))).ToList();
        emailLeaks.ShouldBeEmpty("customer e-mail addresses in the logs");
        var cardLeaks = logs.Where(l => CardNumbers(l).Any()).ToList();
        cardLeaks.ShouldBeEmpty("card numbers in the logs");
    }

    private static HttpRequestMessage Order(Guid customerId, DeliverySetup.Setup setup, string cardMessage, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders")
        {
            Content = JsonContent.Create(new
            {
                customerId, address = DeliverySetup.Address(setup.Postcode), budget = 60m, occasion = "Birthday", cardMessage,
                channel = "phone", fulfilment = new { kind = "window", windowId = setup.Windows[0] },
            }),
        };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    /// <summary>Runs of 13 to 19 digits (spaces or dashes between groups allowed) that pass the Luhn check.</summary>
    private static IEnumerable<string> CardNumbers(string text) =>
        DigitRun().Matches(text).Select(m => new string(m.Value.Where(char.IsAsciiDigit).ToArray()))
            .Where(d => d.Length is >= 13 and <= 19 && Luhn(d));

    private static bool Luhn(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            sum += d;
        }
        return sum % 10 == 0;
    }

    [GeneratedRegex(@"(?<![0-9A-Za-z])[0-9](?:[ -]?[0-9]){12,18}(?![0-9A-Za-z])")]
    private static partial Regex DigitRun();
}
