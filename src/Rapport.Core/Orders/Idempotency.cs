using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Data;

namespace Rapport.Core.Orders;

/// <summary>
/// One answer per caller and <c>Idempotency-Key</c>. The first request claims the key with a row of its
/// own (a unique index decides between concurrent ones); the others wait for its answer and repeat it.
/// </summary>
public static class Idempotency
{
    /// <summary>How long a duplicate waits for the first request's answer before it is told to retry.</summary>
    public static readonly TimeSpan WaitForFirst = TimeSpan.FromSeconds(10);
    /// <summary>A claim this old belongs to a request whose process died; the key may be taken over.</summary>
    public static readonly TimeSpan Abandoned = TimeSpan.FromMinutes(1);

    public enum Outcome { Claimed, Replay, DifferentRequest, StillRunning }

    public sealed record Claim(Outcome Outcome, IdempotencyRecord? Record);

    /// <summary>How a caller's key is stored: its SHA-256, never the key itself.</summary>
    public static string KeyOf(string key) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)));

    public static string Hash<T>(T request) =>
        Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request, JsonSerializerOptions.Web)));

    public static async Task<Claim> ClaimAsync(
        RapportDb db, WriteGate gate, string caller, string key, string hash, TimeProvider time, CancellationToken ct)
    {
        var started = time.GetUtcNow();
        var insert = true;
        while (true)
        {
            var now = time.GetUtcNow().UtcDateTime;
            if (insert)
            {
                var record = new IdempotencyRecord { Caller = caller, Key = key, RequestHash = hash, State = IdempotencyState.Running, CreatedAt = now };
                using (await gate.EnterAsync(db, ct))
                {
                    db.IdempotencyRecords.Add(record);
                    try
                    {
                        await db.SaveChangesAsync(ct);
                        return new Claim(Outcome.Claimed, record);
                    }
                    catch (DbUpdateException)
                    {
                        db.Entry(record).State = EntityState.Detached;
                    }
                }
            }

            var existing = await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Caller == caller && r.Key == key, ct);
            // Gone: the first request ended without an order and let the key go, so try to claim it again.
            insert = existing is null;
            if (existing is null) continue;
            if (existing.RequestHash != hash) return new Claim(Outcome.DifferentRequest, existing);
            if (existing.State == IdempotencyState.Completed) return new Claim(Outcome.Replay, existing);
            if (now - existing.CreatedAt > Abandoned)
            {
                int taken;
                using (await gate.EnterAsync(db, ct))
                    taken = await db.IdempotencyRecords.Where(r => r.Id == existing.Id && r.CreatedAt == existing.CreatedAt && r.State == IdempotencyState.Running)
                        .ExecuteUpdateAsync(s => s.SetProperty(r => r.CreatedAt, now), ct);
                if (taken == 1)
                {
                    existing.CreatedAt = now;
                    db.IdempotencyRecords.Attach(existing);
                    return new Claim(Outcome.Claimed, existing);
                }
                continue;
            }
            if (time.GetUtcNow() - started > WaitForFirst) return new Claim(Outcome.StillRunning, existing);
            await Task.Delay(TimeSpan.FromMilliseconds(20), time, ct);
        }
    }

    /// <summary>
    /// Records the answer in the caller's unit of work, so it commits with the order or not at all. Only the answer
    /// is kept: a replay is answered as the first request was, and the web layer chooses its status and location.
    /// </summary>
    public static void Complete<T>(IdempotencyRecord record, T body, DateTime now)
    {
        record.State = IdempotencyState.Completed;
        record.ResponseBody = JsonSerializer.Serialize(body, JsonSerializerOptions.Web);
        record.CompletedAt = now;
    }

    public static T? Answer<T>(IdempotencyRecord record) =>
        record.ResponseBody is null ? default : JsonSerializer.Deserialize<T>(record.ResponseBody, JsonSerializerOptions.Web);

    /// <summary>Lets the key go when the request ended without an order, so a corrected retry may use it.</summary>
    public static async Task ReleaseAsync(RapportDb db, WriteGate gate, IdempotencyRecord record, CancellationToken ct)
    {
        db.Entry(record).State = EntityState.Detached;
        using (await gate.EnterAsync(db, ct))
            await db.IdempotencyRecords.Where(r => r.Id == record.Id && r.State == IdempotencyState.Running).ExecuteDeleteAsync(ct);
    }
}
