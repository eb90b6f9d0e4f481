using Microsoft.EntityFrameworkCore;

namespace Rapport.Core.Data;

/// <summary>
/// SQLite takes one writer at a time, and a writer that finds the file locked waits in a sleep-and-retry
/// loop that can stall it for seconds under load. Contested writes (orders) queue here in-process instead;
/// on PostgreSQL the database orders them itself and this gate lets everyone through.
/// </summary>
public sealed class WriteGate
{
    private readonly SemaphoreSlim gate = new(1, 1);

    public async ValueTask<Releaser> EnterAsync(RapportDb db, CancellationToken ct)
    {
        if (!db.Database.IsSqlite()) return default;
        await gate.WaitAsync(ct);
        return new Releaser(gate);
    }

    public readonly struct Releaser(SemaphoreSlim? gate) : IDisposable
    {
        public void Dispose() => gate?.Release();
    }
}
