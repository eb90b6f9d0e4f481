using System.Net.Sockets;
using MailKit;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Rapport.Core.Common;
using Rapport.Core.Data;

namespace Rapport.Core.Notifications;

public sealed record OutgoingMail(string DedupeKey, string To, string? ToName, string Subject, string TextBody, string? HtmlBody = null, Guid? CustomerId = null);

public sealed record OutboxView(Guid Id, string To, string Subject, OutboxStatus Status, int Attempts, DateTime CreatedAt, DateTime? SentAt, string? LastError);

public static class Outbox
{
    /// <summary>Queues the mail in the caller's unit of work (it goes when the caller saves) unless its key is queued already.</summary>
    public static async Task<bool> EnqueueOnceAsync(RapportDb db, OutgoingMail mail, TimeProvider time, CancellationToken ct)
    {
        if (await db.OutboxMessages.AnyAsync(m => m.DedupeKey == mail.DedupeKey, ct)) return false;
        if (db.OutboxMessages.Local.Any(m => m.DedupeKey == mail.DedupeKey)) return false;
        Enqueue(db, mail, time.GetUtcNow().UtcDateTime);
        return true;
    }

    /// <summary>Queues the mail in the caller's unit of work without looking for its key: for keys that cannot exist yet.</summary>
    public static void Enqueue(RapportDb db, OutgoingMail mail, DateTime now) =>
        db.OutboxMessages.Add(new OutboxMessage
        {
            DedupeKey = mail.DedupeKey,
            CustomerId = mail.CustomerId,
            To = mail.To,
            ToName = mail.ToName,
            Subject = mail.Subject,
            TextBody = mail.TextBody,
            HtmlBody = mail.HtmlBody,
            CreatedAt = now,
            NextAttemptAt = now,
        });

    /// <summary>A plain address (no display name) that a mail server would take.</summary>
    public static bool IsAddress(string? value) =>
        System.Net.Mail.MailAddress.TryCreate(value, out var a) && a.Address == value?.Trim();
}

/// <summary>Hands a message to the mail system: an SMTP server, or a folder of .eml files.</summary>
public interface IMailSender
{
    Task SendAsync(MimeMessage message, CancellationToken ct);
}

/// <summary>Sends what the outbox holds, across businesses, oldest first; a failure waits longer each time.</summary>
public static class OutboxDispatch
{
    public const int Batch = 50;
    public const int MaxAttempts = 8;
    public static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(5);

    public static async Task<int> RunAsync(RapportDb db, IMailSender sender, MailboxAddress from, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var due = await db.OutboxMessages.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt).Take(Batch).ToListAsync(ct);
        var businessNames = await db.Businesses.AsNoTracking()
            .Where(b => due.Select(m => m.BusinessId).Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.Name, ct);
        var sent = 0;
        foreach (var message in due)
        {
            var attempt = message.Attempts + 1;
            // Each attempt is claimed by one conditional statement, so that two senders never send one message
            // twice; a sender that dies after the claim leaves it to be tried again when the claim runs out.
            var claimedUntil = now + ClaimFor;
            var claimed = await db.OutboxMessages.IgnoreQueryFilters()
                .Where(m => m.Id == message.Id && m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, claimedUntil).SetProperty(m => m.Attempts, attempt), ct);
            if (claimed == 0) continue;
            try
            {
                var mail = Compose(message, new MailboxAddress(businessNames.GetValueOrDefault(message.BusinessId) ?? from.Name, from.Address));
                await sender.SendAsync(mail, ct);
                var at = time.GetUtcNow().UtcDateTime;
                await db.OutboxMessages.IgnoreQueryFilters().Where(m => m.Id == message.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Sent).SetProperty(m => m.SentAt, at)
                        .SetProperty(m => m.Attempts, attempt).SetProperty(m => m.LastError, (string?)null), ct);
                sent++;
                RapportMetrics.OutboxMessageSent();
            }
            catch (Exception e) when (IsDeliveryFailure(e))
            {
                RapportMetrics.OutboxSendFailed();
                var status = attempt >= MaxAttempts ? OutboxStatus.Failed : OutboxStatus.Pending;
                var next = time.GetUtcNow().UtcDateTime + Backoff(attempt);
                var error = e.Message.Length > 1000 ? e.Message[..1000] : e.Message;
                await db.OutboxMessages.IgnoreQueryFilters().Where(m => m.Id == message.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, status).SetProperty(m => m.Attempts, attempt)
                        .SetProperty(m => m.NextAttemptAt, next).SetProperty(m => m.LastError, error), ct);
            }
        }
        RapportMetrics.OutboxQueueCounted(await db.OutboxMessages.IgnoreQueryFilters().CountAsync(m => m.Status == OutboxStatus.Pending, ct));
        return sent;
    }

    /// <summary>30 s, 1 min, 2 min … capped at 2 h.</summary>
    public static TimeSpan Backoff(int attempt) => TimeSpan.FromSeconds(Math.Min(30 * Math.Pow(2, attempt - 1), 7200));

    /// <summary>
    /// What a mail server or the network can do to one message: refuse it (a command or protocol error), refuse us
    /// (authentication, TLS), or not answer (refused connection, timeout, a dropped stream). Anything else is a bug
    /// and stops the run.
    /// </summary>
    private static bool IsDeliveryFailure(Exception e) =>
        e is CommandException or ProtocolException or AuthenticationException or SslHandshakeException
            or SocketException or IOException or TimeoutException or InvalidOperationException or NotSupportedException or FormatException;

    private static MimeMessage Compose(OutboxMessage m, MailboxAddress from)
    {
        var body = new BodyBuilder { TextBody = m.TextBody, HtmlBody = m.HtmlBody };
        var mail = new MimeMessage { Subject = m.Subject, MessageId = $"{m.Id}@rapport", Body = body.ToMessageBody() };
        mail.From.Add(from);
        mail.To.Add(new MailboxAddress(m.ToName, m.To));
        return mail;
    }
}

/// <summary>SMTP through MailKit, or a folder of .eml files (development, the demo).</summary>
public sealed class SmtpMailSender(MailSettings settings) : IMailSender
{
    /// <summary>For connecting and for each command: a server that stops answering fails the attempt, not the outbox.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        if (settings.Folder is { } folder)
        {
            Directory.CreateDirectory(folder);
            var name = Path.Combine(folder, $"{Guid.NewGuid()}.eml");
            // Written aside and moved, so that whoever watches the folder never reads half a message.
            await message.WriteToAsync(name + ".tmp", ct);
            File.Move(name + ".tmp", name);
            return;
        }
        var host = settings.Host ?? throw new InvalidOperationException("Set Mail:Host or Mail:Folder.");
        using var client = new MailKit.Net.Smtp.SmtpClient { Timeout = (int)Timeout.TotalMilliseconds };
        await client.ConnectAsync(host, settings.Port, settings.Security, ct);
        if (!string.IsNullOrEmpty(settings.UserName))
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}

/// <summary>
/// Mail settings: with a Host, SMTP; otherwise a folder of .eml files. <see cref="Security"/> says how the connection
/// is encrypted: STARTTLS when the server offers it by default; StartTls (required) or SslOnConnect (port 465) in production.
/// </summary>
public sealed record MailSettings(string? Host, int Port, SecureSocketOptions Security, string? UserName, string? Password, string From, string? Folder)
{
    public MailboxAddress FromAddress => new("Rapport", From);
    /// <summary>How often the outbox is sent.</summary>
    public TimeSpan SendEvery { get; init; } = TimeSpan.FromSeconds(10);
}
