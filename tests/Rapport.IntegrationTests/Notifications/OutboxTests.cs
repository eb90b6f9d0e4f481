using Microsoft.EntityFrameworkCore;
using Rapport.Core.Messaging;
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
