using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Notifications;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Notifications;

/// <summary>Mail written to the outbox reaches a real SMTP server; a server that is down means a later retry.</summary>
public sealed class OutboxTests : IAsyncLifetime
{
    private SmtpSink smtp = null!;
    private RapportApp app = null!;

    public async ValueTask InitializeAsync()
    {
        smtp = await SmtpSink.StartAsync();
        app = new RapportApp();
        foreach (var (key, value) in smtp.Settings) app.With(key, value);
        await app.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        await smtp.DisposeAsync();
    }

    [Fact]
    public async Task Queued_mail_is_sent_once_over_smtp_with_the_business_as_sender()
    {
        var business = await app.BusinessIdAsync(DemoData.Bloom);
        var key = TestNames.Key("test");
        await app.WithDbAsync(business, async db =>
        {
            (await Outbox.EnqueueOnceAsync(db, new OutgoingMail(key, "maria@example.com", "Maria Lindqvist", "Her day is coming", "Order in one click: https://x/y"), TimeProvider.System, Ct)).ShouldBeTrue();
            (await Outbox.EnqueueOnceAsync(db, new OutgoingMail(key, "maria@example.com", null, "Twice", "Twice"), TimeProvider.System, Ct)).ShouldBeFalse();
            return await db.SaveChangesAsync(Ct);
        });
        (await app.WithDbAsync(business, db =>
            Outbox.EnqueueOnceAsync(db, new OutgoingMail(key, "maria@example.com", null, "Again", "Again"), TimeProvider.System, Ct))).ShouldBeFalse();

        (await app.RunJobAsync("outbox")).ShouldBeTrue();

        var received = (await smtp.WaitForAsync(1, TimeSpan.FromSeconds(10))).ShouldHaveSingleItem();
        received.EnvelopeTo.ShouldBe(["maria@example.com"]);
        received.Subject.ShouldBe("Her day is coming");
        received.From.ShouldContain("Bloom & Stem");
        received.From.ShouldContain("shop@rapport.test");
        received.Text.ShouldContain("https://x/y");
        var sent = await app.WithDbAsync(business, db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.DedupeKey == key, Ct));
        (sent.Status, sent.Attempts, sent.SentAt.HasValue).ShouldBe((OutboxStatus.Sent, 1, true));
    }

    [Fact]
    public async Task A_server_that_wants_a_login_refuses_a_wrong_password_and_takes_the_message_on_a_later_attempt_with_the_right_one()
    {
        await using var guarded = await SmtpSink.StartAsync(login: ("rapport", "right-secret"));
        var business = await app.BusinessIdAsync(DemoData.Bloom);
        var key = TestNames.Key("login");
        await app.WithDbAsync(business, async db =>
        {
            await Outbox.EnqueueOnceAsync(db, new OutgoingMail(key, "fern@example.com", "Fern", "Hello", "Hello"), TimeProvider.System, Ct);
            return await db.SaveChangesAsync(Ct);
        });
        MailSettings Login(string password) =>
            new("127.0.0.1", guarded.Port, SecureSocketOptions.StartTlsWhenAvailable, "rapport", password, "shop@rapport.test", null);
        Task<OutboxMessage> ReadAsync() => app.WithDbAsync(business, db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.DedupeKey == key, Ct));

        var wrong = Login("wrong-secret");
        (await app.WithDbAsync(db => OutboxDispatch.RunAsync(db, new SmtpMailSender(wrong), wrong.FromAddress, TimeProvider.System, Ct))).ShouldBe(0);
        var refused = await ReadAsync();
        (refused.Status, refused.Attempts).ShouldBe((OutboxStatus.Pending, 1));
        refused.LastError.ShouldNotBeNullOrWhiteSpace();
        guarded.Messages().ShouldBeEmpty();

        var right = Login("right-secret");
        var later = new FixedClock(DateTimeOffset.UtcNow + OutboxDispatch.Backoff(1) + TimeSpan.FromSeconds(1));
        (await app.WithDbAsync(db => OutboxDispatch.RunAsync(db, new SmtpMailSender(right), right.FromAddress, later, Ct))).ShouldBe(1);
        var received = guarded.Messages().ShouldHaveSingleItem();
        (received.User, received.EnvelopeTo.Single()).ShouldBe(("rapport", "fern@example.com"));
        received.To.ShouldBe("\"Fern\" <fern@example.com>");
        received.From.ShouldContain("Bloom & Stem");
        var sent = await ReadAsync();
        (sent.Status, sent.Attempts, sent.LastError).ShouldBe((OutboxStatus.Sent, 2, (string?)null));
    }

    [Fact]
    public async Task When_the_smtp_server_is_down_the_message_waits_and_is_tried_again_later()
    {
        await using var down = new RapportApp().With("Mail:Host", "127.0.0.1").With("Mail:Port", "1");
        await down.InitializeAsync();
        var business = await down.BusinessIdAsync(DemoData.Bloom);
        var key = TestNames.Key("down");
        await down.WithDbAsync(business, async db =>
        {
            await Outbox.EnqueueOnceAsync(db, new OutgoingMail(key, "tom@example.com", null, "Hello", "Hello"), TimeProvider.System, Ct);
            return await db.SaveChangesAsync(Ct);
        });

        (await down.RunJobAsync("outbox")).ShouldBeTrue();

        var waiting = await down.WithDbAsync(business, db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.DedupeKey == key, Ct));
        waiting.Status.ShouldBe(OutboxStatus.Pending);
        waiting.Attempts.ShouldBe(1);
        waiting.LastError.ShouldNotBeNullOrWhiteSpace();
        waiting.NextAttemptAt.ShouldBeGreaterThan(DateTime.UtcNow.AddSeconds(20));
        smtp.Messages().ShouldBeEmpty();
    }
}
