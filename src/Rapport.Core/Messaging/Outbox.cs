using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Common;
using Rapport.Core.Data;

namespace Rapport.Core.Messaging;

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

    public static bool IsAddress(string? value) => MailAddress.TryCreate(value, out var a) && a.Address == value?.Trim();
}

/// <summary>Hands a message to the mail system: an SMTP server, or a folder of .eml files.</summary>
public interface IMailSender
{
    Task SendAsync(MailMessage message, CancellationToken ct);
}

/// <summary>Sends what the outbox holds, across businesses, oldest first; a failure waits longer each time.</summary>
public static class OutboxDispatch
{
    public const int Batch = 50;
    public const int MaxAttempts = 8;
    public static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(5);

    public static async Task<int> RunAsync(RapportDb db, IMailSender sender, MailAddress from, TimeProvider time, CancellationToken ct)
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
                using var mail = Compose(message, new MailAddress(from.Address, businessNames.GetValueOrDefault(message.BusinessId) ?? from.DisplayName));
                await sender.SendAsync(mail, ct);
                var at = time.GetUtcNow().UtcDateTime;
                await db.OutboxMessages.IgnoreQueryFilters().Where(m => m.Id == message.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Sent).SetProperty(m => m.SentAt, at)
                        .SetProperty(m => m.Attempts, attempt).SetProperty(m => m.LastError, (string?)null), ct);
                sent++;
                RapportMetrics.OutboxMessageSent();
            }
            catch (Exception e) when (e is SmtpException or IOException or InvalidOperationException or FormatException)
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

    private static MailMessage Compose(OutboxMessage m, MailAddress from)
    {
        var mail = new MailMessage { From = from, Subject = m.Subject, Body = m.TextBody, IsBodyHtml = false };
        mail.To.Add(new MailAddress(m.To, m.ToName));
        mail.Headers.Add("Message-ID", $"<{m.Id}@rapport>");
        if (m.HtmlBody is not null)
            mail.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(m.HtmlBody, null, "text/html"));
        return mail;
    }
}

/// <summary>SMTP through the framework's client, or a pickup folder of .eml files (development, the demo).</summary>
public sealed class SmtpMailSender(MailSettings settings) : IMailSender
{
    public async Task SendAsync(MailMessage message, CancellationToken ct)
    {
        using var client = new SmtpClient();
        if (settings.Folder is { } folder)
        {
            Directory.CreateDirectory(folder);
            client.DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory;
            client.PickupDirectoryLocation = Path.GetFullPath(folder);
        }
        else
        {
            client.Host = settings.Host ?? throw new InvalidOperationException("Set Mail:Host or Mail:Folder.");
            client.Port = settings.Port;
            client.EnableSsl = settings.EnableSsl;
            client.Timeout = 30_000;
            if (!string.IsNullOrEmpty(settings.UserName))
                client.Credentials = new System.Net.NetworkCredential(settings.UserName, settings.Password);
        }
        await client.SendMailAsync(message, ct);
    }
}

/// <summary>Mail settings: with a Host, SMTP; otherwise a folder of .eml files.</summary>
public sealed record MailSettings(string? Host, int Port, bool EnableSsl, string? UserName, string? Password, string From, string? Folder)
{
    public MailAddress FromAddress => new(From, "Rapport");
    /// <summary>How often the outbox is sent.</summary>
    public TimeSpan SendEvery { get; init; } = TimeSpan.FromSeconds(10);
}
