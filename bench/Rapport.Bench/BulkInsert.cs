using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;
using NpgsqlTypes;
using Rapport.Core.Data;
using static Rapport.Bench.CachedDatabase;

namespace Rapport.Bench;

/// <summary>
/// The table an entity type maps to in the app's EF Core model, with each column's value read from the entity
/// and converted as EF Core would (enums as text, UTC times): bulk paths write exactly the rows SaveChanges would.
/// </summary>
public sealed class TableMap<T> where T : class
{
    public sealed record Column(string Name, Func<T, object?> Read, ValueConverter? Converter, RelationalTypeMapping Mapping, bool Nullable)
    {
        public object? ProviderValue(T entity) => Read(entity) is { } v ? Converter is null ? v : Converter.ConvertToProvider(v) : null;
    }

    public string Table { get; }
    public IReadOnlyList<Column> Columns { get; }

    public TableMap(IModel model)
    {
        var entity = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        Table = entity.GetTableName()!;
        var table = StoreObjectIdentifier.Table(Table, entity.GetSchema());
        var columns = new List<Column>();
        foreach (var p in entity.GetProperties())
            columns.Add(ColumnOf(p, table, e => p.PropertyInfo!.GetValue(e)));
        // Owned types stored in the same table (a customer's preferences): their columns, less the shared key.
        foreach (var nav in entity.GetNavigations().Where(n => n.TargetEntityType.IsOwned() && !n.IsCollection
                     && n.TargetEntityType.GetTableName() == Table))
            foreach (var p in nav.TargetEntityType.GetProperties().Where(p => !p.IsPrimaryKey()))
                columns.Add(ColumnOf(p, table, e => nav.PropertyInfo!.GetValue(e) is { } owned ? p.PropertyInfo!.GetValue(owned) : null));
        if (columns.Any(c => c.Read is null)) throw new InvalidOperationException($"{typeof(T).Name} has a property without a CLR member.");
        Columns = columns;
    }

    private static Column ColumnOf(IProperty p, StoreObjectIdentifier table, Func<T, object?> read)
    {
        if (p.PropertyInfo is null) throw new InvalidOperationException($"{p.DeclaringType.DisplayName()}.{p.Name} is a shadow property; the bench cannot fill it.");
        var mapping = p.GetRelationalTypeMapping();
        return new Column(p.GetColumnName(table)!, read, p.GetValueConverter() ?? mapping.Converter, mapping, p.IsNullable);
    }
}

/// <summary>Fast inserts of many rows: SQLite through one prepared command per table, PostgreSQL through binary COPY.</summary>
public static class BulkInsert
{
    public static async Task SqliteAsync<T>(SqliteConnection connection, SqliteTransaction tx, TableMap<T> map, IEnumerable<T> rows) where T : class
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"INSERT INTO \"{map.Table}\" ({string.Join(", ", map.Columns.Select(c => $"\"{c.Name}\""))}) " +
                          $"VALUES ({string.Join(", ", map.Columns.Select((_, i) => $"@p{i}"))})";
        var parameters = map.Columns.Select((c, i) => (DbParameter)c.Mapping.CreateParameter(cmd, $"@p{i}", null, c.Nullable)).ToArray();
        cmd.Parameters.AddRange(parameters);
        cmd.Prepare();
        foreach (var row in rows)
        {
            for (var i = 0; i < parameters.Length; i++) parameters[i].Value = map.Columns[i].ProviderValue(row) ?? DBNull.Value;
            await cmd.ExecuteNonQueryAsync();
        }
    }

    public static async Task PostgresAsync<T>(NpgsqlConnection connection, TableMap<T> map, IEnumerable<T> rows) where T : class
    {
        var copy = $"COPY \"{map.Table}\" ({string.Join(", ", map.Columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)";
        await using var writer = await connection.BeginBinaryImportAsync(copy);
        foreach (var row in rows)
        {
            await writer.StartRowAsync();
            foreach (var column in map.Columns)
            {
                switch (column.ProviderValue(row))
                {
                    case null: await writer.WriteNullAsync(); break;
                    case Guid g: await writer.WriteAsync(g, NpgsqlDbType.Uuid); break;
                    case string s: await writer.WriteAsync(s, NpgsqlDbType.Varchar); break;
                    case DateTime d: await writer.WriteAsync(d, NpgsqlDbType.TimestampTz); break;
                    case DateOnly d: await writer.WriteAsync(d, NpgsqlDbType.Date); break;
                    case bool b: await writer.WriteAsync(b, NpgsqlDbType.Boolean); break;
                    case int n: await writer.WriteAsync(n, NpgsqlDbType.Integer); break;
                    case long n: await writer.WriteAsync(n, NpgsqlDbType.Bigint); break;
                    case decimal m: await writer.WriteAsync(m, NpgsqlDbType.Numeric); break;
                    case var other: throw new NotSupportedException($"{map.Table}.{column.Name}: no COPY mapping for {other.GetType().Name}.");
                }
            }
        }
        await writer.CompleteAsync();
    }
}

/// <summary>
/// The rows of several tables loaded, in the order added, into a generated database no one reads yet: on SQLite in one
/// transaction without syncing to disk, then statistics and a WAL checkpoint; on PostgreSQL by binary COPY, then
/// VACUUM ANALYZE.
/// </summary>
public sealed class BulkLoad(CachedDatabase store, IModel model)
{
    private sealed record Table(Func<SqliteConnection, SqliteTransaction, Task> Sqlite, Func<NpgsqlConnection, Task> Postgres, Action? Then);

    private readonly List<Table> tables = [];

    /// <summary>The rows of one table; <paramref name="then"/> runs once they are in (a progress line).</summary>
    public BulkLoad Add<T>(IEnumerable<T> rows, Action? then = null) where T : class
    {
        var map = new TableMap<T>(model);
        tables.Add(new((c, tx) => BulkInsert.SqliteAsync(c, tx, map, rows), c => BulkInsert.PostgresAsync(c, map, rows), then));
        return this;
    }

    /// <param name="analyze">On SQLite, gather the statistics after the load (else left to the app's start-up).</param>
    public async Task RunAsync(CancellationToken ct, bool analyze = true)
    {
        if (store.Provider == DatabaseProvider.Sqlite)
        {
            await using var c = new SqliteConnection(store.ConnectionString);
            await c.OpenAsync(ct);
            // One writer, no one reading yet: skip syncing to disk and give the index builds memory.
            await ExecAsync(c, "PRAGMA synchronous = OFF; PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY;");
            await using (var tx = c.BeginTransaction())
            {
                foreach (var table in tables)
                {
                    await table.Sqlite(c, tx);
                    table.Then?.Invoke();
                }
                await tx.CommitAsync(ct);
            }
            await ExecAsync(c, analyze ? "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);" : "PRAGMA wal_checkpoint(TRUNCATE);");
        }
        else
        {
            // A million rows take longer to COPY than a command's default 30 s on a busy machine.
            await using var c = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(store.ConnectionString) { CommandTimeout = 0 }.ConnectionString);
            await c.OpenAsync(ct);
            foreach (var table in tables)
            {
                await table.Postgres(c);
                table.Then?.Invoke();
            }
            // What autovacuum would do soon after such a load: statistics and the visibility map.
            await ExecAsync(c, "VACUUM ANALYZE");
        }
    }
}
