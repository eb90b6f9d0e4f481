using System.Data.Common;
using System.Globalization;
using Rapport.Core.Data;
using Rapport.Core.Delivery;

namespace Rapport.Bench;

/// <summary>
/// The plain-SQL baseline of the rush: an order reserved and written as an expert would by hand over ADO.NET, from this
/// process, a pooled connection per attempt. One transaction: the conditional UPDATE that books a unit of the window
/// (the statement Rapport sends) and, when it booked one, the order and its line with the columns the app fills.
/// Values go in as plain .NET values, which both drivers store as EF Core does (on SQLite: GUIDs as upper-case text,
/// times as "yyyy-MM-dd HH:mm:ss.FFFFFFF", decimals as text). On SQLite the writers go one at a time through an
/// in-process queue, as Rapport's write gate lets them.
/// </summary>
public sealed class OrderSql(CachedDatabase store, Florist florist)
{
    public const string Reserve = """
        UPDATE "DeliveryWindows" SET "Booked" = "Booked" + 1
        WHERE "Id" = @window AND "Booked" < "Capacity" - "LoyaltyReserve" AND "Cutoff" > @now
        """;

    public const string Insert = """
        INSERT INTO "Orders" ("Id", "BusinessId", "Number", "CustomerId", "RecipientName", "DeliveryAddress_Line1", "DeliveryAddress_City",
            "DeliveryAddress_PostalCode", "DeliveryAddress_Country", "Occasion", "Channel", "Fulfilment", "FulfilmentDate", "LocationId",
            "WindowId", "FromLoyaltyReserve", "PromisedFrom", "PromisedBy", "Promise", "Budget", "Subtotal", "DeliveryFee", "Total",
            "Status", "PlacedAt", "PlacedByStaffId", "UpdatedAt")
        VALUES (@order, @business, @number, @customer, @recipient, @line1, @city, @postcode, 'US', @occasion, 'Web', 'Delivery', @date, @location,
            @window, @reserve, @from, @by, @promise, @budget, @budget, @fee, @total, 'Placed', @now, @staff, @now);
        INSERT INTO "OrderLines" ("Id", "BusinessId", "OrderId", "ProductId", "Description", "Quantity", "UnitPrice", "Total")
        VALUES (@line, @business, @order, @product, @description, 1, @budget, @budget)
        """;

    // Rapport hands out order numbers from blocks held in memory; the baseline's come from a range of their own.
    private long number = 999_999;
    private readonly SemaphoreSlim? writers = store.Provider == DatabaseProvider.Sqlite ? new SemaphoreSlim(1, 1) : null;

    /// <summary>The last order written, for the check that the app reads the baseline's rows as its own.</summary>
    public Guid? LastOrderId { get; private set; }

    /// <summary>201 when the order was written, 409 when the window had no room left.</summary>
    public async Task<int> PlaceAsync(Ask ask, WindowSet set)
    {
        if (writers is not null) await writers.WaitAsync();
        try
        {
            return await ReserveAndInsertAsync(ask, set) ? 201 : 409;
        }
        finally
        {
            writers?.Release();
        }
    }

    private async Task<bool> ReserveAndInsertAsync(Ask ask, WindowSet set)
    {
        var window = set.WindowOf(ask);
        var customer = florist.Customers[ask.Customer];
        var now = DateTime.UtcNow;
        await using var c = await store.OpenAsync(CancellationToken.None);
        await using var tx = await c.BeginTransactionAsync();
        await using (var reserve = Command(c, tx, Reserve, ("window", window.Id), ("now", now)))
            if (await reserve.ExecuteNonQueryAsync() != 1)
            {
                await tx.RollbackAsync();
                return false;
            }

        var fee = florist.Fees[(window.LocationId, customer.Postcode)];
        var order = Guid.CreateVersion7();
        await using (var insert = Command(c, tx, Insert,
                         ("order", order), ("business", florist.BusinessId), ("number", Interlocked.Increment(ref number)),
                         ("customer", customer.Id), ("recipient", customer.Name), ("line1", customer.Line1), ("city", customer.City),
                         ("postcode", customer.Postcode), ("occasion", RushRun.Occasion), ("date", window.Date), ("location", window.LocationId),
                         ("window", window.Id), ("reserve", false), ("from", window.StartsAt), ("by", window.EndsAt),
                         ("promise", Promise(window, set)), ("budget", ask.Budget), ("fee", fee), ("total", ask.Budget + fee), ("now", now),
                         ("staff", florist.DeskId), ("line", Guid.CreateVersion7()), ("product", florist.ProductId), ("description", florist.ProductName)))
            await insert.ExecuteNonQueryAsync();
        await tx.CommitAsync();
        LastOrderId = order;
        return true;
    }

    private static string Promise(DeliveryWindow w, WindowSet set) =>
        $"Delivered {w.Date.ToString("ddd d MMM", CultureInfo.InvariantCulture)} {Promises.Clock(w.Start)}–{Promises.Clock(w.End)} by {set.Shops[w.LocationId]}";

    private static DbCommand Command(DbConnection c, DbTransaction tx, string sql, params (string Name, object Value)[] parameters)
    {
        var cmd = Workload.Command(c, sql);
        cmd.Transaction = tx;
        foreach (var (name, value) in parameters)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            cmd.Parameters.Add(p);
        }
        return cmd;
    }
}
