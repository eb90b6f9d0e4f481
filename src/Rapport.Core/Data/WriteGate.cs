using Microsoft.EntityFrameworkCore;

namespace Rapport.Core.Data;

/// <summary>
/// Queues contested writes (orders) in-process. SQLite takes one writer at a time, and a writer that
/// finds the file locked waits in a sleep-and-retry loop that can stall it for seconds under load, so
/// there the queue lets one through. PostgreSQL orders writers itself, but each writer waiting on a
/// booked window's row lock holds a connection: a burst would exhaust the pool and the server's
/// connections, so a few dozen at a time go through and the rest wait here at no cost.
/// </summary>
public sealed class WriteGate(int concurrentWriters = WriteGate.DefaultConcurrentWriters)
{
    public const int DefaultConcurrentWriters = 16;

    private readonly SemaphoreSlim single = new(1, 1);
    private readonly SemaphoreSlim many = new(concurrentWriters, concurrentWriters);

    public async ValueTask<Releaser> EnterAsync(RapportDb db, CancellationToken ct)
    {
        var gate = db.Database.IsSqlite() ? single : many;
        await gate.WaitAsync(ct);
        return new Releaser(gate);
    }

    public readonly struct Releaser(SemaphoreSlim? gate) : IDisposable
    {
        public void Dispose() => gate?.Release();
    }
}
