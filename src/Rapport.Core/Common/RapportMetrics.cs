using System.Diagnostics.Metrics;

namespace Rapport.Core.Common;

/// <summary>
/// Rapport's own meter ("Rapport"): what happens to orders, the outbox, reminders and background jobs. The web host
/// exports it with ASP.NET Core's meters at /metrics; the instruments are counted where the work happens.
/// </summary>
public static class RapportMetrics
{
    public const string MeterName = "Rapport";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> OrdersPlaced =
        Meter.CreateCounter<long>("rapport.orders.placed", "{order}", "Orders placed, by channel (phone, web, walkIn, standing).");
    private static readonly Counter<long> OrdersRefused =
        Meter.CreateCounter<long>("rapport.orders.refused", "{order}", "Orders refused for want of capacity or an open option, by channel.");
    private static readonly Counter<long> ReservationConflicts =
        Meter.CreateCounter<long>("rapport.reservations.conflicts", "{reservation}",
            "Reservations lost at the conditional update: the window, reserve or partner day filled up between reading and writing.");
    private static readonly Counter<long> OutboxSent =
        Meter.CreateCounter<long>("rapport.outbox.sent", "{message}", "Outbox messages sent.");
    private static readonly Counter<long> OutboxSendFailures =
        Meter.CreateCounter<long>("rapport.outbox.send_failures", "{message}", "Outbox sending attempts that failed (tried again later, or given up).");
    private static readonly Counter<long> RemindersSent =
        Meter.CreateCounter<long>("rapport.reminders.sent", "{reminder}", "Occasion reminders given, by channel (email or call task).");
    private static readonly Counter<long> JobRuns =
        Meter.CreateCounter<long>("rapport.jobs.runs", "{run}", "Background job runs on this node, by job and outcome (ok, failed).");
    private static readonly Histogram<double> JobDuration =
        Meter.CreateHistogram<double>("rapport.jobs.duration", "s", "How long background job runs took, by job.");
    private static readonly Counter<long> LeaseTakeovers =
        Meter.CreateCounter<long>("rapport.jobs.lease_takeovers", "{lease}", "Job leases taken over from a holder that let them run out (a node that died).");

    private static long outboxQueued;
    private static long outboxCountedAt;

    static RapportMetrics() =>
        Meter.CreateObservableGauge("rapport.outbox.queue_length", ObserveOutboxQueue, "{message}",
            "Outbox messages waiting to be sent, as counted by the last outbox run on this node (reported for 10 minutes after it).");

    public static void OrderPlaced(string channel) => OrdersPlaced.Add(1, new KeyValuePair<string, object?>("channel", channel));
    public static void OrderRefused(string channel) => OrdersRefused.Add(1, new KeyValuePair<string, object?>("channel", channel));
    public static void ReservationConflict(string kind) => ReservationConflicts.Add(1, new KeyValuePair<string, object?>("kind", kind));
    public static void OutboxMessageSent() => OutboxSent.Add(1);
    public static void OutboxSendFailed() => OutboxSendFailures.Add(1);
    public static void ReminderSent(string channel) => RemindersSent.Add(1, new KeyValuePair<string, object?>("channel", channel));
    public static void LeaseTakenOver(string job) => LeaseTakeovers.Add(1, new KeyValuePair<string, object?>("job", job));

    public static void JobRan(string job, bool failed, TimeSpan took)
    {
        JobRuns.Add(1, new KeyValuePair<string, object?>("job", job), new KeyValuePair<string, object?>("outcome", failed ? "failed" : "ok"));
        JobDuration.Record(took.TotalSeconds, new KeyValuePair<string, object?>("job", job));
    }

    /// <summary>The outbox's length as just counted by the node that sends it.</summary>
    public static void OutboxQueueCounted(long waiting)
    {
        Interlocked.Exchange(ref outboxQueued, waiting);
        Interlocked.Exchange(ref outboxCountedAt, Environment.TickCount64);
    }

    // Only the node holding the outbox's lease counts the queue: another node's old count would mislead.
    private static IEnumerable<Measurement<long>> ObserveOutboxQueue()
    {
        var at = Interlocked.Read(ref outboxCountedAt);
        if (at == 0 || Environment.TickCount64 - at > (long)TimeSpan.FromMinutes(10).TotalMilliseconds) yield break;
        yield return new Measurement<long>(Interlocked.Read(ref outboxQueued));
    }
}
