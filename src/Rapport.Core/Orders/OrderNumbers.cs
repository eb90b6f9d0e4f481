using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Data;

namespace Rapport.Core.Orders;

/// <summary>
/// Hands out order numbers people can read on the phone. Each process takes a block of numbers from the
/// database at a time (hi/lo), so placing an order does not queue every order of the business on one
/// counter row; numbers stay unique across processes, with gaps when a process stops.
/// </summary>
public sealed class OrderNumbers
{
    public const int BlockSize = 20;
    public const long First = 1001;

    private readonly ConcurrentDictionary<Guid, Block> blocks = new();

    private sealed class Block
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        public long Next;
        public long End;
    }

    /// <summary>The next number; call outside any transaction of the caller's.</summary>
    public async Task<long> NextAsync(RapportDb db, CancellationToken ct)
    {
        var block = blocks.GetOrAdd(db.CurrentBusinessId, _ => new Block());
        await block.Gate.WaitAsync(ct);
        try
        {
            if (block.Next >= block.End)
            {
                block.Next = await TakeBlockAsync(db, ct);
                block.End = block.Next + BlockSize;
            }
            return block.Next++;
        }
        finally
        {
            block.Gate.Release();
        }
    }

    private static async Task<long> TakeBlockAsync(RapportDb db, CancellationToken ct)
    {
        var business = db.CurrentBusinessId;
        for (var attempt = 0; ; attempt++)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var taken = await db.OrderNumberBlocks.Where(b => b.BusinessId == business)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.Next, b => b.Next + BlockSize), ct);
            if (taken == 1)
            {
                var next = await db.OrderNumberBlocks.Where(b => b.BusinessId == business).Select(b => b.Next).FirstAsync(ct);
                await tx.CommitAsync(ct);
                return next - BlockSize;
            }

            // The business's first block starts after any number already in use (imported or seeded orders).
            var start = (await db.Orders.MaxAsync(o => (long?)o.Number, ct) ?? First - 1) + 1;
            var row = new OrderNumberBlock { BusinessId = business, Next = start + BlockSize };
            db.OrderNumberBlocks.Add(row);
            try
            {
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return start;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Another process made the row first: take a block from it.
                await tx.RollbackAsync(ct);
            }
            finally
            {
                db.Entry(row).State = EntityState.Detached;
            }
        }
    }
}
